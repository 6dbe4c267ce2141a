package com.perprisk.ui.lab;

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
    private Runnable onDetach;

    public MarketLabView(LabViewModel vm) {
        this.vm = vm;
        setId("market-lab");
        getStyleClass().add("teach-panel");
        getStylesheets().add(CSS);
        ChoiceBox<LabViewModel.Bundled> docs = new ChoiceBox<>();
        docs.setId("lab-document");
        docs.getItems().setAll(LabViewModel.BUNDLED);
        docs.setValue(vm.bundledProperty().get());
        vm.bundledProperty().addListener((obs, o, n) -> docs.setValue(n));
        docs.setOnAction(e -> {
            if (docs.getValue() != null && docs.getValue() != vm.bundledProperty().get()) {
                vm.loadBundled(docs.getValue());
            }
        });
        docs.setTooltip(new javafx.scene.control.Tooltip("The lab document: its sections fill the pages below"));
        Label problem = status(vm.problemProperty());
        javafx.scene.control.Button detach = new javafx.scene.control.Button("Own window");
        detach.setId("lab-detach");
        detach.setTooltip(new javafx.scene.control.Tooltip("Open the market lab in a window of its own (for a"
                + " projector); closing it brings the lab back here"));
        detach.setOnAction(e -> {
            if (onDetach != null) {
                onDetach.run();
            }
        });
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, docs, problem, gap, detach);
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
            vm.loadBundled(LabViewModel.BUNDLED.get(0));
        }
    }

    private static Tab page(String id, String title, Node content) {
        ScrollPane sp = new ScrollPane(content);
        sp.setFitToWidth(true);
        sp.setFitToHeight(true);
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

    /** What the "Open in a window" button does. */
    public void setOnDetach(Runnable r) {
        this.onDetach = r;
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
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        v.setWrapText(true);
        v.setMaxWidth(560);
        v.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        a.setPrefRowCount(12);
        a.textProperty().bind(text);
        return a;
    }

    /** A page: its figures and chart on the left, the working of its numbers (the last node) on the right. */
    static Node pageBox(Node... nodes) {
        VBox v = new VBox(6);
        // no fixed minimum: the children's own (a chart's LabCharts.MIN_HEIGHT) make the page scroll when it is short
        for (int i = 0; i < nodes.length; i++) {
            if (!(nodes[i] instanceof TextArea) || i < nodes.length - 1) {
                v.getChildren().add(nodes[i]);
            }
        }
        HBox.setHgrow(v, Priority.ALWAYS);
        HBox h = new HBox(10, v);
        h.setPadding(new Insets(6, 8, 6, 8));
        VBox.setVgrow(h, Priority.ALWAYS);
        if (nodes.length > 0 && nodes[nodes.length - 1] instanceof TextArea a) {
            a.setPrefColumnCount(34);
            a.setMinWidth(260);
            a.setMaxHeight(Double.MAX_VALUE);
            h.getChildren().add(a);
        }
        return h;
    }
}
