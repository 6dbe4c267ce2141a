package com.perprisk.ui.account;

import com.perprisk.ui.controls.FieldDecorations;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.playback.SimulatedInputs;
import com.perprisk.ui.workspace.FieldPaths;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cross wallet of each settle coin in use, one field per coin ("[0.25] BTC"): the coins of the
 * workspace's inverse markets and those the file gives a wallet for. Empty (and taking no room) for a workspace of
 * linear contracts. During a playback each field shows the simulated wallet, read-only and marked.
 */
final class CoinWalletFields extends HBox {
    private final WorkspaceViewModel vm;
    private final List<TextField> fields = new ArrayList<>();
    private List<String> shown = List.of();

    CoinWalletFields(WorkspaceViewModel vm) {
        super(8);
        this.vm = vm;
        setId("coin-wallets");
        setAlignment(Pos.CENTER_LEFT);
        vm.loadsProperty().addListener(o -> refresh());
        vm.markets().addListener((javafx.collections.ListChangeListener<MarketRow>) c -> refresh());
        vm.context().portfolioProperty().addListener(o -> refresh());
        refresh();
    }

    /** The coins that get a field: those with a wallet in the file, then the settle coins of inverse markets. */
    List<String> assets() {
        Set<String> out = new LinkedHashSet<>(vm.account().coinWallets().keySet());
        for (MarketRow m : vm.markets()) {
            String a = m.settleAssetProperty().get();
            if (m.isInverse() && a != null && !a.isBlank()) {
                out.add(a.strip());
            }
        }
        return List.copyOf(out);
    }

    private void refresh() {
        List<String> assets = assets();
        if (!assets.equals(shown)) {
            for (int i = 0; i < shown.size(); i++) {
                fields.get(i).textProperty().unbindBidirectional(vm.account().coinWallet(shown.get(i)));
            }
            getChildren().clear();
            fields.clear();
            for (String asset : assets) {
                TextField f = new TextField();
                f.setId("coin-wallet-" + asset);
                f.getStyleClass().add("number-field");
                f.setPrefColumnCount(6);
                f.setAlignment(Pos.CENTER_RIGHT);
                f.setTooltip(new Tooltip("Cross wallet in " + asset + ": the collateral of the cross positions of "
                        + "the contracts settled in " + asset + " (their own pool, apart from the USDT wallet)"));
                f.textProperty().bindBidirectional(vm.account().coinWallet(asset));
                FieldDecorations.bind(f, vm, () -> FieldPaths.account("coinWallets." + asset));
                // compact, as the bar must fit at presentation size: the field and its coin ("[0.25] BTC")
                Label unit = new Label(asset);
                unit.getStyleClass().add("unit");
                unit.setLabelFor(f);
                unit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label dot = new Label("·");
                dot.getStyleClass().add("separator-dot");
                dot.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                getChildren().addAll(dot, f, unit);
                fields.add(f);
            }
            shown = assets;
            setManaged(!assets.isEmpty());
            setVisible(!assets.isEmpty());
        }
        showSimulated();
    }

    /** During a playback: the simulated wallets, read-only; after it, the inputs again. */
    private void showSimulated() {
        boolean sim = vm.isPlaybackShown() && vm.context().getPortfolio() != null;
        for (int i = 0; i < shown.size(); i++) {
            TextField f = fields.get(i);
            var input = vm.account().coinWallet(shown.get(i));
            boolean marked = f.getStyleClass().contains(SimulatedInputs.STYLE);
            if (sim && !marked) {
                f.textProperty().unbindBidirectional(input);
                f.getStyleClass().add(SimulatedInputs.STYLE);
                f.setEditable(false);
            } else if (!sim && marked) {
                f.getStyleClass().remove(SimulatedInputs.STYLE);
                f.textProperty().bindBidirectional(input);
                f.setEditable(true);
            }
            if (sim) {
                Double w = vm.context().getPortfolio().account().coinWallet(shown.get(i));
                f.setText(w == null ? "" : vm.formats().number(w, Amounts.COIN_DECIMALS));
            }
        }
    }

    /** The field of a coin, for tests; null when it has none. */
    TextField field(String asset) {
        int i = shown.indexOf(asset);
        return i < 0 ? null : fields.get(i);
    }
}
