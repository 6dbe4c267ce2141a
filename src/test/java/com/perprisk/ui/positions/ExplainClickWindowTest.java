package com.perprisk.ui.positions;

import com.perprisk.io.LessonCodec;
import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
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
        // (a column that always stays: at 1280 px this sample's wide values make MM and Bankr. step aside)
        clickOn(cell(positionsTable(), 1, "col-unrealizedPnl"));
        assertEquals(vm.positions().get(1).getId(), explained().positionId());
        assertEquals(com.perprisk.engine.explain.ExplainKey.UNREALIZED_PNL, explained().key());
        clickOn(cell(positionsTable(), 0, "col-roe"));
        assertEquals(vm.positions().get(0).getId(), explained().positionId());
    }
}
