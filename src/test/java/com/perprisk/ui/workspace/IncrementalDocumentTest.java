package com.perprisk.ui.workspace;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.live.LiveConfig;
import com.perprisk.ui.live.LiveViewModel;
import com.perprisk.venue.InMemoryKeyStore;
import com.perprisk.venue.SnapshotCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An edit builds the workspace document once (not again for the live panel) and parses only the row it changed
 * (issue 14 item 13: with 1,000 positions in 500 markets every edit parsed all 6,000 tier rows twice). The
 * incremental document is always the one a fresh build of the rows gives, problems included.
 */
class IncrementalDocumentTest {
    private final Formats formats = new Formats(Locale.US);
    private final WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), formats);

    @TempDir
    Path dir;

    private void assertSameAsFreshBuild() {
        DocumentBuilder fresh = new DocumentBuilder(formats);
        var doc = fresh.build(vm.nameProperty().get(), vm.account(), vm.markets(), vm.positions(),
                vm.documentExtra());
        assertEquals(doc, vm.documentProperty().get());
        assertEquals(fresh.problems(), vm.builder().problems());
    }

    @Test
    void anEditParsesOnlyItsRowAndBuildsTheDocumentOnce() {
        vm.load(TestDocs.positions(40, "forty"), null);
        new LiveViewModel(vm, new LiveConfig(Map.of(), Duration.ofSeconds(5)), new InMemoryKeyStore(),
                new SnapshotCache(dir), Clock.systemUTC(), null, Runnable::run);
        DocumentBuilder b = vm.builder();
        var before = vm.documentProperty().get();
        int builds = b.builds();
        int parsed = b.parsedRows();

        vm.positions().get(7).sizeProperty().set("0.5");
        assertEquals(builds + 1, b.builds(), "one build per edit, shared with the live panel");
        assertEquals(parsed + 1, b.parsedRows(), "only the edited position is parsed again");
        var after = vm.documentProperty().get();
        assertSame(before.markets().get(3), after.markets().get(3), "an unchanged market is the same part");
        assertSame(before.positions().get(6), after.positions().get(6));
        assertEquals(0.5, after.positions().get(7).size());
        assertSameAsFreshBuild();

        vm.markets().get(4).tiers().get(2).mmrPercentProperty().set("1.1"); // a tier: its market only
        assertEquals(builds + 2, b.builds());
        assertEquals(parsed + 2, b.parsedRows());
        assertEquals(0.011, vm.documentProperty().get().markets().get(4).tiers().get(2).mmr(), 1e-15);
        assertSameAsFreshBuild();

        vm.addPosition(); // every market has both legs: a new market comes with it; the others keep their places
        assertEquals(parsed + 4, b.parsedRows());
        assertSameAsFreshBuild();

        vm.undo(); // back to the rows' earlier values: only the rows that changed are parsed
        vm.undo();
        assertEquals(parsed + 5, b.parsedRows());
        assertEquals(before.markets().get(4), vm.documentProperty().get().markets().get(4));
        assertSameAsFreshBuild();
    }

    /** Every property of a row that the document holds is in the values its part is keyed by. */
    @Test
    void everyInputFieldOfARowIsSeenByTheBuilder() throws Exception {
        vm.load(TestDocs.positions(4, "four"), null);
        MarketRow market = vm.markets().get(1);
        checkEveryField(market, Set.of("tierSource")); // the table's provenance label, not in the document
        checkEveryField(market.tiers().get(3), Set.of());
        checkEveryField(vm.positions().get(2), Set.of("risk"));
    }

    private void checkEveryField(Object row, Set<String> notInDocument) throws Exception {
        int checked = 0;
        for (java.lang.reflect.Field f : row.getClass().getDeclaredFields()) {
            if (!javafx.beans.property.Property.class.isAssignableFrom(f.getType())
                    && !javafx.beans.property.ReadOnlyProperty.class.isAssignableFrom(f.getType())) {
                continue;
            }
            f.setAccessible(true);
            var property = (javafx.beans.property.ReadOnlyProperty<?>) f.get(row);
            if (notInDocument.contains(property.getName())) {
                continue;
            }
            int parsed = vm.builder().parsedRows();
            var before = vm.documentProperty().get();
            if (property instanceof javafx.beans.property.StringProperty text) {
                text.set(text.get() + "7");
            } else if (property instanceof javafx.beans.property.ObjectProperty<?> choice
                    && choice.get() instanceof Enum<?> e) {
                Object[] values = e.getDeclaringClass().getEnumConstants();
                @SuppressWarnings("unchecked")
                var typed = (javafx.beans.property.ObjectProperty<Object>) choice;
                typed.set(values[(e.ordinal() + 1) % values.length]);
            } else {
                throw new AssertionError(property.getName() + ": a field this test does not know how to change");
            }
            assertEquals(parsed + 1, vm.builder().parsedRows(), property.getName() + " is not in the row's key");
            assertTrue(!before.equals(vm.documentProperty().get()), property.getName());
            assertSameAsFreshBuild();
            checked++;
        }
        assertTrue(checked >= 5, "found " + checked + " fields of " + row.getClass().getSimpleName());
    }

    @Test
    void theSameInputsKeepTheSameReport() {
        vm.load(TestDocs.positions(40, "forty"), null);
        var risk = vm.context().getRisk();
        vm.nameProperty().set("renamed"); // nothing the engine reads
        assertSame(risk, vm.context().getRisk(), "not evaluated again, not compared by its listeners");
        vm.load(TestDocs.positions(40, "forty"), null); // the same file opened again
        assertSame(risk, vm.context().getRisk());
        vm.positions().get(3).sizeProperty().set("0.3");
        assertTrue(risk != vm.context().getRisk());
        // positions[3] is the short of market 1, marked at 100: notional = 0.3 × 100
        assertEquals(30, vm.context().getRisk().position(vm.positions().get(3).getId()).orElseThrow().notional(), 1e-9);
    }

    @Test
    void aProblemStaysAtItsFieldWhileOtherRowsAreEdited() {
        vm.load(TestDocs.positions(10, "ten"), null);
        vm.positions().get(2).leverageProperty().set("ten");
        assertTrue(vm.problemAt(FieldPaths.position(2, "leverage")).orElseThrow().error());
        vm.positions().get(5).sizeProperty().set("0.25"); // that row is reused, its problem with it
        assertTrue(vm.problemAt(FieldPaths.position(2, "leverage")).orElseThrow().error());
        assertSameAsFreshBuild();

        vm.removePosition(vm.positions().get(0)); // the rows below move up: their paths change with them
        assertTrue(vm.problemAt(FieldPaths.position(1, "leverage")).orElseThrow().error());
        assertTrue(vm.problemAt(FieldPaths.position(2, "leverage")).isEmpty());
        assertSameAsFreshBuild();

        vm.positions().get(1).leverageProperty().set("10");
        assertEquals(List.of(), vm.problems().values().stream().filter(InputProblem::error).toList());
        assertSameAsFreshBuild();
    }
}
