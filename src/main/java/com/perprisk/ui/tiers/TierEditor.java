package com.perprisk.ui.tiers;

import com.perprisk.engine.Convention;
import com.perprisk.io.PresetCatalog;
import com.perprisk.ui.controls.EditableTextCell;
import com.perprisk.ui.controls.FieldDecorations;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.controls.TableKeys;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.FieldPaths;
import com.perprisk.ui.workspace.InputProblem;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.TierRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tier table of the selected market: floor, cap, max leverage, MMR and maintenance amount per bracket, each cell
 * validated where it is typed; a preset menu (the dated tables shipped in resources/), import from CSV and from
 * Binance's leverage-bracket JSON, add and remove brackets.
 */
public final class TierEditor extends VBox {
    private final WorkspaceViewModel vm;
    private final TierActions actions;
    private final ObjectProperty<MarketRow> market = new SimpleObjectProperty<>(this, "market");
    private final TableView<TierRow> table = new TableView<>();
    private final TierTitle title = new TierTitle();
    private final Label summary = new Label();
    private final Label tableProblem = new Label();
    /** dYdX's parameters instead of brackets: made the first time a dYdX market is shown (then kept). */
    private javafx.scene.layout.GridPane dydxForm;
    private List<DydxField> dydxFields = List.of();
    /** Whether the shown market is a dYdX one (its form shows instead of the table, or above a table it has). */
    private final javafx.beans.property.BooleanProperty dydxShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "dydxShown");

    /** One dYdX liquidity-tier parameter: a field bound to the selected market's text property. */
    private final class DydxField {
        final javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        final String path;

        DydxField(String id, String label, String unit, String path) {
            this.path = path;
            field.setId(id);
            field.setPrefColumnCount(10);
            field.setAlignment(Pos.CENTER_RIGHT);
            field.getStyleClass().add("number-field");
            int row = dydxForm.getRowCount();
            Label l = new Label(label);
            l.setLabelFor(field);
            Label u = new Label(unit);
            u.getStyleClass().add("unit");
            dydxForm.addRow(row, l, field, u);
            FieldDecorations.bind(field, vm, () -> market.get() == null ? null
                    : FieldPaths.market(vm.indexOf(market.get()), path));
        }

        void show(MarketRow old, MarketRow now) {
            if (old != null) {
                field.textProperty().unbindBidirectional(old.numberField(path));
            }
            if (now != null) {
                field.textProperty().bindBidirectional(now.numberField(path));
                FieldDecorations.refresh(field, vm, FieldPaths.market(vm.indexOf(now), path));
            }
        }
    }

    public TierEditor(WorkspaceViewModel vm) {
        this.vm = vm;
        this.actions = new TierActions(vm);
        setId("tier-editor");
        getStyleClass().add("tier-editor");
        Formats fmt = vm.formats();

        MenuButton presets = new MenuButton("Presets");
        presets.setId("tier-presets");
        presets.getStyleClass().addAll("small", "flat");
        presets.setOnShowing(e -> fillPresets(presets));
        presets.getItems().add(new MenuItem("…"));
        MenuButton importMenu = new MenuButton("Import");
        importMenu.setId("tier-import");
        importMenu.getStyleClass().addAll("small", "flat");
        MenuItem csv = new MenuItem("CSV file…");
        csv.setOnAction(e -> importFile(false));
        MenuItem binance = new MenuItem("Binance leverageBracket JSON…");
        binance.setOnAction(e -> importFile(true));
        MenuItem csvClip = new MenuItem("CSV from the clipboard");
        csvClip.setOnAction(e -> importClipboard(false));
        MenuItem binanceClip = new MenuItem("Binance JSON from the clipboard");
        binanceClip.setOnAction(e -> importClipboard(true));
        importMenu.getItems().addAll(csv, binance, new javafx.scene.control.SeparatorMenuItem(), csvClip,
                binanceClip);
        Button add = new Button("+ Tier");
        add.setId("add-tier");
        add.getStyleClass().addAll("small", "flat");
        LazyTooltip.install(add, "Add a bracket after the last one");
        add.setOnAction(e -> {
            if (market.get() != null) {
                TierRow r = vm.tiers().addTier(market.get());
                table.getSelectionModel().select(r);
                table.scrollTo(r);
            }
        });
        Button remove = new Button("− Tier");
        remove.setId("remove-tier");
        remove.getStyleClass().addAll("small", "flat");
        remove.setOnAction(e -> removeSelected());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        for (var b : List.of(presets, importMenu, add, remove)) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE); // never "Pre…", "Im…"
        }
        // when the panel is narrow (a comparison open, presentation size) the buttons go to a second line
        HBox tools = new HBox(6, presets, importMenu, add, remove);
        tools.setAlignment(Pos.CENTER_RIGHT);
        tools.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(12, 4, title, tools);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");
        title.fitBeside(header, tools);

        summary.getStyleClass().add("hint");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        tableProblem.getStyleClass().add("problem-text");
        tableProblem.setWrapText(true);
        tableProblem.managedProperty().bind(tableProblem.textProperty().isNotEmpty());
        tableProblem.visibleProperty().bind(tableProblem.managedProperty());

        table.setId("tier-table");
        table.setEditable(true);
        table.getStyleClass().addAll("dense", "tier-table");
        table.setPlaceholder(new Label("No brackets"));
        // each column as wide as its title and its values (never "MMR…", "3,000…"); when they are wider than the
        // panel (presentation size at 1024 px) the row numbers and then the floors (each the cap above) step aside
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableKeys.install(table);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getEditingCell() == null) {
                removeSelected();
                e.consume();
            }
        });

        // the row itself as the value: another market's rows are other items, so the numbers are redrawn
        TableColumn<TierRow, TierRow> index = new TableColumn<>("#");
        index.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        index.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TierRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Integer.toString(getIndex() + 1));
            }

            @Override
            public void updateIndex(int i) {
                super.updateIndex(i);
                setText(isEmpty() || getItem() == null ? null : Integer.toString(i + 1));
            }
        });
        index.getStyleClass().add("index-column");
        index.setId("tier-col-index");
        index.setPrefWidth(30);
        index.setMaxWidth(36);
        index.setSortable(false);
        index.setEditable(false);

        table.getColumns().add(index);
        table.getColumns().add(column("Floor", "floor", r -> r.floorProperty(), t -> fmt.quantity(fmt.parse(t), 2), 88));
        table.getColumns().add(column("Cap", "cap", r -> r.capProperty(),
                t -> Formats.isBlank(t) ? "∞" : fmt.quantity(fmt.parse(t), 2), 88));
        table.getColumns().add(column("Max lev.", "maxLeverage", r -> r.maxLeverageProperty(),
                t -> Formats.isBlank(t) ? "" : fmt.quantity(fmt.parse(t), 2) + "×", 64));
        table.getColumns().add(column("MMR %", "mmr", r -> r.mmrPercentProperty(),
                t -> Formats.isBlank(t) ? "" : fmt.quantity(fmt.parse(t), 4) + "%", 60));
        table.getColumns().add(column("Maint. amount", "maintenanceAmount", r -> r.maintenanceAmountProperty(),
                t -> Formats.isBlank(t) ? "derived" : fmt.quantity(fmt.parse(t), 2), 100));
        // headers are never cut: each column keeps at least its title's width (presentation size scales it)
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, 12));
        for (TableColumn<TierRow, ?> c : table.getColumns()) {
            if (c != index) {
                measure.setText(c.getText());
                c.setMinWidth(Math.ceil(measure.getLayoutBounds().getWidth()) + 18);
                c.setPrefWidth(Math.max(c.getPrefWidth(), c.getMinWidth()));
            }
        }
        com.perprisk.ui.controls.ColumnShedding.install(table, List.of("tier-col-index", "tier-col-floor"));
        VBox.setVgrow(table, Priority.ALWAYS);
        // after an MMR edit the later amounts disagree with the recursion: set them by it from the selected row; the
        // menu (a popup window) is made when first asked for (right click, the menu key), not with the window
        table.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (table.getContextMenu() == null) {
                MenuItem recompute = new MenuItem("Recompute maintenance amounts from here");
                recompute.setId("tier-recompute-amounts");
                recompute.disableProperty().bind(market.isNull());
                recompute.setOnAction(a -> actions.recomputeAmountsFrom(market.get(),
                        Math.max(0, table.getSelectionModel().getSelectedIndex())));
                table.setContextMenu(new javafx.scene.control.ContextMenu(recompute));
            }
        });

        table.managedProperty().bind(table.visibleProperty());
        setMinHeight(0);

        getChildren().addAll(header, summary, tableProblem, table);

        market.addListener((obs, o, n) -> {
            dydxFields.forEach(f -> f.show(o, n));
            show(n);
        });
        dydxShown.addListener((obs, was, now) -> {
            if (now && dydxForm == null) {
                makeDydxForm();
            }
        });
        vm.problems().addListener((MapChangeListener<String, InputProblem>) c -> updateTableProblem());
        show(null);
    }

    /** The dYdX parameters' form, above the table, bound to the market shown now and to each one after it. */
    private void makeDydxForm() {
        dydxForm = new javafx.scene.layout.GridPane();
        dydxFields = List.of(
                new DydxField("dydx-imf", "Initial margin fraction", "%", "dydx.initialMarginFraction"),
                new DydxField("dydx-maintenance", "Maintenance fraction (of IMF)", "%", "dydx.maintenanceFraction"),
                new DydxField("dydx-oi", "Open interest", "USD", "dydx.openInterestNotional"),
                new DydxField("dydx-oi-lower", "OI lower cap", "USD", "dydx.oiLowerCap"),
                new DydxField("dydx-oi-upper", "OI upper cap", "USD", "dydx.oiUpperCap"));
        dydxFields.forEach(f -> f.show(null, market.get()));
        dydxForm.setId("dydx-form");
        dydxForm.setHgap(8);
        dydxForm.setVgap(6);
        dydxForm.setPadding(new javafx.geometry.Insets(8, 10, 8, 10));
        // dYdX has no brackets; its parameters scroll within the space the table would take
        javafx.scene.control.ScrollPane dydxScroll = new javafx.scene.control.ScrollPane(dydxForm);
        dydxScroll.setFitToWidth(true);
        dydxScroll.setMinHeight(0);
        dydxScroll.getStyleClass().add("edge-to-edge");
        dydxForm.visibleProperty().bind(dydxShown);
        dydxScroll.visibleProperty().bind(dydxShown);
        dydxScroll.managedProperty().bind(dydxShown);
        VBox.setVgrow(dydxScroll, Priority.ALWAYS);
        getChildren().add(getChildren().indexOf(table), dydxScroll);
    }

    /** The title the tier table's header shows now (shorter when the panel is narrow). */
    public String shownTitle() {
        return title.getText();
    }

    public ObjectProperty<MarketRow> marketProperty() {
        return market;
    }

    public TableView<TierRow> table() {
        return table;
    }

    public TierActions actions() {
        return actions;
    }

    private TableColumn<TierRow, String> column(String name, String field, Function<TierRow, StringProperty> prop,
                                                java.util.function.UnaryOperator<String> display, double width) {
        TableColumn<TierRow, String> col = new TableColumn<>(name);
        col.setId("tier-col-" + field);
        col.setCellValueFactory(c -> prop.apply(c.getValue()));
        col.setCellFactory(c -> new EditableTextCell<>(vm, prop, (row, i) -> {
            MarketRow m = market.get();
            return m == null ? null : FieldPaths.tier(vm.indexOf(m), m.tiers().indexOf(row), field);
        }, display, true));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }

    private void show(MarketRow m) {
        if (m == null) {
            table.setItems(FXCollections.observableArrayList());
            dydxShown.unbind();
            dydxShown.set(false);
            table.visibleProperty().unbind();
            table.setVisible(true);
            title.symbolProperty().unbind(); // bound to the market shown before (its rows left with an opened file)
            title.symbolProperty().set(null);
            summary.textProperty().unbind();
            summary.setText("Select a market to see its tier table.");
            setDisable(vm.markets().isEmpty());
            return;
        }
        setDisable(false);
        table.setItems(m.tiers());
        javafx.beans.binding.BooleanBinding dydx = m.conventionProperty().isEqualTo(Convention.DYDX);
        dydxShown.bind(dydx);
        table.visibleProperty().bind(dydx.not().or(javafx.beans.binding.Bindings.isNotEmpty(m.tiers())));
        title.symbolProperty().bind(m.symbolProperty());
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Convention c = m.conventionProperty().get();
            String src = m.tierSourceProperty().get();
            String conv = c == null ? "" : Formats.venueName(c) + ": " + c.summary();
            return src == null || src.isEmpty() ? conv : conv + "  ·  " + src;
        }, m.conventionProperty(), m.tierSourceProperty(), m.tiers()));
        updateTableProblem();
    }

    private void updateTableProblem() {
        MarketRow m = market.get();
        if (m == null) {
            tableProblem.setText("");
            return;
        }
        // problems of the table as a whole (no cell to mark): missing brackets, dYdX parameters
        int i = vm.indexOf(m);
        String prefix = "markets[" + i + "].";
        StringBuilder sb = new StringBuilder();
        vm.problems().values().stream()
                .filter(p -> p.path().equals(prefix + "tiers") || p.path().startsWith(prefix + "dydx"))
                .sorted(java.util.Comparator.comparing(InputProblem::path))
                .forEach(p -> sb.append(sb.length() > 0 ? "\n" : "").append(p.error() ? "" : "⚠ ")
                        .append(p.where()).append(": ").append(p.message()));
        tableProblem.setText(sb.toString());
    }

    private void removeSelected() {
        TierRow sel = table.getSelectionModel().getSelectedItem();
        if (sel != null && market.get() != null) {
            vm.tiers().removeTier(market.get(), sel);
        }
    }

    private void fillPresets(MenuButton menu) {
        menu.getItems().clear();
        Map<String, Menu> byVenue = new LinkedHashMap<>();
        for (PresetCatalog.PresetInfo info : TierActions.presets()) {
            Menu venue = byVenue.computeIfAbsent(info.venue(), v -> new Menu(v.replace("\u24C8", "S")));
            MenuItem item = new MenuItem(info.symbol() + "  ·  " + info.asOf()
                    + (info.illustrative() ? "  (illustrative)" : ""));
            item.setOnAction(e -> {
                if (market.get() == null) {
                    return;
                }
                try {
                    actions.applyPreset(market.get(), info.id());
                } catch (Exception ex) {
                    error("Cannot load the preset", ex.getMessage());
                }
            });
            venue.getItems().add(item);
        }
        if (byVenue.isEmpty()) {
            MenuItem none = new MenuItem("No presets found");
            none.setDisable(true);
            menu.getItems().add(none);
        } else {
            menu.getItems().addAll(byVenue.values());
        }
    }

    private void importFile(boolean binance) {
        if (market.get() == null || getScene() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(binance ? "Import Binance leverage brackets (JSON)" : "Import tier table (CSV)");
        chooser.getExtensionFilters().add(binance ? new FileChooser.ExtensionFilter("JSON", "*.json")
                : new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        var file = chooser.showOpenDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        importPath(file.toPath(), binance);
    }

    private void importClipboard(boolean binance) {
        String text = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        if (market.get() == null) {
            return;
        }
        if (text == null || text.isBlank()) {
            error("Nothing to import", "The clipboard holds no text.");
            return;
        }
        try {
            if (binance) {
                actions.importBinance(market.get(), text, "the clipboard");
            } else {
                actions.importCsv(market.get(), text, "the clipboard");
            }
        } catch (com.perprisk.io.WorkspaceException | RuntimeException e) {
            error("Cannot import from the clipboard", e.getMessage());
        }
    }

    /** Imports a file into the selected market, reporting a failure in a dialog. */
    public void importPath(Path path, boolean binance) {
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            if (binance) {
                actions.importBinance(market.get(), text, path.getFileName().toString());
            } else {
                actions.importCsv(market.get(), text, path.getFileName().toString());
            }
        } catch (IOException | RuntimeException | com.perprisk.io.WorkspaceException e) {
            error("Cannot import " + path.getFileName(), e.getMessage());
        }
    }

    private void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message == null ? "" : message);
        a.setHeaderText(header);
        if (getScene() != null) {
            a.initOwner(getScene().getWindow());
        }
        a.show();
    }
}
