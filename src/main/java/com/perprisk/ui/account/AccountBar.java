package com.perprisk.ui.account;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.PositionMode;
import com.perprisk.io.WalletScope;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.controls.FieldDecorations;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.workspace.FieldPaths;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The account inputs in one row: the wallet balance and what it is (the cross wallet, or the total one the isolated
 * margins are taken from, with the cross wallet that leaves), position mode (one-way / hedge) and the horizon over
 * which funding is projected.
 */
public final class AccountBar extends HBox {
    private final TextField wallet = new TextField();
    private final ComboBox<WalletScope> walletScope = new ComboBox<>();
    /** With a total wallet: the cross wallet left after the isolated margins. */
    private final Label crossWallet = new Label();
    /** True while the wallet shows a playback's simulated state. */
    private boolean simulated;
    private final TextField horizon = new TextField();
    private final ToggleButton oneWay = new ToggleButton("One-way");
    private final ToggleButton hedge = new ToggleButton("Hedge");
    private final Label title = new Label("Account");
    private final Label modeLabel = new Label("Mode");
    private final Label horizonLabel = new Label(HORIZON);
    /** The words of the bar when its full row is wider than the window (see {@link #fit}). */
    private static final String HORIZON = "Funding horizon";
    private static final String HORIZON_SHORT = "Horizon";
    private boolean compact;
    /** The cross wallet of each settle coin in use (coin-margined contracts). */
    private final CoinWalletFields coins;

    public AccountBar(WorkspaceViewModel vm) {
        super(8);
        setId("account");
        getStyleClass().add("account-bar");
        setAlignment(Pos.CENTER_LEFT);

        title.getStyleClass().add("section-title");

        wallet.setId("wallet-balance");
        wallet.getStyleClass().add("number-field");
        wallet.setPrefColumnCount(9);
        wallet.setAlignment(Pos.CENTER_RIGHT);
        LazyTooltip.install(wallet, "Wallet balance: with \"Cross wallet\" the cross positions' collateral "
                + "(isolated margins held apart, not included); with \"Total wallet\" the whole account, isolated "
                + "margins included.");
        wallet.textProperty().bindBidirectional(vm.account().walletBalanceProperty());
        vm.context().portfolioProperty().addListener(o -> showSimulatedWallet(vm));
        FieldDecorations.bind(wallet, vm, () -> FieldPaths.account("walletBalance"));
        // what the typed wallet is: the cross pool's (the default) or the account's total, isolated margins taken out
        walletScope.setId("wallet-scope");
        walletScope.getItems().setAll(WalletScope.values());
        walletScope.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(WalletScope w) {
                return w == WalletScope.TOTAL ? "Total wallet" : "Cross wallet";
            }

            @Override
            public WalletScope fromString(String s) {
                return "Total wallet".equals(s) ? WalletScope.TOTAL : WalletScope.CROSS;
            }
        });
        LazyTooltip.install(walletScope, "Cross wallet: the balance typed is the cross positions' collateral; "
                + "isolated margins are held apart from it. Total wallet: the balance typed is the whole account; "
                + "the isolated positions' margins are taken from it and the rest is the cross wallet.");
        walletScope.valueProperty().bindBidirectional(vm.account().walletScopeProperty());
        walletScope.getStyleClass().add("small");
        Label unit = new Label("USDT");
        unit.getStyleClass().add("unit");
        unit.setMinWidth(Region.USE_PREF_SIZE);
        walletScope.setMinWidth(Region.USE_PREF_SIZE);
        crossWallet.setId("cross-wallet");
        crossWallet.getStyleClass().add("unit");
        crossWallet.setMinWidth(Region.USE_PREF_SIZE);
        vm.account().walletScopeProperty().addListener(o -> showCrossWallet(vm));
        vm.context().portfolioProperty().addListener(o -> showCrossWallet(vm));

        ToggleGroup group = new ToggleGroup();
        oneWay.setId("mode-one-way");
        hedge.setId("mode-hedge");
        oneWay.setToggleGroup(group);
        hedge.setToggleGroup(group);
        oneWay.getStyleClass().addAll("left-pill", "small");
        hedge.getStyleClass().addAll("right-pill", "small");
        LazyTooltip.install(oneWay, "One net position per symbol");
        LazyTooltip.install(hedge, "A long and a short leg per symbol; in cross they share one liquidation price");
        Runnable sync = () -> {
            PositionMode m = vm.account().positionModeProperty().get();
            oneWay.setSelected(m != PositionMode.HEDGE);
            hedge.setSelected(m == PositionMode.HEDGE);
        };
        sync.run();
        vm.account().positionModeProperty().addListener((obs, o, n) -> sync.run());
        group.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                // keep one selected
                (o != null ? o : oneWay).setSelected(true);
                return;
            }
            PositionMode want = n == hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY;
            if (vm.account().positionModeProperty().get() != want) {
                vm.account().positionModeProperty().set(want);
            }
        });
        HBox modes = new HBox(0, oneWay, hedge);
        modes.setAlignment(Pos.CENTER_LEFT);

        horizon.setId("horizon-hours");
        horizon.getStyleClass().add("number-field");
        horizon.setPrefColumnCount(4);
        horizon.setAlignment(Pos.CENTER_RIGHT);
        horizon.setPromptText("720");
        LazyTooltip.install(horizon, "Hours over which funding is projected (720 = 30 days)");
        horizon.textProperty().bindBidirectional(vm.account().horizonHoursProperty());
        FieldDecorations.bind(horizon, vm, () -> "horizonHours");
        horizonLabel.setLabelFor(horizon);
        Label hours = new Label("h");
        hours.getStyleClass().add("unit");
        hours.setMinWidth(Region.USE_PREF_SIZE);

        coins = new CoinWalletFields(vm);
        getChildren().addAll(title, walletScope, wallet, unit, crossWallet, coins, sep(), modeLabel, modes, sep(),
                horizonLabel, horizon, hours);
        showCrossWallet(vm);
        // never "A…", "One…", "Funding h…": every word whole, the bar more compact when its row does not fit
        for (Region r : List.of(title, modeLabel, horizonLabel, oneWay, hedge, horizon)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        com.perprisk.ui.controls.AfterLayout.whenResized(this, this::fit);
    }

    /**
     * When the whole row is wider than the bar (presentation size at 1024 px, a wallet per coin) the bar drops its
     * title and the "Mode" word (the buttons say one-way and hedge) and says "Horizon" (the full words in its
     * tooltip); they come back as soon as the full row fits. The width is that of the full row whatever is shown,
     * so the choice does not flip back and forth.
     */
    private void fit() {
        if (getWidth() <= 0) {
            return;
        }
        double full = snappedLeftInset() + snappedRightInset();
        int shown = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (n.isManaged() || n == title || n == modeLabel) {
                full += n.prefWidth(-1);
                shown++;
            }
        }
        full += getSpacing() * Math.max(0, shown - 1);
        if (compact) {
            full += textWidth(HORIZON) - textWidth(HORIZON_SHORT);
        }
        boolean want = full > getWidth();
        if (want != compact) {
            compact = want;
            for (Label l : List.of(title, modeLabel)) {
                l.setVisible(!want);
                l.setManaged(!want);
            }
            horizonLabel.setText(want ? HORIZON_SHORT : HORIZON);
            horizonLabel.setTooltip(want ? new javafx.scene.control.Tooltip(HORIZON) : null);
        }
    }

    private double textWidth(String s) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.setFont(horizonLabel.getFont());
        return t.getLayoutBounds().getWidth();
    }

    /**
     * The bar never widens the window's layout: with every word whole its row can be wider than a 1024 px window at
     * presentation size, and a layout laid out that wide would make the full row seem to fit ({@link #fit}).
     */
    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    /** Whether the bar shows its compact words (its full row does not fit). */
    public boolean isCompact() {
        return compact;
    }

    /** With a total wallet: the cross wallet the isolated margins leave ("→ cross 26,000.00"); else nothing. */
    private void showCrossWallet(WorkspaceViewModel vm) {
        Portfolio p = vm.context().getPortfolio();
        boolean total = vm.account().walletScopeProperty().get() == WalletScope.TOTAL;
        crossWallet.setVisible(total);
        crossWallet.setManaged(total);
        crossWallet.setText(!total ? "" : "→ cross " + (p == null ? Formats.NONE
                : vm.formats().money(p.account().walletBalance())));
    }

    private static Label sep() {
        Label l = new Label("·");
        l.getStyleClass().add("separator-dot");
        return l;
    }

    public TextField walletField() {
        return wallet;
    }

    /** The wallet field of a settle coin, or null when the workspace shows none for it. */
    public TextField coinWalletField(String asset) {
        return coins.field(asset);
    }

    public ComboBox<WalletScope> walletScopeBox() {
        return walletScope;
    }

    public String crossWalletText() {
        return crossWallet.isVisible() ? crossWallet.getText() : "";
    }

    public ToggleButton oneWayButton() {
        return oneWay;
    }

    public ToggleButton hedgeButton() {
        return hedge;
    }

    /** During a playback the wallet shows the simulated cross wallet, read-only and marked; after it, the input. */
    private void showSimulatedWallet(WorkspaceViewModel vm) {
        boolean sim = vm.isPlaybackShown() && vm.context().getPortfolio() != null;
        if (sim != simulated) {
            simulated = sim;
            if (sim) {
                wallet.textProperty().unbindBidirectional(vm.account().walletBalanceProperty());
                wallet.getStyleClass().add(com.perprisk.ui.playback.SimulatedInputs.STYLE);
            } else {
                wallet.getStyleClass().remove(com.perprisk.ui.playback.SimulatedInputs.STYLE);
                wallet.textProperty().bindBidirectional(vm.account().walletBalanceProperty());
            }
            wallet.setEditable(!sim);
        }
        if (sim) {
            Portfolio p = vm.context().getPortfolio();
            // the wallet as the user entered it: the cross wallet, or the total with the isolated margins
            double shown = p.account().walletBalance() + (vm.account().walletScopeProperty().get() == WalletScope.TOTAL
                    ? WalletScope.isolatedMargins(p) : 0);
            wallet.setText(vm.formats().money(shown));
        }
    }
}
