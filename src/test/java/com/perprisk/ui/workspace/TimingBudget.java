package com.perprisk.ui.workspace;

import java.lang.management.ManagementFactory;

/**
 * The time a timing test allows. The target holds on an idle machine; on a machine whose CPUs are already busy
 * (load average above 1.5 per core, as on a shared CI runner) a test only guards against gross regressions, so that
 * it does not fail for someone else's load. The measured value is always printed.
 */
public final class TimingBudget {
    private TimingBudget() {
    }

    public static double millis(double target) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        boolean busy = load > 1.5 * cpus;
        if (busy) {
            System.out.printf("machine busy (load %.1f on %d CPUs): timing budget %.0f ms instead of %.0f ms%n", load,
                    cpus, target * 4, target);
        }
        return busy ? target * 4 : target;
    }
}
