package com.perprisk.ui;

import com.perprisk.ui.support.MainWindowHarness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A window left alone does no work: once the demo is shown and nothing changes, JavaFX runs no pulses (no animation
 * keeps its timer going; the live data's clock that moves the data's age on is a plain scheduled task). A running
 * Timeline made the idle window lay out 60 times a second.
 */
@Tag("ui")
class IdleWindowTest extends MainWindowHarness {
    @Test
    void theIdleWindowRunsNoPulses() throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        Runnable count = pulses::incrementAndGet;
        interact(() -> view.getScene().addPostLayoutPulseListener(count));
        // the layouts that follow the first frame (column fitting, shedding) settle: a quiet 300 ms, within 10 s
        int quietAfter = -1;
        for (int i = 0; i < 33 && quietAfter < 0; i++) {
            pulses.set(0);
            TimeUnit.MILLISECONDS.sleep(300);
            if (pulses.get() == 0) {
                quietAfter = i;
            }
        }
        pulses.set(0);
        TimeUnit.MILLISECONDS.sleep(1_000);
        interact(() -> view.getScene().removePostLayoutPulseListener(count));
        assertTrue(quietAfter >= 0, "the window never went quiet for 300 ms in 10 s");
        assertTrue(pulses.get() <= 1, pulses.get() + " pulses in a second of doing nothing");
    }
}
