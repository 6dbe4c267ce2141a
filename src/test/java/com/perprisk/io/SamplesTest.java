package com.perprisk.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplesTest {

    @Test
    void listsTheBundledSamples() throws Exception {
        List<String> names = Samples.list().stream().map(Samples.Sample::name).toList();
        assertTrue(names.containsAll(List.of("demo", "binance-faq-cross", "isolated-long-60k", "bybit-isolated",
                "bybit-vs-mark")), names.toString());
    }

    @Test
    void opensByShortOrFullName() throws Exception {
        assertEquals(Samples.open("demo"), Samples.open("demo.perprisk.json"));
        assertEquals(Samples.demo(), Samples.open("/workspaces/demo.perprisk.json"));
        assertEquals(3, Samples.demo().positions().size());
    }

    @Test
    void demoHasSomethingForEveryPanel() throws Exception {
        WorkspaceDocument d = Samples.demo();
        assertTrue(d.positions().stream().anyMatch(p -> "ISOLATED".equals(p.marginMode())));
        assertTrue(d.positions().stream().anyMatch(p -> "CROSS".equals(p.marginMode())));
        assertTrue(d.markets().stream().map(WorkspaceDocument.MarketDoc::convention).distinct().count() >= 2);
        assertTrue(d.markets().stream().allMatch(m -> m.funding() != null));
        assertTrue(d.markets().stream().anyMatch(m -> m.future() != null));
    }

    @Test
    void nextPositionIdIsUnused() throws Exception {
        WorkspaceDocument d = Samples.demo();
        assertEquals("p1", d.nextPositionId());
        WorkspaceDocument.PositionDoc p = d.positions().get(0);
        WorkspaceDocument d2 = d.plusPosition(new WorkspaceDocument.PositionDoc("p1", p.symbol(), p.side(), p.size(),
                p.entryPrice(), p.leverage(), p.marginMode(), null, null, null));
        assertEquals("p2", d2.nextPositionId());
        assertEquals(4, d2.positions().size());
        assertEquals(3, d2.minusPosition(3).positions().size());
    }

    @Test
    void unknownOrSneakyNamesFail() {
        assertThrows(WorkspaceException.class, () -> Samples.open("nope"));
        assertThrows(WorkspaceException.class, () -> Samples.open("../presets/index"));
    }
}
