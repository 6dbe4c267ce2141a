package com.perprisk.ui.explain;

import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.display.Units;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.format.WorkingText;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;


/**
 * The working behind the selected result, as a teacher would write it: title, the formula in a large font, a table
 * of its terms (symbol, name, value, unit), the formula with the values substituted, the result, and notes. A chooser
 * switches quantity; with no position selected it shows the account's working. Without results it shows why.
 */
public final class ExplainPane extends ScrollPane {
    private final ExplainViewModel viewModel;
    private final Formats fmt;
    private final RiskContext context;
    private final WorkingText working;
    private final ComboBox<ExplainViewModel.Choice> chooser = new ComboBox<>();
    private final Label scope = new Label();
    private final Label title = new Label();
    private final Label result = new Label();
    private final Label formula = new Label();
    private final Label substituted = new Label();
    private final GridPane terms = new GridPane();
    private final VBox notes = new VBox(3);
    private final Label note = new Label();
    private final Label problem = new Label();
    private final VBox body;
    private boolean updating;

    public ExplainPane(RiskContext context) {
        this(context, Formats.current());
    }

    public ExplainPane(RiskContext context, Formats fmt) {
        this.context = context;
        this.fmt = fmt;
        this.working = new WorkingText(fmt);
        this.viewModel = new ExplainViewModel(context);
        setId("explain-panel");
        getStyleClass().add("explain-pane");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        chooser.setId("explain-chooser");
        chooser.setPrefWidth(220);
        chooser.valueProperty().addListener((o, a, c) -> {
            if (!updating && c != null) {
                viewModel.choose(c.key());
            }
        });
        Label show = new Label("Show");
        show.getStyleClass().add("explain-caption");
        show.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        chooser.setMinWidth(140);
        scope.setId("explain-scope");
        scope.getStyleClass().add("explain-scope");
        scope.setMinWidth(0);
        HBox top = new HBox(8, show, chooser, scope);
        top.setAlignment(Pos.CENTER_LEFT);

        title.setId("explain-title");
        title.getStyleClass().add("explain-title");
        result.setId("explain-result");
        result.getStyleClass().add("explain-result");
        result.setWrapText(true);
        HBox head = new HBox(10, title, result);
        head.setAlignment(Pos.BASELINE_LEFT);

        formula.setId("explain-formula");
        formula.getStyleClass().add("explain-formula");
        formula.setWrapText(true);
        substituted.setId("explain-substituted");
        substituted.getStyleClass().add("explain-substituted");
        substituted.setWrapText(true);
        terms.setId("explain-terms");
        terms.getStyleClass().add("explain-terms");
        terms.setHgap(14);
        terms.setVgap(2);
        ColumnConstraints c0 = new ColumnConstraints();
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.SOMETIMES);
        ColumnConstraints c2 = new ColumnConstraints();
        c2.setHalignment(javafx.geometry.HPos.RIGHT);
        ColumnConstraints c3 = new ColumnConstraints();
        terms.getColumnConstraints().addAll(c0, c1, c2, c3);
        notes.setId("explain-notes");
        note.getStyleClass().add("explain-note");
        note.setWrapText(true);
        problem.setId("explain-problem");
        problem.getStyleClass().add("explain-problem");
        problem.setWrapText(true);

        Label formulaCaption = caption("Formula");
        Label termsCaption = caption("Terms");
        Label substitutedCaption = caption("With the values");
        Label notesCaption = caption("Notes");
        body = new VBox(4, top, note, problem, head, formulaCaption, formula, termsCaption, terms, substitutedCaption,
                substituted, notesCaption, notes);
        body.setPadding(new Insets(8, 12, 10, 12));
        body.getStyleClass().add("explain-body");
        setContent(body);

        viewModel.selectionProperty().addListener((o, a, s) -> show(s));
        show(viewModel.getSelection());
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("explain-caption");
        return l;
    }

    public ExplainViewModel getViewModel() {
        return viewModel;
    }

    public String formulaText() {
        return formula.getText();
    }

    public String substitutedText() {
        return substituted.getText();
    }

    public String resultText() {
        return result.getText();
    }

    public String titleText() {
        return title.getText();
    }

    private void show(ExplainViewModel.Selection s) {
        updating = true;
        try {
            boolean has = s != null && s.explanation() != null;
            problem.setText(s == null ? "" : s.problem() == null ? "" : "No results: " + s.problem());
            visible(problem, s != null && s.problem() != null);
            note.setText(s == null || s.note() == null ? "" : s.note());
            visible(note, s != null && s.note() != null);
            scope.setText(s == null ? "" : s.scope());
            chooser.getItems().setAll(s == null ? java.util.List.of() : s.choices());
            chooser.setDisable(s == null || s.choices().isEmpty());
            chooser.getSelectionModel().clearSelection();
            if (has) {
                s.choices().stream().filter(c -> c.key().equals(s.key())).findFirst()
                        .ifPresent(c -> chooser.getSelectionModel().select(c));
            }
            for (var n : body.getChildren().subList(3, body.getChildren().size())) {
                visible(n, has);
            }
            if (!has) {
                title.setText("");
                result.setText("");
                formula.setText("");
                substituted.setText("");
                terms.getChildren().clear();
                notes.getChildren().clear();
                return;
            }
            Explanation e = s.explanation();
            title.setText(e.quantity());
            result.setText("= " + resultText(s.key(), e, s.symbol()));
            result.getStyleClass().remove("none");
            if (e.result() == null || !Double.isFinite(e.result())) {
                result.getStyleClass().add("none");
            }
            formula.setText(e.formula());
            substituted.setText(working.substituted(e) + "  =  " + resultText(s.key(), e, s.symbol()));
            fillTerms(e, s.symbol());
            notes.getChildren().clear();
            // a coin-margined position's notes name coin amounts: to the coin's decimals, not to cents
            var coinMarket = s.symbol() == null || context.getPortfolio() == null ? null
                    : context.getPortfolio().market(s.symbol()).filter(x -> x.isInverse()).orElse(null);
            WorkingText noteText = coinMarket == null ? working : new WorkingText(fmt, coinMarket.marginAsset());
            for (String n : e.notes()) {
                Label l = new Label("• " + noteText.note(e, n));
                l.setWrapText(true);
                l.getStyleClass().add("explain-note-line");
                notes.getChildren().add(l);
            }
            visible(notes, !e.notes().isEmpty());
        } finally {
            updating = false;
        }
    }

    private static void visible(javafx.scene.Node n, boolean v) {
        n.setVisible(v);
        n.setManaged(v);
    }

    private void fillTerms(Explanation e, String symbol) {
        terms.getChildren().clear();
        String[] head = {"Symbol", "Name", "Value", "Unit"};
        for (int c = 0; c < head.length; c++) {
            Label h = new Label(head[c]);
            h.getStyleClass().add("explain-terms-header");
            terms.add(h, c, 0);
        }
        int row = 1;
        for (Term t : e.terms()) {
            Label sym = new Label(t.symbol());
            sym.getStyleClass().add("explain-term-symbol");
            Label name = new Label(t.name());
            name.setWrapText(true);
            name.setMinWidth(60);
            Label value = new Label(termValue(t));
            value.getStyleClass().add("explain-term-value");
            Label unit = new Label(unitText(t.unit(), symbol));
            unit.getStyleClass().add("explain-term-unit");
            terms.addRow(row++, sym, name, value, unit);
        }
    }

    private String termValue(Term t) {
        return working.value(t);
    }

    private static String unitText(String unit, String symbol) {
        if ("rate".equals(unit)) {
            return "rate";
        }
        return symbol == null ? ("quote".equals(unit) ? "USDT" : unit) : Units.of(unit, symbol);
    }

    /** The result in the unit of the figure the working is for: a price, a ratio in %, a score or an amount. */
    private String resultText(ExplainKey key, Explanation e, String symbol) {
        Quantity.Unit unit = Quantity.withWorking(key).unit();
        Double r = e.result();
        if (r == null || !Double.isFinite(r)) {
            String why = unit == Quantity.Unit.PRICE
                    ? "none: the balance never falls to the requirement at a positive price" : "undefined";
            return Formats.NONE + " (" + why + ")";
        }
        String quote = symbol == null ? "USDT" : Units.quote(symbol);
        // a coin-margined position's amounts are in its settle coin
        var m = symbol == null || context.getPortfolio() == null ? null
                : context.getPortfolio().market(symbol).filter(x -> x.isInverse()).orElse(null);
        return switch (unit) {
            case PRICE -> fmt.price(r, r) + " " + quote;
            case RATIO -> fmt.percent(r, 2);
            case SCORE -> fmt.quantity(r, 6);
            default -> m == null ? fmt.money(r) + " " + quote : Amounts.money(fmt, r, m.marginAsset());
        };
    }
}
