package com.perprisk.ui.tiles;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Display;
import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;

/**
 * The headline tiles (TilesFX): account margin ratio gauge (amber from 80%, red from 100%), distance to the nearest
 * liquidation, funding over the horizon, ADL quintile lights and available balance. Reads {@link RiskContext} only.
 * A value that does not exist shows "—" and the reason; without results every tile shows the input problem.
 */
public final class TilesPane extends FlowPane {
    /** Default edge of one tile, in pixels. */
    public static final double TILE_SIZE = 190;

    static final Color OK = Color.web("#2e9d5b");
    static final Color WARNING = Color.web("#f0a020");
    static final Color DANGER = Color.web("#e0403a");
    static final Color NEUTRAL = Color.web("#d0d4da");
    static final Color LIGHT_OFF = Color.web("#3a3f47");

    private final TilesViewModel viewModel;
    private final Tile ratioTile;
    private final Label ratioValue = valueLabel();
    private final Label ratioDetail = detailLabel();
    private final Tile distanceTile;
    private final Label distanceValue = valueLabel();
    private final Label distanceDetail = detailLabel();
    private final Tile fundingTile;
    private final Label fundingValue = valueLabel();
    private final Label fundingDetail = detailLabel();
    private final Tile adlTile;
    private final List<Circle> adlLights = new ArrayList<>();
    private final Label adlValue = valueLabel();
    private final Label adlDetail = detailLabel();
    private final Tile availableTile;
    private final Label availableValue = valueLabel();
    private final Label availableDetail = detailLabel();

    public TilesPane(RiskContext context) {
        this.viewModel = new TilesViewModel(context);
        setHgap(8);
        setVgap(8);
        setPadding(new Insets(8));
        getStyleClass().add("tiles-pane");

        ratioTile = TileBuilder.create()
                .skinType(Tile.SkinType.GAUGE)
                .prefSize(TILE_SIZE, TILE_SIZE)
                .title("Margin ratio (cross)")
                .unit("%")
                .minValue(0)
                .maxValue(150)
                .autoScale(false)
                .threshold(100)
                .thresholdVisible(true)
                .decimals(1)
                .tickLabelDecimals(0)
                .sectionsVisible(true)
                .sections(new Section(0, 80, OK), new Section(80, 100, WARNING), new Section(100, 150, DANGER))
                .animated(false)
                .textVisible(true)
                .build();
        ratioTile.setId("tile-margin-ratio");

        distanceTile = custom("Nearest liquidation", "tile-distance", box(distanceValue, distanceDetail));
        fundingTile = custom("Funding over horizon", "tile-funding", box(fundingValue, fundingDetail));
        HBox lights = new HBox(6);
        lights.setAlignment(Pos.CENTER);
        for (int i = 0; i < 5; i++) {
            Circle c = new Circle(11, LIGHT_OFF);
            c.setStroke(Color.web("#15181c"));
            c.getStyleClass().add("adl-light");
            adlLights.add(c);
            lights.getChildren().add(c);
        }
        adlTile = custom("ADL queue", "tile-adl", box(lights, adlValue, adlDetail));
        availableTile = custom("Available balance", "tile-available", box(availableValue, availableDetail));

        ratioDetail.setId("tile-margin-ratio-detail");
        distanceValue.setId("tile-distance-value");
        fundingValue.setId("tile-funding-value");
        adlValue.setId("tile-adl-value");
        availableValue.setId("tile-available-value");
        ratioValue.setId("tile-margin-ratio-value");

        getChildren().addAll(ratioTile, distanceTile, fundingTile, adlTile, availableTile);

        viewModel.valuesProperty().addListener((o, a, b) -> show(b));
        show(viewModel.getValues());
    }

    public TilesViewModel getViewModel() {
        return viewModel;
    }

    private static Label valueLabel() {
        Label l = new Label(Display.DASH);
        l.setFont(Font.font("System", FontWeight.BOLD, 26));
        l.setTextFill(NEUTRAL);
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.getStyleClass().add("tile-value");
        return l;
    }

    private static Label detailLabel() {
        Label l = new Label();
        l.setFont(Font.font("System", 11.5));
        l.setTextFill(Color.web("#b8bec7"));
        l.setWrapText(true);
        l.setTextAlignment(TextAlignment.CENTER);
        l.setAlignment(Pos.CENTER);
        l.getStyleClass().add("tile-detail");
        return l;
    }

    private static VBox box(javafx.scene.Node... nodes) {
        VBox v = new VBox(6, nodes);
        v.setAlignment(Pos.CENTER);
        v.setMaxWidth(TILE_SIZE - 20);
        return v;
    }

    private static Tile custom(String title, String id, javafx.scene.Node graphic) {
        Tile t = TileBuilder.create()
                .skinType(Tile.SkinType.CUSTOM)
                .prefSize(TILE_SIZE, TILE_SIZE)
                .title(title)
                .graphic(graphic)
                .textVisible(false)
                .animated(false)
                .build();
        t.setId(id);
        return t;
    }

    private static Color colour(TileValues.Level level) {
        return switch (level) {
            case OK -> OK;
            case WARNING -> WARNING;
            case DANGER -> DANGER;
            case NONE -> NEUTRAL;
        };
    }

    private void show(TileValues v) {
        if (v.marginRatio() != null) {
            double pct = v.marginRatio() * 100;
            ratioTile.setValue(Math.max(0, Math.min(150, pct)));
            ratioTile.setValueVisible(true);
            ratioTile.setUnit("%");
            ratioTile.setDescription("");
            ratioTile.setBarColor(colour(v.marginRatioLevel()));
            ratioTile.setValueColor(colour(v.marginRatioLevel()));
            ratioValue.setText(Display.percent(v.marginRatio()));
        } else {
            ratioTile.setValue(0);
            ratioTile.setValueVisible(false);
            ratioTile.setUnit("");
            ratioTile.setDescription(Display.DASH);
            ratioValue.setText(Display.DASH);
        }
        String level = v.marginRatioLevel() == TileValues.Level.NONE ? "" : switch (v.marginRatioLevel()) {
            case DANGER -> "LIQUIDATION · ";
            case WARNING -> "WARNING · ";
            default -> "";
        };
        ratioDetail.setText(v.marginRatio() == null ? Display.DASH + " " + v.marginRatioDetail()
                : level + v.marginRatioDetail());
        ratioTile.setText(ratioDetail.getText());
        ratioTile.setTextColor(v.marginRatioLevel() == TileValues.Level.DANGER ? DANGER
                : v.marginRatioLevel() == TileValues.Level.WARNING ? WARNING : Color.web("#b8bec7"));
        ratioTile.setTooltipText(ratioDetail.getText());
        ratioTile.setUserData(v.marginRatioLevel());

        distanceValue.setText(Display.orDash(v.nearestDistance(), Display::percent, null));
        distanceValue.setTextFill(colour(v.nearestLevel()));
        distanceDetail.setText(v.nearestDetail());
        distanceTile.setTooltipText(v.nearestDetail());

        fundingValue.setText(Display.orDash(v.fundingOverHorizon(), Display::signedMoney, null));
        fundingValue.setTextFill(v.fundingOverHorizon() == null ? NEUTRAL
                : v.fundingOverHorizon() < 0 ? DANGER : OK);
        fundingDetail.setText(v.fundingDetail());
        fundingTile.setTooltipText(v.fundingDetail());

        for (int i = 0; i < adlLights.size(); i++) {
            boolean on = i < v.adlQuintile();
            Color c = v.adlQuintile() >= 4 ? DANGER : v.adlQuintile() >= 3 ? WARNING : OK;
            adlLights.get(i).setFill(on ? c : LIGHT_OFF);
        }
        adlValue.setText(v.adlQuintile() == 0 ? Display.DASH : v.adlQuintile() + " / 5");
        adlValue.setFont(Font.font("System", FontWeight.BOLD, 20));
        adlDetail.setText(v.adlDetail());
        adlTile.setTooltipText("ADL quintile of " + v.adlDetail() + " (5 = first in line to be auto-deleveraged)");

        availableValue.setText(Display.orDash(v.availableBalance(), Display::money, null));
        availableValue.setTextFill(v.availableBalance() == null ? NEUTRAL
                : v.availableBalance() > 0 ? Color.WHITE : WARNING);
        availableDetail.setText(v.problem().isEmpty() ? v.availableDetail() : v.problem());
        availableTile.setTooltipText(availableDetail.getText());
    }

    /** Texts shown by the tiles, for tests and accessibility: value of each tile by its id. */
    public String valueText(String tileId) {
        return switch (tileId) {
            case "tile-margin-ratio" -> ratioValue.getText();
            case "tile-distance" -> distanceValue.getText();
            case "tile-funding" -> fundingValue.getText();
            case "tile-adl" -> adlValue.getText();
            case "tile-available" -> availableValue.getText();
            default -> throw new IllegalArgumentException("unknown tile " + tileId);
        };
    }
}
