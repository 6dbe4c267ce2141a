package com.perprisk.ui.compare;

import com.perprisk.ui.TeachingPanels;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.Parent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 9 §2 defect 11: opening Compare, Reconcile or Probability squeezed the markets and tier panels on the left
 * until their buttons read "Pre…", "Im…" (at 1280×800).
 */
class TeachingRoomWindowTest extends MainWindowHarness {
    @Test
    void theLeftPanelsStayReadableWithATeachingTabOpen() {
        Parent left = (Parent) lookup("#markets-split").query();
        for (String tab : List.of(TeachingPanels.COMPARE, TeachingPanels.RECONCILE, TeachingPanels.PROBABILITY)) {
            interact(() -> view.teaching().select(tab));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = interactAndGet(() -> truncated(left));
            assertEquals(List.of(), cut, tab + " open at 1280×800");
        }
    }

    private <T> T interactAndGet(java.util.concurrent.Callable<T> c) {
        Object[] out = new Object[1];
        interact(() -> {
            try {
                out[0] = c.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        @SuppressWarnings("unchecked") T t = (T) out[0];
        return t;
    }
}
