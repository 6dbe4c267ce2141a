package com.perprisk.ui.ticket;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.margin.Order;
import com.perprisk.engine.margin.OrderTicket;
import com.perprisk.engine.margin.TicketException;
import com.perprisk.ui.display.Units;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.format.WorkingText;
import com.perprisk.ui.workspace.PartialInputs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order ticket: an order typed against the whole workspace, recomputed on every keystroke. Inputs are text as
 * typed (fee and target ROE in %); the engine's {@link OrderTicket} answers; the figures come out as rows with their
 * working. A problem is kept at the field it belongs to and nothing is computed until it is fixed. "Add to workspace"
 * writes the fill into the workspace as one undoable edit; "Load from position" fills the ticket from the selected
 * position. Runs on the thread that owns the workspace (the FX thread in the app).
 */
public final class TicketViewModel {
    /** Where the user types what to commit. */
    public enum Commit { SIZE, NOTIONAL, MARGIN }

    private final WorkspaceViewModel workspace;
    private final Formats fmt;
    private final TicketRows format;
    private final StringProperty symbol = new SimpleStringProperty(this, "symbol", "");
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.LONG);
    private final StringProperty leverage = new SimpleStringProperty(this, "leverage", "10");
    private final DoubleProperty leverageSlider = new SimpleDoubleProperty(this, "leverageSlider", 10);
    private final ReadOnlyDoubleWrapper maxLeverage = new ReadOnlyDoubleWrapper(this, "maxLeverage", 125);
    private final ObjectProperty<MarginMode> mode = new SimpleObjectProperty<>(this, "mode", MarginMode.CROSS);
    private final ObjectProperty<Commit> commit = new SimpleObjectProperty<>(this, "commit", Commit.SIZE);
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty entry = new SimpleStringProperty(this, "entry", "");
    private final StringProperty feePercent = new SimpleStringProperty(this, "feePercent", "");
    private final StringProperty addTo = new SimpleStringProperty(this, "addTo", "");
    private final StringProperty exit = new SimpleStringProperty(this, "exit", "");
    private final StringProperty targetRoePercent = new SimpleStringProperty(this, "targetRoePercent", "");
    private final StringProperty targetPnl = new SimpleStringProperty(this, "targetPnl", "");
    private final StringProperty stop = new SimpleStringProperty(this, "stop", "");
    private final StringProperty lossBudget = new SimpleStringProperty(this, "lossBudget", "");

    private final ObservableList<String> symbols = FXCollections.observableArrayList();
    private final ObservableList<String> addToChoices = FXCollections.observableArrayList("");
    private final ReadOnlyStringWrapper entryPrompt = new ReadOnlyStringWrapper(this, "entryPrompt", "");
    private final ReadOnlyStringWrapper feePrompt = new ReadOnlyStringWrapper(this, "feePrompt", "");
    private final ReadOnlyStringWrapper amountUnit = new ReadOnlyStringWrapper(this, "amountUnit", "");
    private final ReadOnlyStringWrapper moneyUnit = new ReadOnlyStringWrapper(this, "moneyUnit", "");
    private final ReadOnlyBooleanWrapper inverse = new ReadOnlyBooleanWrapper(this, "inverse");
    private final ObservableMap<Order.Field, String> problems = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ObservableList<TicketRows.Figure> orderRows = FXCollections.observableArrayList();
    private final ObservableList<TicketRows.Figure> answerRows = FXCollections.observableArrayList();
    private final ObservableList<TicketRows.Change> accountRows = FXCollections.observableArrayList();
    private final ObservableList<TicketRows.Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<TicketRows.PositionChange> positionRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper effect = new ReadOnlyStringWrapper(this, "effect", "");
    private final ReadOnlyObjectWrapper<OrderTicket.Quote> quote = new ReadOnlyObjectWrapper<>(this, "quote");
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper(this, "canAdd");
    private final ReadOnlyStringWrapper working = new ReadOnlyStringWrapper(this, "working", "");
    private String explained = "liquidationPrice";
    private boolean syncing;

    /** The working as a teacher writes it: formula, terms with their units, the substitution, the result, notes. */
    static String text(Explanation e, String symbol, Formats fmt) {
        return text(e, symbol, fmt, null);
    }

    /** The same, with the amounts in {@code coin} (a coin-margined market's settle coin; null: the quote). */
    static String text(Explanation e, String symbol, Formats fmt, String coin) {
        if (e == null) {
            return "Select a figure to see its formula with the numbers substituted.";
        }
        return new WorkingText(fmt, coin).text(e, symbol);
    }

    public TicketViewModel(WorkspaceViewModel workspace) {
        this.workspace = workspace;
        this.fmt = workspace.formats();
        this.format = new TicketRows(fmt);
        explanation.addListener((o, a, e) -> working.set(text(e, symbol.get(), fmt, coin())));
        working.set(text(null, null, fmt));
        Observable[] inputs = {symbol, side, leverage, mode, commit, amount, entry, feePercent, addTo, exit,
                targetRoePercent, targetPnl, stop, lossBudget, workspace.context().portfolioProperty(),
                workspace.context().unavailableProperty()};
        for (Observable o : inputs) {
            o.addListener(x -> recompute());
        }
        leverageSlider.addListener((o, a, v) -> {
            if (!syncing) {
                syncing = true;
                leverage.set(fmt.editText((double) Math.round(v.doubleValue())));
                syncing = false;
            }
        });
        leverage.addListener((o, a, v) -> syncSlider());
        // a position of another market cannot be added to: back to automatic
        symbol.addListener((o, a, v) -> {
            Portfolio p = workspace.context().getPortfolio();
            if (p != null && !Formats.isBlank(addTo.get()) && p.positions().stream().noneMatch(x -> x.id()
                    .equals(addTo.get()) && x.symbol().equals(v))) {
                addTo.set("");
            }
        });
        workspace.symbols().addListener((javafx.collections.ListChangeListener<String>) c -> refreshSymbols());
        refreshSymbols();
        recompute();
    }

    // ------------------------------------------------------------------ inputs

    public StringProperty symbolProperty() { return symbol; }
    public ObjectProperty<Side> sideProperty() { return side; }
    /** Leverage as typed. */
    public StringProperty leverageProperty() { return leverage; }
    /** The slider's leverage, kept in step with the typed one (whole numbers). */
    public DoubleProperty leverageSliderProperty() { return leverageSlider; }
    /** Highest max leverage of the selected market's tier table: the slider's end. */
    public ReadOnlyDoubleProperty maxLeverageProperty() { return maxLeverage.getReadOnlyProperty(); }
    public ObjectProperty<MarginMode> modeProperty() { return mode; }
    public ObjectProperty<Commit> commitProperty() { return commit; }
    /** The size, notional or margin to commit, as typed. */
    public StringProperty amountProperty() { return amount; }
    /** Entry price; blank: the mark. */
    public StringProperty entryProperty() { return entry; }
    /** Taker fee to open in %; blank: the market's. */
    public StringProperty feePercentProperty() { return feePercent; }
    /** Id of the position to add to; blank: the one the venue would merge the order into, if any. */
    public StringProperty addToProperty() { return addTo; }
    public StringProperty exitProperty() { return exit; }
    /** Target ROE in % (50 = 50%); leave blank to give a target PnL instead. */
    public StringProperty targetRoePercentProperty() { return targetRoePercent; }
    public StringProperty targetPnlProperty() { return targetPnl; }
    public StringProperty stopProperty() { return stop; }
    public StringProperty lossBudgetProperty() { return lossBudget; }

    public ObservableList<String> symbols() { return symbols; }
    /** "" (automatic) and the ids of the positions of the selected market. */
    public ObservableList<String> addToChoices() { return addToChoices; }
    public ReadOnlyStringProperty entryPromptProperty() { return entryPrompt.getReadOnlyProperty(); }
    public ReadOnlyStringProperty feePromptProperty() { return feePrompt.getReadOnlyProperty(); }
    /** The unit of the amount field: the base asset or contracts for a size, else the margin asset. */
    public ReadOnlyStringProperty amountUnitProperty() { return amountUnit.getReadOnlyProperty(); }
    /** The asset of the ticket's money fields (target PnL, loss budget): the quote, or an inverse market's coin. */
    public ReadOnlyStringProperty moneyUnitProperty() { return moneyUnit.getReadOnlyProperty(); }
    /** True when the market is coin-margined: amounts in its coin, sizes in contracts, USD at the mark beside. */
    public ReadOnlyBooleanProperty inverseProperty() { return inverse.getReadOnlyProperty(); }

    // ------------------------------------------------------------------ outputs

    /** The problem of each ticket field, by field. */
    public ObservableMap<Order.Field, String> problems() { return problems; }
    /** Why there is no answer (the first problem), or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** What the last action did. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<TicketRows.Figure> orderRows() { return orderRows; }
    public ObservableList<TicketRows.Figure> answerRows() { return answerRows; }
    public ObservableList<TicketRows.Change> accountRows() { return accountRows; }
    /** Each position's liquidation price and ADL score before and after. */
    public ObservableList<TicketRows.PositionChange> positionRows() { return positionRows; }
    /** What the fill does: "opens ticket, a new position", "adds to p1 (0.5 → 0.75)", … */
    public ReadOnlyStringProperty effectProperty() { return effect.getReadOnlyProperty(); }
    /** The order's figures, then the calculator answers. */
    public ObservableList<TicketRows.Figure> figures() { return figures; }
    public ReadOnlyObjectProperty<OrderTicket.Quote> quoteProperty() { return quote.getReadOnlyProperty(); }
    public OrderTicket.Quote getQuote() { return quote.get(); }
    /** The working of the figure last chosen with {@link #explain}. */
    public ReadOnlyObjectProperty<Explanation> explanationProperty() { return explanation.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canAddProperty() { return canAdd.getReadOnlyProperty(); }
    /** The working of the chosen figure as text, in the market's units. */
    public ReadOnlyStringProperty workingProperty() { return working.getReadOnlyProperty(); }

    /** The settle coin of the quoted order's market when it is coin-margined, else null. */
    private String coin() {
        OrderTicket.Quote q = quote.get();
        return q != null && q.inverse() ? q.marginAsset() : null;
    }

    /** Shows the working of a figure (a key of the order, answer or account rows). */
    public void explain(String key) {
        if (key != null) {
            explained = key;
            explanation.set(find(key));
        }
    }

    private Explanation find(String key) {
        for (TicketRows.Figure f : orderRows) {
            if (f.key().equals(key)) {
                return f.explanation();
            }
        }
        for (TicketRows.Figure f : answerRows) {
            if (f.key().equals(key)) {
                return f.explanation();
            }
        }
        for (TicketRows.Change c : accountRows) {
            if (c.key().equals(key)) {
                return c.explanation();
            }
        }
        for (TicketRows.PositionChange c : positionRows) {
            if (key.equals("position." + c.id() + ".liquidationPrice")) {
                return c.liquidation();
            }
            if (key.equals("position." + c.id() + ".adlScore")) {
                return c.adl();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ calculation

    private void refreshSymbols() {
        symbols.setAll(workspace.symbols());
        if ((symbol.get() == null || symbol.get().isBlank() || !symbols.contains(symbol.get())) && !symbols.isEmpty()
                && (symbol.get() == null || symbol.get().isBlank())) {
            symbol.set(symbols.get(0));
        }
    }

    private void syncSlider() {
        if (syncing) {
            return;
        }
        Double l = fmt.parse(leverage.get());
        if (l != null) {
            syncing = true;
            leverageSlider.set(Math.max(1, Math.min(maxLeverage.get(), l)));
            syncing = false;
        }
    }

    /** Reads the inputs, asks the engine, publishes the rows. Cheap: two evaluations of the workspace. */
    public void recompute() {
        Portfolio before = workspace.context().getPortfolio();
        Map<Order.Field, String> found = new LinkedHashMap<>();
        Market market = before == null ? null : before.market(symbol.get()).orElse(null);
        refreshChoices(before, market);
        OrderTicket.Quote q = null;
        // the ticket works on the whole account: with the wallet (or the account's margin) invalid it shows nothing
        Map<String, String> hidden = workspace.context().unavailableProperty().get();
        String accountHidden = hidden.getOrDefault(PartialInputs.ACCOUNT, hidden.get(PartialInputs.INITIAL_MARGIN));
        if (before == null || accountHidden != null) {
            String why = accountHidden != null ? accountHidden : workspace.context().problemProperty().get();
            problem.set("The workspace has no results" + (why == null || why.isBlank() ? "" : ": " + why));
        } else {
            try {
                Order order = order(found, market);
                OrderTicket.Questions questions = questions(found);
                if (found.isEmpty()) {
                    q = OrderTicket.quote(before, order, questions);
                }
            } catch (TicketException e) {
                found.putIfAbsent(e.field(), e.getMessage());
            } catch (EngineException e) {
                found.putIfAbsent(Order.Field.AMOUNT, e.getMessage());
            }
            problem.set(found.isEmpty() ? "" : found.values().iterator().next());
        }
        if (!found.equals(new LinkedHashMap<>(problems))) {
            problems.keySet().retainAll(found.keySet());
            problems.putAll(found);
        }
        quote.set(q);
        canAdd.set(q != null);
        double mark = market == null ? 0 : market.markPrice();
        orderRows.setAll(q == null ? List.of() : format.order(q, symbol.get(), mark));
        answerRows.setAll(q == null ? List.of() : format.answers(q, symbol.get(), mark));
        accountRows.setAll(q == null ? List.of() : format.account(q));
        positionRows.setAll(q == null ? List.of() : format.positions(q));
        effect.set(q == null ? "" : "The order " + format.effect(q));
        List<TicketRows.Figure> all = new ArrayList<>(orderRows);
        all.addAll(answerRows);
        figures.setAll(all);
        explanation.set(q == null ? null : find(explained));
    }

    private void refreshChoices(Portfolio before, Market market) {
        List<String> ids = new ArrayList<>();
        ids.add("");
        if (before != null) {
            before.positions().stream().filter(p -> p.symbol().equals(symbol.get())).forEach(p -> ids.add(p.id()));
        }
        if (!ids.equals(addToChoices)) {
            addToChoices.setAll(ids);
        }
        if (market != null) {
            maxLeverage.set(market.maxLeverage(0));
            entryPrompt.set("mark " + fmt.price(market.markPrice(), market.markPrice()));
            feePrompt.set(fmt.editPercentText(market.takerFeeRate()) + " (market)");
            amountUnit.set(amountUnit(market, commit.get()));
            moneyUnit.set(Units.money(market));
            inverse.set(market.isInverse());
            syncSlider();
        }
    }

    /** What the amount is counted in: a size in base units or whole contracts, else the market's margin asset. */
    private String amountUnit(Market market, Commit c) {
        if (market == null) {
            return c == Commit.SIZE ? Units.base(symbol.get()) : Units.quote(symbol.get());
        }
        return c == Commit.SIZE ? Units.size(market) : Units.money(market);
    }

    private Order order(Map<Order.Field, String> found, Market market) {
        TicketFields in = new TicketFields(fmt, found);
        if (market == null) {
            found.put(Order.Field.SYMBOL, symbols.isEmpty() ? "the workspace has no markets" : "choose a market");
        }
        Double lev = in.number(Order.Field.LEVERAGE, leverage.get(), true, "leverage");
        Double value = in.number(Order.Field.AMOUNT, amount.get(), true,
                commit.get().name().toLowerCase() + " (" + amountUnit(market, commit.get()) + ")");
        Double ep = in.number(Order.Field.ENTRY, entry.get(), false, "entry price");
        Double fee = in.percent(Order.Field.FEE_RATE, feePercent.get(), "fee");
        if (!found.isEmpty()) {
            return null;
        }
        Order.Kind kind = Order.Kind.valueOf(commit.get().name());
        return new Order(symbol.get(), side.get(), lev, mode.get(), new Order.Amount(kind, value), ep, fee,
                addTo.get());
    }

    private OrderTicket.Questions questions(Map<Order.Field, String> found) {
        TicketFields in = new TicketFields(fmt, found);
        Double x = in.number(Order.Field.EXIT, exit.get(), false, "exit price");
        Double roe = in.percent(Order.Field.TARGET_ROE, targetRoePercent.get(), "target ROE");
        Double pnl = in.number(Order.Field.TARGET_PNL, targetPnl.get(), false, "target PnL");
        Double s = in.number(Order.Field.STOP, stop.get(), false, "stop price");
        Double budget = in.number(Order.Field.LOSS_BUDGET, lossBudget.get(), false, "loss budget");
        if (s != null && budget == null && found.isEmpty()) {
            found.put(Order.Field.LOSS_BUDGET, "give a loss budget for the stop");
        }
        if (!found.isEmpty()) {
            return null;
        }
        return new OrderTicket.Questions(x, roe, pnl, budget == null ? null : s, s == null ? null : budget);
    }

    // ------------------------------------------------------------------ actions

    /**
     * Writes the fill into the workspace as one undoable edit ({@link TicketWriter}); false when there is no order
     * to add.
     */
    public boolean addToWorkspace() {
        OrderTicket.Quote q = quote.get();
        if (q == null) {
            return false;
        }
        String id = new TicketWriter(workspace, fmt).write(q.placement());
        status.set(switch (q.placement().effect()) {
            case OPEN -> "Added " + id;
            case CLOSE -> "Closed " + id;
            default -> "Updated " + id;
        } + " in the workspace (Ctrl+Z undoes it)");
        return true;
    }

    /** Fills the ticket from the selected position (to add to it); false when none is selected. */
    public boolean loadFromPosition() {
        String id = workspace.context().selectedPositionIdProperty().get();
        Portfolio p = workspace.context().getPortfolio();
        Position pos = p == null || id == null ? null : p.positions().stream().filter(x -> x.id().equals(id))
                .findFirst().orElse(null);
        if (pos == null) {
            status.set("Select a position in the Positions tab first");
            return false;
        }
        symbol.set(pos.symbol());
        side.set(pos.side());
        leverage.set(fmt.editText(pos.leverage()));
        mode.set(pos.marginMode());
        commit.set(Commit.SIZE);
        amount.set(fmt.editText(pos.size()));
        entry.set(fmt.editText(pos.entryPrice()));
        addTo.set(pos.id());
        status.set("Loaded " + pos.id() + ": change the size and entry to see the order that adds to it");
        return true;
    }

    /** The message at a field, or null. */
    public String problemAt(Order.Field f) {
        return problems.get(f);
    }
}
