package com.perprisk.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.perprisk.io.JsonTree.Node;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.ContractDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.FutureDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes workspace files (format "perprisk-workspace", versions 1 and 2; see
 * {@code docs/workspace-format.md}). Version 2 adds inverse contracts: a market's {@code contract} block and
 * {@code account.coinWallets}; in a version 1 file those names are unknown fields, kept and ignored as before.
 *
 * <p>Reading is hardened against hostile input (16 MB cap, nesting depth 64, 1 MB strings, 100-character numbers,
 * duplicate keys, NaN/Infinity, trailing content) and every failure is a {@link WorkspaceException} whose message
 * names the line, column and JSON path. Reading checks only the shape and types; values are checked by
 * {@link WorkspaceMapper#toPortfolio}. Unknown fields are kept and written back. Writing is atomic.
 */
public final class WorkspaceCodec {
    /** Largest file the reader accepts, in bytes. */
    public static final long MAX_FILE_BYTES = JsonTree.MAX_BYTES;

    static final Set<String> ROOT_FIELDS = Set.of("format", "version", "name", "account", "horizonHours", "markets",
            "positions");
    static final Set<String> ACCOUNT_FIELDS = Set.of("walletBalance", "positionMode");
    static final Set<String> MARKET_FIELDS = Set.of("symbol", "convention", "markPrice", "indexPrice", "takerFeeRate",
            "tiers", "dydx", "funding", "future");
    /** Version 2's account: coinWallets added. */
    static final Set<String> ACCOUNT_FIELDS_V2 = Set.of("walletBalance", "positionMode", "coinWallets");
    /** Version 2's market: the contract block added. */
    static final Set<String> MARKET_FIELDS_V2 = Set.of("symbol", "convention", "markPrice", "indexPrice",
            "takerFeeRate", "tiers", "dydx", "funding", "future", "contract");
    static final Set<String> CONTRACT_FIELDS = Set.of("type", "contractSize", "settleAsset");
    static final Set<String> TIER_FIELDS = Set.of("floor", "cap", "maxLeverage", "mmr", "maintenanceAmount");
    static final Set<String> DYDX_FIELDS = Set.of("initialMarginFraction", "maintenanceFraction",
            "openInterestNotional", "oiLowerCap", "oiUpperCap");
    static final Set<String> FUNDING_FIELDS = Set.of("rate", "intervalHours");
    static final Set<String> FUTURE_FIELDS = Set.of("price", "daysToExpiry");
    static final Set<String> POSITION_FIELDS = Set.of("id", "symbol", "side", "size", "entryPrice", "leverage",
            "marginMode", "isolatedMargin", "extraMargin");

    /** Test seam: runs after the temp file is written and synced, before it is moved into place. */
    interface BeforeMove {
        void run(Path temp) throws IOException;
    }

    private WorkspaceCodec() {
    }

    // ------------------------------------------------------------------ reading

    public static WorkspaceDocument read(Path file) throws WorkspaceException {
        return decode(JsonTree.parse(DocumentPreamble.readFile(file, "a workspace file")));
    }

    public static WorkspaceDocument read(String json) throws WorkspaceException {
        return decode(JsonTree.parse(json));
    }

    /** Reads the whole stream (at most 16 MB); does not close it. */
    public static WorkspaceDocument read(InputStream in) throws WorkspaceException {
        return decode(JsonTree.parse(JsonTree.readCapped(in)));
    }

    static WorkspaceDocument decode(Node root) throws WorkspaceException {
        JsonObject o = DocumentPreamble.root(root, WorkspaceDocument.FORMAT, "workspace",
                WorkspaceDocument.CURRENT_VERSION, ROOT_FIELDS);
        boolean v2 = DocumentPreamble.integer(o, "version") >= 2;
        JsonObject acc = o.object("account", v2 ? ACCOUNT_FIELDS_V2 : ACCOUNT_FIELDS);
        AccountDoc account = acc == null ? null
                : new AccountDoc(acc.number("walletBalance"), acc.text("positionMode"),
                v2 ? coinWallets(acc) : null, acc.extra());
        List<MarketDoc> markets = null;
        List<Node> ms = o.array("markets");
        if (ms != null) {
            markets = new ArrayList<>();
            for (int i = 0; i < ms.size(); i++) {
                markets.add(market(JsonObject.of(ms.get(i), "markets[" + i + "]",
                        v2 ? MARKET_FIELDS_V2 : MARKET_FIELDS), v2));
            }
            markets = Collections.unmodifiableList(markets);
        }
        List<PositionDoc> positions = null;
        List<Node> ps = o.array("positions");
        if (ps != null) {
            positions = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                positions.add(position(JsonObject.of(ps.get(i), "positions[" + i + "]", POSITION_FIELDS)));
            }
            positions = Collections.unmodifiableList(positions);
        }
        return new WorkspaceDocument(o.text("format"), DocumentPreamble.integer(o, "version"), o.text("name"), account,
                o.number("horizonHours"), markets, positions, o.extra());
    }

    /** {@code account.coinWallets}: an object of coin → wallet balance, in file order. */
    private static java.util.Map<String, Double> coinWallets(JsonObject acc) throws WorkspaceException {
        Node n = acc.child("coinWallets");
        if (n == null) {
            return null;
        }
        JsonObject w = JsonObject.of(n, acc.childPath("coinWallets"), Set.of());
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String asset : n.object().keySet()) {
            Node v = n.object().get(asset);
            out.put(asset, v == null || v.isNull() ? null : JsonObject.toDouble(v, w.childPath(asset)));
        }
        return out;
    }

    private static MarketDoc market(JsonObject m, boolean v2) throws WorkspaceException {
        List<TierDoc> tiers = null;
        List<Node> ts = m.array("tiers");
        if (ts != null) {
            tiers = tiers(ts, m.childPath("tiers"));
        }
        JsonObject d = m.object("dydx", DYDX_FIELDS);
        DydxDoc dydx = d == null ? null : new DydxDoc(d.number("initialMarginFraction"), d.number("maintenanceFraction"),
                d.number("openInterestNotional"), d.number("oiLowerCap"), d.number("oiUpperCap"), d.extra());
        JsonObject f = m.object("funding", FUNDING_FIELDS);
        FundingDoc funding = f == null ? null : new FundingDoc(f.number("rate"), f.number("intervalHours"), f.extra());
        JsonObject fu = m.object("future", FUTURE_FIELDS);
        FutureDoc future = fu == null ? null : new FutureDoc(fu.number("price"), fu.number("daysToExpiry"), fu.extra());
        JsonObject c = v2 ? m.object("contract", CONTRACT_FIELDS) : null; // in version 1 an unknown field
        ContractDoc contract = c == null ? null
                : new ContractDoc(c.text("type"), c.number("contractSize"), c.text("settleAsset"), c.extra());
        return new MarketDoc(m.text("symbol"), m.text("convention"), m.number("markPrice"), m.number("indexPrice"),
                m.number("takerFeeRate"), tiers, dydx, funding, future, m.extra(), contract);
    }

    /** Tier objects of a workspace market or a preset. */
    static List<TierDoc> tiers(List<Node> ts, String at) throws WorkspaceException {
        List<TierDoc> tiers = new ArrayList<>();
        for (int k = 0; k < ts.size(); k++) {
            JsonObject t = JsonObject.of(ts.get(k), at + "[" + k + "]", TIER_FIELDS);
            tiers.add(new TierDoc(t.number("floor"), t.number("cap"), t.number("maxLeverage"), t.number("mmr"),
                    t.number("maintenanceAmount"), t.extra()));
        }
        return Collections.unmodifiableList(tiers);
    }

    private static PositionDoc position(JsonObject p) throws WorkspaceException {
        return new PositionDoc(p.text("id"), p.text("symbol"), p.text("side"), p.number("size"),
                p.number("entryPrice"), p.number("leverage"), p.text("marginMode"), p.number("isolatedMargin"),
                p.number("extraMargin"), p.extra());
    }

    // ------------------------------------------------------------------ writing

    /** The document as pretty-printed JSON text (fields in the documented order, nulls left out, unknowns last). */
    public static String toJson(WorkspaceDocument doc) throws WorkspaceException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JsonOut.pretty(w)) {
            encode(g, doc);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "cannot write the workspace: "
                    + e.getMessage(), e);
        }
        return w.toString() + "\n";
    }

    /**
     * Writes atomically: the whole document is serialised first, written to a temporary file in the same folder,
     * synced to disk, then moved over {@code file} (atomic move where the file system supports it). On failure the
     * previous file is untouched and the temporary file is removed.
     */
    public static void write(WorkspaceDocument doc, Path file) throws WorkspaceException {
        write(doc, file, temp -> {
        });
    }

    static void write(WorkspaceDocument doc, Path file, BeforeMove beforeMove) throws WorkspaceException {
        byte[] bytes = toJson(doc).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeAtomically(bytes, file, beforeMove);
    }

    static void writeAtomically(byte[] bytes, Path file, BeforeMove beforeMove) throws WorkspaceException {
        try {
            AtomicFiles.write(file, out -> out.write(bytes), beforeMove::run);
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot save " + file + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + (Files.isRegularFile(file) ? "; the previous file is unchanged" : ""), e);
        }
    }

    /** One market object exactly as a workspace writes it (for {@code fetch} and the live snapshots). */
    public static String marketToJson(MarketDoc m) throws WorkspaceException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JsonOut.pretty(w)) {
            market(g, m);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "cannot write the market: "
                    + e.getMessage(), e);
        }
        return w + "\n";
    }

    /** Position objects as a workspace's {@code positions} array (for {@code positions}). */
    public static String positionsToJson(List<PositionDoc> positions) throws WorkspaceException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JsonOut.pretty(w)) {
            g.writeStartArray();
            for (PositionDoc p : positions) {
                position(g, p);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "cannot write the positions: "
                    + e.getMessage(), e);
        }
        return w + "\n";
    }

    /** One market object as a workspace reads it (same checks and field paths as inside a workspace). */
    public static MarketDoc readMarket(String json) throws WorkspaceException {
        return market(JsonObject.of(JsonTree.parse(json), "", MARKET_FIELDS_V2), true);
    }

    private static void encode(JsonGenerator g, WorkspaceDocument d) throws IOException {
        g.writeStartObject();
        JsonOut.field(g, "format", d.format());
        if (d.version() != null) {
            // 2 only when the workspace uses version 2's fields, so a linear workspace stays readable everywhere
            g.writeNumberField("version", d.versionNeeded());
        }
        JsonOut.field(g, "name", d.name());
        if (d.account() != null) {
            AccountDoc a = d.account();
            g.writeObjectFieldStart("account");
            JsonOut.field(g, "walletBalance", a.walletBalance());
            if (a.coinWallets() != null) {
                g.writeObjectFieldStart("coinWallets");
                for (var w : a.coinWallets().entrySet()) {
                    JsonOut.field(g, w.getKey(), w.getValue());
                }
                g.writeEndObject();
            }
            JsonOut.field(g, "positionMode", a.positionMode());
            JsonOut.extra(g, a.extra());
            g.writeEndObject();
        }
        JsonOut.field(g, "horizonHours", d.horizonHours());
        if (d.markets() != null) {
            g.writeArrayFieldStart("markets");
            for (MarketDoc m : d.markets()) {
                market(g, m);
            }
            g.writeEndArray();
        }
        if (d.positions() != null) {
            g.writeArrayFieldStart("positions");
            for (PositionDoc p : d.positions()) {
                position(g, p);
            }
            g.writeEndArray();
        }
        JsonOut.extra(g, d.extra());
        g.writeEndObject();
    }

    private static void market(JsonGenerator g, MarketDoc m) throws IOException {
        g.writeStartObject();
        JsonOut.field(g, "symbol", m.symbol());
        JsonOut.field(g, "convention", m.convention());
        if (m.contract() != null && !m.contract().isPlainLinear()) {
            g.writeObjectFieldStart("contract");
            JsonOut.field(g, "type", m.contract().type());
            JsonOut.field(g, "contractSize", m.contract().contractSize());
            JsonOut.field(g, "settleAsset", m.contract().settleAsset());
            JsonOut.extra(g, m.contract().extra());
            g.writeEndObject();
        }
        JsonOut.field(g, "markPrice", m.markPrice());
        JsonOut.field(g, "indexPrice", m.indexPrice());
        JsonOut.field(g, "takerFeeRate", m.takerFeeRate());
        if (m.tiers() != null) {
            g.writeFieldName("tiers");
            tiers(g, m.tiers());
        }
        if (m.dydx() != null) {
            g.writeFieldName("dydx");
            dydx(g, m.dydx());
        }
        if (m.funding() != null) {
            g.writeObjectFieldStart("funding");
            JsonOut.field(g, "rate", m.funding().rate());
            JsonOut.field(g, "intervalHours", m.funding().intervalHours());
            JsonOut.extra(g, m.funding().extra());
            g.writeEndObject();
        }
        if (m.future() != null) {
            g.writeObjectFieldStart("future");
            JsonOut.field(g, "price", m.future().price());
            JsonOut.field(g, "daysToExpiry", m.future().daysToExpiry());
            JsonOut.extra(g, m.future().extra());
            g.writeEndObject();
        }
        JsonOut.extra(g, m.extra());
        g.writeEndObject();
    }

    /** Tier objects, shared with presets. A +∞ cap is left out (JSON has no Infinity). */
    /** Writes a dYdX liquidity-tier block (shared by workspaces and presets). */
    static void dydx(JsonGenerator g, DydxDoc d) throws IOException {
        g.writeStartObject();
        JsonOut.field(g, "initialMarginFraction", d.initialMarginFraction());
        JsonOut.field(g, "maintenanceFraction", d.maintenanceFraction());
        JsonOut.field(g, "openInterestNotional", d.openInterestNotional());
        JsonOut.field(g, "oiLowerCap", d.oiLowerCap());
        JsonOut.field(g, "oiUpperCap", d.oiUpperCap());
        JsonOut.extra(g, d.extra());
        g.writeEndObject();
    }

    static void tiers(JsonGenerator g, List<TierDoc> tiers) throws IOException {
        g.writeStartArray();
        for (TierDoc t : tiers) {
            g.writeStartObject();
            JsonOut.field(g, "floor", t.floor());
            if (t.cap() != null && !t.cap().isInfinite()) {
                JsonOut.field(g, "cap", t.cap());
            }
            JsonOut.field(g, "maxLeverage", t.maxLeverage());
            JsonOut.field(g, "mmr", t.mmr());
            JsonOut.field(g, "maintenanceAmount", t.maintenanceAmount());
            JsonOut.extra(g, t.extra());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, PositionDoc p) throws IOException {
        g.writeStartObject();
        JsonOut.field(g, "id", p.id());
        JsonOut.field(g, "symbol", p.symbol());
        JsonOut.field(g, "side", p.side());
        JsonOut.field(g, "size", p.size());
        JsonOut.field(g, "entryPrice", p.entryPrice());
        JsonOut.field(g, "leverage", p.leverage());
        JsonOut.field(g, "marginMode", p.marginMode());
        JsonOut.field(g, "isolatedMargin", p.isolatedMargin());
        JsonOut.field(g, "extraMargin", p.extraMargin());
        JsonOut.extra(g, p.extra());
        g.writeEndObject();
    }
}
