package com.perprisk.ui.charts;

import com.perprisk.io.AtomicFiles;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The charts, one tab each, built the first time their tab is shown: equity and requirement against mark, margin
 * ratio against mark, liquidation price against leverage, funding over the horizon with the liquidation-price drift,
 * and premium, basis and carry per market. Only the visible chart sweeps; it redraws whenever the results, the
 * selected position or the scenario change (no Compute button), with the sweep on the background
 * {@link ChartWorker}.
 */
public final class ChartsPane extends TabPane {
    /** Tab ids, in order. */
    public static final List<String> TAB_IDS = List.of("chart-equity", "chart-ratio", "chart-leverage",
            "chart-funding", "chart-basis");

    private final List<ChartViewModel> models = new ArrayList<>();

    public ChartsPane(RiskContext context) {
        this(context, Formats.current());
    }

    private final javafx.beans.property.DoubleProperty exportScale =
            new javafx.beans.property.SimpleDoubleProperty(this, "exportScale", DEFAULT_EXPORT_SCALE);

    public ChartsPane(RiskContext context, Formats fmt) {
        setId("charts-panel");
        getStyleClass().addAll("charts-pane", "dense");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setMinSize(0, 0);
        models.add(new EquityChartModel(context, fmt));
        models.add(new MarginRatioChartModel(context, fmt));
        models.add(new LeverageChartModel(context, fmt));
        models.add(new FundingChartModel(context, fmt));
        models.add(new BasisChartModel(context, fmt));
        for (int i = 0; i < models.size(); i++) {
            ChartViewModel m = models.get(i);
            Tab t = new Tab(m.title());
            t.setId(TAB_IDS.get(i));
            t.setClosable(false);
            t.selectedProperty().addListener((o, was, sel) -> {
                if (sel && t.getContent() == null) {
                    t.setContent(new ChartView(m, fmt));
                }
                m.setActive(sel && shown());
            });
            getTabs().add(t);
        }
        // the size of "Chart as PNG…": right-click a chart tab to choose it (the menu, a popup window, is made then)
        addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> scaleMenu());
        // every chart's tab in sight: short titles when the full ones do not fit (presentation size at 1024 px)
        com.perprisk.ui.controls.TabTitles.install(this, java.util.Map.of("chart-ratio", "Ratio",
                "chart-leverage", "LP/lev.", "chart-basis", "Basis"));
        Tab first = getTabs().get(0);
        first.setContent(new ChartView(models.get(0), fmt));
        models.get(0).setActive(true);
        // inside another tab pane (the main window's): sweep only while that tab shows the charts
        parentProperty().addListener((o, old, parent) -> {
            if (parent != null) {
                parent.visibleProperty().addListener((v, was, now) -> updateActive());
            }
            updateActive();
        });
    }

    /** Whether the charts are on screen: the container the window put them in is visible. */
    private boolean shown() {
        return getParent() == null || getParent().isVisible();
    }

    private void updateActive() {
        int selected = getSelectionModel().getSelectedIndex();
        for (int i = 0; i < models.size(); i++) {
            boolean active = i == selected && shown();
            if (models.get(i).isActive() != active) {
                models.get(i).setActive(active);
            }
        }
    }

    /** The view models, in tab order. */
    public List<ChartViewModel> models() {
        return List.copyOf(models);
    }

    /** The model of the visible chart. */
    public ChartViewModel visibleModel() {
        return models.get(getSelectionModel().getSelectedIndex());
    }

    /** The visible chart's node (heading and chart), or null before it is built. */
    public Node visibleChart() {
        Tab t = getSelectionModel().getSelectedItem();
        return t == null ? null : t.getContent();
    }

    /** Shows the chart with this tab id. */
    public void show(String tabId) {
        getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> getSelectionModel().select(t));
    }

    /** The export scale unless one is chosen: twice the on-screen size, sharp on a slide or a printed page. */
    public static final double DEFAULT_EXPORT_SCALE = 2;

    /** The scale "Chart as PNG…" exports at, times the on-screen size (chosen from a chart tab's menu). */
    /** The chart tabs' menu of export sizes, made when a tab's menu is first asked for. */
    private void scaleMenu() {
        if (getTabs().isEmpty() || getTabs().get(0).getContextMenu() != null) {
            return;
        }
        javafx.scene.control.ToggleGroup scales = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        for (int k = 1; k <= 4; k++) {
            double scale = k;
            var item = new javafx.scene.control.RadioMenuItem("Export PNG at " + k + "× the size on screen");
            item.setToggleGroup(scales);
            item.setSelected(scale == exportScale.get());
            item.setOnAction(e -> exportScale.set(scale));
            menu.getItems().add(item);
        }
        for (Tab t : getTabs()) {
            t.setContextMenu(menu);
        }
    }

    public javafx.beans.property.DoubleProperty exportScaleProperty() {
        return exportScale;
    }

    /** Writes the visible chart as a PNG at the chosen scale ({@link #DEFAULT_EXPORT_SCALE} unless changed). */
    public void exportVisiblePng(Path path) throws IOException {
        exportVisiblePng(path, exportScale.get());
    }

    /** Writes the visible chart as a PNG at {@code scale} times its on-screen size (1 to 4). */
    public void exportVisiblePng(Path path, double scale) throws IOException {
        if (!(scale >= 1 && scale <= 4)) {
            throw new IOException("the export scale must be between 1× and 4×");
        }
        Node chart = visibleChart();
        if (chart == null) {
            throw new IOException("no chart is shown");
        }
        SnapshotParameters sp = new SnapshotParameters();
        if (getScene() != null && getScene().getFill() instanceof javafx.scene.paint.Color c) {
            sp.setFill(c);
        }
        sp.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        WritableImage img = chart.snapshot(sp, null);
        AtomicFiles.write(path, out -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
