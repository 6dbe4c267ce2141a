package com.perprisk.io;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DatedFuture;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierIssue;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.FutureDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Between the file's {@link WorkspaceDocument} and the engine's {@link Portfolio}. {@link #toPortfolio} checks every
 * value and reports each problem at its JSON path; warnings do not stop the portfolio being built. The other methods
 * go the other way, for saving what the engine holds and for the UI's edits.
 */
public final class WorkspaceMapper {
    /** Horizon used when a document leaves {@code horizonHours} out: 30 days. */
    public static final double DEFAULT_HORIZON_HOURS = 720;
    /** Funding interval used when a market leaves {@code funding.intervalHours} (or the whole block) out. */
    public static final double DEFAULT_FUNDING_INTERVAL_HOURS = 8;

    private WorkspaceMapper() {
    }

    // ------------------------------------------------------------------ document → portfolio

    public static MappingResult toPortfolio(WorkspaceDocument doc) {
        return new Run().map(doc);
    }

    /** One mapping pass: collects problems as it goes. */
    private static final class Run {
        private final List<FieldProblem> problems = new ArrayList<>();

        private void error(String path, String message) {
            problems.add(FieldProblem.error(path, message));
        }

        private void warning(String path, String message) {
            problems.add(FieldProblem.warning(path, message));
        }

        private int errorCount() {
            return (int) problems.stream().filter(FieldProblem::isError).count();
        }

        MappingResult map(WorkspaceDocument doc) {
            if (doc == null) {
                error("", "no workspace");
                return new MappingResult(null, problems);
            }
            if (doc.format() != null && !WorkspaceDocument.FORMAT.equals(doc.format())) {
                error("format", "is \"" + doc.format() + "\", expected \"" + WorkspaceDocument.FORMAT + "\"");
            }
            if (doc.version() != null && doc.version() != WorkspaceDocument.CURRENT_VERSION) {
                error("version", "is " + doc.version() + "; this version of PerpRisk reads version "
                        + WorkspaceDocument.CURRENT_VERSION);
            }
            Account account = account(doc.account());
            double horizon = DEFAULT_HORIZON_HOURS;
            if (doc.horizonHours() != null) {
                horizon = positive("horizonHours", doc.horizonHours(), "hours");
            }
            Map<String, Market> markets = new LinkedHashMap<>();
            Map<String, Integer> seenSymbols = new HashMap<>();
            if (doc.markets() == null) {
                error("markets", "missing (write [] for a workspace without markets)");
            } else {
                for (int i = 0; i < doc.markets().size(); i++) {
                    String at = "markets[" + i + "]";
                    MarketDoc m = doc.markets().get(i);
                    if (m == null) {
                        error(at, "missing (null)");
                        continue;
                    }
                    String symbol = m.symbol();
                    boolean duplicate = false;
                    if (symbol == null || symbol.isBlank()) {
                        error(at + ".symbol", "missing");
                    } else if (seenSymbols.containsKey(symbol)) {
                        error(at + ".symbol", "duplicate symbol \"" + symbol + "\" (also markets["
                                + seenSymbols.get(symbol) + "])");
                        duplicate = true;
                    } else {
                        seenSymbols.put(symbol, i);
                    }
                    Market market = null;
                    try {
                        market = market(at, m);
                    } catch (RuntimeException e) {
                        error(at, "cannot be used: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                                : e.getMessage()));
                    }
                    if (market != null && !duplicate) {
                        markets.put(symbol, market);
                    }
                }
            }
            List<Position> positions = positions(doc.positions(), account, seenSymbols.keySet(), markets);
            if (errorCount() > 0) {
                return new MappingResult(null, problems);
            }
            return new MappingResult(new Portfolio(account, List.copyOf(markets.values()), positions, horizon),
                    problems);
        }

        private Account account(AccountDoc a) {
            if (a == null) {
                error("account", "missing (needs walletBalance and positionMode)");
                return null;
            }
            Double wb = a.walletBalance();
            double wallet = 0;
            if (wb == null) {
                error("account.walletBalance", "missing");
            } else if (!Double.isFinite(wb)) {
                error("account.walletBalance", "must be a finite number, got " + num(wb));
            } else if (wb < 0) {
                error("account.walletBalance", "must not be negative, got " + num(wb));
            } else {
                wallet = wb;
            }
            PositionMode mode = enumValue("account.positionMode", a.positionMode(), PositionMode.class,
                    "position mode");
            return mode == null || wb == null || !Double.isFinite(wb) || wb < 0 ? null : new Account(wallet, mode);
        }

        private Market market(String at, MarketDoc m) {
            int before = errorCount();
            Convention convention = enumValue(at + ".convention", m.convention(), Convention.class, "convention");
            double mark = required(at + ".markPrice", m.markPrice(), true);
            double index = m.indexPrice() == null ? mark : required(at + ".indexPrice", m.indexPrice(), true);
            double fee = 0;
            if (m.takerFeeRate() != null) {
                fee = m.takerFeeRate();
                if (!Double.isFinite(fee)) {
                    error(at + ".takerFeeRate", "must be a finite number, got " + num(fee));
                } else if (fee < 0 || fee >= 1) {
                    error(at + ".takerFeeRate", "must be a rate from 0 up to 1 (0.0005 = 0.05%), got " + num(fee));
                }
            }
            FundingTerms funding = funding(at + ".funding", m.funding());
            DatedFuture future = future(at + ".future", m.future());
            if (convention == null || m.symbol() == null || m.symbol().isBlank()) {
                return null;
            }
            if (convention == Convention.DYDX) {
                if (m.tiers() != null && !m.tiers().isEmpty()) {
                    warning(at + ".tiers", "ignored: a DYDX market takes its margin from the dydx block");
                }
                DydxMargin dydx = dydx(at + ".dydx", m.dydx());
                if (dydx == null || errorCount() > before) {
                    return null;
                }
                return Market.dydx(m.symbol(), mark, index, fee, dydx, funding, future);
            }
            if (m.dydx() != null) {
                warning(at + ".dydx", "ignored: only a DYDX market uses the dydx block");
            }
            TierTable table = tiers(at + ".tiers", convention, m.tiers());
            if (table == null || errorCount() > before) {
                return null;
            }
            return new Market(m.symbol(), convention, mark, index, fee, table, null, funding, future);
        }

        private TierTable tiers(String at, Convention convention, List<TierDoc> tiers) {
            if (tiers == null || tiers.isEmpty()) {
                error(at, (tiers == null ? "missing" : "empty") + "; a " + convention.name()
                        + " market needs at least one bracket");
                return null;
            }
            int before = errorCount();
            List<TierSpec> specs = new ArrayList<>();
            for (int k = 0; k < tiers.size(); k++) {
                String tp = at + "[" + k + "]";
                TierDoc t = tiers.get(k);
                if (t == null) {
                    error(tp, "missing (null)");
                    continue;
                }
                boolean last = k == tiers.size() - 1;
                Double floor = finiteOrError(tp + ".floor", t.floor(), true);
                Double cap = t.cap();
                if (cap == null || cap == Double.POSITIVE_INFINITY) {
                    if (last) {
                        cap = Double.POSITIVE_INFINITY;
                    } else {
                        error(tp + ".cap", "missing; only the last bracket may leave its cap open");
                    }
                } else if (!Double.isFinite(cap)) {
                    error(tp + ".cap", "must be a finite number, got " + num(cap));
                    cap = null;
                }
                Double maxLev = finiteOrError(tp + ".maxLeverage", t.maxLeverage(), true);
                Double mmr = finiteOrError(tp + ".mmr", t.mmr(), false);
                Double amount = finiteOrError(tp + ".maintenanceAmount", t.maintenanceAmount(), false);
                if (floor != null && cap != null && maxLev != null) {
                    specs.add(new TierSpec(floor, cap, maxLev, mmr, amount));
                }
            }
            if (errorCount() > before) {
                return null;
            }
            try {
                TierTable table = TierTable.resolve(convention, specs);
                report(at, table.issues());
                return table;
            } catch (TierTable.InvalidTierTableException e) {
                report(at, e.issues());
                return null;
            }
        }

        private void report(String at, List<TierIssue> issues) {
            for (TierIssue issue : issues) {
                String path = issue.tierIndex() < 0 ? at : at + "[" + issue.tierIndex() + "]." + issue.field();
                if (issue.isError()) {
                    error(path, issue.message());
                } else {
                    warning(path, issue.message());
                }
            }
        }

        private DydxMargin dydx(String at, DydxDoc d) {
            if (d == null) {
                error(at, "missing; a DYDX market needs initialMarginFraction and maintenanceFraction");
                return null;
            }
            int before = errorCount();
            double imf = fraction(at + ".initialMarginFraction", d.initialMarginFraction());
            double mf = fraction(at + ".maintenanceFraction", d.maintenanceFraction());
            double oi = nonNegative(at + ".openInterestNotional", d.openInterestNotional());
            double lower = nonNegative(at + ".oiLowerCap", d.oiLowerCap());
            double upper = nonNegative(at + ".oiUpperCap", d.oiUpperCap());
            if (upper > 0 && upper < lower) {
                error(at + ".oiUpperCap", "must not be below oiLowerCap " + num(lower) + ", got " + num(upper));
            }
            var liquidation = DydxLiquidationBlock.read(at, d.extra(), this::error, this::warning);
            return errorCount() > before || liquidation == null ? null
                    : new DydxMargin(imf, mf, oi, lower, upper, liquidation);
        }

        private FundingTerms funding(String at, FundingDoc f) {
            if (f == null) {
                return FundingTerms.NONE;
            }
            double rate = 0;
            if (f.rate() != null) {
                if (!Double.isFinite(f.rate())) {
                    error(at + ".rate", "must be a finite number, got " + num(f.rate()));
                } else if (Math.abs(f.rate()) >= 1) {
                    error(at + ".rate", "must be a rate per settlement between -1 and 1 (0.0001 = 0.01%), got "
                            + num(f.rate()));
                } else {
                    rate = f.rate();
                }
            }
            double interval = DEFAULT_FUNDING_INTERVAL_HOURS;
            if (f.intervalHours() != null) {
                interval = positive(at + ".intervalHours", f.intervalHours(), "hours");
            }
            return new FundingTerms(rate, interval > 0 ? interval : DEFAULT_FUNDING_INTERVAL_HOURS);
        }

        private DatedFuture future(String at, FutureDoc f) {
            if (f == null) {
                return null;
            }
            double price = required(at + ".price", f.price(), true);
            double days = required(at + ".daysToExpiry", f.daysToExpiry(), true);
            return price > 0 && days > 0 ? new DatedFuture(price, days) : null;
        }

        private List<Position> positions(List<PositionDoc> docs, Account account, java.util.Set<String> symbols,
                                         Map<String, Market> markets) {
            List<Position> out = new ArrayList<>();
            if (docs == null) {
                error("positions", "missing (write [] for a workspace without positions)");
                return out;
            }
            Map<String, Integer> ids = new HashMap<>();
            Map<String, Integer> oneWay = new HashMap<>();
            Map<String, Integer> hedge = new HashMap<>();
            for (int i = 0; i < docs.size(); i++) {
                String at = "positions[" + i + "]";
                PositionDoc p = docs.get(i);
                if (p == null) {
                    error(at, "missing (null)");
                    continue;
                }
                int before = errorCount();
                String id = p.id();
                if (id == null || id.isBlank()) {
                    error(at + ".id", "missing");
                } else if (ids.containsKey(id)) {
                    error(at + ".id", "duplicate id \"" + id + "\" (also positions[" + ids.get(id) + "])");
                } else {
                    ids.put(id, i);
                }
                String symbol = p.symbol();
                if (symbol == null || symbol.isBlank()) {
                    error(at + ".symbol", "missing");
                } else if (!symbols.contains(symbol)) {
                    error(at + ".symbol", "unknown symbol \"" + symbol + "\"; the markets are "
                            + (symbols.isEmpty() ? "none" : symbols.stream().sorted()
                            .collect(Collectors.joining(", "))));
                }
                Side side = enumValue(at + ".side", p.side(), Side.class, "side");
                MarginMode mode = enumValue(at + ".marginMode", p.marginMode(), MarginMode.class, "margin mode");
                double size = required(at + ".size", p.size(), true);
                double entry = required(at + ".entryPrice", p.entryPrice(), true);
                double leverage = required(at + ".leverage", p.leverage(), true);
                Market market = symbol == null ? null : markets.get(symbol);
                if (market != null && size > 0 && entry > 0 && leverage > 0) {
                    double max = market.maxLeverage(size * entry);
                    if (leverage > max * (1 + 1e-12)) {
                        error(at + ".leverage", num(leverage) + " exceeds the bracket's max leverage " + num(max));
                    }
                }
                Double isolatedMargin = p.isolatedMargin();
                double extra = 0;
                if (isolatedMargin != null) {
                    if (!Double.isFinite(isolatedMargin)) {
                        error(at + ".isolatedMargin", "must be a finite number, got " + num(isolatedMargin));
                    } else if (isolatedMargin < 0) {
                        error(at + ".isolatedMargin", "must not be negative, got " + num(isolatedMargin));
                    } else if (mode == MarginMode.CROSS) {
                        warning(at + ".isolatedMargin", "ignored: a CROSS position draws on the cross wallet");
                    }
                }
                if (p.extraMargin() != null) {
                    if (!Double.isFinite(p.extraMargin())) {
                        error(at + ".extraMargin", "must be a finite number, got " + num(p.extraMargin()));
                    } else if (mode == MarginMode.CROSS) {
                        if (p.extraMargin() != 0) {
                            warning(at + ".extraMargin", "ignored: margin can only be added to an ISOLATED position");
                        }
                    } else {
                        extra = p.extraMargin();
                    }
                }
                if (mode == MarginMode.ISOLATED && size > 0 && entry > 0 && leverage > 0 && errorCount() == before) {
                    double posted = isolatedMargin != null ? isolatedMargin : size * entry / leverage;
                    if (posted + extra < 0) {
                        error(at + ".extraMargin", "removes more margin than is posted: " + num(posted) + " + ("
                                + num(extra) + ") is below 0");
                    }
                }
                if (account != null && symbol != null && side != null && symbols.contains(symbol)) {
                    if (account.positionMode() == PositionMode.ONE_WAY) {
                        Integer other = oneWay.putIfAbsent(symbol, i);
                        if (other != null) {
                            error(at + ".symbol", "ONE_WAY mode allows one position per symbol; " + symbol
                                    + " already has positions[" + other + "] (use HEDGE mode for a long and a short)");
                        }
                    } else {
                        Integer other = hedge.putIfAbsent(symbol + "/" + side, i);
                        if (other != null) {
                            error(at + ".side", "HEDGE mode allows one LONG and one SHORT per symbol; " + symbol
                                    + " already has a " + side + " at positions[" + other + "]");
                        }
                    }
                }
                if (errorCount() == before && side != null && mode != null) {
                    try {
                        out.add(new Position(id, symbol, side, size, entry, leverage, mode,
                                mode == MarginMode.ISOLATED ? isolatedMargin : null, extra));
                    } catch (RuntimeException e) {
                        error(at, "cannot be used: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                                : e.getMessage()));
                    }
                }
            }
            return out;
        }

        // -------------------------------------------------------------- value checks

        private <E extends Enum<E>> E enumValue(String path, String text, Class<E> type, String what) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            if (text == null || text.isBlank()) {
                error(path, "missing; one of " + allowed);
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return e;
                }
            }
            error(path, "unknown " + what + " \"" + text + "\"; allowed: " + allowed);
            return null;
        }

        /** A required finite number, > 0 when {@code positive}; reports and returns NaN when it is not. */
        private double required(String path, Double value, boolean positive) {
            if (value == null) {
                error(path, "missing");
                return Double.NaN;
            }
            if (!Double.isFinite(value)) {
                error(path, "must be a finite number, got " + num(value));
                return Double.NaN;
            }
            if (positive && value <= 0) {
                error(path, "must be positive, got " + num(value));
                return Double.NaN;
            }
            return value;
        }

        private double positive(String path, Double value, String unit) {
            if (!Double.isFinite(value)) {
                error(path, "must be a finite number of " + unit + ", got " + num(value));
                return Double.NaN;
            }
            if (value <= 0) {
                error(path, "must be positive, got " + num(value));
                return Double.NaN;
            }
            return value;
        }

        private Double finiteOrError(String path, Double value, boolean required) {
            if (value == null) {
                if (required) {
                    error(path, "missing");
                }
                return null;
            }
            if (!Double.isFinite(value)) {
                error(path, "must be a finite number, got " + num(value));
                return null;
            }
            return value;
        }

        private double fraction(String path, Double value) {
            if (value == null) {
                error(path, "missing");
                return Double.NaN;
            }
            if (!Double.isFinite(value) || value <= 0 || value > 1) {
                error(path, "must be a fraction above 0 and at most 1 (0.05 = 5%), got " + num(value));
                return Double.NaN;
            }
            return value;
        }

        private double nonNegative(String path, Double value) {
            if (value == null) {
                return 0;
            }
            if (!Double.isFinite(value) || value < 0) {
                error(path, "must be a finite number ≥ 0, got " + num(value));
                return 0;
            }
            return value;
        }
    }

    /** A number for messages: "150", "0.005", "54271.36"; never "150.0". */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return JsonOut.numberText(v);
    }

    // ------------------------------------------------------------------ portfolio → document

    /** A document holding exactly what the engine holds (resolved tier tables, defaults written out). */
    public static WorkspaceDocument toDocument(Portfolio portfolio, String name) {
        Account a = portfolio.account();
        return WorkspaceDocument.of(name, new AccountDoc(a.walletBalance(), a.positionMode().name()),
                portfolio.horizonHours(), portfolio.markets().stream().map(WorkspaceMapper::marketDoc).toList(),
                portfolio.positions().stream().map(WorkspaceMapper::positionDoc).toList());
    }

    /**
     * {@code base} with its account, horizon, markets and positions replaced by the portfolio's. Unknown fields of
     * {@code base} are kept: the document's own, the account's, a market's (matched by symbol) and a position's
     * (matched by id).
     */
    public static WorkspaceDocument withPortfolio(WorkspaceDocument base, Portfolio portfolio) {
        Map<String, MarketDoc> oldMarkets = new HashMap<>();
        if (base.markets() != null) {
            base.markets().stream().filter(m -> m != null && m.symbol() != null)
                    .forEach(m -> oldMarkets.putIfAbsent(m.symbol(), m));
        }
        Map<String, PositionDoc> oldPositions = new HashMap<>();
        if (base.positions() != null) {
            base.positions().stream().filter(p -> p != null && p.id() != null)
                    .forEach(p -> oldPositions.putIfAbsent(p.id(), p));
        }
        List<MarketDoc> markets = new ArrayList<>();
        for (Market m : portfolio.markets()) {
            MarketDoc fresh = marketDoc(m);
            MarketDoc old = oldMarkets.get(m.symbol());
            markets.add(old == null ? fresh : new MarketDoc(fresh.symbol(), fresh.convention(), fresh.markPrice(),
                    fresh.indexPrice(), fresh.takerFeeRate(), fresh.tiers(), fresh.dydx(), fresh.funding(),
                    fresh.future(), old.extra()));
        }
        List<PositionDoc> positions = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            PositionDoc fresh = positionDoc(p);
            PositionDoc old = oldPositions.get(p.id());
            positions.add(old == null ? fresh : new PositionDoc(fresh.id(), fresh.symbol(), fresh.side(), fresh.size(),
                    fresh.entryPrice(), fresh.leverage(), fresh.marginMode(), fresh.isolatedMargin(),
                    fresh.extraMargin(), old.extra()));
        }
        Account a = portfolio.account();
        AccountDoc account = new AccountDoc(a.walletBalance(), a.positionMode().name(),
                base.account() == null ? null : base.account().extra());
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, base.name(), account,
                portfolio.horizonHours(), markets, positions, base.extra());
    }

    /** A position as the file writes it: isolated margin only when given, extra margin only when not 0. */
    public static PositionDoc positionDoc(Position p) {
        boolean isolated = p.isIsolated();
        return new PositionDoc(p.id(), p.symbol(), p.side().name(), p.size(), p.entryPrice(), p.leverage(),
                p.marginMode().name(), isolated ? p.isolatedMargin() : null,
                isolated && p.extraMargin() != 0 ? p.extraMargin() : null, null);
    }

    /** A market as the file writes it: dYdX as a dydx block, others as their resolved brackets. */
    public static MarketDoc marketDoc(Market m) {
        List<TierDoc> tiers = null;
        DydxDoc dydx = null;
        if (m.convention() == Convention.DYDX && m.dydx() != null) {
            DydxMargin d = m.dydx();
            dydx = new DydxDoc(d.initialMarginFraction(), d.maintenanceFraction(), d.openInterestNotional(),
                    d.oiLowerCap(), d.oiUpperCap(), DydxLiquidationBlock.extra(d.liquidation()));
        } else {
            tiers = tierDocs(m.convention(), m.tiers());
        }
        FundingDoc funding = new FundingDoc(m.funding().rate(), m.funding().intervalHours(), null);
        FutureDoc future = m.future() == null ? null
                : new FutureDoc(m.future().price(), m.future().daysToExpiry(), null);
        return new MarketDoc(m.symbol(), m.convention().name(), m.markPrice(), m.indexPrice(), m.takerFeeRate(), tiers,
                dydx, funding, future, null);
    }

    /**
     * Brackets as the file writes them: an open last cap is left out, Hyperliquid's derived MMR is left out, and
     * a maintenance amount only where the convention uses one.
     */
    public static List<TierDoc> tierDocs(Convention convention, TierTable table) {
        List<TierDoc> out = new ArrayList<>();
        boolean hyperliquid = convention.tierSource() == Convention.TierSource.HALF_INITIAL_AT_MAX_LEVERAGE;
        for (Tier t : table.tiers()) {
            out.add(new TierDoc(t.floor(), Double.isInfinite(t.cap()) ? null : t.cap(), t.maxLeverage(),
                    hyperliquid ? null : t.mmr(), convention.usesMaintenanceAmount() ? t.maintenanceAmount() : null));
        }
        return out;
    }

    /** Brackets as the engine's tier specs (an absent cap is +∞). Values are not checked here. */
    public static List<TierSpec> tierSpecs(List<TierDoc> tiers) {
        List<TierSpec> out = new ArrayList<>();
        for (TierDoc t : tiers) {
            out.add(new TierSpec(t.floor() == null ? Double.NaN : t.floor(),
                    t.cap() == null ? Double.POSITIVE_INFINITY : t.cap(),
                    t.maxLeverage() == null ? Double.NaN : t.maxLeverage(), t.mmr(), t.maintenanceAmount()));
        }
        return out;
    }
}
