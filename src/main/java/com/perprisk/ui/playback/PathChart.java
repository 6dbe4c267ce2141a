package com.perprisk.ui.playback;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.simulation.PricePath;
import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The price path of one market as a line: the part already played in colour, the rest in grey, a cursor at the
 * current tick, the liquidation price of the market's positions now (dashed red) and a mark at each liquidation. In
 * draw mode a drag sets the mark at each step the mouse passes (a hand-drawn path).
 */
public final class PathChart extends Region {
    private static final double LEFT = 64;
    private static final double RIGHT = 12;
    private static final double TOP = 12;
    private static final double BOTTOM = 22;

    private final PlaybackViewModel vm;
    private final Canvas canvas = new Canvas();
    private final StringProperty symbol = new SimpleStringProperty(this, "symbol");
    private final BooleanProperty drawMode = new SimpleBooleanProperty(this, "drawMode");
    private double lo;
    private double hi;
    private int points;
    private int lastDrawnStep = -1;
    private double lastDrawnMark;

    public PathChart(PlaybackViewModel vm) {
        this.vm = vm;
        setId("playback-chart");
        getStyleClass().add("playback-chart");
        getChildren().add(canvas);
        setMinSize(200, 120);
        setPrefSize(420, 200);
        Runnable redraw = this::redraw;
        widthProperty().addListener(o -> redraw.run());
        heightProperty().addListener(o -> redraw.run());
        vm.tickProperty().addListener(o -> redraw.run());
        vm.pathProperty().addListener(o -> redraw.run());
        vm.sourceProperty().addListener(o -> redraw.run());
        vm.stepsProperty().addListener(o -> redraw.run());
        vm.showFutureProperty().addListener(o -> redraw.run());
        symbol.addListener(o -> redraw.run());
        drawMode.addListener(o -> redraw.run());
        vm.workspace().context().riskProperty().addListener(o -> redraw.run());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::drawAt);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drawAt);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> lastDrawnStep = -1);
    }

    public StringProperty symbolProperty() {
        return symbol;
    }

    public BooleanProperty drawModeProperty() {
        return drawMode;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        redraw();
    }

    /** The path to show: the prepared one, or in draw mode the path drawn so far. */
    private PricePath shownPath() {
        if (!drawMode.get()) {
            return vm.pathProperty().get();
        }
        Portfolio entered = vm.workspace().context().enteredPortfolioProperty().get();
        if (entered == null) {
            return null;
        }
        try {
            return vm.buildPath(entered);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void drawAt(MouseEvent e) {
        if (!drawMode.get() || symbol.get() == null || points < 2) {
            return;
        }
        double w = canvas.getWidth() - LEFT - RIGHT;
        double h = canvas.getHeight() - TOP - BOTTOM;
        int step = (int) Math.round((e.getX() - LEFT) / w * (points - 1));
        step = Math.max(1, Math.min(points - 1, step));
        double mark = lo + (1 - (e.getY() - TOP) / h) * (hi - lo);
        mark = Math.max(lo * 0.5 + 1e-9, mark);
        if (lastDrawnStep > 0 && Math.abs(step - lastDrawnStep) > 1) {
            // fill the steps the mouse jumped over
            int from = Math.min(step, lastDrawnStep);
            int to = Math.max(step, lastDrawnStep);
            for (int k = from + 1; k < to; k++) {
                double t = (k - lastDrawnStep) / (double) (step - lastDrawnStep);
                vm.draw(symbol.get(), k, lastDrawnMark + t * (mark - lastDrawnMark));
            }
        }
        vm.draw(symbol.get(), step, mark);
        lastDrawnStep = step;
        lastDrawnMark = mark;
        redraw();
    }

    private void redraw() {
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, width, height);
        boolean dark = false;
        for (javafx.scene.Parent n = getParent(); n != null; n = n.getParent()) {
            dark |= n.getStyleClass().contains("theme-dark");
        }
        Color text = dark ? Color.web("#c9d1d9") : Color.web("#57606a");
        Color grid = dark ? Color.web("#30363d") : Color.web("#e3e6ea");
        g.setFont(Font.font(11));
        String s = symbol.get();
        PricePath p = shownPath();
        Portfolio entered = vm.workspace().context().enteredPortfolioProperty().get();
        double w = width - LEFT - RIGHT;
        double h = height - TOP - BOTTOM;
        if (w < 20 || h < 20) {
            return;
        }
        if (s == null || (p == null && !drawMode.get()) || p != null && !p.has(s)) {
            g.setFill(text);
            g.fillText(drawMode.get() ? "Choose a market to draw its path." : "Press Play (or Step) to run the path;"
                    + " or choose \"Drawn by hand\" and draw on this chart.", LEFT, TOP + 20);
            points = 0;
            return;
        }
        double start = entered == null ? 1 : entered.market(s).map(m -> m.markPrice()).orElse(1.0);
        points = p == null ? vm.stepsProperty().get() + 1 : p.points();
        lo = Double.MAX_VALUE;
        hi = -Double.MAX_VALUE;
        if (p != null) {
            for (int k = 0; k < p.points(); k++) {
                lo = Math.min(lo, p.mark(s, k));
                hi = Math.max(hi, p.mark(s, k));
            }
        }
        Double liq = liquidationPrice(s);
        if (drawMode.get()) {
            lo = Math.min(lo, start * 0.7);
            hi = Math.max(hi, start * 1.3);
        }
        if (liq != null && liq > 0 && liq > lo * 0.8 && liq < hi * 1.25) {
            lo = Math.min(lo, liq);
            hi = Math.max(hi, liq);
        }
        if (!(hi > lo)) {
            hi = lo * 1.01 + 1;
            lo = lo * 0.99;
        }
        double pad = (hi - lo) * 0.06;
        lo -= pad;
        hi += pad;
        Formats f = vm.workspace().formats();
        // grid and price labels
        g.setLineWidth(1);
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            double y = y(v, h);
            g.setStroke(grid);
            g.strokeLine(LEFT, y, LEFT + w, y);
            g.setFill(text);
            g.fillText(f.price(v, start), 4, y + 4);
        }
        double hours = p == null ? 0 : p.timeHours(p.points() - 1);
        g.fillText("0 h", LEFT, TOP + h + 15);
        String end = hours > 0 ? f.quantity(hours, 1) + " h" : (points - 1) + " steps";
        g.fillText(end, LEFT + w - 7 * end.length(), TOP + h + 15);
        if (p == null) {
            return;
        }
        int cur = vm.activeProperty().get() && !drawMode.get() ? vm.tickProperty().get() : -1;
        // the path: the part played in the accent colour; the future stays hidden while playing (a class should not
        // see what comes), in grey when drawing
        g.setLineWidth(1.6);
        int last = cur >= 0 && !vm.showFutureProperty().get() ? cur : p.points() - 1;
        for (int k = 1; k <= last; k++) {
            g.setStroke(k <= cur ? Color.web("#0969da") : dark ? Color.web("#6e7681") : Color.web("#b0b7c0"));
            g.strokeLine(x(k - 1, p.points(), w), y(p.mark(s, k - 1), h), x(k, p.points(), w), y(p.mark(s, k), h));
        }
        if (liq != null && liq > lo && liq < hi) {
            g.setStroke(Color.web("#cf222e"));
            g.setLineDashes(6, 4);
            g.setLineWidth(1.2);
            double y = y(liq, h);
            g.strokeLine(LEFT, y, LEFT + w, y);
            g.setLineDashes();
            g.setFill(Color.web("#cf222e"));
            g.fillText("liq. " + f.price(liq, start), LEFT + 4, y - 4);
        }
        if (cur >= 0) {
            double x = x(cur, p.points(), w);
            g.setStroke(text);
            g.setLineWidth(1);
            g.strokeLine(x, TOP, x, TOP + h);
            g.setFill(Color.web("#0969da"));
            g.fillOval(x - 3.5, y(p.mark(s, cur), h) - 3.5, 7, 7);
            for (var e : vm.allEvents()) {
                if (e.step() <= cur && s.equals(e.symbol()) && (e.type() == SimulationEvent.Type.LIQUIDATION
                        || e.type() == SimulationEvent.Type.PARTIAL_LIQUIDATION)) {
                    double ex = x(e.step(), p.points(), w);
                    double ey = y(p.mark(s, e.step()), h);
                    g.setFill(e.type() == SimulationEvent.Type.LIQUIDATION ? Color.web("#cf222e")
                            : Color.web("#bf8700"));
                    g.fillPolygon(new double[]{ex - 5, ex + 5, ex}, new double[]{ey - 9, ey - 9, ey - 1}, 3);
                }
            }
        }
    }

    private Double liquidationPrice(String s) {
        PortfolioRisk risk = vm.workspace().context().getRisk();
        if (risk == null) {
            return null;
        }
        for (PositionRisk r : risk.positions()) {
            if (s.equals(r.symbol()) && r.liquidationPrice() != null && Double.isFinite(r.liquidationPrice())) {
                return r.liquidationPrice();
            }
        }
        return null;
    }

    private double x(int k, int n, double w) {
        return LEFT + (n <= 1 ? 0 : w * k / (n - 1));
    }

    private double y(double v, double h) {
        return TOP + h * (1 - (v - lo) / (hi - lo));
    }
}
