package com.perprisk.ui.ticket;

import static com.perprisk.ui.ticket.TicketTables.column;
import static com.perprisk.ui.ticket.TicketTables.distribute;
import static com.perprisk.ui.ticket.TicketTables.minWidths;
import static com.perprisk.ui.ticket.TicketTables.refit;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.margin.Order;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The order ticket panel: the order form on the left, the order's figures and the calculator answers in the middle,
 * the whole account before → after on the right with the working of the selected figure below it. Only lays out and
 * binds {@link TicketViewModel}.
 */
public final class TicketView extends BorderPane {
    static final String CSS = Objects.requireNonNull(TicketView.class.getResource(
            "/com/perprisk/ui/ticket/ticket.css")).toExternalForm();

    private final TicketViewModel vm;
    private final Map<Order.Field, Control> fields = new EnumMap<>(Order.Field.class);
    private final TextField amount;
    private final TableView<TicketRows.Figure> figures = new TableView<>();
    private final TableView<TicketRows.Change> account = new TableView<>();
    private final TableView<TicketRows.PositionChange> positions = new TableView<>();
    private static final javafx.css.PseudoClass PROBLEM = javafx.css.PseudoClass.getPseudoClass("problem");
    private final TextArea working = new TextArea();

    public TicketView(TicketViewModel vm) {
        this.vm = vm;
        setId("ticket-panel");
        getStyleClass().add("ticket-panel");
        getStylesheets().add(CSS);

        ComboBox<String> symbol = new ComboBox<>(vm.symbols());
        symbol.setId("ticket-symbol");
        symbol.valueProperty().bindBidirectional(vm.symbolProperty());
        ChoiceBox<Side> side = choice("ticket-side", Side.values(), s -> s == Side.LONG ? "Long (buy)" : "Short (sell)");
        side.valueProperty().bindBidirectional(vm.sideProperty());
        ChoiceBox<MarginMode> mode = choice("ticket-mode", MarginMode.values(),
                m -> m == MarginMode.CROSS ? "Cross" : "Isolated");
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        Slider slider = new Slider(1, 125, 10);
        slider.setId("ticket-leverage-slider");
        slider.maxProperty().bind(vm.maxLeverageProperty());
        slider.valueProperty().bindBidirectional(vm.leverageSliderProperty());
        slider.setBlockIncrement(1);
        slider.setMajorTickUnit(25);
        slider.setPrefWidth(90);
        slider.setFocusTraversable(false);
        TextField leverage = field("ticket-leverage", vm.leverageProperty(), 4,
                "Leverage (at most the max leverage of the bracket of the position's notional)");
        ChoiceBox<TicketViewModel.Commit> commit = choice("ticket-commit", TicketViewModel.Commit.values(),
                c -> switch (c) {
                    case SIZE -> "Size";
                    case NOTIONAL -> "Notional";
                    case MARGIN -> "Margin";
                });
        commit.valueProperty().bindBidirectional(vm.commitProperty());
        amount = field("ticket-amount", vm.amountProperty(), 7,
                "What to commit: a size in the base asset (whole contracts of a coin-margined contract), a notional or"
                        + " a margin in the margin asset (the quote currency, or the settle coin)");
        Label amountUnit = new Label();
        amountUnit.setId("ticket-amount-unit");
        amountUnit.getStyleClass().add("ticket-unit");
        amountUnit.textProperty().bind(vm.amountUnitProperty());
        amountUnit.setMinWidth(Region.USE_PREF_SIZE);
        TextField entry = field("ticket-entry", vm.entryProperty(), 8, "Entry price; blank: the mark");
        entry.promptTextProperty().bind(vm.entryPromptProperty());
        TextField fee = field("ticket-fee", vm.feePercentProperty(), 8, "Taker fee to open, in %; blank: the market's");
        fee.promptTextProperty().bind(vm.feePromptProperty());
        ChoiceBox<String> addTo = new ChoiceBox<>(vm.addToChoices());
        addTo.setId("ticket-add-to");
        addTo.valueProperty().bindBidirectional(vm.addToProperty());
        addTo.setConverter(converter(id -> id == null || id.isEmpty() ? "automatic" : id));
        addTo.setMinWidth(110);
        // the choices are replaced when the market changes: a ChoiceBox keeps its old label for an equal value
        vm.addToChoices().addListener((javafx.collections.ListChangeListener<String>) c -> javafx.application.Platform
                .runLater(() -> {
                    // replacing the items clears the choice (null, shown blank): back to the one named, else automatic
                    String v = vm.addToProperty().get();
                    if (addTo.getSelectionModel().getSelectedIndex() < 0) {
                        addTo.getSelectionModel().select(v != null && addTo.getItems().contains(v) ? v : "");
                    }
                }));
        addTo.setTooltip(new Tooltip("The position the order joins. Automatic: the one the venue would merge it"
                + " into (one-way: the symbol's; hedge: the symbol's leg on that side), else a new position"));
        TextField exit = field("ticket-exit", vm.exitProperty(), 8, "Exit price: PnL and ROE if closed there");
        TextField roe = field("ticket-target-roe", vm.targetRoePercentProperty(), 7,
                "Target ROE in % of the initial margin at entry (50 = 50%)");
        TextField pnl = field("ticket-target-pnl", vm.targetPnlProperty(), 8,
                "Target PnL in the margin asset (the quote currency, or an inverse market's coin)");
        pnl.promptTextProperty().bind(vm.moneyUnitProperty());
        TextField stop = field("ticket-stop", vm.stopProperty(), 8, "Stop price for the sizing question");
        TextField budget = field("ticket-loss-budget", vm.lossBudgetProperty(), 7,
                "Loss allowed at the stop, fees included, in the margin asset");
        budget.promptTextProperty().bind(vm.moneyUnitProperty());
        fields.put(Order.Field.SYMBOL, symbol);
        fields.put(Order.Field.SIDE, side);
        fields.put(Order.Field.MODE, mode);
        fields.put(Order.Field.LEVERAGE, leverage);
        fields.put(Order.Field.AMOUNT, amount);
        fields.put(Order.Field.ENTRY, entry);
        fields.put(Order.Field.FEE_RATE, fee);
        fields.put(Order.Field.ADD_TO, addTo);
        fields.put(Order.Field.EXIT, exit);
        fields.put(Order.Field.TARGET_ROE, roe);
        fields.put(Order.Field.TARGET_PNL, pnl);
        fields.put(Order.Field.STOP, stop);
        fields.put(Order.Field.LOSS_BUDGET, budget);

        GridPane form = new GridPane();
        form.getStyleClass().add("ticket-form");
        form.setHgap(6);
        form.setVgap(3);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHgrow(Priority.NEVER);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.NEVER);
        form.getColumnConstraints().addAll(labels, inputs);
        commit.setPrefWidth(100);
        commit.setMaxWidth(Region.USE_PREF_SIZE);
        int r = 0;
        form.addRow(r++, label("_Market", symbol), symbol);
        form.addRow(r++, label("S_ide", side), side);
        form.addRow(r++, label("_Leverage", leverage), new HBox(6, leverage, slider));
        form.addRow(r++, label("M_ode", mode), mode);
        HBox amountBox = new HBox(4, amount, amountUnit);
        amountBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        form.addRow(r++, commit, amountBox);
        form.addRow(r++, label("E_ntry", entry), entry);
        form.addRow(r++, label("Fee %", fee), fee);
        form.addRow(r++, label("A_dd to", addTo), addTo);
        form.add(caption("Questions"), 0, r++, 2, 1);
        form.addRow(r++, label("E_xit price", exit), exit);
        form.addRow(r++, label("Target ROE %", roe), roe);
        form.addRow(r++, label("Target PnL", pnl), pnl);
        form.addRow(r++, label("Stop", stop), stop);
        form.addRow(r++, label("Loss budget", budget), budget);

        Button add = new Button("_Add to workspace");
        add.setId("ticket-add");
        add.getStyleClass().add("accent");
        add.disableProperty().bind(vm.canAddProperty().not());
        add.setOnAction(e -> vm.addToWorkspace());
        Button load = new Button("Load from _position");
        load.setId("ticket-load");
        load.setOnAction(e -> {
            if (vm.loadFromPosition()) {
                focusAmount();
            }
        });
        HBox buttons = new HBox(6, add, load);
        Label status = new Label();
        status.setId("ticket-status");
        status.getStyleClass().add("ticket-note");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        add.setMinWidth(Region.USE_PREF_SIZE);
        load.setMinWidth(Region.USE_PREF_SIZE);
        VBox left = new VBox(6, form, buttons, status);
        left.setPadding(new Insets(4, 6, 4, 8));
        left.setMinWidth(Region.USE_PREF_SIZE);
        status.setMaxWidth(280);

        figures.setId("ticket-figures");
        figures.getStyleClass().addAll("dense", "ticket-table");
        figures.getColumns().add(column("Figure", "ticket-col-figure", TicketRows.Figure::label, false));
        figures.getColumns().add(column("Value", "ticket-col-value", TicketRows.Figure::value, true));
        // a coin-margined market's amounts are in its coin: their USD value at the mark beside them
        TableColumn<TicketRows.Figure, String> usd = column("≈ USD at mark", "ticket-col-usd", TicketRows.Figure::usd,
                true);
        usd.visibleProperty().bind(vm.inverseProperty());
        figures.getColumns().add(usd);
        figures.setItems(vm.figures());
        Label figuresEmpty = new Label();
        figuresEmpty.setWrapText(true);
        figuresEmpty.textProperty().bind(vm.problemProperty());
        figures.setPlaceholder(figuresEmpty);
        figures.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null) {
                vm.explain(f.key());
            }
        });

        account.setId("ticket-account");
        account.getStyleClass().addAll("dense", "ticket-table");
        account.getColumns().add(column("Account", "ticket-col-what", TicketRows.Change::label, false));
        account.getColumns().add(column("Before", "ticket-col-before", TicketRows.Change::before, true));
        account.getColumns().add(column("After", "ticket-col-after", TicketRows.Change::after, true));
        account.setItems(vm.accountRows());
        account.setPlaceholder(new Label(""));
        account.getSelectionModel().selectedItemProperty().addListener((o, a, c) -> {
            if (c != null) {
                vm.explain(c.key());
            }
        });
        positions.setId("ticket-positions");
        positions.getStyleClass().addAll("dense", "ticket-table");
        positions.getColumns().add(column("Position", "ticket-col-position", TicketRows.PositionChange::label, false));
        TableColumn<TicketRows.PositionChange, String> lp = new TableColumn<>("Liquidation price");
        lp.getColumns().add(column("before", "ticket-col-lp-before", TicketRows.PositionChange::liquidationBefore,
                true));
        lp.getColumns().add(column("after", "ticket-col-lp-after", TicketRows.PositionChange::liquidationAfter,
                true));
        TableColumn<TicketRows.PositionChange, String> adl = new TableColumn<>("ADL score");
        adl.getColumns().add(column("before", "ticket-col-adl-before", TicketRows.PositionChange::adlBefore, true));
        adl.getColumns().add(column("after", "ticket-col-adl-after", TicketRows.PositionChange::adlAfter, true));
        positions.getColumns().add(lp);
        positions.getColumns().add(adl);
        positions.setItems(vm.positionRows());
        positions.setPlaceholder(new Label(""));
        positions.getSelectionModel().setCellSelectionEnabled(true);
        positions.getFocusModel().focusedCellProperty().addListener((o, a, c) -> {
            // only the user's move: the focus the table resets to its first row when the rows change is not a choice
            if (positions.isFocused() && c != null && c.getRow() >= 0 && c.getRow() < positions.getItems().size()) {
                String id = positions.getItems().get(c.getRow()).id();
                String col = c.getTableColumn() == null ? "" : c.getTableColumn().getId();
                vm.explain("position." + id + (col.contains("adl") ? ".adlScore" : ".liquidationPrice"));
            }
        });

        working.setId("ticket-working");
        working.setEditable(false);
        working.setWrapText(true);
        working.getStyleClass().add("ticket-working");
        working.setPrefRowCount(6);
        working.setMinHeight(60);
        working.textProperty().bind(vm.workingProperty());

        Label effect = new Label();
        effect.setId("ticket-effect");
        effect.getStyleClass().add("ticket-effect");
        effect.setWrapText(true);
        effect.textProperty().bind(Bindings.when(vm.problemProperty().isEmpty()).then(vm.effectProperty())
                .otherwise(vm.problemProperty()));
        vm.problemProperty().addListener((o, a, p) -> effect.pseudoClassStateChanged(PROBLEM, !p.isEmpty()));
        effect.pseudoClassStateChanged(PROBLEM, !vm.problemProperty().get().isEmpty());

        VBox middle = new VBox(4, caption("The order and the calculator"), effect, figures);
        VBox.setVgrow(figures, Priority.ALWAYS);
        VBox right = new VBox(4, caption("Before → after the order"), account, positions,
                caption("Working of the selected figure"), working);
        VBox.setVgrow(working, Priority.ALWAYS);
        HBox columns = new HBox(6, left, middle, right);
        HBox.setHgrow(middle, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        middle.setPrefWidth(380);
        right.setPrefWidth(520);
        columns.setPadding(new Insets(4, 8, 6, 0));
        setCenter(columns);

        for (TableView<?> t : java.util.List.of(figures, account, positions)) {
            t.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> refit(t));
            t.widthProperty().addListener((o, a, w) -> distribute(t));
            // the headers exist once the table has its skin: an empty table's columns take their titles' widths
            t.skinProperty().addListener((o, a, sk) -> javafx.application.Platform.runLater(() -> distribute(t)));
            // the table asks for the room its fitted columns need (and a scroll bar)
            t.minWidthProperty().bind(Bindings.createDoubleBinding(() -> t.getVisibleLeafColumns().stream()
                    .mapToDouble(TableColumn::getMinWidth).sum() + 18, minWidths(t)));
        }
        vm.problems().addListener((MapChangeListener<Order.Field, String>) c -> markFields());
        markFields();
    }

    public TicketViewModel viewModel() {
        return vm;
    }

    /** Puts the keyboard in the amount field with its text selected, ready to type a size. */
    public void focusAmount() {
        amount.requestFocus();
        amount.selectAll();
    }

    public TableView<TicketRows.Figure> figuresTable() {
        return figures;
    }

    public TableView<TicketRows.Change> accountTable() {
        return account;
    }

    public TableView<TicketRows.PositionChange> positionsTable() {
        return positions;
    }

    public TextArea workingArea() {
        return working;
    }

    /** The control of a ticket field. */
    public Control field(Order.Field f) {
        return fields.get(f);
    }

    private void markFields() {
        for (var e : fields.entrySet()) {
            String message = vm.problems().get(e.getKey());
            Control c = e.getValue();
            c.getStyleClass().remove("error");
            if (message != null) {
                c.getStyleClass().add("error");
            }
            Object base = c.getProperties().computeIfAbsent("ticket.tooltip", k -> c.getTooltip() == null ? ""
                    : c.getTooltip().getText());
            String tip = message != null ? message : base.toString();
            if (tip.isEmpty()) {
                c.setTooltip(null);
            } else if (c.getTooltip() == null || !tip.equals(c.getTooltip().getText())) {
                Tooltip t = new Tooltip(tip);
                t.setWrapText(true);
                t.setMaxWidth(420);
                c.setTooltip(t);
            }
        }
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, int columns, String tip) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(p);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private static <T> ChoiceBox<T> choice(String id, T[] values, Function<T, String> text) {
        ChoiceBox<T> c = new ChoiceBox<>();
        c.getItems().setAll(values);
        c.setId(id);
        c.setConverter(converter(text));
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.getStyleClass().add("ticket-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("ticket-caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("ticket-title");
        return l;
    }
}
