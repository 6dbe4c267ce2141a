package com.perprisk.engine.simulation;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlRanking;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.waterfall.LiquidationWaterfall;
import com.perprisk.engine.waterfall.WaterfallResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.perprisk.engine.EngineInputs.nonNegative;

/**
 * Steps a portfolio along a price path, as a venue would: funding settles at each market's interval (into isolated
 * margins, into the cross wallet), a pool whose margin ratio crosses above the warning level gets a margin call, and a
 * pool whose margin balance falls to its maintenance requirement is liquidated:
 *
 * <ul>
 *   <li>Hyperliquid: a position above 100,000 notional is closed in 20% slices until the pool is healthy;</li>
 *   <li>Binance with a tiered table: a position above the first bracket is reduced to the floor of its bracket (the
 *   top of the next lower one), bracket by bracket, until the pool is healthy;</li>
 *   <li>otherwise, and when slices do not restore the pool, the rest is closed at the bar's mark (less slippage);
 *   the fill against the bankruptcy price goes through {@link LiquidationWaterfall} into the insurance fund, and what
 *   the fund cannot pay is taken by ADL from the top-ranked opposite counterparties, closed at the bankruptcy
 *   price.</li>
 * </ul>
 *
 * A liquidated cross pool closes every cross position against the cross wallet. The result carries the events, the
 * final portfolio (liquidated positions removed or shrunk), the fund and the counterparties after the run, and a
 * ledger in which money is conserved.
 */
public final class Simulation {
    /** Hyperliquid slices positions above this notional. */
    public static final double HYPERLIQUID_PARTIAL_NOTIONAL = 100_000;
    /** Share of the position closed by one Hyperliquid slice. */
    public static final double HYPERLIQUID_SLICE = 0.2;
    private static final int MAX_SLICES = 1_000;
    private static final String CROSS = "cross";

    private Simulation() {
    }

    /**
     * How the venue and its insurance fund behave.
     *
     * @param insuranceFund      insurance fund balance at the start
     * @param counterparties     positions of other traders, for ADL
     * @param slippage           fill = mark × (1 − side × slippage) for a close (0 = at the mark)
     * @param liquidationFeeRate fee on the closed notional, taken from the surplus (full) or the margin (slices)
     * @param marginCallRatio    margin ratio above which a margin call is raised (0.8)
     */
    public record Settings(double insuranceFund, Population counterparties, double slippage,
                           double liquidationFeeRate, double marginCallRatio) {
        public Settings {
            nonNegative("insurance fund", insuranceFund);
            nonNegative("slippage", slippage);
            nonNegative("liquidation fee rate", liquidationFeeRate);
            nonNegative("margin-call ratio", marginCallRatio);
            if (slippage >= 1 || liquidationFeeRate >= 1) {
                throw new EngineException("slippage and liquidation fee must be below 100%");
            }
            if (counterparties == null) {
                counterparties = Population.NONE;
            }
        }

        public static Settings defaults() {
            return new Settings(0, Population.NONE, 0, 0, 0.8);
        }

        public Settings withInsuranceFund(double fund) {
            return new Settings(fund, counterparties, slippage, liquidationFeeRate, marginCallRatio);
        }

        public Settings withCounterparties(Population p) {
            return new Settings(insuranceFund, p, slippage, liquidationFeeRate, marginCallRatio);
        }

        public Settings withSlippage(double s) {
            return new Settings(insuranceFund, counterparties, s, liquidationFeeRate, marginCallRatio);
        }

        public Settings withLiquidationFeeRate(double r) {
            return new Settings(insuranceFund, counterparties, slippage, r, marginCallRatio);
        }
    }

    /**
     * Where the money of the liquidations went. Conservation:
     * {@code traderLoss + adlCollected + uncoveredLoss = fundChange + fees}: what the trader forfeits at the fills
     * (negative when the loss went beyond the margin), plus what ADL took from counterparties, plus any loss nobody
     * covered, is the change of the insurance fund plus the fees.
     *
     * @param traderLoss     Σ margin balance at the fill less what was handed back (dYdX), plus slice fees
     * @param fundChange     fund at the end − fund at the start
     * @param fees           liquidation fees (full liquidations and slices)
     * @param adlCollected   Σ amounts taken from counterparties by ADL
     * @param uncoveredLoss  deficit left when the counterparties ran out
     * @param fundingToTrader Σ funding received (+) or paid (−) by the trader
     */
    public record Ledger(double traderLoss, double fundChange, double fees, double adlCollected, double uncoveredLoss,
                         double fundingToTrader) {
        /** traderLoss + adlCollected + uncoveredLoss − fundChange − fees: 0 up to rounding. */
        public double imbalance() {
            return traderLoss + adlCollected + uncoveredLoss - fundChange - fees;
        }
    }

    /**
     * @param events         in order of time
     * @param finalPortfolio the portfolio at the last point
     * @param insuranceFund  fund balance at the end
     * @param counterparties counterparties at the end (ADL shrinks them)
     * @param ledger         money flows of the liquidations
     */
    public record Result(List<SimulationEvent> events, Portfolio finalPortfolio, double insuranceFund,
                         Population counterparties, Ledger ledger) {
        public Result {
            events = List.copyOf(events);
        }
    }

    public static Result run(Portfolio portfolio, PricePath path, Settings settings) {
        return run(portfolio, path, settings, null);
    }

    /**
     * The state after one point of the path (marks moved, funding settled, pools checked): what a playback shows at
     * that tick.
     *
     * @param step          index of the point
     * @param timeHours     hours since the start
     * @param portfolio     the portfolio after the point (liquidated positions removed or shrunk)
     * @param insuranceFund the fund after the point
     * @param events        events so far (all points up to and including this one)
     */
    public record Tick(int step, double timeHours, Portfolio portfolio, double insuranceFund, int events) {
    }

    /** As {@link #run(Portfolio, PricePath, Settings)}, reporting the state after every point to {@code onTick}. */
    public static Result run(Portfolio portfolio, PricePath path, Settings settings,
                             java.util.function.Consumer<Tick> onTick) {
        for (String s : path.symbols()) {
            if (portfolio.market(s).isEmpty()) {
                throw new EngineException("the price path has market " + s + " but the workspace does not");
            }
        }
        Run r = new Run(portfolio, path, settings);
        r.onTick = onTick;
        return r.run();
    }

    /** Mutable state of one run. */
    private static final class Run {
        final PricePath path;
        final Settings settings;
        Portfolio pf;
        final Map<String, Market> start;
        double fund;
        Population cps;
        final List<SimulationEvent> events = new ArrayList<>();
        final Set<String> aboveCall = new HashSet<>();
        double traderLoss;
        double fees;
        double adlCollected;
        double uncovered;
        double funding;
        int step;
        double time;
        java.util.function.Consumer<Tick> onTick;

        Run(Portfolio portfolio, PricePath path, Settings settings) {
            this.pf = portfolio;
            this.start = portfolio.marketsBySymbol();
            this.path = path;
            this.settings = settings;
            this.fund = settings.insuranceFund();
            this.cps = settings.counterparties();
        }

        Result run() {
            for (int k = 0; k < path.points(); k++) {
                step = k;
                time = path.timeHours(k);
                moveMarks(k);
                if (k > 0) {
                    settleFunding(k);
                }
                checkPools();
                if (onTick != null) {
                    onTick.accept(new Tick(k, time, pf, fund, events.size()));
                }
            }
            Ledger ledger = new Ledger(traderLoss, fund - settings.insuranceFund(), fees, adlCollected, uncovered,
                    funding);
            return new Result(events, pf, fund, cps, ledger);
        }

        void moveMarks(int k) {
            List<Market> markets = new ArrayList<>();
            for (Market m : pf.markets()) {
                if (path.has(m.symbol())) {
                    double mark = path.mark(m.symbol(), k);
                    double index = path.index(m.symbol(), k);
                    Market m0 = start.get(m.symbol());
                    if (Double.isNaN(index)) {
                        // no index on the path: it moves with the mark, index = index₀ × mark / mark₀
                        index = m0.indexPrice() * mark / m0.markPrice();
                    }
                    markets.add(new Market(m.symbol(), m.convention(), mark, index, m.takerFeeRate(), m.tiers(),
                            m.dydx(), m.funding(), m.future()));
                } else {
                    markets.add(m);
                }
            }
            pf = pf.withMarkets(markets);
        }

        void settleFunding(int k) {
            for (Market m : pf.markets()) {
                double interval = m.funding().intervalHours();
                // settlements in (t_{k−1}, t_k]: ⌊t_k / interval⌋ − ⌊t_{k−1} / interval⌋
                long count = (long) Math.floor(path.timeHours(k) / interval + 1e-9)
                        - (long) Math.floor(path.timeHours(k - 1) / interval + 1e-9);
                if (count <= 0) {
                    continue;
                }
                double given = path.has(m.symbol()) ? path.fundingRate(m.symbol(), k) : Double.NaN;
                double rate = Double.isNaN(given) ? m.funding().rate() : given;
                if (rate == 0) {
                    continue;
                }
                List<Position> next = new ArrayList<>();
                double toWallet = 0;
                for (Position p : pf.positions()) {
                    if (!p.symbol().equals(m.symbol())) {
                        next.add(p);
                        continue;
                    }
                    // payment = −side × Q × MP × F per settlement (+ received, − paid)
                    double pay = -p.side().sign() * p.size() * m.markPrice() * rate * count + 0.0;
                    funding += pay;
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("rate", rate);
                    d.put("settlements", count);
                    d.put("markPrice", m.markPrice());
                    d.put("payment", pay);
                    if (p.isIsolated()) {
                        double after = p.isolatedMarginBalance() + pay;
                        next.add(withMargin(p, after));
                        d.put("into", "isolated margin");
                        d.put("marginAfter", after);
                    } else {
                        next.add(p);
                        toWallet += pay;
                        d.put("into", "cross wallet");
                        d.put("walletAfter", pf.account().walletBalance() + toWallet);
                    }
                    event(SimulationEvent.Type.FUNDING, p.id(), p.symbol(), d);
                }
                pf = pf.withPositions(next).withAccount(new Account(pf.account().walletBalance() + toWallet,
                        pf.account().positionMode()));
            }
        }

        void checkPools() {
            for (Position p : List.copyOf(pf.positions())) {
                if (p.isIsolated() && stillHeld(p.id())) {
                    checkIsolated(p.id());
                }
            }
            checkCross();
        }

        boolean stillHeld(String id) {
            return pf.positions().stream().anyMatch(p -> p.id().equals(id));
        }

        Position position(String id) {
            return pf.positions().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
        }

        /** Margin ratio and surplus of a pool at the current marks. */
        record Health(double balance, double requirement) {
            double surplus() {
                return balance - requirement;
            }

            double ratio() {
                // margin ratio = requirement / balance (∞ once the balance is gone)
                return balance > 0 ? requirement / balance : Double.POSITIVE_INFINITY;
            }
        }

        Health health(String positionId) {
            MarginPool pool = MarginPool.of(pf, positionId);
            double mark = pool.markPrice();
            return new Health(pool.marginBalance(mark), pool.requirement(mark, Requirement.MAINTENANCE));
        }

        /** Raises a margin call when the ratio crosses above the level; true when the pool must be liquidated. */
        boolean watch(String key, String positionId, String symbol, Health h) {
            double ratio = h.ratio();
            if (h.surplus() > 0 && ratio > settings.marginCallRatio()) {
                if (aboveCall.add(key)) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("pool", key.equals(CROSS) ? "cross" : "isolated");
                    d.put("marginRatio", ratio);
                    d.put("marginBalance", h.balance());
                    d.put("maintenanceRequirement", h.requirement());
                    event(SimulationEvent.Type.MARGIN_CALL, positionId, symbol, d);
                }
            } else if (ratio <= settings.marginCallRatio()) {
                aboveCall.remove(key);
            }
            return h.surplus() <= 0;
        }

        void checkIsolated(String id) {
            Position p = position(id);
            if (!watch(id, id, p.symbol(), health(id))) {
                return;
            }
            for (int i = 0; i < MAX_SLICES; i++) {
                p = position(id);
                Market m = pf.requireMarket(p.symbol());
                Health h = health(id);
                double slice = h.balance() > 0 ? sliceSize(p, m) : 0;
                if (slice <= 0) {
                    liquidateIsolated(p, m);
                    return;
                }
                slice(p, m, slice, h);
                if (health(id).surplus() > 0) {
                    return;
                }
            }
            liquidateIsolated(position(id), pf.requireMarket(position(id).symbol()));
        }

        void checkCross() {
            Position any = pf.positions().stream().filter(p -> !p.isIsolated()).findFirst().orElse(null);
            if (any == null) {
                aboveCall.remove(CROSS);
                return;
            }
            if (!watch(CROSS, null, null, health(any.id()))) {
                return;
            }
            for (int i = 0; i < MAX_SLICES; i++) {
                List<Position> cross = pf.positions().stream().filter(p -> !p.isIsolated()).toList();
                Health h = health(cross.get(0).id());
                if (h.surplus() > 0) {
                    return;
                }
                Position target = null;
                double best = 0;
                if (h.balance() > 0) {
                    for (Position p : cross) {
                        Market m = pf.requireMarket(p.symbol());
                        double n = p.notionalAt(m.markPrice());
                        if (sliceSize(p, m) > 0 && n > best) {
                            best = n;
                            target = p;
                        }
                    }
                }
                if (target == null) {
                    liquidateCross(cross);
                    return;
                }
                Market m = pf.requireMarket(target.symbol());
                slice(target, m, sliceSize(target, m), h);
            }
            liquidateCross(pf.positions().stream().filter(p -> !p.isIsolated()).toList());
        }

        /** The quantity the venue closes in one partial step, or 0 when it closes the whole position. */
        double sliceSize(Position p, Market m) {
            double notional = p.notionalAt(m.markPrice());
            if (m.convention() == Convention.HYPERLIQUID) {
                // 20% of the position while its notional is above 100,000
                return notional > HYPERLIQUID_PARTIAL_NOTIONAL ? HYPERLIQUID_SLICE * p.size() : 0;
            }
            if (m.convention() == Convention.BINANCE && m.tiers().size() > 1) {
                // reduce to the floor of the current bracket (the top of the next lower one)
                int k = m.tiers().bracketIndex(notional * (1 - 1e-9));
                if (k == 0) {
                    return 0;
                }
                double target = m.tiers().tier(k).floor() / m.markPrice();
                return p.size() - target;
            }
            return 0;
        }

        double fill(Side side, double mark) {
            // a close sells a long and buys a short: fill = mark × (1 − side × slippage)
            return mark * (1 - side.sign() * settings.slippage());
        }

        /** Closes part of a position at the fill: its PnL stays in the pool, the fee leaves it. */
        void slice(Position p, Market m, double quantity, Health before) {
            double fillPrice = fill(p.side(), m.markPrice());
            // realized = side × ΔQ × (fill − EP); fee = rate × ΔQ × fill
            double realized = p.side().sign() * quantity * (fillPrice - p.entryPrice());
            double fee = settings.liquidationFeeRate() * quantity * fillPrice;
            fees += fee;
            traderLoss += fee;
            Position rest = p.withSize(p.size() - quantity);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("reason", m.convention() == Convention.HYPERLIQUID ? "Hyperliquid: 20% slice of a position above"
                    + " 100,000 notional" : "tier reduction: to the floor of bracket "
                    + (m.tiers().bracketIndex(p.notionalAt(m.markPrice()) * (1 - 1e-9)) + 1));
            d.put("quantity", quantity);
            d.put("fillPrice", fillPrice);
            d.put("markPrice", m.markPrice());
            d.put("realizedPnl", realized);
            d.put("fee", fee);
            d.put("remainingSize", rest.size());
            d.put("marginRatioBefore", before.ratio());
            if (p.isIsolated()) {
                double after = p.isolatedMarginBalance() + realized - fee;
                replace(withMargin(rest, after));
                d.put("marginAfter", after);
            } else {
                replace(rest);
                Account a = pf.account();
                pf = pf.withAccount(new Account(a.walletBalance() + realized - fee, a.positionMode()));
                d.put("walletAfter", pf.account().walletBalance());
            }
            Health h = health(p.id());
            d.put("marginRatioAfter", h.ratio());
            event(SimulationEvent.Type.PARTIAL_LIQUIDATION, p.id(), p.symbol(), d);
        }

        void liquidateIsolated(Position p, Market m) {
            Double lp = LiquidationSolver.liquidationPrice(pf, p.id()).price();
            Double bp = LiquidationSolver.bankruptcyPrice(pf, p.id()).price();
            double fillPrice = fill(p.side(), m.markPrice());
            // margin balance at the fill: M + side × Q × (fill − EP)
            double x = p.isolatedMarginBalance() + p.side().sign() * p.size() * (fillPrice - p.entryPrice());
            if (bp == null || bp <= 0) {
                throw new EngineException(p.id() + ": liquidated with no bankruptcy price (margin covers the whole"
                        + " notional)");
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("quantity", p.size());
            d.put("side", p.side().name());
            d.put("fillPrice", fillPrice);
            d.put("markPrice", m.markPrice());
            d.put("liquidationPrice", lp);
            d.put("bankruptcyPrice", bp);
            d.put("marginBalanceAtFill", x);
            event(SimulationEvent.Type.LIQUIDATION, p.id(), p.symbol(), d);
            WaterfallResult w = m.convention() == Convention.DYDX
                    ? LiquidationWaterfall.settleDydx(p.side(), p.size(), bp, fillPrice, fund)
                    : LiquidationWaterfall.settle(p.side(), p.size(), bp, fillPrice, fund,
                    settings.liquidationFeeRate());
            remove(List.of(p.id()));
            afterWaterfall(w, x, p.id(), p.symbol());
            if (w.needsAdl()) {
                // per unit of the bankrupt position: deficit / Q = side × (BP − fill)
                adl(p.id(), p.symbol(), p.side(), bp, w.deficit() / p.size(), w.leftForAdl());
            }
        }

        void liquidateCross(List<Position> cross) {
            double wallet = pf.account().walletBalance();
            double x = wallet;
            double closedValue = 0;
            Position largest = null;
            Map<String, Double> losses = new LinkedHashMap<>();
            Map<String, Double> fills = new LinkedHashMap<>();
            for (Position p : cross) {
                Market m = pf.requireMarket(p.symbol());
                double fillPrice = fill(p.side(), m.markPrice());
                double pnl = p.side().sign() * p.size() * (fillPrice - p.entryPrice());
                // pool balance at the fills: WB + Σ side × Q × (fill − EP)
                x += pnl;
                closedValue += p.size() * fillPrice;
                fills.put(p.id(), fillPrice);
                losses.put(p.id(), Math.max(0, -pnl));
                if (largest == null || p.notionalAt(m.markPrice()) > largest.notionalAt(
                        pf.requireMarket(largest.symbol()).markPrice())) {
                    largest = p;
                }
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("quantity", p.size());
                d.put("side", p.side().name());
                d.put("fillPrice", fillPrice);
                d.put("markPrice", m.markPrice());
                d.put("liquidationPrice", LiquidationSolver.liquidationPrice(pf, p.id()).price());
                d.put("bankruptcyPrice", LiquidationSolver.bankruptcyPrice(pf, p.id()).price());
                d.put("pool", "cross");
                event(SimulationEvent.Type.LIQUIDATION, p.id(), p.symbol(), d);
            }
            // the pool as one unit: fill value C = Σ Q × fill, bankruptcy value C − x, so that
            // side × Q × (fill − BP) = x and the fee base Q × fill = C
            double bpValue = closedValue - x;
            if (!(bpValue > 0)) {
                throw new EngineException("the cross pool was liquidated with a balance above its notional");
            }
            Convention c = pf.requireMarket(largest.symbol()).convention();
            WaterfallResult w = c == Convention.DYDX
                    ? LiquidationWaterfall.settleDydx(Side.LONG, 1, bpValue, closedValue, fund)
                    : LiquidationWaterfall.settle(Side.LONG, 1, bpValue, closedValue, fund,
                    settings.liquidationFeeRate());
            remove(cross.stream().map(Position::id).toList());
            Account a = pf.account();
            pf = pf.withAccount(new Account(0, a.positionMode()));
            afterWaterfall(w, x, null, null);
            if (w.needsAdl()) {
                double totalLoss = losses.values().stream().mapToDouble(Double::doubleValue).sum();
                for (Position p : cross) {
                    double share = totalLoss > 0 ? losses.get(p.id()) / totalLoss : 1.0 / cross.size();
                    if (share <= 0) {
                        continue;
                    }
                    // the position's share of the deficit, per unit: the price at which it would have broken even
                    double perUnit = w.deficit() * share / p.size();
                    double bp = fills.get(p.id()) + p.side().sign() * perUnit;
                    adl(p.id(), p.symbol(), p.side(), bp, perUnit, w.leftForAdl() * share);
                }
            }
        }

        void afterWaterfall(WaterfallResult w, double x, String positionId, String symbol) {
            double before = fund;
            fund = w.fundAfter();
            fees += w.fees();
            // the trader forfeits the balance at the fill, less what is handed back
            traderLoss += x - w.returnedToTrader();
            if (w.returnedToTrader() > 0) {
                Account a = pf.account();
                pf = pf.withAccount(new Account(a.walletBalance() + w.returnedToTrader(), a.positionMode()));
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("surplus", w.surplusToFund());
            d.put("deficit", w.deficit());
            d.put("coveredByFund", w.coveredByFund());
            d.put("leftForAdl", w.leftForAdl());
            d.put("fees", w.fees());
            d.put("returnedToTrader", w.returnedToTrader());
            d.put("fundBefore", before);
            d.put("fundAfter", fund);
            event(SimulationEvent.Type.INSURANCE_FUND, positionId, symbol, d);
        }

        /** Closes top-ranked opposite counterparties at the bankruptcy price until {@code amount} is collected. */
        void adl(String positionId, String symbol, Side side, double bankruptcyPrice, double perUnit, double amount) {
            Market m = pf.requireMarket(symbol);
            List<AdlRanking.Entry> entries = new ArrayList<>();
            Map<String, Position> byId = new LinkedHashMap<>();
            for (Position c : cps.positions()) {
                if (!c.symbol().equals(symbol) || c.side() == side) {
                    continue;
                }
                double mark = m.markPrice();
                Leg leg = new Leg(c, m);
                Double score = AdlScore.positionScore(leg.unrealizedPnl(mark), c.entryNotional(),
                        leg.maintenanceMargin(mark), c.notionalAt(mark));
                entries.add(new AdlRanking.Entry(c.id(), c.side(), score, c.notionalAt(mark)));
                byId.put(c.id(), c);
            }
            Map<String, AdlRanking.Rank> ranks = AdlRanking.rank(entries);
            List<String> queue = new ArrayList<>(byId.keySet());
            queue.sort(Comparator.comparingInt(id -> ranks.get(id).position()));
            double remaining = amount;
            for (String id : queue) {
                if (remaining <= amount * 1e-12 || perUnit <= 0) {
                    break;
                }
                Position c = byId.get(id);
                // quantity closed at BP = min(size, remaining / per-unit deficit)
                double q = Math.min(c.size(), remaining / perUnit);
                double taken = q * perUnit;
                remaining -= taken;
                adlCollected += taken;
                cps = cps.reduce(id, q);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("counterparty", id);
                d.put("counterpartySide", c.side().name());
                d.put("rank", ranks.get(id).position());
                d.put("adlScore", entries.stream().filter(e -> e.id().equals(id)).findFirst().map(
                        AdlRanking.Entry::score).orElse(null));
                d.put("quantity", q);
                d.put("price", bankruptcyPrice);
                d.put("amount", taken);
                d.put("remainingSize", c.size() - q);
                event(SimulationEvent.Type.ADL, positionId, symbol, d);
            }
            if (remaining > amount * 1e-12) {
                uncovered += remaining;
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("counterparty", null);
                d.put("uncovered", remaining);
                d.put("note", "no opposite counterparty left: the rest of the deficit is not covered");
                event(SimulationEvent.Type.ADL, positionId, symbol, d);
            }
        }

        void replace(Position p) {
            pf = pf.withPositions(pf.positions().stream().map(q -> q.id().equals(p.id()) ? p : q).toList());
        }

        void remove(List<String> ids) {
            pf = pf.withPositions(pf.positions().stream().filter(q -> !ids.contains(q.id())).toList());
            for (String id : ids) {
                aboveCall.remove(id);
            }
            if (pf.positions().stream().noneMatch(q -> !q.isIsolated())) {
                aboveCall.remove(CROSS);
            }
        }

        void event(SimulationEvent.Type type, String positionId, String symbol, Map<String, Object> details) {
            events.add(new SimulationEvent(step, time, type, positionId, symbol, details));
        }
    }

    /** The position with its isolated margin balance set to {@code margin} (posted margin adjusted, extra kept). */
    static Position withMargin(Position p, double margin) {
        return p.withIsolatedMargin(margin - p.extraMargin(), p.extraMargin());
    }
}
