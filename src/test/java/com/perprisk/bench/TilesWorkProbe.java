package com.perprisk.bench;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.support.Fixtures;
import com.perprisk.ui.tiles.TilesPane;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * A probe, not a test (bench/ is skipped by Surefire): the FX thread's CPU time to build the headline tiles with
 * results (hand-checked fixture), style them with the window's theme and stylesheets and lay them out, in a scene
 * of their own: the first build (cold: class loading, interpreted code, with the classes it loads) and the median of
 * the later ones (warm). The tiles' own share of {@link FirstFrameWorkProbe}'s figure, steadier on a busy machine.
 * <pre>
 * DISPLAY=:N java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) com.perprisk.bench.TilesWorkProbe [BUILDS]
 * </pre>
 */
public final class TilesWorkProbe {
    private TilesWorkProbe() {
    }

    public static void main(String[] args) {
        Application.launch(Probe.class, args);
    }

    public static final class Probe extends Application {
        @Override
        public void start(Stage stage) {
            int builds = getParameters().getRaw().isEmpty() ? 200 : Integer.parseInt(getParameters().getRaw().get(0));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
            RiskContext ctx = new RiskContext();
            ctx.portfolioProperty().set(Fixtures.portfolio());
            ctx.riskProperty().set(Fixtures.handRisk());
            List<Long> cpu = new ArrayList<>();
            int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
            for (int i = 0; i < builds; i++) {
                long start = threads.getCurrentThreadCpuTime();
                StackPane root = new StackPane();
                root.getStyleClass().add("main-view");
                root.getChildren().add(new TilesPane(ctx));
                new Scene(root, 640, 110);
                theme.attach(root);
                root.applyCss();
                root.layout();
                cpu.add(threads.getCurrentThreadCpuTime() - start);
                if (i == 0) {
                    classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount() - classes;
                }
            }
            List<Long> warm = new ArrayList<>(cpu.subList(Math.min(cpu.size() - 1, builds / 4), cpu.size()));
            warm.sort(null);
            System.out.printf("tiles: first build %.1f ms (%d classes loaded for it); warm (builds %d-%d) median %.2f ms%n",
                    cpu.get(0) / 1e6, classes, builds - warm.size() + 1, builds, warm.get(warm.size() / 2) / 1e6);
            Platform.exit();
        }
    }
}
