package com.perprisk.ui.tiles;

import com.perprisk.ui.format.Formats;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.List;

/**
 * The margin-ratio dial of the headline tiles: a half-circle scale from 0 to {@value #MAX_PERCENT}% in three pale
 * sections (green below 80%, amber to 100%, red beyond: {@link TilesViewModel#ratioLevel}), a bar from 0 to the
 * ratio in its section's colour, a needle, the scale's ends and the ratio as text under the needle ("—" and no
 * needle without a ratio). A handful of shapes placed again only when the size or the value changes; the title,
 * background, border and type sizes come from panels.css as for the other tiles ({@code .tile-card}), the colours
 * of the dial from the light or the dark theme ({@link #setDark}).
 */
final class MarginGauge extends Region {
    static final Color OK = Color.web("#2e9d5b");
    static final Color WARNING = Color.web("#d4890f");
    static final Color DANGER = Color.web("#d93a34");
    /** The scale's top: a ratio beyond it pins the needle there (the text still says it). */
    static final double MAX_PERCENT = 150;
    /** Ends of the three sections, percent. */
    static final double[] SECTION_ENDS = {0, TilesViewModel.WARNING_RATIO * 100, TilesViewModel.DANGER_RATIO * 100,
            MAX_PERCENT};

    private final Label title = new Label("Margin ratio");
    private final Label value = new Label(Formats.NONE);
    private final Arc[] sections = {arc(), arc(), arc()};
    private final Arc bar = arc();
    private final Line needle = new Line();
    private final Circle hub = new Circle();
    private final Text low = scaleText("0");
    private final Text high = scaleText(String.valueOf((int) MAX_PERCENT));
    private Double percent = Double.NaN; // nothing shown yet
    private TileValues.Level level = TileValues.Level.NONE;
    private boolean dark;

    MarginGauge() {
        getStyleClass().addAll("tile-card", "margin-gauge");
        title.getStyleClass().add("tile-title");
        title.setMinWidth(0);
        title.setMouseTransparent(true);
        value.getStyleClass().add("gauge-value");
        value.setId("tile-margin-ratio-value");
        value.setMinWidth(0);
        bar.setStrokeLineCap(StrokeLineCap.BUTT);
        needle.setStrokeLineCap(StrokeLineCap.ROUND);
        getChildren().addAll(title);
        getChildren().addAll(sections);
        getChildren().addAll(bar, low, high, needle, hub, value);
        setAccessibleRole(AccessibleRole.TEXT);
        setMinSize(TilesPane.MIN_TILE_WIDTH, TilesPane.MIN_GAUGE_HEIGHT);
        setPrefSize(150, TilesPane.MIN_GAUGE_HEIGHT);
        setMaxSize(260, Double.MAX_VALUE);
        colour();
        show(null, Formats.NONE);
    }

    private static Arc arc() {
        Arc a = new Arc();
        a.setType(ArcType.OPEN);
        a.setFill(null);
        a.setStrokeLineCap(StrokeLineCap.BUTT);
        a.setMouseTransparent(true);
        return a;
    }

    private static Text scaleText(String s) {
        Text t = new Text(s);
        t.setTextOrigin(VPos.TOP);
        t.setMouseTransparent(true);
        return t;
    }

    /** Shows {@code ratio} (a fraction, 0.133 for 13.3%, or null: no ratio) written as {@code text}. */
    void show(Double ratio, String text) {
        Double p = ratio == null || !Double.isFinite(ratio) ? null : ratio * 100;
        TileValues.Level l = TilesViewModel.ratioLevel(ratio);
        String shown = p == null ? Formats.NONE : text;
        if (java.util.Objects.equals(p, percent) && l == level && shown.equals(value.getText())) {
            return;
        }
        percent = p;
        level = l;
        value.setText(shown);
        setAccessibleText("Margin ratio " + shown);
        bar.setVisible(p != null);
        needle.setVisible(p != null);
        hub.setVisible(p != null);
        colour();
        requestLayout();
    }

    /** Dark or light theme colours for the dial. */
    void setDark(boolean d) {
        if (d != dark) {
            dark = d;
            colour();
        }
    }

    private void colour() {
        Color fg = dark ? Color.web("#c9d1d9") : Color.web("#24292f");
        Color muted = dark ? Color.web("#8b949e") : Color.web("#57606a");
        double pale = dark ? 0.45 : 0.3;
        List<Color> section = List.of(OK, WARNING, DANGER);
        for (int i = 0; i < sections.length; i++) {
            sections[i].setStroke(section.get(i).deriveColor(0, 1, 1, pale));
        }
        bar.setStroke(barColour());
        needle.setStroke(fg);
        hub.setFill(fg);
        low.setFill(muted);
        high.setFill(muted);
        value.setTextFill(level == TileValues.Level.NONE ? fg : barColour());
    }

    /** The bar's (and the value's) colour: its section's. */
    Color barColour() {
        return switch (level) {
            case WARNING -> WARNING;
            case DANGER -> DANGER;
            default -> OK;
        };
    }

    /** Colour of section {@code i} (0 ok, 1 warning, 2 danger) as drawn. */
    Color sectionColour(int i) {
        return (Color) sections[i].getStroke();
    }

    Color needleColour() {
        return (Color) needle.getStroke();
    }

    /** The ratio as written under the needle ("—" without one). */
    String valueText() {
        return value.getText();
    }

    boolean needleShown() {
        return needle.isVisible();
    }

    /** Where the needle points, degrees counter-clockwise from the scale's top end (180 at 0%, 0 at the top). */
    double needleAngle() {
        return angle(percent == null ? 0 : percent);
    }

    private static double angle(double pct) {
        return 180 * (1 - Math.max(0, Math.min(MAX_PERCENT, pct)) / MAX_PERCENT);
    }

    /** The height the tile needs: its title, the smallest readable dial and the value. */
    double need() {
        return snappedTopInset() + snappedBottomInset() + 4 + title.prefHeight(-1) + 3 + 26 + 2
                + value.prefHeight(-1) + 2;
    }

    @Override
    protected double computeMinHeight(double width) {
        return Math.max(TilesPane.MIN_GAUGE_HEIGHT, need());
    }

    @Override
    protected void layoutChildren() {
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double w = getWidth() - x0 - snappedRightInset();
        double h = getHeight() - y0 - snappedBottomInset();
        double titleH = title.prefHeight(-1);
        layoutInArea(title, x0 + 6, y0 + 4, Math.max(0, w - 12), titleH, 0, HPos.LEFT, VPos.TOP);
        double valueH = value.prefHeight(-1);
        double top = y0 + 4 + titleH + 3;
        double room = y0 + h - 2 - top - valueH - 2; // for the dial's height (its radius; the hub under it)
        double r = Math.max(10, Math.min(room, (w - 14) / 2));
        top += Math.max(0, room - r) / 2; // centred in what is left when the width is the limit
        double cx = snap(x0 + w / 2);
        double cy = snap(top + r);
        double t = Math.max(4, Math.min(14, r * 0.24)); // the band's thickness
        double mid = r - t / 2;
        for (int i = 0; i < sections.length; i++) {
            place(sections[i], cx, cy, mid, t, SECTION_ENDS[i], SECTION_ENDS[i + 1]);
        }
        place(bar, cx, cy, mid, t, 0, percent == null ? 0 : Math.min(MAX_PERCENT, Math.max(0, percent)));
        double a = Math.toRadians(needleAngle());
        double len = r - t * 0.35;
        needle.setStartX(cx);
        needle.setStartY(cy);
        needle.setEndX(cx + len * Math.cos(a));
        needle.setEndY(cy - len * Math.sin(a));
        needle.setStrokeWidth(Math.max(1.6, Math.min(4, r * 0.06)));
        hub.setCenterX(cx);
        hub.setCenterY(cy);
        double hubR = Math.max(2.5, Math.min(6, r * 0.09));
        hub.setRadius(hubR);
        double valueW = Math.min(value.prefWidth(-1), w);
        layoutInArea(value, cx - valueW / 2, cy + hubR - 1, valueW, valueH, 0, HPos.CENTER, VPos.TOP);
        Font f = Font.font(Math.max(8, Math.min(12, r * 0.2)));
        for (Text s : List.of(low, high)) {
            if (!f.equals(s.getFont())) {
                s.setFont(f);
            }
        }
        // the ends of the scale beside the band's feet, when the tile has room for them
        double lw = low.getLayoutBounds().getWidth();
        double hw = high.getLayoutBounds().getWidth();
        double th = low.getLayoutBounds().getHeight();
        boolean ends = cx - r - 3 - lw >= x0 + 4 && cx + r + 3 + hw <= x0 + w - 4;
        low.setVisible(ends);
        high.setVisible(ends);
        low.relocate(snap(cx - r - 3 - lw), cy - th + 2);
        high.relocate(snap(cx + r + 3), cy - th + 2);
    }

    private static void place(Arc a, double cx, double cy, double radius, double thickness, double from, double to) {
        a.setCenterX(cx);
        a.setCenterY(cy);
        a.setRadiusX(radius);
        a.setRadiusY(radius);
        a.setStrokeWidth(thickness);
        a.setStartAngle(angle(from));
        a.setLength(angle(to) - angle(from)); // clockwise, from the low end up
    }

    private double snap(double v) {
        return snapPositionX(v);
    }
}
