package com.perprisk.ui.reconcile;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconcileViewModelTest {
    private ReconcileViewModel r;

    @BeforeEach
    void setUp() {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        r = new ReconcileViewModel(vm.context(), vm.formats());
    }

    @Test
    void theSourceDocumentsRoundFigureIsExplainedByMeasuringMaintenanceAtEntry() {
        assertEquals("p1", r.positionIdProperty().get());
        assertTrue(r.baselineProperty().get().contains("54,271.36"), r.baselineProperty().get());
        r.exchangePriceProperty().set("54300");
        r.tickProperty().set("0.1");
        assertTrue(r.reconcile());
        assertTrue(r.explainedProperty().get(), r.verdictProperty().get());
        assertTrue(r.verdictProperty().get().startsWith("✔ Explained by"), r.verdictProperty().get());
        assertTrue(r.verdictProperty().get().contains("bracket at entry"), r.verdictProperty().get());
        assertFalse(r.candidates().isEmpty());
        assertTrue(r.candidates().get(0).match());
    }

    @Test
    void aFarAwayPriceIsNotExplainedAndTheClosestIsShown() {
        r.exchangePriceProperty().set("50000");
        assertTrue(r.reconcile());
        assertFalse(r.explainedProperty().get());
        assertTrue(r.verdictProperty().get().startsWith("✘ None of the causes explains"), r.verdictProperty().get());
        r.candidates().forEach(c -> assertFalse(c.price().contains("NaN") || c.residual().contains("NaN")));
    }

    @Test
    void inputsThatAreNotNumbersAreNamed() {
        r.exchangePriceProperty().set("abc");
        assertFalse(r.reconcile());
        assertTrue(r.verdictProperty().get().startsWith("Type the liquidation price"));
        r.exchangePriceProperty().set("54300");
        r.tickProperty().set("x");
        assertFalse(r.reconcile());
        assertTrue(r.verdictProperty().get().startsWith("tick size"), r.verdictProperty().get());
    }

    @Test
    void theVerdictAndNotesShowRoundedNumbers() {
        for (String price : new String[] {"50000", "54300", "54271.5"}) {
            r.exchangePriceProperty().set(price);
            assertTrue(r.reconcile());
            java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of(r.verdictProperty().get(),
                    r.explanationProperty().get()));
            r.candidates().forEach(c -> texts.add(c.notes()));
            for (String t : texts) {
                assertEquals(java.util.List.of(), com.perprisk.ui.support.Unrounded.in(t), price + ": " + t);
            }
            // the exchange's price as typed, grouped as every number on screen
            String shown = new Formats(Locale.US).quantity(Double.parseDouble(price), 8);
            assertTrue(r.verdictProperty().get().contains(shown), shown + " in " + r.verdictProperty().get());
        }
    }
}
