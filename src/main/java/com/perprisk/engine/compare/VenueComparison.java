package com.perprisk.engine.compare;

import com.perprisk.engine.ContractType;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.MarginRules;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The same account and positions under every venue convention, side by side, with each difference attributed to
 * its cause by switching one factor at a time (domain §3, §8).
 *
 * <p>Each market is carried over to every convention: its tier table is re-resolved under that convention's rules
 * (Hyperliquid: MMR = 1 / (2 × max leverage), deduction by the recursion; OKX: no maintenance amount); for dYdX the
 * market's dYdX block is used when present, else IMF = 1 / max leverage of the first tier and maintenance fraction =
 * MMR₁ × maxLev₁ (so MMF = MMR₁). Funding keeps its 8-hour-equivalent rate: Hyperliquid and dYdX settle every hour
 * at F/8, the others at the market's own interval (8 h when the market came from an hourly venue).
 */
public final class VenueComparison {
    /** Differences smaller than this (relative) are rounding, not causes. */
    private static final double TOLERANCE = 1e-9;

    public static final String MM_AT_ENTRY = "MM at entry vs at P";
    public static final String TIER_AT_ENTRY = "tier chosen by entry size vs at P";
    public static final String TIER_SOURCE = "tier source / MMR source";
    public static final String MAINTENANCE_AMOUNT = "maintenance amount";
    public static final String CLOSE_FEE = "close fee in the requirement";
    public static final String FUNDING_CADENCE = "funding cadence";
    /** Bybit inverse holds the fee to close at the bankruptcy price in the position margin. */
    public static final String CLOSE_FEE_AT_BANKRUPTCY = "close fee at bankruptcy held in the margin";

    private VenueComparison() {
    }

    /**
     * One number that differs between two conventions.
     *
     * @param positionId    the position
     * @param quantity      liquidationPrice, maintenanceMargin or fundingPerSettlement
     * @param conventionA   the first convention (earlier in {@link Convention} order)
     * @param conventionB   the second
     * @param valueA        the value under A (null when there is none, e.g. no liquidation price)
     * @param valueB        the value under B
     * @param cause         the factors that make the difference, largest first, joined by " + "
     * @param contributions each factor's share of valueB − valueA, switching factors one at a time in a fixed order
     */
    public record Difference(String positionId, String quantity, Convention conventionA, Convention conventionB,
                             Double valueA, Double valueB, String cause, Map<String, Double> contributions) {
        public Difference {
            contributions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
        }
    }

    /**
     * @param portfolios  the portfolio carried over to each convention
     * @param risks       the engine's answer under each convention
     * @param fundingPerDay funding per day of each position under each convention (+ received, − paid)
     * @param closeFees   taker fee to close each position at the mark: rate × Q × mark (the same market fee under
     *                    every convention; OKX also counts it in the maintenance requirement)
     * @param errors      conventions the portfolio cannot be carried over to, with the reason
     * @param differences every difference, by position, quantity and pair of conventions
     */
    public record Comparison(Map<Convention, Portfolio> portfolios, Map<Convention, PortfolioRisk> risks,
                             Map<Convention, Map<String, Double>> fundingPerDay,
                             Map<Convention, Map<String, Double>> closeFees, Map<Convention, String> errors,
                             List<Difference> differences) {
        public Comparison {
            portfolios = java.util.Collections.unmodifiableMap(new EnumMap<>(portfolios));
            risks = java.util.Collections.unmodifiableMap(new EnumMap<>(risks));
            fundingPerDay = java.util.Collections.unmodifiableMap(new EnumMap<>(fundingPerDay));
            closeFees = java.util.Collections.unmodifiableMap(new EnumMap<>(closeFees));
            errors = java.util.Collections.unmodifiableMap(new EnumMap<>(errors));
            differences = List.copyOf(differences);
        }

        public List<Difference> differences(String positionId, String quantity, Convention a, Convention b) {
            return differences.stream().filter(d -> d.positionId().equals(positionId)
                    && d.quantity().equals(quantity) && d.conventionA() == a && d.conventionB() == b).toList();
        }
    }

    public static Comparison compare(Portfolio portfolio) {
        return compare(portfolio, VenueComparison::carry);
    }

    /**
     * As {@link #compare(Portfolio)}, each market carried to each convention by {@code carrier} (e.g. with that
     * venue's own tier table for the symbol instead of the market's).
     */
    public static Comparison compare(Portfolio portfolio,
                                     java.util.function.BiFunction<Market, Convention, Market> carrier) {
        Map<Convention, Portfolio> portfolios = new EnumMap<>(Convention.class);
        Map<Convention, PortfolioRisk> risks = new EnumMap<>(Convention.class);
        Map<Convention, Map<String, Double>> perDay = new EnumMap<>(Convention.class);
        Map<Convention, Map<String, Double>> fees = new EnumMap<>(Convention.class);
        Map<Convention, String> errors = new EnumMap<>(Convention.class);
        // tables of every market under every convention
        Map<String, Map<Convention, TierTable>> tables = new LinkedHashMap<>();
        // a workspace with inverse contracts compares the inverse venues, its linear markets staying as they are
        boolean inverse = Reciprocal.hasInverse(portfolio);
        for (Convention c : Convention.of(inverse ? ContractType.INVERSE : ContractType.LINEAR)) {
            try {
                List<Market> markets = new ArrayList<>();
                for (Market m : portfolio.markets()) {
                    Market carried = m.isInverse() == inverse ? carrier.apply(m, c) : m;
                    tables.computeIfAbsent(m.symbol(), s -> new EnumMap<>(Convention.class)).put(c,
                            withAmounts(carried.tiers()));
                    markets.add(carried);
                }
                Portfolio p = portfolio.withMarkets(markets);
                PortfolioRisk risk = RiskEngine.evaluate(p, false);
                portfolios.put(c, p);
                risks.put(c, risk);
                Map<String, Double> day = new LinkedHashMap<>();
                Map<String, Double> fee = new LinkedHashMap<>();
                Map<String, Market> carriedBySymbol = p.marketsBySymbol();
                for (Position pos : p.positions()) {
                    Market m = carriedBySymbol.get(pos.symbol());
                    if (m.isInverse()) {
                        // in the coin: close fee = taker rate × N(mark); funding = −side × N(mark) × F
                        double face = m.contract().faceValue(pos.size());
                        fee.put(pos.id(), m.takerFeeRate() * face / m.markPrice());
                        day.put(pos.id(), FundingPayment.perSettlement(pos.side(), face, 1 / m.markPrice(),
                                m.funding().rate()) * 24 / m.funding().intervalHours());
                        continue;
                    }
                    // close fee = taker rate × Q × mark
                    fee.put(pos.id(), m.takerFeeRate() * pos.notionalAt(m.markPrice()));
                    // per day = payment per settlement × 24 / interval
                    day.put(pos.id(), FundingPayment.perSettlement(pos.side(), pos.size(), m.markPrice(),
                            m.funding().rate()) * 24 / m.funding().intervalHours());
                }
                perDay.put(c, day);
                fees.put(c, fee);
            } catch (EngineException e) {
                errors.put(c, e.getMessage());
            }
        }
        List<Difference> diffs = new ArrayList<>();
        List<Convention> ok = new ArrayList<>(risks.keySet());
        // each position's figures by id, and one factor walk per pair of conventions shared by every position
        Map<Convention, Map<String, PositionRisk>> byId = new EnumMap<>(Convention.class);
        for (Convention c : ok) {
            Map<String, PositionRisk> m = new java.util.HashMap<>();
            for (PositionRisk r : risks.get(c).positions()) {
                m.put(r.id(), r);
            }
            byId.put(c, m);
        }
        Map<String, FactorWalk> walks = new java.util.HashMap<>();
        Map<Convention, Map<String, Market>> marketsByConvention = new EnumMap<>(Convention.class);
        for (Convention c : ok) {
            marketsByConvention.put(c, portfolios.get(c).marketsBySymbol());
        }
        for (Position pos : portfolio.positions()) {
            for (int i = 0; i < ok.size(); i++) {
                for (int j = i + 1; j < ok.size(); j++) {
                    Convention a = ok.get(i);
                    Convention b = ok.get(j);
                    PositionRisk ra = byId.get(a).get(pos.id());
                    PositionRisk rb = byId.get(b).get(pos.id());
                    FactorWalk walk = walks.computeIfAbsent(a.name() + "/" + b.name(),
                            k -> new FactorWalk(portfolio, a, b, tables));
                    liquidation(walk, pos, ra, rb).ifPresent(diffs::add);
                    maintenance(walk, pos, ra, rb).ifPresent(diffs::add);
                    if (differs(ra.fundingPerSettlement(), rb.fundingPerSettlement())) {
                        Map<String, Double> contrib = new LinkedHashMap<>();
                        contrib.put(FUNDING_CADENCE, rb.fundingPerSettlement() - ra.fundingPerSettlement());
                        diffs.add(new Difference(pos.id(), Quantity.FUNDING_PER_SETTLEMENT.key(), a, b,
                                ra.fundingPerSettlement(), rb.fundingPerSettlement(), FUNDING_CADENCE + " (every "
                                + interval(marketsByConvention.get(a), pos) + " h vs every "
                                + interval(marketsByConvention.get(b), pos) + " h; the same per day)", contrib));
                    }
                }
            }
        }
        return new Comparison(portfolios, risks, perDay, fees, errors, diffs);
    }

    private static String interval(Map<String, Market> markets, Position pos) {
        return com.perprisk.engine.explain.Numbers.plain(markets.get(pos.symbol()).funding().intervalHours());
    }

    /** The market as the convention would run it. */
    public static Market carry(Market m, Convention c) {
        FundingTerms f = funding(m, c);
        if (c.tierSource() == Convention.TierSource.DYDX_LIQUIDITY_TIER) {
            DydxMargin d = m.dydx();
            if (d == null) {
                Tier first = m.tiers().tier(0);
                // IMF = 1 / maxLev₁, maintenance fraction = MMR₁ × maxLev₁, so MMF = MMR₁
                d = DydxMargin.of(1.0 / first.maxLeverage(), first.mmr() * first.maxLeverage());
            }
            return Market.dydx(m.symbol(), m.markPrice(), m.indexPrice(), m.takerFeeRate(), d, f, m.future());
        }
        List<TierSpec> specs = new ArrayList<>();
        boolean keepAmounts = m.convention().usesMaintenanceAmount();
        for (Tier t : m.tiers().tiers()) {
            // a convention that derives MMR from max leverage takes neither the rate nor the amount
            boolean derived = c.tierSource() == Convention.TierSource.HALF_INITIAL_AT_MAX_LEVERAGE;
            Double mmr = derived ? null : t.mmr();
            Double amount = derived || !keepAmounts ? null : t.maintenanceAmount();
            specs.add(new TierSpec(t.floor(), t.cap(), t.maxLeverage(), mmr, amount));
        }
        TierTable table = TierTable.resolve(c, specs);
        return new Market(m.symbol(), c, m.markPrice(), m.indexPrice(), m.takerFeeRate(), table, null, f, m.future(),
                m.contract());
    }

    /**
     * The table with every maintenance amount derived by the recursion, so that the "maintenance amount" factor is
     * only the switch that deducts it (a convention without amounts switches it off) and not part of the table.
     */
    private static TierTable withAmounts(TierTable t) {
        if (t.tiers().stream().anyMatch(x -> x.maintenanceAmount() != 0) || t.size() == 1) {
            return t;
        }
        List<TierSpec> specs = new ArrayList<>();
        for (Tier x : t.tiers()) {
            specs.add(TierSpec.derived(x.floor(), x.cap(), x.maxLeverage(), x.mmr()));
        }
        return TierTable.resolve(Convention.BINANCE, specs);
    }

    /** Funding terms under a convention: the same 8-hour-equivalent rate, at that venue's cadence. */
    static FundingTerms funding(Market m, Convention c) {
        return c.carryFunding(m.funding(), m.convention());
    }

    /** The factors in the order they are switched, from A's rules to B's. */
    private static List<Map.Entry<String, Function<MarginRules[], MarginRules>>> steps() {
        List<Map.Entry<String, Function<MarginRules[], MarginRules>>> s = new ArrayList<>();
        // each step: from the current rules (r[0]) towards the target (r[1]), switching one factor
        s.add(Map.entry(MM_AT_ENTRY, r -> r[0].withMeasureAtEntry(r[1].measureAtEntry())
                .withBracketAtEntry(r[1].measureAtEntry() || r[0].bracketAtEntry())));
        s.add(Map.entry(TIER_AT_ENTRY, r -> r[0].withBracketAtEntry(r[1].bracketAtEntry())));
        s.add(Map.entry(TIER_SOURCE, r -> r[0].withTable(r[1].table())));
        s.add(Map.entry(MAINTENANCE_AMOUNT, r -> r[0].withAmount(r[1].useAmount())));
        s.add(Map.entry(CLOSE_FEE, r -> r[0].withCloseFee(r[1].closeFeeRate())));
        return s;
    }

    /**
     * The walk from A's rules to B's, one factor at a time, for every market at once: after step s every market's
     * rules have the first s factors switched. The rules and the cross pools of each step are built once and shared
     * by every position, so a comparison grows linearly with the positions.
     */
    private static final class FactorWalk {
        private final Portfolio portfolio;
        private final Map<String, Market> markets;
        private final Convention a;
        private final Convention b;
        private final Map<String, Map<Convention, TierTable>> tables;
        private final List<Map.Entry<String, Function<MarginRules[], MarginRules>>> steps = steps();
        /** per market: its rules after step 0..steps.size() */
        private final Map<String, MarginRules[]> rulesByStep = new java.util.HashMap<>();
        /** per step: the cross pools charged by that step's rules, and their liquidation prices by symbol */
        private final List<Map<String, MarginPool>> crossPools = new ArrayList<>();
        private final List<Map<String, Double>> crossLiquidation = new ArrayList<>();

        FactorWalk(Portfolio portfolio, Convention a, Convention b, Map<String, Map<Convention, TierTable>> tables) {
            this.portfolio = portfolio;
            this.markets = portfolio.marketsBySymbol();
            this.a = a;
            this.b = b;
            this.tables = tables;
            for (int s = 0; s <= steps.size(); s++) {
                crossPools.add(null);
                crossLiquidation.add(new java.util.HashMap<>());
            }
        }

        MarginRules rules(Market m, int step) {
            return rulesByStep.computeIfAbsent(m.symbol(), sym -> {
                MarginRules[] r = {VenueComparison.rules(m, a, tables), VenueComparison.rules(m, b, tables)};
                MarginRules[] out = new MarginRules[steps.size() + 1];
                out[0] = r[0];
                for (int s = 0; s < steps.size(); s++) {
                    r[0] = steps.get(s).getValue().apply(r);
                    out[s + 1] = r[0];
                }
                return out;
            })[step];
        }

        Double liquidationPrice(Position pos, int step) {
            Market m = markets.get(pos.symbol());
            if (m.isInverse()) {
                return inverseLiquidationPrice(pos, m, step);
            }
            if (pos.isIsolated()) {
                return LiquidationSolver.solve(MarginPool.isolated(pos, m, rules(m, step)), Requirement.MAINTENANCE)
                        .price();
            }
            Map<String, Double> solved = crossLiquidation.get(step);
            if (!solved.containsKey(pos.symbol())) {
                if (crossPools.get(step) == null) {
                    crossPools.set(step, MarginPool.crossPools(portfolio, mk -> rules(mk, step)));
                }
                solved.put(pos.symbol(), LiquidationSolver.solve(crossPools.get(step).get(pos.symbol()),
                        Requirement.MAINTENANCE).price());
            }
            return solved.get(pos.symbol());
        }

        /**
         * An inverse position's liquidation price under a step's rules: the same legs solved as the linear pool they
         * are in x = 1 / P ({@link Reciprocal}), the root read back as a price.
         */
        private Double inverseLiquidationPrice(Position pos, Market m, int step) {
            Double x;
            if (pos.isIsolated()) {
                x = LiquidationSolver.solve(MarginPool.isolated(Reciprocal.position(pos, m), Reciprocal.market(m),
                        rules(m, step)), Requirement.MAINTENANCE).price();
            } else {
                String key = m.contract().settleAsset() + " " + pos.symbol();
                Map<String, Double> solved = crossLiquidation.get(step);
                if (!solved.containsKey(key)) {
                    Map<String, MarginPool> pools = MarginPool.crossPools(Reciprocal.portfolio(portfolio,
                            m.contract().settleAsset()), mk -> rules(markets.get(mk.symbol()), step));
                    solved.put(key, LiquidationSolver.solve(pools.get(pos.symbol()), Requirement.MAINTENANCE)
                            .price());
                }
                x = solved.get(key);
            }
            return x == null || !(x > 0) ? null : 1 / x;
        }

        double maintenanceMargin(Position pos, int step) {
            Market m = markets.get(pos.symbol());
            if (m.isInverse()) {
                // in the coin: MM of N(P) = Q' × x at x = 1 / mark
                return rules(m, step).maintenanceMargin(Reciprocal.position(pos, m), 1 / m.markPrice());
            }
            return rules(m, step).maintenanceMargin(pos, m.markPrice());
        }
    }

    private interface Measure {
        Double value(int step);
    }

    private static java.util.Optional<Difference> liquidation(FactorWalk walk, Position pos, PositionRisk ra,
                                                              PositionRisk rb) {
        if (!differs(ra.liquidationPrice(), rb.liquidationPrice())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(attribute(pos, Quantity.LIQUIDATION_PRICE.key(), walk, ra.liquidationPrice(),
                rb.liquidationPrice(), step -> walk.liquidationPrice(pos, step)));
    }

    private static java.util.Optional<Difference> maintenance(FactorWalk walk, Position pos, PositionRisk ra,
                                                              PositionRisk rb) {
        if (!differs(ra.maintenanceMargin(), rb.maintenanceMargin())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(attribute(pos, Quantity.MAINTENANCE_MARGIN.key(), walk, ra.maintenanceMargin(),
                rb.maintenanceMargin(), step -> walk.maintenanceMargin(pos, step)));
    }

    /** Walks from A's rules to B's one factor at a time; each step's change is that factor's contribution. */
    private static Difference attribute(Position pos, String quantity, FactorWalk walk, Double va, Double vb,
                                        Measure measure) {
        Map<String, Double> contrib = new LinkedHashMap<>();
        Double before = measure.value(0);
        Double start = before;
        for (int s = 0; s < walk.steps.size(); s++) {
            Double after = measure.value(s + 1);
            String factor = walk.steps.get(s).getKey();
            if (before == null || after == null) {
                if (before != after) {
                    contrib.merge(factor, Double.NaN, (x, y) -> x);
                }
            } else if (differs(before, after)) {
                contrib.put(factor, after - before);
            }
            before = after;
        }
        if (walk.markets.get(pos.symbol()).isInverse() && start != null && before != null && va != null
                && vb != null) {
            // what the rules' factors leave out: the fee to close at the bankruptcy price held in the margin (Bybit
            // inverse), at either end of the walk
            double residual = (vb - before) - (va - start);
            if (differs(vb - before, va - start)) {
                contrib.put(CLOSE_FEE_AT_BANKRUPTCY, residual);
            }
        }
        List<String> causes = new ArrayList<>(contrib.keySet());
        causes.sort(Comparator.comparingDouble((String k) -> Double.isNaN(contrib.get(k)) ? Double.MAX_VALUE
                : Math.abs(contrib.get(k))).reversed());
        String cause = causes.isEmpty() ? "other cross positions measured differently" : String.join(" + ", causes);
        return new Difference(pos.id(), quantity, walk.a, walk.b, va, vb, cause, contrib);
    }

    private static MarginRules rules(Market m, Convention c, Map<String, Map<Convention, TierTable>> tables) {
        return MarginRules.of(c, tables.get(m.symbol()).get(c), m.takerFeeRate());
    }

    private static boolean differs(Double x, Double y) {
        if (x == null || y == null) {
            return x != y;
        }
        return Math.abs(x - y) > TOLERANCE * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }
}
