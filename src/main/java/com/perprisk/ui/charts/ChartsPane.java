package com.perprisk.ui.charts;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Display;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The five charts, one tab each, built when first shown and redrawn whenever the results, the selection or the
 * scenario change (no Compute button). Series are computed by {@link ChartModels} on one background thread, latest
 * request wins, and applied on the FX thread; hovering a plot shows the exact values under the pointer.
 */
public final class ChartsPane extends TabPane {
    private final RiskContext context;
    private final int points;
    private final Map<ChartModels.Kind, Tab> tabs = new EnumMap<>(ChartModels.Kind.class);
    private final Map<ChartModels.Kind, List<ChartData>> shown = new EnumMap<>(ChartModels.Kind.class);
    private final Map<ChartModels.Kind, List<XYChart<?, ?>>> charts = new EnumMap<>(ChartModels.Kind.class);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "perprisk-charts");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);

    public ChartsPane(RiskContext context) {
        this(context, ChartModels.DEFAULT_POINTS);
    }

    public ChartsPane(RiskContext context, int points) {
        this.context = context;
        this.points = points;
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getStyleClass().add("charts-pane");
        for (ChartModels.Kind k : ChartModels.Kind.values()) {
            Tab t = new Tab(k.tabTitle());
            t.setId("chart-tab-" + k.name().toLowerCase());
            t.setUserData(k);
            tabs.put(k, t);
            getTabs().add(t);
        }
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> refresh());
        context.riskProperty().addListener((o, a, b) -> refresh());
        context.portfolioProperty().addListener((o, a, b) -> refresh());
        context.selectedPositionIdProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** True while a recomputation is queued or running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The kind of the visible tab. */
    public ChartModels.Kind selectedKind() {
        Tab t = getSelectionModel().getSelectedItem();
        return t == null ? ChartModels.Kind.EQUITY : (ChartModels.Kind) t.getUserData();
    }

    public void select(ChartModels.Kind kind) {
        getSelectionModel().select(tabs.get(kind));
    }

    /** What the visible tab shows (null until first computed). */
    public List<ChartData> shownData(ChartModels.Kind kind) {
        return shown.get(kind);
    }

    /** The JavaFX charts of a tab (empty until first shown). */
    public List<XYChart<?, ?>> charts(ChartModels.Kind kind) {
        return charts.getOrDefault(kind, List.of());
    }

    /** Writes the visible chart as PNG (a snapshot of the tab's content). Call on the FX thread. */
    public void exportPng(Path file) throws IOException {
        Node content = getSelectionModel().getSelectedItem().getContent();
        Node target = content == null ? this : content;
        var image = target.snapshot(null, null);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** Stops the background thread (when the window closes). */
    public void dispose() {
        worker.shutdownNow();
    }

    private void refresh() {
        ChartModels.Kind kind = selectedKind();
        Portfolio portfolio = context.getPortfolio();
        PortfolioRisk risk = context.getRisk();
        String selected = context.selectedPositionIdProperty().get();
        String problem = context.problemProperty().get();
        long gen = generation.incrementAndGet();
        busy.set(true);
        if (risk == null || portfolio == null) {
            show(kind, List.of(ChartData.empty(kind.tabTitle(),
                    problem == null || problem.isBlank() ? "no results yet" : problem)));
            busy.set(false);
            return;
        }
        worker.submit(() -> {
            if (generation.get() != gen) {
                return; // a newer request is queued: skip this one
            }
            List<ChartData> data;
            try {
                data = ChartModels.compute(kind, portfolio, risk, selected, points);
            } catch (RuntimeException e) {
                data = List.of(ChartData.empty(kind.tabTitle(), "cannot draw: " + e.getMessage()));
            }
            List<ChartData> result = data;
            Platform.runLater(() -> {
                if (generation.get() == gen) {
                    show(kind, result);
                    busy.set(false);
                }
            });
        });
    }

    private void show(ChartModels.Kind kind, List<ChartData> data) {
        shown.put(kind, data);
        Tab tab = tabs.get(kind);
        List<XYChart<?, ?>> list = charts.computeIfAbsent(kind, k -> new ArrayList<>());
        VBox box = tab.getContent() instanceof VBox v ? v : new VBox(4);
        box.setPadding(new Insets(4));
        // rebuild only when the number or type of plots changes
        boolean rebuild = list.size() != data.size();
        for (int i = 0; !rebuild && i < data.size(); i++) {
            rebuild = data.get(i).isBar() != (list.get(i) instanceof BarChart);
        }
        if (rebuild) {
            list.clear();
            box.getChildren().clear();
            for (ChartData d : data) {
                XYChart<?, ?> c = d.isBar() ? newBar() : new MarkedLineChart();
                list.add(c);
                StackPane holder = new StackPane(c);
                VBox.setVgrow(holder, Priority.ALWAYS);
                box.getChildren().add(holder);
            }
            tab.setContent(box);
        }
        for (int i = 0; i < data.size(); i++) {
            XYChart<?, ?> c = list.get(i);
            StackPane holder = (StackPane) c.getParent();
            holder.getChildren().removeIf(n -> n instanceof Label);
            if (!data.get(i).message().isEmpty()) {
                Label msg = new Label(Display.DASH + " " + data.get(i).message());
                msg.getStyleClass().add("chart-message");
                msg.setStyle("-fx-font-size: 14px; -fx-background-color: rgba(255,255,255,0.85); -fx-padding: 8;");
                holder.getChildren().add(msg);
            }
            if (c instanceof MarkedLineChart m) {
                m.setData(data.get(i));
            } else {
                @SuppressWarnings("unchecked")
                BarChart<String, Number> b = (BarChart<String, Number>) c;
                fillBar(b, data.get(i));
            }
        }
    }

    private static BarChart<String, Number> newBar() {
        BarChart<String, Number> b = new BarChart<>(new CategoryAxis(), new NumberAxis());
        b.setAnimated(false);
        return b;
    }

    private static void fillBar(BarChart<String, Number> b, ChartData d) {
        b.setTitle(d.title());
        b.getXAxis().setLabel(d.xLabel());
        b.getYAxis().setLabel(d.yLabel());
        ObservableList<XYChart.Series<String, Number>> all = FXCollections.observableArrayList();
        for (ChartData.Curve c : d.curves()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(c.name());
            for (int i = 0; i < c.y().length; i++) {
                if (Double.isFinite(c.y()[i])) {
                    s.getData().add(new XYChart.Data<>(d.categories().get(i), c.y()[i]));
                }
            }
            all.add(s);
        }
        b.setData(all);
        for (XYChart.Series<String, Number> s : all) {
            for (XYChart.Data<String, Number> p : s.getData()) {
                if (p.getNode() != null) {
                    Tooltip t = new Tooltip(s.getName() + "\n" + p.getXValue() + ": "
                            + Display.exact(p.getYValue().doubleValue()) + " %");
                    t.setShowDelay(Duration.millis(100));
                    Tooltip.install(p.getNode(), t);
                }
            }
        }
    }

    /** A line chart with vertical markers and horizontal levels drawn in the plot area, and a hover readout. */
    static final class MarkedLineChart extends LineChart<Number, Number> {
        private ChartData data;
        private final List<Node> overlay = new ArrayList<>();
        private final Tooltip readout = new Tooltip();

        MarkedLineChart() {
            super(new NumberAxis(), new NumberAxis());
            setAnimated(false);
            setCreateSymbols(false);
            ((NumberAxis) getXAxis()).setForceZeroInRange(false);
            ((NumberAxis) getYAxis()).setForceZeroInRange(false);
            readout.setShowDelay(Duration.millis(50));
            readout.setHideDelay(Duration.millis(200));
            Tooltip.install(this, readout);
            setOnMouseMoved(e -> readout.setText(readoutAt(e.getX(), e.getY())));
        }

        void setData(ChartData d) {
            this.data = d;
            setTitle(d.title());
            getXAxis().setLabel(d.xLabel());
            getYAxis().setLabel(d.yLabel());
            ObservableList<XYChart.Series<Number, Number>> all = FXCollections.observableArrayList();
            for (ChartData.Curve c : d.curves()) {
                List<XYChart.Data<Number, Number>> pts = new ArrayList<>(c.x().length);
                for (int i = 0; i < c.x().length; i++) {
                    if (Double.isFinite(c.x()[i]) && Double.isFinite(c.y()[i])) {
                        pts.add(new XYChart.Data<>(c.x()[i], c.y()[i]));
                    }
                }
                XYChart.Series<Number, Number> s = new XYChart.Series<>(c.name(),
                        FXCollections.observableArrayList(pts));
                all.add(s);
            }
            setData(all);
            getPlotChildren().removeAll(overlay);
            overlay.clear();
            for (ChartData.Marker m : d.markers()) {
                addOverlay(m, true);
            }
            for (ChartData.Marker m : d.levels()) {
                addOverlay(m, false);
            }
            requestChartLayout();
        }

        private void addOverlay(ChartData.Marker m, boolean vertical) {
            Line line = new Line();
            line.getStyleClass().addAll("chart-marker", "chart-marker-" + m.kind());
            line.setStyle("-fx-stroke: " + colour(m.kind()) + "; -fx-stroke-width: 1.5; -fx-stroke-dash-array: 6 4;");
            line.setUserData(new Object[]{m, vertical});
            Label label = new Label(m.label());
            label.setStyle("-fx-text-fill: " + colour(m.kind()) + "; -fx-font-size: 11px; -fx-font-weight: bold;"
                    + " -fx-background-color: rgba(255,255,255,0.8); -fx-padding: 0 2 0 2;");
            label.setUserData(line);
            label.setManaged(false);
            Tooltip.install(line, new Tooltip(m.label()));
            overlay.add(line);
            overlay.add(label);
            getPlotChildren().addAll(line, label);
        }

        private static String colour(String kind) {
            return switch (kind) {
                case "entry" -> "#2b6cb0";
                case "lp" -> "#d62d20";
                case "bp" -> "#6b1f7a";
                case "mark" -> "#2f855a";
                case "warning" -> "#d69e2e";
                case "step" -> "#805ad5";
                default -> "#718096";
            };
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            NumberAxis x = (NumberAxis) getXAxis();
            NumberAxis y = (NumberAxis) getYAxis();
            double w = x.getWidth();
            double h = y.getHeight();
            int vIndex = 0;
            for (Node n : overlay) {
                if (n instanceof Line line) {
                    Object[] u = (Object[]) line.getUserData();
                    ChartData.Marker m = (ChartData.Marker) u[0];
                    boolean vertical = (Boolean) u[1];
                    if (vertical) {
                        double px = x.getDisplayPosition(m.value());
                        boolean in = px >= 0 && px <= w;
                        line.setVisible(in);
                        line.setStartX(px);
                        line.setEndX(px);
                        line.setStartY(0);
                        line.setEndY(h);
                    } else {
                        double py = y.getDisplayPosition(m.value());
                        boolean in = py >= 0 && py <= h;
                        line.setVisible(in);
                        line.setStartX(0);
                        line.setEndX(w);
                        line.setStartY(py);
                        line.setEndY(py);
                    }
                } else if (n instanceof Label label) {
                    Line line = (Line) label.getUserData();
                    boolean vertical = (Boolean) ((Object[]) line.getUserData())[1];
                    label.setVisible(line.isVisible() && !label.getText().isEmpty());
                    label.resize(label.prefWidth(-1), label.prefHeight(-1));
                    if (vertical) {
                        double lx = line.getStartX() + 3;
                        if (lx + label.getWidth() > w) {
                            lx = line.getStartX() - label.getWidth() - 3;
                        }
                        // stagger labels so that close markers do not overlap
                        label.relocate(lx, 4 + (vIndex++ % 4) * 16);
                    } else {
                        label.relocate(w - label.getWidth() - 4, line.getStartY() - label.getHeight() - 1);
                    }
                }
            }
        }

        /** Exact values of every curve at the x under the pointer (nearest computed point). */
        String readoutAt(double sceneLikeX, double sceneLikeY) {
            if (data == null || data.curves().isEmpty()) {
                return "";
            }
            NumberAxis x = (NumberAxis) getXAxis();
            Point2D local = x.sceneToLocal(localToScene(sceneLikeX, sceneLikeY));
            double xv = x.getValueForDisplay(local.getX()).doubleValue();
            StringBuilder sb = new StringBuilder();
            sb.append(data.xLabel()).append(": ");
            boolean first = true;
            for (ChartData.Curve c : data.curves()) {
                int best = nearest(c.x(), xv);
                if (best < 0) {
                    continue;
                }
                if (first) {
                    sb.append(Display.exact(c.x()[best]));
                    first = false;
                }
                sb.append('\n').append(c.name()).append(": ")
                        .append(Double.isFinite(c.y()[best]) ? Display.exact(c.y()[best]) : Display.DASH);
            }
            return sb.toString();
        }

        private static int nearest(double[] xs, double v) {
            int best = -1;
            double d = Double.POSITIVE_INFINITY;
            for (int i = 0; i < xs.length; i++) {
                double dd = Math.abs(xs[i] - v);
                if (dd < d) {
                    d = dd;
                    best = i;
                }
            }
            return best;
        }
    }
}
