package com.perprisk.ui.positions;

import com.perprisk.io.LessonCodec;
import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.explain.ExplainViewModel;
import com.perprisk.ui.support.MainWindowHarness;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 9 §2 defect 4: the first click on a result after opening a workspace or lesson explained the wrong thing
 * ("select a position to see it"), and a single-position lesson could never show its formulas: the table kept its
 * row selected across the load, so the selection never changed and the old position id stayed selected.
 */
class ExplainClickWindowTest extends MainWindowHarness {
    @Override
    protected WorkspaceDocument startDocument() {
        try {
            return Samples.demo();
        } catch (WorkspaceException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExplainViewModel.Selection explained() {
        return ExplainViewModel.resolve(ctx.getRisk(), ctx.selectedPositionIdProperty().get(),
                ctx.selectedQuantityProperty().get(), ctx.problemProperty().get());
    }

    @Test
    void aSinglePositionLessonExplainsItsLiquidationPriceOnTheFirstClick() throws Exception {
        WorkspaceDocument lesson = LessonCodec.workspace(LessonCodec.find("tier-boundary").orElseThrow());
        fx(() -> vm.load(lesson, null));
        clickOn(cell(positionsTable(), 0, "col-liquidationPrice"));
        ExplainViewModel.Selection s = explained();
        assertEquals("big-long", s.positionId());
        assertEquals(com.perprisk.engine.explain.ExplainKey.LIQUIDATION_PRICE, s.key());
        assertNotNull(s.explanation(), "the formula is shown");
        assertNull(s.note(), s.note());
    }

    @Test
    void afterOpeningAnotherWorkspaceTheClickedRowIsExplained() throws Exception {
        WorkspaceDocument faq = Samples.open("binance-faq-cross");
        fx(() -> vm.load(faq, null));
        clickOn(cell(positionsTable(), 1, "col-maintenanceMargin"));
        assertEquals(vm.positions().get(1).getId(), explained().positionId());
        assertEquals(com.perprisk.engine.explain.ExplainKey.MAINTENANCE_MARGIN, explained().key());
        clickOn(cell(positionsTable(), 0, "col-roe"));
        assertEquals(vm.positions().get(0).getId(), explained().positionId());
    }
}
