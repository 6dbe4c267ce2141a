package com.perprisk.io;

import com.perprisk.engine.Convention;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.FutureDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceMapperTest {

    private static final List<TierDoc> BINANCE_2021_HEAD = List.of(
            new TierDoc(0.0, 50_000.0, 125.0, 0.004, 0.0),
            new TierDoc(50_000.0, 250_000.0, 100.0, 0.005, 50.0),
            new TierDoc(250_000.0, null, 50.0, 0.01, 1_300.0));

    private static MarketDoc btc() {
        return new MarketDoc("BTCUSDT", "BINANCE", 60_000.0, null, null, BINANCE_2021_HEAD, null, null, null, null);
    }

    private static PositionDoc pos(String id, String side, double size, double entry, double lev, String mode) {
        return new PositionDoc(id, "BTCUSDT", side, size, entry, lev, mode, null, null, null);
    }

    private static WorkspaceDocument doc(String mode, List<MarketDoc> markets, List<PositionDoc> positions) {
        return WorkspaceDocument.of("t", new AccountDoc(10_000.0, mode), null, markets, positions);
    }

    private static WorkspaceDocument oneBtc(PositionDoc p) {
        return doc("ONE_WAY", List.of(btc()), List.of(p));
    }

    private static List<String> lines(MappingResult r) {
        return r.problems().stream().map(p -> (p.isError() ? "" : "warning: ") + p).toList();
    }

    private static void assertError(MappingResult r, String line) {
        assertNull(r.portfolio(), "no portfolio with errors");
        assertTrue(r.errors().stream().anyMatch(p -> p.toString().equals(line)), "expected <" + line + "> in "
                + lines(r));
    }

    static Stream<String> sampleNames() throws WorkspaceException {
        return Samples.list().stream().map(Samples.Sample::name);
    }

    @ParameterizedTest
    @MethodSource("sampleNames")
    void everySampleMapsWithoutProblems(String name) throws Exception {
        MappingResult r = WorkspaceMapper.toPortfolio(Samples.open(name));
        assertEquals(List.of(), lines(r));
        assertNotNull(r.portfolio());
    }

    @Test
    void defaultsAreFilledIn() {
        MappingResult r = WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "LONG", 1, 60_000, 10, "CROSS")));
        Portfolio p = r.portfolio();
        assertNotNull(p, lines(r).toString());
        Market m = p.markets().get(0);
        assertEquals(60_000, m.indexPrice());
        assertEquals(0, m.takerFeeRate());
        assertEquals(0, m.funding().rate());
        assertEquals(8, m.funding().intervalHours());
        assertNull(m.future());
        assertEquals(720, p.horizonHours());
        assertEquals(Double.POSITIVE_INFINITY, m.tiers().maxNotional());
        assertEquals(PositionMode.ONE_WAY, p.account().positionMode());
    }

    @Test
    void nonPositiveOrMissingNumbersAreErrorsAtTheirPath() {
        assertError(WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "LONG", 0, 60_000, 10, "CROSS"))),
                "positions[0].size: must be positive, got 0");
        assertError(WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "LONG", -2, 60_000, 10, "CROSS"))),
                "positions[0].size: must be positive, got -2");
        assertError(WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "LONG", 1, -5, 10, "CROSS"))),
                "positions[0].entryPrice: must be positive, got -5");
        assertError(WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "LONG", 1, 60_000, 0, "CROSS"))),
                "positions[0].leverage: must be positive, got 0");
        assertError(WorkspaceMapper.toPortfolio(oneBtc(new PositionDoc("p1", "BTCUSDT", "LONG", null, 1.0, 1.0,
                "CROSS", null, null, null))), "positions[0].size: missing");
        assertError(WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withMarkPrice(0.0)), List.of())),
                "markets[0].markPrice: must be positive, got 0");
        assertError(WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withMarkPrice(null)), List.of())),
                "markets[0].markPrice: missing");
    }

    @Test
    void nonFiniteValuesAnywhereAreErrors() {
        assertError(WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "LONG", Double.NaN, 60_000, 10, "CROSS"))),
                "positions[0].size: must be a finite number, got NaN");
        assertError(WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withTiers(List.of(
                        new TierDoc(0.0, null, 100.0, Double.POSITIVE_INFINITY, null)))), List.of())),
                "markets[0].tiers[0].mmr: must be a finite number, got Infinity");
        WorkspaceDocument d = WorkspaceDocument.of("t", new AccountDoc(Double.NEGATIVE_INFINITY, "ONE_WAY"),
                Double.NaN, List.of(), List.of());
        MappingResult r = WorkspaceMapper.toPortfolio(d);
        assertError(r, "account.walletBalance: must be a finite number, got -Infinity");
        assertError(r, "horizonHours: must be a finite number of hours, got NaN");
        assertError(WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withFunding(
                new FundingDoc(Double.NaN, null, null))), List.of())), "markets[0].funding.rate: must be a finite "
                + "number, got NaN");
    }

    @Test
    void leverageAboveTheBracketMaxHasTheExactMessage() {
        List<PositionDoc> ps = new ArrayList<>();
        ps.add(pos("a", "LONG", 0.1, 60_000, 10, "CROSS"));
        ps.add(new PositionDoc("b", "ETHUSDT", "LONG", 1.0, 3_000.0, 5.0, "CROSS", null, null, null));
        ps.add(new PositionDoc("c", "SOLUSDT", "LONG", 1.0, 100.0, 150.0, "CROSS", null, null, null));
        List<MarketDoc> ms = List.of(btc(), btc().withConvention("BINANCE").withMarkPrice(3_000.0),
                btc().withMarkPrice(100.0));
        ms = List.of(ms.get(0), rename(ms.get(1), "ETHUSDT"), rename(ms.get(2), "SOLUSDT"));
        MappingResult r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", ms, ps));
        assertEquals(List.of("positions[2].leverage: 150 exceeds the bracket's max leverage 125"), lines(r));
        // the bracket is the one of the entry notional: 5 BTC × 60,000 = 300,000 → 50x
        r = WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "LONG", 5, 60_000, 75.5, "CROSS")));
        assertEquals(List.of("positions[0].leverage: 75.5 exceeds the bracket's max leverage 50"), lines(r));
        r = WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "LONG", 5, 60_000, 50, "CROSS")));
        assertNotNull(r.portfolio());
    }

    private static MarketDoc rename(MarketDoc m, String symbol) {
        return new MarketDoc(symbol, m.convention(), m.markPrice(), m.indexPrice(), m.takerFeeRate(), m.tiers(),
                m.dydx(), m.funding(), m.future(), m.extra());
    }

    @Test
    void dydxLeverageIsCappedByItsInitialMarginFraction() {
        MarketDoc dydx = new MarketDoc("BTC-USD", "DYDX", 60_000.0, null, null, null,
                new DydxDoc(0.05, 0.6, null, null, null, null), null, null, null);
        WorkspaceDocument d = doc("ONE_WAY", List.of(dydx), List.of(new PositionDoc("p", "BTC-USD", "SHORT", 1.0,
                60_000.0, 25.0, "CROSS", null, null, null)));
        assertError(WorkspaceMapper.toPortfolio(d), "positions[0].leverage: 25 exceeds the bracket's max leverage 20");
        MappingResult ok = WorkspaceMapper.toPortfolio(d.withPosition(0, d.positions().get(0).withLeverage(20.0)));
        assertNotNull(ok.portfolio(), lines(ok).toString());
        Market m = ok.portfolio().markets().get(0);
        assertEquals(Convention.DYDX, m.convention());
        assertEquals(0.03, m.tiers().tier(0).mmr(), 1e-15);
    }

    @Test
    void dydxWithoutItsBlockIsAnError() {
        MarketDoc dydx = new MarketDoc("BTC-USD", "DYDX", 60_000.0, null, null, BINANCE_2021_HEAD, null, null, null,
                null);
        MappingResult r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(dydx), List.of()));
        assertError(r, "markets[0].dydx: missing; a DYDX market needs initialMarginFraction and maintenanceFraction");
        assertTrue(lines(r).contains("warning: markets[0].tiers: ignored: a DYDX market takes its margin from the "
                + "dydx block"), lines(r).toString());
        r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(dydx.withTiers(null).withDydx(
                new DydxDoc(1.5, 0.6, null, null, null, null))), List.of()));
        assertError(r, "markets[0].dydx.initialMarginFraction: must be a fraction from 0.0001 to 1 (0.05 = 5%), "
                + "got 1.5");
    }

    @Test
    void tierErrorsNameTheBracketAndField() {
        List<TierDoc> overlapping = List.of(new TierDoc(0.0, 50_000.0, 125.0, 0.004, null),
                new TierDoc(40_000.0, 250_000.0, 100.0, 0.005, null),
                new TierDoc(250_000.0, null, 50.0, 0.01, null));
        MappingResult r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withTiers(overlapping)),
                List.of()));
        assertNull(r.portfolio());
        assertTrue(r.errors().stream().anyMatch(p -> p.path().equals("markets[0].tiers[1].floor")
                && p.message().contains("overlaps")), lines(r).toString());

        List<TierDoc> unsorted = List.of(new TierDoc(0.0, 50_000.0, 125.0, 0.004, null),
                new TierDoc(250_000.0, 500_000.0, 50.0, 0.01, null),
                new TierDoc(50_000.0, 250_000.0, 100.0, 0.005, null));
        r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withTiers(unsorted)), List.of()));
        assertNull(r.portfolio());
        assertTrue(r.errors().stream().anyMatch(p -> p.path().equals("markets[0].tiers[2].floor")
                && p.message().contains("not sorted")), lines(r).toString());

        r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withTiers(List.of(
                new TierDoc(0.0, 50_000.0, 125.0, 0.004, null), new TierDoc(50_000.0, null, 100.0, 0.005, 99.0)))),
                List.of()));
        assertNotNull(r.portfolio(), "a maintenance amount off the recursion is a warning");
        assertEquals(1, r.warnings().size());
        assertEquals("markets[0].tiers[1].maintenanceAmount", r.warnings().get(0).path());

        r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withTiers(List.of(
                new TierDoc(0.0, null, 125.0, 0.004, null), new TierDoc(50_000.0, null, 100.0, 0.005, null)))),
                List.of()));
        assertError(r, "markets[0].tiers[0].cap: missing; only the last bracket may leave its cap open");

        r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withTiers(List.of())), List.of()));
        assertError(r, "markets[0].tiers: empty; a BINANCE market needs at least one bracket");
    }

    @Test
    void hyperliquidMayLeaveMmrOut() {
        MarketDoc hl = new MarketDoc("BTC", "HYPERLIQUID", 60_000.0, null, null, List.of(
                new TierDoc(0.0, 150e6, 40.0, null, null), new TierDoc(150e6, null, 20.0, null, null)), null,
                null, null, null);
        MappingResult r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(hl), List.of()));
        assertEquals(List.of(), lines(r));
        Market m = r.portfolio().markets().get(0);
        assertEquals(1_875_000, m.tiers().tier(1).maintenanceAmount(), 1e-6);
        r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(hl.withConvention("BINANCE")), List.of()));
        assertTrue(r.errors().stream().anyMatch(p -> p.path().equals("markets[0].tiers[0].mmr")), lines(r).toString());
    }

    @Test
    void unknownEnumValuesListTheAllowedOnes() {
        MappingResult r = WorkspaceMapper.toPortfolio(doc("NETTED", List.of(btc().withConvention("FTX")),
                List.of(pos("p1", "UP", 1, 60_000, 10, "PORTFOLIO"))));
        assertError(r, "account.positionMode: unknown position mode \"NETTED\"; allowed: ONE_WAY, HEDGE");
        assertError(r, "markets[0].convention: unknown convention \"FTX\"; allowed: BINANCE, BYBIT, OKX, HYPERLIQUID, "
                + "DYDX, BINANCE_COINM, BYBIT_INVERSE, BITMEX");
        assertError(r, "positions[0].side: unknown side \"UP\"; allowed: LONG, SHORT");
        assertError(r, "positions[0].marginMode: unknown margin mode \"PORTFOLIO\"; allowed: CROSS, ISOLATED");
        r = WorkspaceMapper.toPortfolio(oneBtc(pos("p1", "long", 1, 60_000, 10, "cross")));
        assertNotNull(r.portfolio(), "enum names are case-insensitive");
    }

    @Test
    void unknownSymbolDuplicateIdsAndDuplicateMarkets() {
        MappingResult r = WorkspaceMapper.toPortfolio(doc("HEDGE", List.of(btc(), btc()), List.of(
                pos("p1", "LONG", 1, 60_000, 10, "CROSS"), pos("p1", "SHORT", 1, 60_000, 10, "CROSS"),
                new PositionDoc("p3", "XRPUSDT", "LONG", 1.0, 1.0, 1.0, "CROSS", null, null, null))));
        assertError(r, "markets[1].symbol: duplicate symbol \"BTCUSDT\" (also markets[0])");
        assertError(r, "positions[1].id: duplicate id \"p1\" (also positions[0])");
        assertError(r, "positions[2].symbol: unknown symbol \"XRPUSDT\"; the markets are BTCUSDT");
    }

    @Test
    void positionModeRules() {
        List<PositionDoc> longAndShort = List.of(pos("l", "LONG", 1, 60_000, 10, "CROSS"),
                pos("s", "SHORT", 1, 60_000, 10, "CROSS"));
        assertError(WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc()), longAndShort)),
                "positions[1].symbol: ONE_WAY mode allows one position per symbol; BTCUSDT already has positions[0] "
                        + "(use HEDGE mode for a long and a short)");
        MappingResult hedge = WorkspaceMapper.toPortfolio(doc("HEDGE", List.of(btc()), longAndShort));
        assertNotNull(hedge.portfolio(), lines(hedge).toString());
        assertError(WorkspaceMapper.toPortfolio(doc("HEDGE", List.of(btc()), List.of(
                        pos("a", "LONG", 1, 60_000, 10, "CROSS"), pos("b", "LONG", 1, 60_000, 10, "ISOLATED")))),
                "positions[1].side: HEDGE mode allows one LONG and one SHORT per symbol; BTCUSDT already has a LONG at "
                        + "positions[0]");
    }

    @Test
    void isolatedMarginRules() {
        PositionDoc iso = new PositionDoc("p", "BTCUSDT", "LONG", 1.0, 60_000.0, 10.0, "ISOLATED", 1_000.0, 250.0,
                null);
        MappingResult r = WorkspaceMapper.toPortfolio(oneBtc(iso));
        assertEquals(List.of(), lines(r), "isolated margin below the initial margin is accepted");
        Position p = r.portfolio().positions().get(0);
        assertEquals(1_250, p.isolatedMarginBalance(), 1e-9);

        r = WorkspaceMapper.toPortfolio(oneBtc(iso.withMargins(null, null)));
        assertEquals(6_000, r.portfolio().positions().get(0).isolatedMarginBalance(), 1e-9);

        assertError(WorkspaceMapper.toPortfolio(oneBtc(iso.withMargins(-1.0, null))),
                "positions[0].isolatedMargin: must not be negative, got -1");
        assertError(WorkspaceMapper.toPortfolio(oneBtc(iso.withMargins(100.0, -500.0))),
                "positions[0].extraMargin: removes more margin than is posted: 100 + (-500) is below 0");

        r = WorkspaceMapper.toPortfolio(oneBtc(iso.withMarginMode("CROSS")));
        assertNotNull(r.portfolio());
        assertEquals(List.of("warning: positions[0].isolatedMargin: ignored: a CROSS position draws on the cross wallet",
                "warning: positions[0].extraMargin: ignored: margin can only be added to an ISOLATED position"),
                lines(r));
        Position cross = r.portfolio().positions().get(0);
        assertEquals(MarginMode.CROSS, cross.marginMode());
        assertEquals(0, cross.extraMargin());
        assertNull(cross.isolatedMargin());
    }

    @Test
    void missingTopLevelPartsAreErrors() {
        MappingResult r = WorkspaceMapper.toPortfolio(new WorkspaceDocument(WorkspaceDocument.FORMAT, 1, "x", null,
                null, null, null, null));
        assertError(r, "account: missing (needs walletBalance and positionMode)");
        assertError(r, "markets: missing (write [] for a workspace without markets)");
        assertError(r, "positions: missing (write [] for a workspace without positions)");
    }

    @Test
    void futureAndFundingAreChecked() {
        MappingResult r = WorkspaceMapper.toPortfolio(doc("ONE_WAY", List.of(btc().withFuture(new FutureDoc(
                61_000.0, 0.0, null)).withFunding(new FundingDoc(0.0001, 0.0, null))), List.of()));
        assertError(r, "markets[0].future.daysToExpiry: must be positive, got 0");
        assertError(r, "markets[0].funding.intervalHours: must be positive, got 0");
    }

    @Test
    void portfolioToDocumentAndBack() throws Exception {
        for (String name : sampleNames().toList()) {
            Portfolio p = WorkspaceMapper.toPortfolio(Samples.open(name)).portfolio();
            WorkspaceDocument d = WorkspaceMapper.toDocument(p, name);
            MappingResult again = WorkspaceMapper.toPortfolio(WorkspaceCodec.read(WorkspaceCodec.toJson(d)));
            assertEquals(List.of(), lines(again), name);
            assertEquals(p, again.portfolio(), name);
        }
    }

    @Test
    void withPortfolioKeepsUnknownFieldsByIdAndSymbol() throws Exception {
        WorkspaceDocument base = Samples.demo();
        PositionDoc tagged = new PositionDoc(base.positions().get(1).id(), base.positions().get(1).symbol(),
                base.positions().get(1).side(), base.positions().get(1).size(), base.positions().get(1).entryPrice(),
                base.positions().get(1).leverage(), base.positions().get(1).marginMode(), null, null,
                Map.of("note", "hedge for the BTC long"));
        base = base.withPosition(1, tagged);
        Portfolio p = WorkspaceMapper.toPortfolio(base).portfolio();
        Portfolio edited = p.withPositions(p.positions().stream()
                .map(x -> x.id().equals(tagged.id()) ? x.withSize(9) : x).toList());
        WorkspaceDocument saved = WorkspaceMapper.withPortfolio(base, edited);
        assertEquals(base.name(), saved.name());
        assertEquals(9.0, saved.positions().get(1).size());
        assertEquals("hedge for the BTC long", saved.positions().get(1).extra().get("note"));
        assertEquals(edited, WorkspaceMapper.toPortfolio(saved).portfolio());
    }

    @Test
    void fieldProblemToString() {
        assertEquals("positions[2].leverage: x", FieldProblem.error("positions[2].leverage", "x").toString());
        assertEquals("x", FieldProblem.warning("", "x").toString());
        MappingResult r = new MappingResult(null, List.of(FieldProblem.error("positions[2].size", "a"),
                FieldProblem.warning("positions[20].size", "b"), FieldProblem.error("markets[0]", "c")));
        assertEquals(1, r.problemsAt("positions[2]").size());
        assertFalse(r.warnings().isEmpty());
    }
}
