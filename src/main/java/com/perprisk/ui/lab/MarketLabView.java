package com.perprisk.ui.lab;

import com.perprisk.ui.controls.Forms;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Objects;

/**
 * The Market lab tab: a bundled lab document to start from, and one page per section (index, book, funding, vAMM,
 * pool, cascade), each with its figures, its chart and the working of every number.
 */
public final class MarketLabView extends BorderPane {
    private static final String CSS = Objects.requireNonNull(MarketLabView.class.getResource(
            "/com/perprisk/ui/lab.css")).toExternalForm();

    private final LabViewModel vm;
    private final TabPane pages = new TabPane();
    private final CascadePage cascade;

    public MarketLabView(LabViewModel vm) {
        this.vm = vm;
        setId("market-lab");
        getStyleClass().add("teach-panel");
        getStylesheets().add(CSS);
        ChoiceBox<LabViewModel.Bundled> docs = new ChoiceBox<>();
        docs.setId("lab-document");
        docs.getItems().setAll(LabViewModel.BUNDLED);
        docs.setOnAction(e -> {
            if (docs.getValue() != null) {
                vm.loadBundled(docs.getValue());
            }
        });
        Label title = new Label();
        title.getStyleClass().add("teach-title");
        title.textProperty().bind(vm.titleProperty());
        Label problem = status(vm.problemProperty());
        HBox top = new HBox(10, Forms.labelled("document", docs), title, problem);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);
        pages.setId("lab-pages");
        pages.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        cascade = new CascadePage(vm.cascade(), vm.formats());
        pages.getTabs().addAll(
                page("index", "Index", new IndexPage(vm.index())),
                page("book", "Order book", new BookPage(vm.book())),
                page("funding", "Funding", new FundingPage(vm.funding())),
                page("vamm", "vAMM", new VammPage(vm.vamm())),
                page("pool", "Pool", new PoolPage(vm.pool())),
                page("cascade", "Cascade", cascade));
        setCenter(pages);
        if (vm.documentProperty().get() == null) {
            docs.setValue(LabViewModel.BUNDLED.get(0));
            vm.loadBundled(LabViewModel.BUNDLED.get(0));
        }
    }

    private static Tab page(String id, String title, Node content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        Tab t = new Tab(title, sp);
        t.setId("lab-page-" + id);
        return t;
    }

    /** Shows one page: index, book, funding, vamm, pool or cascade. */
    public void showPage(String id) {
        pages.getTabs().stream().filter(t -> t.getId().equals("lab-page-" + id)).findFirst()
                .ifPresent(t -> pages.getSelectionModel().select(t));
    }

    /** Plays the cascade's rounds (the cascade page's Play). */
    public void playCascade() {
        showPage("cascade");
        cascade.play();
    }

    public LabViewModel viewModel() {
        return vm;
    }

    // ------------------------------------------------------------------ shared bits of the pages

    static Label status(ReadOnlyStringProperty text) {
        Label l = new Label();
        l.getStyleClass().add("teach-status");
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    /** A figure: its name and its value, the value's node carrying the id. */
    static VBox figure(String name, String id, ReadOnlyStringProperty value) {
        Label n = new Label(name);
        n.getStyleClass().add("field-label");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("lab-figure");
        v.textProperty().bind(value);
        return new VBox(1, n, v);
    }

    static FlowPane figures(Node... nodes) {
        FlowPane f = new FlowPane(18, 6, nodes);
        f.setAlignment(Pos.CENTER_LEFT);
        return f;
    }

    /** The working of every number on the page, as the explain panel shows it. */
    static TextArea working(String id, ReadOnlyStringProperty text) {
        TextArea a = new TextArea();
        a.setId(id);
        a.getStyleClass().add("lab-working");
        a.setEditable(false);
        a.setWrapText(true);
        a.setPrefRowCount(9);
        a.textProperty().bind(text);
        VBox.setVgrow(a, Priority.ALWAYS);
        return a;
    }

    static VBox pageBox(Node... nodes) {
        VBox v = new VBox(8, nodes);
        v.setPadding(new Insets(8));
        return v;
    }
}
