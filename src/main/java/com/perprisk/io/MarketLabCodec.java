package com.perprisk.io;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.cascade.Cascade;
import com.perprisk.engine.funding.FundingMethod;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.engine.pool.GmxPool;
import com.perprisk.engine.pricing.IndexPrice;
import com.perprisk.engine.vamm.Vamm;
import com.perprisk.io.JsonTree.Node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads market-lab documents (format "perprisk-market", version 1; see {@code docs/market-lab.md}) into the engine's
 * {@link LabInputs}. The same hardened JSON reader as workspaces; every type or value error is a
 * {@link WorkspaceException} naming the line, column and field path ({@code book.bids[2][1]: must be above 0, got -1}).
 * Unknown fields are reported as warnings and ignored.
 */
public final class MarketLabCodec {
    public static final String FORMAT = "perprisk-market";
    public static final int CURRENT_VERSION = 1;

    static final Set<String> ROOT = Set.of("format", "version", "name", "index", "book", "funding", "mark", "vamm",
            "pool", "cascade");
    static final Set<String> INDEX = Set.of("sources", "rules");
    static final Set<String> SOURCE = Set.of("name", "price", "volume", "ageSeconds");
    static final Set<String> RULES = Set.of("method", "maxDeviation", "maxAgeSeconds", "minSources", "fallback");
    static final Set<String> BOOK = Set.of("bids", "asks", "impactNotional", "depthPercent");
    static final Set<String> FUNDING = Set.of("method", "premiumSamples", "expectedSamples", "interest", "clampFloor",
            "clampCeiling", "cap", "intervalHours", "defaultFunding", "initialMarginFraction", "maintenanceFraction",
            "clampFactor", "premiumVotes", "elapsedHours", "minVotesPerSample", "tailRemovalRatio", "oraclePrice");
    static final Set<String> MARK = Set.of("method", "indexPrice", "fundingRate", "hoursToFunding", "intervalHours",
            "impactBid", "impactAsk", "lastPrice", "movingAverageBasis");
    static final Set<String> VAMM = Set.of("quoteReserve", "baseReserve", "tollRatio", "spreadRatio", "trades",
            "markTwap", "indexTwap", "fundingPeriodHours");
    static final Set<String> TRADE = Set.of("quoteIn", "quoteOut", "baseIn", "baseOut");
    static final Set<String> POOL = Set.of("longTokenUsd", "shortTokenUsd", "longTokenAmount", "longTokenPrice",
            "shortTokenAmount", "shortTokenPrice", "indexPrice", "impactPoolTokens", "pendingBorrowingFees",
            "maxPnlFactor", "maxPnlFactorForAdl", "minPnlFactorAfterAdl", "positionFeeFactor", "priceImpactFactor",
            "positiveImpactFactor", "negativeImpactFactor", "impactExponent", "fundingFactor", "fundingExponent",
            "borrowingFactor", "borrowingExponent", "minCollateralFactor", "minCollateralUsd", "positions", "trades");
    static final Set<String> POOL_POSITION = Set.of("side", "sizeUsd", "sizeInTokens", "entryPrice", "collateralUsd",
            "pendingFeesUsd");
    static final Set<String> POOL_TRADE = Set.of("side", "sizeDeltaUsd");
    static final Set<String> CASCADE = Set.of("bids", "asks", "positions", "shock", "indexWeight", "insuranceFund",
            "maxRounds");
    static final Set<String> HOLDER = Set.of("side", "size", "liquidationPrice", "bankruptcyPrice");

    /** A document read: the engine inputs and the warnings (unknown fields). */
    public record Read(LabInputs inputs, List<FieldProblem> warnings) {
        public Read {
            warnings = List.copyOf(warnings);
        }
    }

    private final List<FieldProblem> warnings = new ArrayList<>();

    private MarketLabCodec() {
    }

    public static Read read(Path file) throws WorkspaceException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new WorkspaceException(WorkspaceException.Kind.IO, file + " is a folder, not a lab document");
            }
            if (Files.size(file) > JsonTree.MAX_BYTES) {
                throw JsonTree.tooLarge(Files.size(file));
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = JsonTree.readCapped(in);
            }
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "file not found: " + file, e);
        } catch (AccessDeniedException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        return new MarketLabCodec().decode(JsonTree.parse(bytes));
    }

    public static Read read(String json) throws WorkspaceException {
        return new MarketLabCodec().decode(JsonTree.parse(json));
    }

    public static Read read(InputStream in) throws WorkspaceException {
        return new MarketLabCodec().decode(JsonTree.parse(JsonTree.readCapped(in)));
    }

    private Read decode(Node root) throws WorkspaceException {
        if (!root.isObject()) {
            throw new WorkspaceException(WorkspaceException.Kind.FORMAT, "not a PerpRisk market-lab document: expected"
                    + " a JSON object with \"format\": \"" + FORMAT + "\", got " + root.describe(), null, root.line(),
                    root.column(), null);
        }
        JsonObject o = obj(root, "", ROOT);
        WorkspaceCodec.checkFormatAndVersion(o, FORMAT, "market-lab document", CURRENT_VERSION);
        JsonObject ix = sub(o, "index", INDEX);
        JsonObject bk = sub(o, "book", BOOK);
        JsonObject fu = sub(o, "funding", FUNDING);
        JsonObject mk = sub(o, "mark", MARK);
        JsonObject vm = sub(o, "vamm", VAMM);
        JsonObject pl = sub(o, "pool", POOL);
        JsonObject cs = sub(o, "cascade", CASCADE);
        LabInputs.BookIn book = bk == null ? null : book(bk);
        LabInputs in = new LabInputs(o.text("name"), ix == null ? null : index(ix), book,
                fu == null ? null : funding(fu), mk == null ? null : mark(mk), vm == null ? null : vamm(vm),
                pl == null ? null : pool(pl), cs == null ? null : cascade(cs, book));
        if (ix == null && bk == null && fu == null && mk == null && vm == null && pl == null && cs == null) {
            warnings.add(FieldProblem.warning("", "the document has no section (index, book, funding, mark, vamm, pool,"
                    + " cascade)"));
        }
        return new Read(in, warnings);
    }

    // ------------------------------------------------------------------ sections

    private LabInputs.IndexIn index(JsonObject o) throws WorkspaceException {
        JsonObject r = sub(o, "rules", RULES);
        IndexPrice.Method method = r == null ? IndexPrice.Method.VWAP : choice(r, "method", IndexPrice.Method.class,
                IndexPrice.Method.VWAP);
        IndexPrice.Rules rules = build(o.childPath("rules"), o.node(), () -> new IndexPrice.Rules(
                r == null ? 0.05 : nonNeg(r, "maxDeviation", 0.05),
                r == null ? Double.POSITIVE_INFINITY : pos(r, "maxAgeSeconds", Double.POSITIVE_INFINITY),
                r == null ? 1 : count(r, "minSources", 1, 1),
                method, r == null ? IndexPrice.Fallback.MEDIAN_OF_FRESH
                : choice(r, "fallback", IndexPrice.Fallback.class, IndexPrice.Fallback.MEDIAN_OF_FRESH)));
        List<Node> ss = required(o, "sources");
        List<IndexPrice.Source> sources = new ArrayList<>();
        for (int i = 0; i < ss.size(); i++) {
            JsonObject s = obj(ss.get(i), o.childPath("sources") + "[" + i + "]", SOURCE);
            String name = requiredText(s, "name");
            double price = pos(s, "price", null);
            double volume = method == IndexPrice.Method.VWAP ? nonNeg(s, "volume", null) : nonNeg(s, "volume", 1.0);
            double age = nonNeg(s, "ageSeconds", 0.0);
            sources.add(build(s.path(), s.node(), () -> new IndexPrice.Source(name, price, volume, age)));
        }
        if (sources.isEmpty()) {
            throw invalid(o, "sources", "needs at least one source");
        }
        return new LabInputs.IndexIn(sources, rules);
    }

    private LabInputs.BookIn book(JsonObject o) throws WorkspaceException {
        List<OrderBook.Level> bids = levels(o, "bids");
        List<OrderBook.Level> asks = levels(o, "asks");
        double notional = pos(o, "impactNotional", null);
        double depth = pos(o, "depthPercent", 1.0) / 100.0;
        OrderBook b = build(o.path(), o.node(), () -> new OrderBook(bids, asks));
        if (bids.isEmpty()) {
            throw invalid(o, "bids", "needs at least one level");
        }
        if (asks.isEmpty()) {
            throw invalid(o, "asks", "needs at least one level");
        }
        return new LabInputs.BookIn(b, notional, depth);
    }

    private List<OrderBook.Level> levels(JsonObject o, String name) throws WorkspaceException {
        List<Node> ls = required(o, name);
        List<OrderBook.Level> out = new ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            String at = o.childPath(name) + "[" + i + "]";
            Node l = ls.get(i);
            if (!l.isArray() || l.array().size() != 2) {
                throw new WorkspaceException(WorkspaceException.Kind.INVALID, "expected [price, size], got "
                        + l.describe(), at, l.line(), l.column(), null);
            }
            double price = positive(l.array().get(0), at + "[0]");
            double size = positive(l.array().get(1), at + "[1]");
            out.add(new OrderBook.Level(price, size));
        }
        return out;
    }

    private LabInputs.FundingIn funding(JsonObject o) throws WorkspaceException {
        FundingMethod method = requiredChoice(o, "method", FundingMethod.class);
        List<Double> samples = numbers(o, "premiumSamples");
        List<List<Double>> votes = null;
        List<Node> vs = o.array("premiumVotes");
        if (vs != null) {
            votes = new ArrayList<>();
            for (int i = 0; i < vs.size(); i++) {
                String at = o.childPath("premiumVotes") + "[" + i + "]";
                Node v = vs.get(i);
                if (!v.isArray()) {
                    throw JsonObject.typeError(v, at, "an array of the votes of one sample");
                }
                List<Double> one = new ArrayList<>();
                for (int k = 0; k < v.array().size(); k++) {
                    one.add(JsonObject.toDouble(v.array().get(k), at + "[" + k + "]"));
                }
                votes.add(one);
            }
        }
        Integer expected = o.has("expectedSamples") ? count(o, "expectedSamples", 60, 1) : null;
        Integer minVotes = o.has("minVotesPerSample") ? count(o, "minVotesPerSample", 15, 1) : null;
        Double imf = o.number("initialMarginFraction");
        if (imf != null && (imf <= 0 || imf > 1)) {
            throw invalid(o, "initialMarginFraction", "must lie in (0, 1], got " + fmt(imf));
        }
        Double mf = o.number("maintenanceFraction");
        if (mf != null && (mf < 0 || mf > 1)) {
            throw invalid(o, "maintenanceFraction", "must lie in [0, 1], got " + fmt(mf));
        }
        if (method == FundingMethod.DYDX && imf == null) {
            throw missing(o, "initialMarginFraction", "the DYDX method needs it for the clamp");
        }
        if (method == FundingMethod.DYDX && mf == null) {
            throw missing(o, "maintenanceFraction", "the DYDX method needs it for the clamp");
        }
        Double interval = o.has("intervalHours") ? pos(o, "intervalHours", null) : null;
        if (interval != null && method != FundingMethod.BINANCE && interval != 8.0) {
            throw invalid(o, "intervalHours", method.name() + " states an 8 h rate; give 8 or leave it out");
        }
        FundingMethod.Inputs in = new FundingMethod.Inputs(samples, votes, expected, o.number("interest"),
                o.number("clampFloor"), o.number("clampCeiling"), optNonNeg(o, "cap"), interval,
                o.number("defaultFunding"), imf, mf, optNonNeg(o, "clampFactor"), minVotes,
                optNonNeg(o, "tailRemovalRatio"), optNonNeg(o, "elapsedHours"), optPos(o, "oraclePrice"));
        Double floor = in.clampFloor();
        Double ceiling = in.clampCeiling();
        if (floor != null && ceiling != null && floor > ceiling) {
            throw invalid(o, "clampFloor", fmt(floor) + " is above clampCeiling " + fmt(ceiling));
        }
        if (in.tailRemovalRatio() != null && in.tailRemovalRatio() >= 0.5) {
            throw invalid(o, "tailRemovalRatio", "must be below 0.5 (it is removed at each end), got "
                    + fmt(in.tailRemovalRatio()));
        }
        return new LabInputs.FundingIn(method, in);
    }

    private LabInputs.MarkIn mark(JsonObject o) throws WorkspaceException {
        LabInputs.MarkMethod method = requiredChoice(o, "method", LabInputs.MarkMethod.class);
        Double hours = optNonNeg(o, "hoursToFunding");
        Double interval = optPos(o, "intervalHours");
        if (hours != null && interval != null && hours > interval) {
            throw invalid(o, "hoursToFunding", fmt(hours) + " h is longer than the " + fmt(interval)
                    + " h funding interval");
        }
        return new LabInputs.MarkIn(method, optPos(o, "indexPrice"), o.number("fundingRate"), hours, interval,
                optPos(o, "impactBid"), optPos(o, "impactAsk"), optPos(o, "lastPrice"), o.number("movingAverageBasis"));
    }

    private LabInputs.VammIn vamm(JsonObject o) throws WorkspaceException {
        double q = pos(o, "quoteReserve", null);
        double b = pos(o, "baseReserve", null);
        double toll = nonNeg(o, "tollRatio", 0.0);
        double spread = nonNeg(o, "spreadRatio", 0.0);
        Vamm amm = new Vamm(q, b, toll, spread);
        List<Vamm.Trade> trades = new ArrayList<>();
        List<Node> ts = o.array("trades");
        if (ts != null) {
            for (int i = 0; i < ts.size(); i++) {
                JsonObject t = obj(ts.get(i), o.childPath("trades") + "[" + i + "]", TRADE);
                List<String> given = TRADE.stream().filter(t::has).sorted().toList();
                if (given.size() != 1) {
                    throw new WorkspaceException(WorkspaceException.Kind.INVALID, "give exactly one of quoteIn,"
                            + " quoteOut, baseIn, baseOut" + (given.isEmpty() ? "" : ", got " + String.join(" and ",
                            given)), t.path(), t.node().line(), t.node().column(), null);
                }
                String f = given.get(0);
                Vamm.Kind kind = switch (f) {
                    case "quoteIn" -> Vamm.Kind.QUOTE_IN;
                    case "quoteOut" -> Vamm.Kind.QUOTE_OUT;
                    case "baseIn" -> Vamm.Kind.BASE_IN;
                    default -> Vamm.Kind.BASE_OUT;
                };
                double amount = pos(t, f, null);
                trades.add(new Vamm.Trade(kind, amount));
            }
        }
        return new LabInputs.VammIn(amm, trades, optPos(o, "markTwap"), optPos(o, "indexTwap"),
                pos(o, "fundingPeriodHours", 1.0));
    }

    private LabInputs.PoolIn pool(JsonObject o) throws WorkspaceException {
        double price = pos(o, "indexPrice", null);
        double longUsd = tokenUsd(o, "long", price);
        double shortUsd = tokenUsd(o, "short", 1.0);
        double impactFactor = nonNeg(o, "priceImpactFactor", 0.0);
        List<GmxPool.PoolPosition> positions = new ArrayList<>();
        List<Node> ps = o.array("positions");
        if (ps != null) {
            for (int i = 0; i < ps.size(); i++) {
                JsonObject p = obj(ps.get(i), o.childPath("positions") + "[" + i + "]", POOL_POSITION);
                Side side = requiredChoice(p, "side", Side.class);
                double size = pos(p, "sizeUsd", null);
                Double tokens = optPos(p, "sizeInTokens");
                if (tokens == null) {
                    Double entry = optPos(p, "entryPrice");
                    if (entry == null) {
                        throw missing(p, "sizeInTokens", "give sizeInTokens or entryPrice");
                    }
                    tokens = size / entry;
                }
                double t = tokens;
                positions.add(build(p.path(), p.node(), () -> new GmxPool.PoolPosition(side, size, t,
                        nonNeg(p, "collateralUsd", null), nonNeg(p, "pendingFeesUsd", 0.0))));
            }
        }
        GmxPool pool = build(o.path(), o.node(), () -> new GmxPool(longUsd, shortUsd, price,
                nonNeg(o, "impactPoolTokens", 0.0), nonNeg(o, "pendingBorrowingFees", 0.0),
                nonNeg(o, "maxPnlFactor", 1.0), nonNeg(o, "maxPnlFactorForAdl", 0.45),
                nonNeg(o, "minPnlFactorAfterAdl", 0.4), nonNeg(o, "positionFeeFactor", 0.0005),
                nonNeg(o, "positiveImpactFactor", impactFactor), nonNeg(o, "negativeImpactFactor", impactFactor),
                pos(o, "impactExponent", 2.0), nonNeg(o, "fundingFactor", 0.0), pos(o, "fundingExponent", 1.0),
                nonNeg(o, "borrowingFactor", 0.0), pos(o, "borrowingExponent", 1.0),
                nonNeg(o, "minCollateralFactor", 0.01), nonNeg(o, "minCollateralUsd", 0.0), positions));
        List<LabInputs.PoolTrade> trades = new ArrayList<>();
        List<Node> ts = o.array("trades");
        if (ts != null) {
            for (int i = 0; i < ts.size(); i++) {
                JsonObject t = obj(ts.get(i), o.childPath("trades") + "[" + i + "]", POOL_TRADE);
                Side side = requiredChoice(t, "side", Side.class);
                Double delta = t.number("sizeDeltaUsd");
                if (delta == null || delta == 0) {
                    throw missing(t, "sizeDeltaUsd", "give the size change in USD (+ open, − close)");
                }
                trades.add(new LabInputs.PoolTrade(side, delta));
            }
        }
        return new LabInputs.PoolIn(pool, trades);
    }

    private double tokenUsd(JsonObject o, String side, double defaultPrice) throws WorkspaceException {
        String usd = side + "TokenUsd";
        String amount = side + "TokenAmount";
        if (o.has(usd) && o.has(amount)) {
            throw invalid(o, amount, "give " + usd + " or " + amount + ", not both");
        }
        if (o.has(amount)) {
            return nonNeg(o, amount, null) * pos(o, side + "TokenPrice", defaultPrice);
        }
        return nonNeg(o, usd, null);
    }

    private LabInputs.CascadeIn cascade(JsonObject o, LabInputs.BookIn bookSection) throws WorkspaceException {
        OrderBook book;
        if (o.has("bids") || o.has("asks")) {
            List<OrderBook.Level> bids = levels(o, "bids");
            List<OrderBook.Level> asks = levels(o, "asks");
            book = build(o.path(), o.node(), () -> new OrderBook(bids, asks));
        } else if (bookSection != null) {
            book = bookSection.book();
        } else {
            throw missing(o, "bids", "give the cascade's bids and asks, or a book section");
        }
        List<Node> hs = required(o, "positions");
        List<Cascade.Holder> holders = new ArrayList<>();
        for (int i = 0; i < hs.size(); i++) {
            JsonObject h = obj(hs.get(i), o.childPath("positions") + "[" + i + "]", HOLDER);
            Side side = requiredChoice(h, "side", Side.class);
            double size = pos(h, "size", null);
            double lp = pos(h, "liquidationPrice", null);
            double bp = pos(h, "bankruptcyPrice", lp);
            holders.add(build(h.path(), h.node(), () -> new Cascade.Holder(side, size, lp, bp)));
        }
        Double shock = o.number("shock");
        if (shock == null || shock == 0) {
            throw missing(o, "shock", "give the shock's base size (negative sells, positive buys)");
        }
        double weight = nonNeg(o, "indexWeight", 0.2);
        if (weight > 1) {
            throw invalid(o, "indexWeight", "must be at most 1, got " + fmt(weight));
        }
        int rounds = count(o, "maxRounds", 50, 1);
        double fund = nonNeg(o, "insuranceFund", 0.0);
        return new LabInputs.CascadeIn(build(o.path(), o.node(), () -> new Cascade.Setup(book, holders, shock, weight,
                fund, rounds)));
    }

    // ------------------------------------------------------------------ field helpers

    private JsonObject obj(Node n, String path, Set<String> known) throws WorkspaceException {
        JsonObject o = JsonObject.of(n, path, known);
        for (String k : o.extra().keySet()) {
            String at = path.isEmpty() ? k : path + "." + k;
            warnings.add(FieldProblem.warning(at, "unknown field, ignored"));
        }
        return o;
    }

    private JsonObject sub(JsonObject o, String name, Set<String> known) throws WorkspaceException {
        Node n = o.child(name);
        return n == null ? null : obj(n, o.childPath(name), known);
    }

    private static List<Node> required(JsonObject o, String name) throws WorkspaceException {
        List<Node> a = o.array(name);
        if (a == null) {
            throw missing(o, name, "required");
        }
        return a;
    }

    private static String requiredText(JsonObject o, String name) throws WorkspaceException {
        String s = o.text(name);
        if (s == null || s.isBlank()) {
            throw missing(o, name, "required");
        }
        return s;
    }

    private static List<Double> numbers(JsonObject o, String name) throws WorkspaceException {
        List<Node> a = o.array(name);
        if (a == null) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(JsonObject.toDouble(a.get(i), o.childPath(name) + "[" + i + "]"));
        }
        return out;
    }

    private static <E extends Enum<E>> E choice(JsonObject o, String name, Class<E> type, E fallback)
            throws WorkspaceException {
        String s = o.text(name);
        if (s == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw invalid(o, name, "expected one of " + String.join(", ", names) + ", got " + JsonTree.quote(s));
        }
    }

    private static <E extends Enum<E>> E requiredChoice(JsonObject o, String name, Class<E> type)
            throws WorkspaceException {
        E e = choice(o, name, type, null);
        if (e == null) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw missing(o, name, "required: one of " + String.join(", ", names));
        }
        return e;
    }

    private static double pos(JsonObject o, String name, Double fallback) throws WorkspaceException {
        Double v = o.number(name);
        if (v == null) {
            if (fallback == null) {
                throw missing(o, name, "required");
            }
            return fallback;
        }
        if (v <= 0) {
            throw invalid(o, name, "must be above 0, got " + fmt(v));
        }
        return v;
    }

    private static double nonNeg(JsonObject o, String name, Double fallback) throws WorkspaceException {
        Double v = o.number(name);
        if (v == null) {
            if (fallback == null) {
                throw missing(o, name, "required");
            }
            return fallback;
        }
        if (v < 0) {
            throw invalid(o, name, "must not be negative, got " + fmt(v));
        }
        return v;
    }

    private static Double optPos(JsonObject o, String name) throws WorkspaceException {
        return o.has(name) ? pos(o, name, null) : null;
    }

    private static Double optNonNeg(JsonObject o, String name) throws WorkspaceException {
        return o.has(name) ? nonNeg(o, name, null) : null;
    }

    private static int count(JsonObject o, String name, int fallback, int min) throws WorkspaceException {
        Double v = o.number(name);
        if (v == null) {
            return fallback;
        }
        if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw invalid(o, name, "expected a whole number, got " + fmt(v));
        }
        if (v < min) {
            throw invalid(o, name, "must be at least " + min + ", got " + fmt(v));
        }
        return (int) (double) v;
    }

    private static double positive(Node n, String at) throws WorkspaceException {
        double v = JsonObject.toDouble(n, at);
        if (v <= 0) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "must be above 0, got " + fmt(v), at,
                    n.line(), n.column(), null);
        }
        return v;
    }

    private static WorkspaceException invalid(JsonObject o, String name, String message) {
        Node n = o.child(name);
        Node at = n == null ? o.node() : n;
        return new WorkspaceException(WorkspaceException.Kind.INVALID, message, o.childPath(name), at.line(),
                at.column(), null);
    }

    private static WorkspaceException missing(JsonObject o, String name, String message) {
        return new WorkspaceException(WorkspaceException.Kind.INVALID, "missing: " + message, o.childPath(name),
                o.node().line(), o.node().column(), null);
    }

    /** An engine constructor whose refusal becomes an error at the object's path. */
    private interface Builder<T> {
        T build() throws WorkspaceException;
    }

    private static <T> T build(String path, Node node, Builder<T> b) throws WorkspaceException {
        try {
            return b.build();
        } catch (EngineException e) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, e.getMessage(), path.isEmpty() ? null : path,
                    node.line(), node.column(), null);
        }
    }

    private static String fmt(double v) {
        return com.perprisk.engine.explain.Numbers.plain(v);
    }
}
