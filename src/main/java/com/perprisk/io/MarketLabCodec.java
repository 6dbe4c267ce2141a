package com.perprisk.io;

import com.perprisk.engine.lab.LabInputs;
import com.perprisk.io.JsonTree.Node;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads market-lab documents (format "perprisk-market", version 1; see {@code docs/market-lab.md}) into the engine's
 * {@link LabInputs}, one section class each ({@code LabIndexSection} ... {@code LabCascadeSection}, over
 * {@link LabFields}). The same hardened JSON reader and preamble as workspaces ({@link DocumentPreamble}); every
 * type or value error is a {@link WorkspaceException} naming the line, column and field path
 * ({@code book.bids[2][1]: must be above 0, got -1}). Unknown fields are reported as warnings and ignored.
 */
public final class MarketLabCodec {
    public static final String FORMAT = "perprisk-market";
    public static final int CURRENT_VERSION = 1;

    static final Set<String> ROOT = Set.of("format", "version", "name", "index", "book", "funding", "mark", "vamm",
            "pool", "cascade");

    /** A document read: the engine inputs and the warnings (unknown fields). */
    public record Read(LabInputs inputs, List<FieldProblem> warnings) {
        public Read {
            warnings = List.copyOf(warnings);
        }
    }

    private MarketLabCodec() {
    }

    public static Read read(Path file) throws WorkspaceException {
        return decode(JsonTree.parse(DocumentPreamble.readFile(file, "a lab document")));
    }

    public static Read read(String json) throws WorkspaceException {
        return decode(JsonTree.parse(json));
    }

    public static Read read(InputStream in) throws WorkspaceException {
        return decode(JsonTree.parse(JsonTree.readCapped(in)));
    }

    private static Read decode(Node root) throws WorkspaceException {
        LabFields f = new LabFields();
        JsonObject o = DocumentPreamble.root(root, FORMAT, "market-lab document", CURRENT_VERSION, ROOT);
        f.warnUnknown(o);
        JsonObject ix = f.sub(o, "index", LabIndexSection.INDEX);
        JsonObject bk = f.sub(o, "book", LabBookSection.BOOK);
        JsonObject fu = f.sub(o, "funding", LabFundingSection.FUNDING);
        JsonObject mk = f.sub(o, "mark", LabMarkSection.MARK);
        JsonObject vm = f.sub(o, "vamm", LabVammSection.VAMM);
        JsonObject pl = f.sub(o, "pool", LabPoolSection.POOL);
        JsonObject cs = f.sub(o, "cascade", LabCascadeSection.CASCADE);
        LabInputs.BookIn book = bk == null ? null : LabBookSection.read(f, bk);
        LabInputs in = new LabInputs(o.text("name"), ix == null ? null : LabIndexSection.read(f, ix), book,
                fu == null ? null : LabFundingSection.read(f, fu), mk == null ? null : LabMarkSection.read(f, mk),
                vm == null ? null : LabVammSection.read(f, vm), pl == null ? null : LabPoolSection.read(f, pl),
                cs == null ? null : LabCascadeSection.read(f, cs, book));
        if (ix == null && bk == null && fu == null && mk == null && vm == null && pl == null && cs == null) {
            f.warnings.add(FieldProblem.warning("", "the document has no section (index, book, funding, mark, vamm,"
                    + " pool, cascade)"));
        }
        return new Read(in, f.warnings);
    }
}
