package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.format.Formats;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A document made ready to be shown, on any thread and touching nothing of the view model: its market and position
 * rows filled, the document built from them (every row parsed once), mapped and evaluated. Opening 1,000 positions
 * does all of that on a worker; {@link WorkspaceViewModel#install} then only puts the rows in and publishes the
 * results on the owner thread.
 */
final class PreparedDocument {
    final WorkspaceDocument source;
    final ObservableList<MarketRow> markets = FXCollections.observableArrayList();
    final ObservableList<PositionRow> positions = FXCollections.observableArrayList();
    final Map<String, Object> extra;
    /** The builder that built {@link #built}: it keeps every row's part, so the next edit parses only its row. */
    final DocumentBuilder builder;
    final WorkspaceDocument built;
    final Recalculation recalculation;
    final Recalculation.Outcome outcome;
    /** The scenario move the results were computed with. */
    final double move;
    private final Gate gate;

    /**
     * @param edits where the rows report the user's edits once they are shown
     * @param move  the scenario move of every mark at the time (0.05 = +5%)
     */
    PreparedDocument(WorkspaceDocument doc, Formats formats, EditListener edits, double move) {
        this.source = doc;
        this.move = move;
        this.gate = new Gate(edits);
        DocumentBinding binding = new DocumentBinding(formats, gate, freshIds(doc));
        StringProperty name = new SimpleStringProperty();
        AccountFields account = new AccountFields(gate);
        binding.applyAccount(doc, name, account);
        binding.applyRows(doc, markets, positions);
        extra = DocumentBinding.extra(doc);
        builder = new DocumentBuilder(formats);
        built = builder.build(name.get(), account, markets, positions, extra);
        recalculation = Recalculation.detached(formats);
        outcome = recalculation.compute(built, builder.problems(), positions, move);
    }

    /** From now on the rows' changes are the user's edits. */
    void shown() {
        gate.open = true;
    }

    /** Ids for positions the file gives none: p1, p2, … skipping the ids the file uses. */
    private static Supplier<String> freshIds(WorkspaceDocument doc) {
        Set<String> used = new HashSet<>();
        List<WorkspaceDocument.PositionDoc> pds = doc.positions() == null ? List.of() : doc.positions();
        pds.forEach(p -> used.add(p.id()));
        int[] next = {1};
        return () -> {
            String id;
            do {
                id = "p" + next[0]++;
            } while (used.contains(id));
            used.add(id);
            return id;
        };
    }

    /** Passes the rows' changes on only once they are shown: filling them is not an edit. */
    private static final class Gate implements EditListener {
        private final EditListener target;
        private volatile boolean open;

        Gate(EditListener target) {
            this.target = target;
        }

        @Override
        public void edited(Observable field) {
            if (open) {
                target.edited(field);
            }
        }
    }
}
