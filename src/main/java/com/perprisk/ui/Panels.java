package com.perprisk.ui;

import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.ui.charts.ChartsPane;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.explain.ExplainPane;
import com.perprisk.ui.scenario.ScenarioBar;
import com.perprisk.ui.export.ResultsCsv;
import com.perprisk.ui.tiles.TilesPane;
import javafx.scene.Node;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The feature panels the main window places (tiles, charts, explain, scenario bar; built in their own packages) and
 * the exports it calls. They only read the {@link RiskContext}; this is the one place that names them.
 */
final class Panels {
    private Panels() {
    }

    static Node tiles(RiskContext ctx) {
        TilesPane tiles = new TilesPane(ctx);
        tiles.setId("tiles-panel");
        return tiles;
    }

    static ChartsPane charts(RiskContext ctx) {
        ChartsPane charts = new ChartsPane(ctx);
        charts.setId("charts-panel");
        return charts;
    }

    static Node explain(RiskContext ctx) {
        ExplainPane explain = new ExplainPane(ctx);
        explain.setId("explain-panel");
        return explain;
    }

    static Node scenario(RiskContext ctx) {
        ScenarioBar bar = new ScenarioBar(ctx);
        bar.setId("scenario-bar");
        return bar;
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

    /** The chart on show as PNG. */
    static void exportChartPng(ChartsPane charts, Path path) throws IOException {
        charts.exportPng(path);
    }
}
