package com.perprisk.ui.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.lab.LabEvaluator;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.io.MarketLabCodec;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The market lab: one lab document (see docs/market-lab.md) and a view model per page built on it. Loading a document
 * hands each page its section; a page recomputes its own numbers through the engine as the teacher edits it.
 */
public final class LabViewModel {
    /** The bundled lab documents: resource name under /lab/ and the title shown. */
    public record Bundled(String file, String title) {
        @Override
        public String toString() {
            return title;
        }
    }

    public static final List<Bundled> BUNDLED = List.of(
            new Bundled("tour.perprisk-market.json", "Tour: every section"),
            new Bundled("bad-feed.perprisk-market.json", "A bad feed and the index"),
            new Bundled("funding-clamp.perprisk-market.json", "Why funding is clamped"),
            new Bundled("book-vamm-pool.perprisk-market.json", "Order book vs vAMM vs pool"),
            new Bundled("cascade.perprisk-market.json", "Cascade: amplify or damp"));

    private final Formats formats;
    private final ObjectProperty<LabInputs> document = new SimpleObjectProperty<>();
    private final ObjectProperty<Bundled> bundled = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final IndexPageModel index;
    private final BookPageModel book;
    private final FundingPageModel funding;
    private final VammPageModel vamm;
    private final PoolPageModel pool;
    private final CascadePageModel cascade;

    public LabViewModel(Formats formats) {
        this.formats = formats;
        index = new IndexPageModel(formats);
        book = new BookPageModel(formats);
        funding = new FundingPageModel(formats);
        vamm = new VammPageModel(formats);
        pool = new PoolPageModel(formats);
        cascade = new CascadePageModel(formats);
        document.addListener((obs, o, n) -> show(n));
    }

    /** Reads one of the bundled documents; false (and the problem set) when it cannot be read. */
    public boolean loadBundled(Bundled b) {
        try (InputStream in = LabViewModel.class.getResourceAsStream("/lab/" + b.file())) {
            if (in == null) {
                problem.set("The lab document " + b.file() + " is not bundled.");
                return false;
            }
            boolean ok = load(MarketLabCodec.read(in).inputs());
            if (ok) {
                bundled.set(b);
            }
            return ok;
        } catch (IOException | WorkspaceException e) {
            problem.set("Cannot read " + b.file() + ": " + e.getMessage());
            return false;
        }
    }

    /** Shows a lab document; false when one of its sections cannot be computed. */
    public boolean load(LabInputs in) {
        try {
            LabEvaluator.evaluate(in);
        } catch (EngineException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        document.set(in);
        return true;
    }

    private void show(LabInputs in) {
        title.set(in == null || in.name() == null ? "" : in.name());
        index.load(in == null ? null : in.index());
        book.load(in == null ? null : in.book());
        funding.load(in);
        vamm.load(in == null ? null : in.vamm(), in == null ? null : in.book());
        pool.load(in == null ? null : in.pool());
        cascade.load(in == null ? null : in.cascade());
    }

    public ObjectProperty<LabInputs> documentProperty() {
        return document;
    }

    /** The bundled document shown, or null for another. */
    public ObjectProperty<Bundled> bundledProperty() {
        return bundled;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Formats formats() {
        return formats;
    }

    public IndexPageModel index() {
        return index;
    }

    public BookPageModel book() {
        return book;
    }

    public FundingPageModel funding() {
        return funding;
    }

    public VammPageModel vamm() {
        return vamm;
    }

    public PoolPageModel pool() {
        return pool;
    }

    public CascadePageModel cascade() {
        return cascade;
    }
}
