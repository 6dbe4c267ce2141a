package com.perprisk.ui.lab;

import com.perprisk.engine.vamm.Vamm;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every page's view model, without a screen, on the bundled lab documents. */
class LabViewModelTest {
    private LabViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new LabViewModel(new Formats(Locale.US));
    }

    private void load(int i) {
        assertTrue(vm.loadBundled(LabViewModel.BUNDLED.get(i)), vm.problemProperty().get());
    }

    @Test
    void everyBundledDocumentLoads() {
        for (LabViewModel.Bundled b : LabViewModel.BUNDLED) {
            assertTrue(vm.loadBundled(b), b + ": " + vm.problemProperty().get());
        }
        assertFalse(vm.loadBundled(new LabViewModel.Bundled("missing.json", "missing")));
        assertTrue(vm.problemProperty().get().contains("not bundled"));
    }

    @Test
    void indexPageMarksDroppedFeedsAndRecomputesOnEdit() {
        load(1); // a bad feed
        IndexPageModel m = vm.index();
        assertEquals("60,111.54", m.priceProperty().get());
        var bad = m.rows().stream().filter(r -> r.nameProperty().get().equals("BadFeed")).findFirst().orElseThrow();
        assertTrue(bad.droppedProperty().get());
        assertTrue(bad.statusProperty().get().startsWith("dropped: 10.11% from the median 60,075"),
                bad.statusProperty().get());
        var frozen = m.rows().stream().filter(r -> r.nameProperty().get().equals("Frozen")).findFirst().orElseThrow();
        assertTrue(frozen.statusProperty().get().startsWith("dropped: stale"), frozen.statusProperty().get());
        bad.priceProperty().set("60000");
        assertFalse(bad.droppedProperty().get());
        assertEquals(new Formats(Locale.US).number((3_907_250_000.0 + 2_400_000_000.0) / 105_000, 2),
                m.priceProperty().get());
        m.minSourcesProperty().set("5");
        assertTrue(m.problemProperty().get().contains("falls back"), m.problemProperty().get());
        m.minSourcesProperty().set("2.5");
        assertEquals(Formats.NONE, m.priceProperty().get());
        assertTrue(m.problemProperty().get().startsWith("Min sources"), m.problemProperty().get());
        m.minSourcesProperty().set("3");
        m.medianProperty().set(true);
        assertEquals("60,075.00", m.priceProperty().get()); // median of 60,000, 60,050, 60,100, 60,150
        assertTrue(m.workingProperty().get().contains("index = median("), m.workingProperty().get());
    }

    @Test
    void bookPageShadesTheImpactFillAndRefusesAThinBook() {
        load(0);
        BookPageModel b = vm.book();
        assertEquals("60,074.03", b.impactBidProperty().get());
        BookPageModel.Depth d = b.depthProperty().get();
        assertNotNull(d);
        assertEquals(60_050, d.lastBidFilled(), 0.0);
        assertEquals(60_170, d.lastAskFilled(), 0.0);
        assertEquals(0.5 * 60_090, d.bids().get(0).cumulativeQuote(), 1e-9);
        b.impactNotionalProperty().set("99999999");
        assertNull(b.depthProperty().get());
        assertTrue(b.problemProperty().get().startsWith("the book is too thin"), b.problemProperty().get());
        b.impactNotionalProperty().set("x");
        assertTrue(b.problemProperty().get().startsWith("Impact notional"), b.problemProperty().get());
    }

    @Test
    void premiumSamplesAreEditableAndABadCellNamesItself() {
        load(0); // the tour: Binance, samples 0.02 %, 0.03 %, 0.04 %, 0.03 %
        FundingPageModel f = vm.funding();
        assertEquals(4, f.sampleRows().size());
        assertEquals("0.02", f.sampleRows().get(0).percentProperty().get());
        assertEquals("+0.0100% per 8 h", f.rateProperty().get());
        // P = Σ i × P_i / Σ i: (1 × 0.02 + 2 × 0.03 + 3 × 0.04 + 4 × 0.03) / 10 = 0.032 %
        assertEquals("+0.0320%", f.premiumProperty().get());
        // the last sample at 0.5 %: P = (0.2 + 0.6 + 1.2 + 20) / 100 % = 0.22 %; F = P + clamp(0.01 − 0.22, ±0.05) = 0.17 %
        f.sampleRows().get(3).percentProperty().set("0.5");
        assertEquals("+0.2200%", f.premiumProperty().get());
        assertEquals("+0.1700% per 8 h", f.rateProperty().get());
        assertEquals(0.005, f.chartProperty().get().samples().get(3), 1e-12);
        // a bad cell: the figures blank, the cell named
        f.sampleRows().get(1).percentProperty().set("abc");
        assertEquals(Formats.NONE, f.rateProperty().get());
        assertNull(f.chartProperty().get());
        assertEquals("Sample 2: not a number: abc", f.problemProperty().get());
        f.sampleRows().get(1).percentProperty().set("");
        assertEquals("Sample 2: required (a premium in %)", f.problemProperty().get());
        f.removeSample(f.sampleRows().get(1));
        assertEquals("", f.problemProperty().get());
        // P = (1 × 0.02 + 2 × 0.04 + 3 × 0.5) / 6 % = 0.2667 %
        assertEquals("+0.2667%", f.premiumProperty().get());
        f.addSample("0.01");
        assertEquals(4, f.chartProperty().get().samples().size());
        // every sample removed: the book and the index give one sample, and the page says so
        new java.util.ArrayList<>(f.sampleRows()).forEach(f::removeSample);
        assertTrue(f.sampleSourceProperty().get().contains("book"), f.sampleSourceProperty().get());
        assertEquals(1, f.chartProperty().get().samples().size(), f.problemProperty().get());
    }

    @Test
    void bookLevelsAreEditableAndABadCellNamesItself() {
        load(0);
        BookPageModel b = vm.book();
        assertEquals("60,074.03", b.impactBidProperty().get());
        var best = b.bids().get(0);
        assertEquals("60090", best.priceProperty().get());
        // a cell that is not a number: the figures go blank and the cell is named, never an exception
        best.sizeProperty().set("lots");
        assertEquals(Formats.NONE, b.impactBidProperty().get());
        assertNull(b.depthProperty().get());
        assertEquals("Bid 1 size: not a number: lots", b.problemProperty().get());
        best.sizeProperty().set("0");
        assertEquals("Bid 1 size: a number above 0, got 0", b.problemProperty().get());
        best.sizeProperty().set("0.5");
        assertEquals("60,074.03", b.impactBidProperty().get());
        assertEquals("", b.problemProperty().get());
        // a bid at or above the best ask is refused as a crossed book
        best.priceProperty().set("70000");
        assertTrue(b.problemProperty().get().startsWith("the book is crossed"), b.problemProperty().get());
        best.priceProperty().set("60090");
        // a deep new bid: selling the impact notional now fills better, so the impact bid rises
        double before = b.book().impactBid(200_000);
        b.addLevel(true, "60089", "100");
        assertTrue(b.book().impactBid(200_000) > before);
        assertEquals(new Formats(Locale.US).price(b.book().impactBid(200_000), b.book().mid()),
                b.impactBidProperty().get());
        var blank = b.addLevel(false, "", "");
        assertEquals("Ask " + b.asks().size() + " price: required", b.problemProperty().get());
        b.removeLevel(blank);
        assertEquals("", b.problemProperty().get());
        // every ask removed: the side is named
        new java.util.ArrayList<>(b.asks()).forEach(b::removeLevel);
        assertEquals("Asks: add at least one level", b.problemProperty().get());
    }

    @Test
    void fundingPageShowsTheClampBandAndTheIndexOverTime() {
        load(2); // why funding is clamped
        FundingPageModel f = vm.funding();
        FundingPageModel.Chart c = f.chartProperty().get();
        assertEquals(-0.12, c.bandLow(), 1e-12);
        assertEquals(0.12, c.bandHigh(), 1e-12);
        assertEquals(0.12, c.rate(), 1e-12);
        assertEquals(60, c.samples().size());
        assertEquals("+12.0000% per 8 h", f.rateProperty().get());
        assertEquals("+21.9190%", f.premiumProperty().get());
        assertEquals("±12.0000%", f.boundProperty().get());
        // the index climbs 0.12 / 8 × 60,000 = 900 per hour
        assertEquals(900, c.fundingIndex().get(1)[1], 1e-9);
        assertTrue(f.workingProperty().get().contains("bound = clamp factor × (IMF − MMF)"));
        load(0); // Binance: the band is where I − P is not clamped, around the interest
        c = vm.funding().chartProperty().get();
        assertEquals(0.0001 - 0.0005, c.bandLow(), 1e-12);
        assertEquals(0.0001 + 0.0005, c.bandHigh(), 1e-12);
    }

    @Test
    void vammPageMovesAlongTheCurveAndComparesWithTheBook() {
        load(3); // order book vs vAMM vs pool
        VammPageModel v = vm.vamm();
        assertEquals("105.000", v.averageProperty().get());
        assertTrue(v.priceMoveProperty().get().endsWith("(+10.25%)"), v.priceMoveProperty().get());
        VammPageModel.Curve c = v.curveProperty().get();
        assertEquals(c.baseBefore() * c.quoteBefore(), c.baseAfter() * c.quoteAfter(), 1e-3);
        assertTrue(v.onBookProperty().get().startsWith("On the order book: average 100.14"),
                v.onBookProperty().get());
        // the same quote amount walked through the document's book, drawn beside the curve and explained
        VammPageModel.OnBook ob = v.bookWalkProperty().get();
        assertTrue(ob.documentBook());
        assertTrue(ob.walk().buy());
        assertEquals(ob.walk().averagePrice(), Double.parseDouble(v.onBookProperty().get()
                .replaceAll("^On the order book: average ([0-9.,]+),.*$", "$1").replace(",", "")), 0.01);
        assertTrue(v.workingProperty().get().contains("Average price on the order book"), v.workingProperty().get());
        v.kindProperty().set(Vamm.Kind.BASE_OUT);
        v.amountProperty().set("20000");
        assertNull(v.curveProperty().get());
        assertTrue(v.problemProperty().get().contains("not below the base reserve"), v.problemProperty().get());
    }

    @Test
    void poolPageFillsTheAdlGauge() {
        load(3);
        PoolPageModel p = vm.pool();
        // long PnL / long pool = 750,000 / 1,500,000 = 50%, over the 45% threshold
        assertEquals(0.5 / 0.45, p.longGaugeProperty().get(), 1e-12);
        assertTrue(p.adlProperty().get().contains("longs ADL'd"), p.adlProperty().get());
        assertEquals(3_000_000, p.longOiProperty().get(), 0.0);
        assertTrue(p.workingProperty().get().contains("Pool value"));
    }

    @Test
    void cascadePageStepsThroughTheRounds() {
        load(4);
        CascadePageModel c = vm.cascade();
        assertEquals(2, c.roundsProperty().get());
        c.restart();
        assertTrue(c.bookTextProperty().get().startsWith("mark 99.300 · 0 liquidated"), c.bookTextProperty().get());
        assertTrue(c.step());
        assertTrue(c.bookTextProperty().get().contains("2 liquidated"), c.bookTextProperty().get());
        assertTrue(c.step());
        assertFalse(c.step());
        assertTrue(c.bookTextProperty().get().endsWith("ADL 93.00"), c.bookTextProperty().get());
        assertTrue(c.verdictProperty().get().contains("the local book amplifies, the index damps"));
        assertTrue(c.anchoredTextProperty().get().contains("0 liquidated"));
        assertEquals(99.86, CascadePageModel.markAfter(c.anchoredProperty().get(), 5), 1e-9);
    }

    @Test
    void labLessonsNameBundledDocumentsAndNarratives() throws Exception {
        var lessons = LabLessons.list();
        assertEquals(4, lessons.size());
        for (var l : lessons) {
            assertTrue(vm.loadBundled(l.document()), l.id() + ": " + vm.problemProperty().get());
            String text = LabLessons.narrative(l);
            assertTrue(text.startsWith("# " + l.title()), l.id());
            assertTrue(text.length() < 3_000, l.id());
        }
    }

    @Test
    void vammPageComparesWithADefaultBookWhenTheDocumentsTradesElsewhere() {
        load(0); // the tour: its book trades near 60,110, its vAMM near 10
        VammPageModel v = vm.vamm();
        VammPageModel.OnBook ob = v.bookWalkProperty().get();
        assertFalse(ob.documentBook());
        assertEquals(10, ob.walk().mid(), 1e-9);
        assertTrue(v.onBookProperty().get().contains("a default book at 10.0000"), v.onBookProperty().get());
        // 600 of quote into 20 levels of 50 (the vAMM's 1,000 quote): 12 levels, up to 10 × 1.06
        assertEquals(12, ob.walk().steps().size());
        assertTrue(ob.walk().impact() < 0.05, "the book moves a few percent where the vAMM moves 156%");
        v.kindProperty().set(Vamm.Kind.BASE_IN);
        v.amountProperty().set("10");
        assertFalse(v.bookWalkProperty().get().walk().buy(), "selling base walks the bids");
    }

    @Test
    void everyPagesWorkingIsRoundedAsTheScreenShowsNumbers() {
        for (LabViewModel.Bundled b : LabViewModel.BUNDLED) {
            assertTrue(vm.loadBundled(b), b + ": " + vm.problemProperty().get());
            for (String w : List.of(vm.index().workingProperty().get(), vm.book().workingProperty().get(),
                    vm.funding().workingProperty().get(), vm.vamm().workingProperty().get(),
                    vm.pool().workingProperty().get())) {
                List<String> bad = com.perprisk.ui.support.Unrounded.in(w);
                assertTrue(bad.isEmpty(), b + ": " + bad + " unrounded in\n" + w);
            }
        }
    }
}
