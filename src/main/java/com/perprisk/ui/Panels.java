package com.perprisk.ui;

import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.export.ResultsCsv;
import com.perprisk.ui.tiles.TilesPane;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The feature panels the main window places (tiles, charts, explain, scenario bar) and the exports it calls. They
 * only read the {@link RiskContext}; this is the one place that names them.
 */
final class Panels {
    private Panels() {
    }

    static Node tiles(RiskContext ctx) {
        TilesPane tiles = new TilesPane(ctx);
        tiles.setId("tiles-panel");
        return tiles;
    }

    static Node charts(RiskContext ctx) {
        return panel("com.perprisk.ui.charts.ChartsPane", ctx, "charts-panel", "Charts");
    }

    static Node explain(RiskContext ctx) {
        return panel("com.perprisk.ui.explain.ExplainPane", ctx, "explain-panel", "Explain");
    }

    static Node scenario(RiskContext ctx) {
        Node n = panel("com.perprisk.ui.scenario.ScenarioBar", ctx, "scenario-bar", "Scenario");
        if (n instanceof Label l) {
            l.setMinHeight(36);
            l.setPrefHeight(36);
        }
        return n;
    }

    /**
     * The feature panel {@code new Type(RiskContext)}, built on another branch: looked up by name so that this window
     * builds and runs before it lands, and shows it as soon as it does. A labelled placeholder until then.
     * (Once both are on main this can become a plain constructor call.)
     */
    private static Node panel(String type, RiskContext ctx, String id, String name) {
        try {
            Object o = Class.forName(type).getConstructor(RiskContext.class).newInstance(ctx);
            if (o instanceof Node n) {
                if (n.getId() == null) {
                    n.setId(id);
                }
                return n;
            }
        } catch (ClassNotFoundException e) {
            // not built yet
        } catch (ReflectiveOperationException | RuntimeException e) {
            Label l = placeholder(id, name);
            l.setText(name + " could not be shown: " + (e.getCause() != null ? e.getCause() : e));
            return l;
        }
        return placeholder(id, name);
    }

    private static Label placeholder(String id, String name) {
        Label l = new Label(name + " (panel pending)");
        l.setId(id);
        l.getStyleClass().add("panel-placeholder");
        l.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        return l;
    }

    /** Results as CSV (values made safe for spreadsheets by {@link ResultsCsv}), written atomically. */
    static void exportCsv(PortfolioRisk risk, Path path) throws IOException {
        Path tmp = Files.createTempFile(path.toAbsolutePath().getParent(), ".export", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                ResultsCsv.write(risk, w);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a snapshot of a chart node as PNG. */
    static void exportChartPng(Node chart, Path path) throws IOException {
        if (chart == null || chart instanceof Label) {
            throw new IOException("no chart to export");
        }
        WritableImage img = chart.snapshot(new SnapshotParameters(), null);
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", path.toFile());
    }
}
