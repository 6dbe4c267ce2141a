package com.perprisk.ui.compare;

import com.perprisk.engine.Convention;
import com.perprisk.engine.compare.VenueComparison;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareViewModelTest {

    @Test
    void everyConventionSideBySideWithTheCauseOfEachDifference() {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        CompareViewModel c = new CompareViewModel(vm.context(), vm.formats());
        c.refresh();
        assertEquals("", c.problemProperty().get());
        assertEquals(CompareViewModel.Quantity.values().length, c.rows().size());
        CompareViewModel.Row liq = c.rows().get(0);
        assertEquals(CompareViewModel.Quantity.LIQUIDATION_PRICE, liq.quantity());
        assertEquals(5, liq.values().size());
        assertEquals(Convention.BINANCE, liq.own());
        // the domain's worked example: 54,271.36 measured at P, 54,300 with MM at entry (Bybit's formula)
        assertEquals("54,271.36", liq.values().get(Convention.BINANCE));
        assertEquals("54,300.00", liq.values().get(Convention.BYBIT));
        assertTrue(liq.causes().contains(VenueComparison.MM_AT_ENTRY), liq.causes());
        assertTrue(liq.details().stream().anyMatch(d -> d.startsWith("Bybit vs Binance")), liq.details().toString());
        for (CompareViewModel.Row r : c.rows()) {
            r.values().values().forEach(v -> assertFalse(v.contains("NaN") || v.contains("∞"), v));
        }
    }

    @Test
    void withoutPositionsItSaysWhatToDo() {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.empty(), null);
        CompareViewModel c = new CompareViewModel(vm.context(), vm.formats());
        c.refresh();
        assertTrue(c.rows().isEmpty());
        assertTrue(c.problemProperty().get().startsWith("Add a position"));
    }
}
