package com.perprisk.bench;

import com.perprisk.ui.MainView;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Arrays;

/** What the window probes share: the main window as the app shows it, and the median and p90 of timed samples. */
final class ProbeSupport {
    private ProbeSupport() {
    }

    /** The real main window on the workspace, light theme, 1280×800, shown. */
    static MainView show(Stage stage, WorkspaceViewModel vm) {
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        MainView view = new MainView(vm, null, theme);
        view.setDialogs(null);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
        return view;
    }

    /** Median and 90th percentile in milliseconds of nanosecond samples, the first {@code skip} left out (warm-up). */
    record Percentiles(double median, double p90) {
        static Percentiles of(long[] nanos, int skip) {
            long[] measured = Arrays.copyOfRange(nanos, skip, nanos.length);
            Arrays.sort(measured);
            return new Percentiles(measured[measured.length / 2] / 1e6, measured[(int) (measured.length * 0.9)] / 1e6);
        }

        /** The better of two rounds by median: other processes on a shared machine only ever add time. */
        Percentiles best(Percentiles other) {
            return other == null || median <= other.median ? this : other;
        }
    }
}
