package com.perprisk.ui;

import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.io.AtomicFiles;
import com.perprisk.ui.charts.ChartsPane;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.explain.ExplainPane;
import com.perprisk.ui.export.ResultsCsv;
import com.perprisk.ui.scenario.ScenarioBar;
import com.perprisk.ui.tiles.TilesPane;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The feature panels the main window places (tiles, charts, explain, scenario bar) and the exports it calls. They
 * only read the {@link RiskContext}; this is the one place that names them.
 */
final class Panels {
    private Panels() {
    }

    static Node tiles(RiskContext ctx) {
        return new TilesPane(ctx);
    }

    static ChartsPane charts(RiskContext ctx) {
        return new ChartsPane(ctx);
    }

    static Node explain(RiskContext ctx) {
        return new ExplainPane(ctx);
    }

    static Node scenario(RiskContext ctx) {
        return new ScenarioBar(ctx);
    }

    /** Writes the results as CSV (UTF-8); text cells that a spreadsheet would run as formulas are quoted. */
    static void exportCsv(PortfolioRisk risk, Path path) throws IOException {
        if (risk == null) {
            throw new IOException("there are no results to export");
        }
        AtomicFiles.write(path, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            ResultsCsv.write(risk, w);
            w.flush();
        });
    }

    /** Writes the visible chart as PNG: the chosen chart tab when given the charts pane, else a snapshot of the node. */
    static void exportChartPng(Node chart, Path path) throws IOException {
        exportChartPng(chart, path, chart instanceof ChartsPane charts ? charts.exportScaleProperty().get()
                : ChartsPane.DEFAULT_EXPORT_SCALE);
    }

    /** Writes the chart as a PNG at {@code scale} times its on-screen size. */
    static void exportChartPng(Node chart, Path path, double scale) throws IOException {
        if (chart == null) {
            throw new IOException("no chart to export");
        }
        if (chart instanceof ChartsPane charts) {
            charts.exportVisiblePng(path, scale);
            return;
        }
        SnapshotParameters sp = new SnapshotParameters();
        sp.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        WritableImage img = chart.snapshot(sp, null);
        AtomicFiles.write(path, out -> ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out));
    }
}
