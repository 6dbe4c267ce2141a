package com.perprisk.io;

import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.io.JsonTree.Node;
import com.perprisk.io.WorkspaceDocument.ContractDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tier-table presets bundled in {@code resources/presets/} (on the classpath root as {@code /presets/}). The
 * list comes from {@code presets/index.json}, because listing a folder inside a jar is unreliable.
 */
public final class PresetCatalog {
    public static final String FORMAT = "perprisk-tier-preset";
    public static final String INDEX_FORMAT = "perprisk-tier-preset-index";
    /** The newest preset version: 2 adds the {@code contract} block of a coin-margined market. */
    public static final int CURRENT_VERSION = 2;
    /** The version a preset of a linear market is written as (readable by every PerpRisk). */
    public static final int LINEAR_VERSION = 1;
    /** The index is still version 1. */
    static final int INDEX_VERSION = 1;
    private static final String FOLDER = "/presets/";

    static final Set<String> PRESET_FIELDS = Set.of("format", "version", "id", "venue", "symbol", "convention", "asOf",
            "source", "illustrative", "tiers", "dydx");
    static final Set<String> PRESET_FIELDS_V2 = Set.of("format", "version", "id", "venue", "symbol", "convention",
            "asOf", "source", "illustrative", "contract", "tiers", "dydx");

    /** One line of the index: enough to show a list without loading every table. */
    public record PresetInfo(String id, String venue, String symbol, String convention, String asOf,
                             boolean illustrative, String file) {
        public String label() {
            return venue + " " + symbol + ", " + asOf + (illustrative ? " (illustrative)" : "");
        }
    }

    private PresetCatalog() {
    }

    /** Every bundled preset, in index order. */
    public static List<PresetInfo> list() throws WorkspaceException {
        Node root = JsonTree.parse(resource(FOLDER + "index.json"));
        JsonObject o = JsonObject.of(root, "", Set.of("format", "version", "presets"));
        DocumentPreamble.checkFormatAndVersion(o, INDEX_FORMAT, "preset index", INDEX_VERSION);
        List<Node> items = o.array("presets");
        List<PresetInfo> out = new ArrayList<>();
        if (items == null) {
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonObject p = JsonObject.of(items.get(i), "presets[" + i + "]",
                    Set.of("id", "venue", "symbol", "convention", "asOf", "illustrative", "file"));
            out.add(new PresetInfo(p.text("id"), p.text("venue"), p.text("symbol"), p.text("convention"),
                    p.text("asOf"), Boolean.TRUE.equals(p.bool("illustrative")), p.text("file")));
        }
        return out;
    }

    /** The presets for one convention (e.g. for a market's "load preset" menu). */
    public static List<PresetInfo> list(Convention convention) throws WorkspaceException {
        return list().stream().filter(p -> convention.name().equals(p.convention())).toList();
    }

    public static Optional<PresetInfo> info(String id) throws WorkspaceException {
        return list().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Loads a bundled preset by id. */
    public static Preset load(String id) throws WorkspaceException {
        PresetInfo info = info(id).orElseThrow(() -> new WorkspaceException(WorkspaceException.Kind.IO,
                "no bundled preset with id \"" + id + "\""));
        String file = info.file() != null ? info.file() : id + ".json";
        try {
            return parse(new String(resource(FOLDER + file), java.nio.charset.StandardCharsets.UTF_8));
        } catch (WorkspaceException e) {
            throw new WorkspaceException(e.kind(), "preset " + id + ": " + e.getMessage(), e);
        }
    }

    /** The brackets of a bundled preset (empty for dYdX presets, which have a dydx block instead). */
    public static List<TierDoc> tierDocs(String id) throws WorkspaceException {
        Preset p = load(id);
        return p.tiers() == null ? List.of() : p.tiers();
    }

    /** The brackets of a bundled preset as engine tier specs. */
    public static List<TierSpec> tierSpecs(String id) throws WorkspaceException {
        return load(id).tierSpecs();
    }

    /** Reads a preset file's text (bundled, or one the user saved). */
    public static Preset parse(String json) throws WorkspaceException {
        Node root = JsonTree.parse(json);
        JsonObject o = JsonObject.of(root, "", PRESET_FIELDS);
        DocumentPreamble.checkFormatAndVersion(o, FORMAT, "tier preset", CURRENT_VERSION);
        boolean v2 = o.number("version") != null && o.number("version") >= 2;
        if (v2) {
            o = JsonObject.of(root, "", PRESET_FIELDS_V2);
        }
        String id = required(o, "id");
        String convention = required(o, "convention");
        try {
            Convention.valueOf(convention);
        } catch (IllegalArgumentException e) {
            Node n = o.child("convention");
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "unknown convention \"" + convention
                    + "\"; allowed: " + String.join(", ", java.util.Arrays.stream(Convention.values()).map(Enum::name)
                    .toList()), "convention", n.line(), n.column(), null);
        }
        List<Node> ts = o.array("tiers");
        List<TierDoc> tiers = ts == null ? null : WorkspaceCodec.tiers(ts, "tiers");
        JsonObject d = o.object("dydx", WorkspaceCodec.DYDX_FIELDS);
        DydxDoc dydx = d == null ? null : new DydxDoc(d.number("initialMarginFraction"), d.number("maintenanceFraction"),
                d.number("openInterestNotional"), d.number("oiLowerCap"), d.number("oiUpperCap"), d.extra());
        if (tiers == null && dydx == null) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "a preset needs \"tiers\" (or \"dydx\")",
                    null, o.node().line(), o.node().column(), null);
        }
        if (dydx != null && (dydx.initialMarginFraction() == null || dydx.maintenanceFraction() == null)) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID,
                    "needs initialMarginFraction and maintenanceFraction", "dydx", -1, -1, null);
        }
        JsonObject c = v2 ? o.object("contract", WorkspaceCodec.CONTRACT_FIELDS) : null;
        ContractDoc contract = c == null ? null
                : new ContractDoc(c.text("type"), c.number("contractSize"), c.text("settleAsset"), c.extra());
        return new Preset(id, o.text("venue"), o.text("symbol"), convention, o.text("asOf"), o.text("source"),
                Boolean.TRUE.equals(o.bool("illustrative")), tiers, dydx, contract);
    }

    /** A preset as file text (the bundled files' layout), e.g. to save an edited or imported table. */
    public static String toJson(Preset p) throws WorkspaceException {
        java.io.StringWriter w = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = JsonOut.pretty(w)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            boolean v2 = p.contract() != null && !p.contract().isPlainLinear();
            g.writeNumberField("version", v2 ? CURRENT_VERSION : LINEAR_VERSION);
            JsonOut.field(g, "id", p.id());
            JsonOut.field(g, "venue", p.venue());
            JsonOut.field(g, "symbol", p.symbol());
            JsonOut.field(g, "convention", p.convention());
            JsonOut.field(g, "asOf", p.asOf());
            JsonOut.field(g, "source", p.source());
            g.writeBooleanField("illustrative", p.illustrative());
            if (v2) {
                g.writeObjectFieldStart("contract");
                JsonOut.field(g, "type", p.contract().type());
                JsonOut.field(g, "contractSize", p.contract().contractSize());
                JsonOut.field(g, "settleAsset", p.contract().settleAsset());
                JsonOut.extra(g, p.contract().extra());
                g.writeEndObject();
            }
            if (p.tiers() != null) {
                g.writeFieldName("tiers");
                WorkspaceCodec.tiers(g, p.tiers());
            }
            if (p.dydx() != null) {
                g.writeFieldName("dydx");
                WorkspaceCodec.dydx(g, p.dydx());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "cannot write the preset: " + e.getMessage(),
                    e);
        }
        return w + "\n";
    }

    private static String required(JsonObject o, String name) throws WorkspaceException {
        String v = o.text(name);
        if (v == null || v.isBlank()) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "missing", name, o.node().line(),
                    o.node().column(), null);
        }
        return v;
    }

    static byte[] resource(String path) throws WorkspaceException {
        try (InputStream in = PresetCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new WorkspaceException(WorkspaceException.Kind.IO, "bundled resource " + path + " is missing");
            }
            return JsonTree.readCapped(in);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "cannot read bundled " + path + ": "
                    + e.getMessage(), e);
        }
    }
}
