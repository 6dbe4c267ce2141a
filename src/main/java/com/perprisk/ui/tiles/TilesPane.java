package com.perprisk.ui.tiles;

import static com.perprisk.ui.tiles.TileLabels.detailLabel;
import static com.perprisk.ui.tiles.TileLabels.fit;
import static com.perprisk.ui.tiles.TileLabels.level;
import static com.perprisk.ui.tiles.TileLabels.text;
import static com.perprisk.ui.tiles.TileLabels.tileText;
import static com.perprisk.ui.tiles.TileLabels.tip;
import static com.perprisk.ui.tiles.TileLabels.title;
import static com.perprisk.ui.tiles.TileLabels.value;
import static com.perprisk.ui.tiles.TileLabels.valueLabel;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;
import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * The headline tiles: account margin ratio gauge (TilesFX; amber from 80%, red from 100%), distance to the nearest
 * liquidation, funding over the horizon, ADL quintile lights and available balance ({@link TileCard}s). Reads
 * {@link RiskContext} only. A value that does not exist shows "—" and the reason; without results every tile shows
 * the input problem. The tiles share the width of the pane, are as tall as their wrapped detail lines need (never
 * "…", see {@link TilesRoom}) and follow the light or dark theme of the window.
 */
public final class TilesPane extends HBox {
    static final Color OK = Color.web("#2e9d5b");
    static final Color WARNING = Color.web("#d4890f");
    static final Color DANGER = Color.web("#d93a34");
    /** Narrowest a tile gets (five of them in the results column at 1024 px). */
    static final double MIN_TILE_WIDTH = 86;
    /** Least height of the margin-ratio gauge: its dial and value readable. */
    static final double MIN_GAUGE_HEIGHT = 84;

    private final TilesViewModel viewModel;
    private final Formats fmt;
    private final Tile ratioTile;
    private final Label ratioDetail = detailLabel();
    private final Label ratioNone = new Label();
    private final TileCard distanceTile;
    private final Label distanceValue = valueLabel();
    private final Label distanceDetail = detailLabel();
    private final TileCard fundingTile;
    private final Label fundingValue = valueLabel();
    private final Label fundingDetail = detailLabel();
    private final TileCard adlTile;
    private final List<Circle> adlLights = new ArrayList<>();
    private final Label adlValue = valueLabel();
    private final Label adlDetail = detailLabel();
    private final TileCard availableTile;
    private final Label availableValue = valueLabel();
    private final Label availableDetail = detailLabel();
    private final javafx.beans.property.StringProperty adlPopulation;
    private String ratioText = Formats.NONE;
    private boolean dark;

    public TilesPane(RiskContext context) {
        this(context, Formats.current());
    }

    public TilesPane(RiskContext context, Formats fmt) {
        this.fmt = fmt;
        this.viewModel = new TilesViewModel(context, fmt);
        this.adlPopulation = context.adlPopulationProperty();
        setId("tiles-panel");
        setSpacing(6);
        setPadding(new Insets(6));
        setFillHeight(true);
        setMinHeight(0);
        getStyleClass().add("tiles-pane");

        ratioTile = TileBuilder.create()
                .skinType(Tile.SkinType.GAUGE)
                .title("Margin ratio")
                .unit("%")
                .minValue(0)
                .maxValue(150)
                .threshold(100)
                .thresholdVisible(false)
                .decimals(1)
                .tickLabelDecimals(0)
                .sectionsVisible(true)
                .animated(false)
                .textVisible(true)
                .textSize(Tile.TextSize.BIGGER)
                .build();
        ratioTile.setId("tile-margin-ratio");

        distanceTile = new TileCard("To liquidation", "tile-distance", fit(distanceValue), distanceDetail);
        fundingTile = new TileCard("Funding", "tile-funding", fit(fundingValue), fundingDetail);
        HBox lights = new HBox(5);
        lights.setAlignment(Pos.CENTER);
        for (int i = 0; i < 5; i++) {
            Circle c = new Circle(6);
            c.getStyleClass().add("adl-light");
            adlLights.add(c);
            lights.getChildren().add(c);
        }
        adlTile = new TileCard("ADL queue", "tile-adl", lights, fit(adlValue), adlDetail);
        availableTile = new TileCard("Available", "tile-available", fit(availableValue), availableDetail);

        ratioDetail.setId("tile-margin-ratio-detail");
        distanceValue.setId("tile-distance-value");
        fundingValue.setId("tile-funding-value");
        adlValue.setId("tile-adl-value");
        availableValue.setId("tile-available-value");

        ratioTile.setMinSize(MIN_TILE_WIDTH, MIN_GAUGE_HEIGHT);
        ratioTile.setPrefSize(150, MIN_GAUGE_HEIGHT);
        ratioTile.setMaxSize(260, Double.MAX_VALUE);
        ratioTile.setRoundedCorners(true);
        // without a ratio the gauge says why, over an empty dial
        ratioNone.getStyleClass().add("tile-none");
        ratioNone.setWrapText(true);
        ratioNone.setTextAlignment(TextAlignment.CENTER);
        ratioNone.setAlignment(Pos.CENTER);
        ratioNone.setMouseTransparent(true);
        ratioNone.setPadding(new Insets(2, 8, 4, 8));
        ratioNone.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        StackPane ratioBox = new StackPane(ratioTile, ratioNone);
        StackPane.setMargin(ratioNone, new Insets(24, 2, 2, 2)); // the tile's title stays visible
        ratioBox.setMinSize(MIN_TILE_WIDTH, MIN_GAUGE_HEIGHT);
        ratioBox.setPrefSize(150, MIN_GAUGE_HEIGHT);
        ratioBox.setMaxSize(260, Double.MAX_VALUE);
        // each title is a label of ours over the tile's own (drawn transparent): TilesFX sizes its title from the
        // tile's size, so it stayed tiny at presentation size; ours follows the type size (panels.css)
        ratioBox.getChildren().add(title(ratioTile));
        for (javafx.scene.layout.Region r : List.of(ratioBox, distanceTile, fundingTile, adlTile, availableTile)) {
            HBox.setHgrow(r, Priority.ALWAYS);
            getChildren().add(r);
        }

        sceneProperty().addListener((o, a, s) -> watchTheme(s == null ? null : s.getRoot()));
        applyTheme(false);
        viewModel.valuesProperty().addListener((o, a, b) -> show(b));
        show(viewModel.getValues());
    }

    private boolean sectionsQueued;

    /**
     * The gauge's coloured sections go in just after the window is first laid out: TilesFX queues an event for every
     * property set before the tile is shown and, when its window shows, redraws the gauge once per queued event,
     * building a tooltip per section on each redraw (about 100 redraws, 300 tooltips: a good part of the window's
     * start-up). Added after that, they cost one redraw, still before the first frame is painted.
     */
    private Runnable onLayout = () -> { };

    /** Runs after each layout of the tiles (their need may have changed: a text, the width, the type size). */
    void onLayout(Runnable r) {
        this.onLayout = r;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        onLayout.run();
        if (!sectionsQueued) {
            sectionsQueued = true;
            javafx.application.Platform.runLater(() -> {
                ratioTile.setSections(new Section(0, 80, OK.deriveColor(0, 1, 1, 0.55)),
                        new Section(80, 100, WARNING.deriveColor(0, 1, 1, 0.75)),
                        new Section(100, 150, DANGER.deriveColor(0, 1, 1, 0.75)));
                // the skin takes new sections without drawing them; setting a colour redraws the gauge once
                ratioTile.setBackgroundColor(ratioTile.getBackgroundColor());
            });
        }
    }

    /**
     * The height the tiles need at their present widths: the tallest tile's lines, each whole (see {@link TilesRoom}).
     */
    public double heightNeed() {
        double tallest = MIN_GAUGE_HEIGHT; // the dial readable; as tall as the other tiles when they are taller
        for (Node n : getChildren()) {
            if (n instanceof TileCard c) {
                tallest = Math.max(tallest, c.need(c.getWidth() > 0 ? c.getWidth() : c.getPrefWidth()));
            }
        }
        return snappedTopInset() + snappedBottomInset() + tallest;
    }

    public TilesViewModel getViewModel() {
        return viewModel;
    }

    /** Follows the "theme-dark" class that the theme manager puts on the window's root. */
    private void watchTheme(Parent root) {
        if (root == null) {
            return;
        }
        Runnable check = () -> {
            boolean d = root.getStyleClass().contains("theme-dark")
                    || root.lookup(".theme-dark") != null;
            if (d != dark) {
                applyTheme(d);
            }
        };
        root.getStyleClass().addListener((ListChangeListener<String>) c -> check.run());
        // the themed node may be inside a wrapper (ControlsFX decorations): watch it too
        Node themed = root.lookup(".main-view");
        if (themed != null && themed != root) {
            ((Parent) themed).getStyleClass().addListener((ListChangeListener<String>) c -> check.run());
        }
        check.run();
    }

    private void applyTheme(boolean darkTheme) {
        this.dark = darkTheme;
        Color bg = darkTheme ? Color.web("#161b22") : Color.web("#f6f8fa");
        Color fg = darkTheme ? Color.web("#c9d1d9") : Color.web("#24292f");
        Color muted = darkTheme ? Color.web("#8b949e") : Color.web("#57606a");
        Color border = darkTheme ? Color.web("#30363d") : Color.web("#d0d7de");
        for (Tile t : List.of(ratioTile)) {
            t.setBackgroundColor(bg);
            t.setBorderColor(border);
            t.setBorderWidth(1);
            t.setTitleColor(Color.TRANSPARENT); // shown by our own label (title), which scales
            t.setForegroundColor(fg);
            t.setTextColor(muted);
            t.setUnitColor(muted);
            t.setValueColor(fg);
        }
        ratioTile.setBarBackgroundColor(darkTheme ? Color.web("#30363d") : Color.web("#e4e8ec"));
        ratioTile.setNeedleColor(fg);
        ratioTile.setTickLabelColor(muted);
        ratioTile.setTickMarkColor(muted);
        getStyleClass().removeAll("tiles-dark", "tiles-light");
        getStyleClass().add(darkTheme ? "tiles-dark" : "tiles-light");
        show(viewModel.getValues());
    }

    boolean isDark() {
        return dark;
    }

    private Color colour(TileValues.Level level) {
        return switch (level) {
            case OK -> OK;
            case WARNING -> WARNING;
            case DANGER -> DANGER;
            case NONE -> dark ? Color.web("#c9d1d9") : Color.web("#24292f");
        };
    }

    private void show(TileValues v) {
        if (v == null) {
            return;
        }
        if (v.marginRatio() != null) {
            double pct = v.marginRatio() * 100;
            value(ratioTile, Math.max(0, Math.min(150, pct)));
            if (!ratioTile.isValueVisible()) {
                ratioTile.setValueVisible(true);
            }
            if (!colour(v.marginRatioLevel()).equals(ratioTile.getBarColor())) {
                ratioTile.setBarColor(colour(v.marginRatioLevel()));
            }
            if (!colour(v.marginRatioLevel()).equals(ratioTile.getValueColor())) {
                ratioTile.setValueColor(colour(v.marginRatioLevel()));
            }
            ratioText = fmt.percent(v.marginRatio(), 1);
        } else {
            value(ratioTile, 0);
            if (ratioTile.isValueVisible()) {
                ratioTile.setValueVisible(false);
            }
            ratioText = Formats.NONE;
        }
        text(ratioNone, v.marginRatio() == null ? Formats.NONE + "\n" + v.marginRatioDetail() : "");
        ratioNone.setVisible(v.marginRatio() == null);
        if (ratioTile.getUnit().isEmpty() == (v.marginRatio() != null)) {
            ratioTile.setUnit(v.marginRatio() == null ? "" : "%");
        }
        String prefix = switch (v.marginRatioLevel()) {
            case DANGER -> "LIQUIDATION · ";
            case WARNING -> "WARNING ≥ 80% · ";
            default -> "";
        };
        text(ratioDetail, v.marginRatio() == null ? Formats.NONE + " " + v.marginRatioDetail()
                : prefix + v.marginRatioDetail());
        tileText(ratioTile, v.marginRatio() == null ? Formats.NONE + " " + shortReason(v.marginRatioDetail())
                : prefix.isEmpty() ? v.marginRatioPool() : prefix.replace(" · ", ""));
        Color textColour = v.marginRatioLevel() == TileValues.Level.DANGER ? DANGER
                : v.marginRatioLevel() == TileValues.Level.WARNING ? WARNING
                : dark ? Color.web("#8b949e") : Color.web("#57606a");
        if (!textColour.equals(ratioTile.getTextColor())) {
            ratioTile.setTextColor(textColour);
        }
        tip(ratioTile, "Margin ratio of the riskiest pool (the cross pool or an isolated position): " + ratioText + "\n" + ratioDetail.getText()
                + "\nAmber from 80%, red at 100% (liquidation).");
        ratioTile.setUserData(v.marginRatioLevel());

        text(distanceValue, v.nearestDistance() == null ? Formats.NONE : fmt.percent(v.nearestDistance(), 2));
        level(distanceValue, v.nearestLevel());
        text(distanceDetail, v.nearestDetail());
        tip(distanceTile, "Distance from mark to the nearest liquidation price |mark − LP| / mark, its position "
                + "and price\n"
                + v.nearestDetail());

        text(fundingValue, Amounts.signed(fmt, v.fundingOverHorizon(), v.fundingAsset()));
        level(fundingValue, v.fundingOverHorizon() == null || v.fundingOverHorizon() == 0 ? TileValues.Level.NONE
                : v.fundingOverHorizon() < 0 ? TileValues.Level.DANGER : TileValues.Level.OK);
        text(fundingDetail, v.fundingDetail());
        tip(fundingTile, "Σ funding of all positions over the horizon at today's marks and rates"
                + " (+ received, − paid)\n"
                + v.fundingDetail());

        for (int i = 0; i < adlLights.size(); i++) {
            Circle c = adlLights.get(i);
            String lit = i < v.adlQuintile() ? "lit-" + v.adlQuintile() : null;
            if (lit == null ? c.getStyleClass().stream().anyMatch(x -> x.startsWith("lit-"))
                    : !c.getStyleClass().contains(lit)) {
                c.getStyleClass().removeIf(x -> x.startsWith("lit-"));
                if (lit != null) {
                    c.getStyleClass().add(lit);
                }
            }
        }
        text(adlValue, v.adlInLine() == null ? Formats.NONE : v.adlInLine() ? v.adlQuintile() + " / 5" : "back");
        text(adlDetail, v.adlDetail());
        tip(adlTile, "Auto-deleveraging: place in the market's queue on the position's side among all traders "
                + "(5 lights = top fifth, first in line; losing positions wait at the back)\n" + v.adlStanding()
                + "\nRanked against " + adlPopulation.get());

        text(availableValue, Amounts.money(fmt, v.availableBalance(), v.availableAsset()));
        level(availableValue, v.availableBalance() == null ? TileValues.Level.NONE
                : v.availableBalance() > 0 ? TileValues.Level.NONE : TileValues.Level.WARNING);
        text(availableDetail, v.problem().isEmpty() ? v.availableDetail() : v.problem());
        tip(availableTile, "Available balance: max(0, margin balance − initial margin)\n"
                + availableDetail.getText());
    }

    private static String shortReason(String detail) {
        return detail == null ? "" : detail.length() > 40 ? detail.substring(0, 39) + "…" : detail;
    }

    /** Text shown as each tile's value, for tests and accessibility. */
    public String valueText(String tileId) {
        return switch (tileId) {
            case "tile-margin-ratio" -> ratioText;
            case "tile-distance" -> distanceValue.getText();
            case "tile-funding" -> fundingValue.getText();
            case "tile-adl" -> adlValue.getText();
            case "tile-available" -> availableValue.getText();
            default -> throw new IllegalArgumentException("unknown tile " + tileId);
        };
    }

    /** Detail (reason) line of a tile. */
    public String detailText(String tileId) {
        return switch (tileId) {
            case "tile-margin-ratio" -> ratioDetail.getText();
            case "tile-distance" -> distanceDetail.getText();
            case "tile-funding" -> fundingDetail.getText();
            case "tile-adl" -> adlDetail.getText();
            case "tile-available" -> availableDetail.getText();
            default -> throw new IllegalArgumentException("unknown tile " + tileId);
        };
    }
}
