package com.perprisk.ui.workspace;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The engine calls behind every edit: maps the workspace document to a portfolio, applies the scenario move (or
 * shows a playback state instead), evaluates it and publishes results, problems and warnings. With errors in some
 * inputs, what does not depend on them is still computed ({@link PartialInputs}) and the rest is marked as not
 * computed with the reason.
 */
final class Recalculation {
    private final RiskContext context;
    private final Formats formats;
    private final ObservableMap<String, InputProblem> problems = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<List<String>> warnings;
    /** The last portfolio evaluated and its report (null when none). */
    private Portfolio lastComputed;
    private PortfolioRisk lastRisk;
    /** The portfolio and report shown before a prepared document was adopted (see {@link #sameReportIfUnchanged}). */
    private Portfolio shownComputed;
    private PortfolioRisk shownRisk;
    /** The markets of the last mapping: an edit maps only the markets whose document part it changed. */
    private WorkspaceMapper.Memo memo = new WorkspaceMapper.Memo();
    /** A simulated state shown instead of the entered one (price-path playback), or null. */
    private Portfolio playback;
    /** The entered portfolio the playback started from: once the inputs differ, the playback is dropped. */
    private Portfolio playbackBase;

    Recalculation(Object bean, RiskContext context, Formats formats) {
        this.context = context;
        this.formats = formats;
        this.warnings = new ReadOnlyObjectWrapper<>(bean, "warnings", List.of());
    }

    /** Input problems by field path ({@link FieldPaths}); errors and warnings. */
    ObservableMap<String, InputProblem> problems() {
        return problems;
    }

    /** Engine warnings of the last calculation. */
    ReadOnlyObjectProperty<List<String>> warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** Shows {@code simulated} in place of the entered inputs while they still equal {@code from}. */
    void showPlayback(Portfolio simulated, Portfolio from) {
        playback = Objects.requireNonNull(simulated);
        playbackBase = Objects.requireNonNull(from);
    }

    /** Drops the playback state; returns whether one was shown. */
    boolean clearPlayback() {
        boolean shown = playback != null;
        playback = null;
        return shown;
    }

    boolean isPlaybackShown() {
        return playback != null;
    }

    /**
     * Evaluates a document the rows were built into and publishes everything the views show.
     *
     * @param doc           the document of the current inputs
     * @param inputProblems what building it found (text that is not a number and the like)
     * @param positions     the position rows, in the document's order: each gets its result or the reason it has none
     */
    void run(WorkspaceDocument doc, List<InputProblem> inputProblems, List<PositionRow> positions) {
        publish(compute(doc, inputProblems, positions, context.scenarioMoveProperty().get()), positions);
    }

    /** What one evaluation found, ready to publish: computed without touching a property or a view. */
    record Outcome(Map<String, InputProblem> found, List<String> ids, Portfolio entered, Portfolio computed,
                   PortfolioRisk risk, PartialInputs partial, boolean errors, String failure) {
    }

    /**
     * Maps and evaluates a document (using and updating this calculation's mapping memo and last report, touching
     * no property): on the owner thread for an edit, or on a worker for a document being opened
     * ({@link #detached}).
     *
     * @param move the scenario's move of every mark (0.05 = +5%)
     */
    Outcome compute(WorkspaceDocument doc, List<InputProblem> inputProblems, List<PositionRow> positions,
                    double move) {
        List<String> ids = positions.stream().map(PositionRow::getId).toList();
        Map<String, InputProblem> found = new LinkedHashMap<>();
        inputProblems.forEach(p -> found.putIfAbsent(p.path(), new InputProblem(p.path(),
                FieldPaths.inUserWords(p.message(), ids), p.error())));
        Portfolio entered = null;
        String failure = null;
        try {
            var mapped = WorkspaceMapper.toPortfolio(doc, memo); // unchanged markets are not mapped again
            for (var fp : mapped.problems()) {
                boolean error = "ERROR".equals(String.valueOf(fp.severity()));
                String path = fp.path() == null ? "" : fp.path();
                InputProblem prior = found.get(path);
                if (prior == null || !prior.error() && error) {
                    found.put(path, new InputProblem(path, FieldPaths.inUserWords(fp.message(), ids), error));
                }
            }
            entered = mapped.portfolio();
        } catch (RuntimeException e) {
            failure = safeMessage(e);
        }
        refuseMarginBelowInitial(found, positions, doc.positions());
        boolean errors = found.values().stream().anyMatch(InputProblem::error);
        PartialInputs partial = null;
        if (errors && failure == null) {
            // what does not depend on the bad inputs is still computed and shown
            Map<String, String> errorTexts = new LinkedHashMap<>();
            found.values().stream().filter(InputProblem::error).forEach(p -> errorTexts.put(p.path(), p.message()));
            partial = PartialInputs.of(doc, errorTexts);
            entered = null;
            if (!partial.nothing()) {
                try {
                    var reduced = WorkspaceMapper.toPortfolio(partial.document());
                    entered = reduced.hasErrors() ? null : reduced.portfolio();
                } catch (RuntimeException e) {
                    entered = null;
                }
            }
            playback = null;
        }
        PortfolioRisk risk = null;
        Portfolio computed = null;
        if (entered != null && failure == null) {
            if (playback != null && !entered.equals(playbackBase)) {
                playback = null; // the inputs changed: the simulated state no longer belongs to them
            }
            computed = playback != null ? playback : withScenario(entered, move);
            if (computed.equals(lastComputed)) {
                // the same inputs give the same report: the same object, so that no listener compares two equal
                // reports of 1,000 positions (reopening a file, an edit of the name or a field the engine ignores)
                risk = lastRisk;
                computed = lastComputed;
            } else {
                try {
                    risk = RiskEngine.evaluate(computed, true);
                } catch (RuntimeException e) {
                    failure = safeMessage(e);
                }
            }
        }
        lastComputed = risk == null ? null : computed;
        lastRisk = risk;
        return new Outcome(found, ids, entered, computed, risk, partial, errors, failure);
    }

    /** A calculation of its own for a document being opened on a worker: no context, no playback, nothing cached. */
    static Recalculation detached(Formats formats) {
        return new Recalculation(null, null, formats);
    }

    /**
     * Takes over what a {@linkplain #detached detached} calculation cached for the document now shown (its mapping
     * memo and last report), so that the next edit maps and evaluates only what it changes.
     */
    void adopt(Recalculation prepared) {
        memo = prepared.memo;
        shownComputed = lastComputed;
        shownRisk = lastRisk;
        lastComputed = prepared.lastComputed;
        lastRisk = prepared.lastRisk;
        playback = null;
        playbackBase = null;
    }

    /**
     * The outcome with the report shown before {@link #adopt} when it was evaluated from the same portfolio (the same
     * file opened again): the same object, so that no listener compares two equal reports of 1,000 positions.
     */
    Outcome sameReportIfUnchanged(Outcome o) {
        Portfolio before = shownComputed;
        PortfolioRisk beforeRisk = shownRisk;
        shownComputed = null;
        shownRisk = null;
        if (o.risk() == null || before == null || !o.computed().equals(before)) {
            return o;
        }
        lastComputed = before;
        lastRisk = beforeRisk;
        return new Outcome(o.found(), o.ids(), o.entered(), before, beforeRisk, o.partial(), o.errors(), o.failure());
    }

    /** Publishes an outcome: problems, the context's portfolio, report and problem text, each row's result. */
    void publish(Outcome o, List<PositionRow> positions) {
        Map<String, InputProblem> found = o.found();
        List<String> ids = o.ids();
        PortfolioRisk risk = o.risk();
        boolean errors = o.errors();
        PartialInputs partial = o.partial();
        if (!found.equals(new HashMap<>(problems))) {
            problems.keySet().retainAll(found.keySet());
            problems.putAll(found);
        }
        String problem = "";
        if (errors) {
            InputProblem first = found.values().stream().filter(InputProblem::error).findFirst().orElseThrow();
            problem = first.where(ids) + ": " + first.message();
        } else if (o.failure() != null) {
            problem = o.failure();
        } else if (risk == null) {
            problem = "No results";
        }
        boolean ok = risk != null;
        Map<Integer, String> hiddenRows = ok && partial != null ? partial.hiddenRows() : Map.of();
        if (playback == null) {
            context.playbackTimeProperty().set(null);
        }
        context.enteredPortfolioProperty().set(ok ? o.entered() : null);
        context.portfolioProperty().set(ok ? o.computed() : null);
        context.unavailableProperty().set(ok && partial != null ? partial.hidden() : Map.of());
        context.problemProperty().set(problem);
        context.riskProperty().set(risk);
        warnings.set(risk == null ? List.of() : risk.warnings());
        Map<String, PositionRisk> byId = new HashMap<>();
        if (risk != null) {
            risk.positions().forEach(pr -> byId.putIfAbsent(pr.id(), pr)); // one pass, not a search per row
        }
        for (int i = 0; i < positions.size(); i++) {
            PositionRow row = positions.get(i);
            String hidden = hiddenRows.get(i);
            PositionRisk pr = hidden != null ? null : byId.get(row.getId());
            row.setNotComputedReason(hidden != null ? "Depends on " + hidden : problem);
            row.setRisk(pr);
        }
    }

    /**
     * An isolated margin below the initial margin (100 at 5x on a 21,375 notional) cannot open the position: refused
     * at its field, so IM and ROE never use one margin while the liquidation price uses another.
     */
    private void refuseMarginBelowInitial(Map<String, InputProblem> found, List<PositionRow> positions,
                                          List<WorkspaceDocument.PositionDoc> docs) {
        for (int i = 0; i < positions.size(); i++) {
            PositionRow r = positions.get(i);
            String path = FieldPaths.position(i, "isolatedMargin");
            if (r.marginModeProperty().get() != MarginMode.ISOLATED || found.containsKey(path)) {
                continue;
            }
            // the numbers as the document holds them, parsed once when it was built
            WorkspaceDocument.PositionDoc d = docs.get(i);
            Double margin = d.isolatedMargin();
            Double size = d.size();
            Double entry = d.entryPrice();
            Double lev = d.leverage();
            if (margin == null || size == null || entry == null || lev == null || !(lev > 0) || !(size > 0)) {
                continue;
            }
            double im = size * entry / lev; // initial margin = entry notional / leverage
            if (margin < im * (1 - 1e-12)) {
                found.put(path, new InputProblem(path, formats.money(margin) + " is below the initial margin "
                        + formats.money(im) + " (entry notional / leverage): post at least that, or raise the "
                        + "leverage", true));
            }
        }
    }

    /** The portfolio with every mark moved by the scenario's fraction (0.05 = +5%). */
    static Portfolio withScenario(Portfolio p, double move) {
        if (move == 0 || !Double.isFinite(move)) {
            return p;
        }
        double factor = Math.max(1e-6, 1 + move);
        List<Market> moved = new ArrayList<>();
        for (Market m : p.markets()) {
            moved.add(m.withMarkPrice(m.markPrice() * factor));
        }
        return p.withMarkets(moved);
    }

    private static String safeMessage(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "The results cannot be computed for these inputs" : m;
    }
}
