package com.perprisk.bench;

import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A probe, not a test (bench/ is skipped by Surefire): the FX thread's own work for the main window's first frame,
 * measured on a busy machine. The launch probe ({@code installers/measure-startup.sh}) counts a cold JVM, whose CPU
 * time swings by ±10 % here with the other processes (how soon the JIT's code is ready); this one builds the window
 * as {@code PerpRiskApp.start} does (theme, view model, main view, the demo, scene, show) again and again in one JVM
 * and prints the FX thread's CPU time from the start of that to the end of the first pulse that lays out the shown
 * scene: the first build (cold: class loading, interpreted code) and the median of the later ones (warm: the work
 * itself, CSS, skins and layout of the nodes), with the scene's node count, the tooltips made and the popup windows
 * whose scenes the first build styled.
 * <pre>
 * DISPLAY=:N java -cp target/test-classes:target/classes:target/lib/* com.perprisk.bench.FirstFrameWorkProbe [BUILDS]
 * </pre>
 */
public final class FirstFrameWorkProbe {
    private FirstFrameWorkProbe() {
    }

    public static void main(String[] args) {
        Application.launch(Probe.class, args);
    }

    public static final class Probe extends Application {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final List<Long> cpu = new ArrayList<>();
        private WorkspaceDocument demo;
        private int builds;

        @Override
        public void start(Stage first) throws Exception {
            builds = getParameters().getRaw().isEmpty() ? 25 : Integer.parseInt(getParameters().getRaw().get(0));
            demo = Samples.demo();
            build(first);
        }

        private void build(Stage stage) {
            long start = THREADS.getCurrentThreadCpuTime();
            ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
            WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext());
            MainView view = new MainView(vm, null, theme);
            vm.load(demo, null);
            Scene scene = new Scene(view, 1280, 800);
            theme.attach(view);
            stage.setScene(scene);
            stage.show();
            view.focusStart();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                cpu.add(THREADS.getCurrentThreadCpuTime() - start);
                if (cpu.size() == 1) {
                    System.out.printf("first build: %d nodes, %d tooltips made, %d popup windows styled, %d classes"
                            + " loaded%n", count(view), tooltips(view), styledRoots() - 1,
                            ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
                }
                Platform.runLater(() -> next(stage));
            };
            Platform.runLater(() -> {
                scene.addPostLayoutPulseListener(once[0]);
                Platform.requestNextPulse();
            });
        }

        private void next(Stage stage) {
            stage.close();
            if (cpu.size() < builds) {
                build(new Stage());
                return;
            }
            long[] warm = cpu.subList(Math.min(Integer.getInteger("warmup", 5), cpu.size() - 1), cpu.size()).stream().mapToLong(Long::longValue)
                    .sorted().toArray();
            System.out.printf("FX-thread CPU to the first frame: first build %.0f ms; warm (builds 6-%d) median %.1f ms,"
                    + " min %.1f ms%n", cpu.get(0) / 1e6, cpu.size(), warm[warm.length / 2] / 1e6, warm[0] / 1e6);
            System.out.println("all builds (ms): " + Arrays.toString(cpu.stream().mapToLong(c -> c / 1_000_000)
                    .toArray()));
            Platform.exit();
        }

        /**
         * Scene roots JavaFX's CSS has styled so far: the window's and one per popup window made (a tooltip, a
         * context menu, a menu's popup: each a scene of its own, styled when made even if never shown); 0 when the
         * JavaFX build keeps no such map.
         */
        private static int styledRoots() {
            try {
                return ((java.util.Map<?, ?>) Class.forName("com.sun.javafx.css.StyleManager")
                        .getField("cacheContainerMap").get(null)).size();
            } catch (ReflectiveOperationException | RuntimeException e) {
                return 0;
            }
        }

        private static int count(Node n) {
            int c = 1;
            if (n instanceof Parent p) {
                for (Node k : p.getChildrenUnmodifiable()) {
                    c += count(k);
                }
            }
            return c;
        }

        private static int tooltips(Node n) {
            int c = n instanceof Control k && k.getTooltip() != null
                    || n.getProperties().containsKey("javafx.scene.control.Tooltip") ? 1 : 0;
            if (n instanceof Parent p) {
                for (Node k : p.getChildrenUnmodifiable()) {
                    c += tooltips(k);
                }
            }
            return c;
        }
    }
}
