package com.perprisk.ui.lab;

import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.lessons.NarrativeView;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What the Teach menu and the Market lab tab need from the lab: the view (built on first use), the "Market lab
 * lessons" submenu, and opening a lab lesson (its document, its page, its narrative beside the window).
 */
public final class LabTeaching {
    private final LabViewModel vm;
    private final Consumer<Node> sidePanel;
    private final Runnable selectTab;
    private final Consumer<String> error;
    private final UnaryOperator<Parent> styled;
    private MarketLabView view;
    private javafx.scene.layout.StackPane holder;
    private javafx.stage.Stage window;
    private NarrativeView narrative;
    private LabLessons.LabLesson lesson;

    /**
     * @param sidePanel places a node beside the window
     * @param selectTab selects the Market lab tab (which builds the view)
     * @param error     reports a problem to the user
     * @param styled    adds the teaching style sheet to a pane
     */
    public LabTeaching(Formats formats, Consumer<Node> sidePanel, Runnable selectTab, Consumer<String> error,
                       UnaryOperator<Parent> styled) {
        this.vm = new LabViewModel(formats);
        this.sidePanel = sidePanel;
        this.selectTab = selectTab;
        this.error = error;
        this.styled = styled;
    }

    /** The tab's content: the lab, or a note while the lab is in its own window. */
    public javafx.scene.layout.StackPane view() {
        if (holder == null) {
            view = (MarketLabView) styled.apply(new MarketLabView(vm));
            view.setOnDetach(this::detach);
            holder = new javafx.scene.layout.StackPane(view);
            holder.setId("market-lab-holder");
        }
        return holder;
    }

    /** The lab itself. */
    public MarketLabView labView() {
        view();
        return view;
    }

    /** Moves the lab into a window of its own (room for a projector); closing it brings the lab back to the tab. */
    public void detach() {
        view();
        if (window != null) {
            window.toFront();
            return;
        }
        javafx.scene.control.Button back = new javafx.scene.control.Button("Bring the market lab back here");
        back.setId("lab-attach");
        javafx.scene.control.Label note = new javafx.scene.control.Label("The market lab is open in its own window.");
        javafx.scene.layout.VBox placeholder = new javafx.scene.layout.VBox(8, note, back);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        holder.getChildren().setAll(placeholder);
        window = new javafx.stage.Stage();
        window.setTitle("PerpRisk · Market lab");
        if (holder.getScene() != null && holder.getScene().getWindow() != null) {
            window.initOwner(holder.getScene().getWindow());
            window.getIcons().setAll(holder.getScene().getWindow() instanceof javafx.stage.Stage s
                    ? s.getIcons() : java.util.List.of());
        }
        javafx.scene.Scene scene = new javafx.scene.Scene(view, 1200, 760);
        if (holder.getScene() != null) {
            scene.getStylesheets().setAll(holder.getScene().getStylesheets());
            if (holder.getScene().getRoot() != null) {
                view.getStyleClass().addAll(holder.getScene().getRoot().getStyleClass().stream()
                        .filter(c -> !view.getStyleClass().contains(c) && !c.equals("root")).toList());
            }
        }
        window.setScene(scene);
        window.setOnHidden(e -> attach());
        back.setOnAction(e -> window.hide());
        window.show();
    }

    private void attach() {
        window = null;
        holder.getChildren().setAll(view);
    }

    /** Whether the lab is in its own window. */
    public boolean detached() {
        return window != null;
    }

    public LabViewModel viewModel() {
        return vm;
    }

    /** Teach ▸ Market lab lessons ▸ each lesson. */
    public Menu lessonsMenu() {
        Menu m = new Menu("Market lab l_essons");
        m.setId("menu-lab-lessons");
        try {
            for (LabLessons.LabLesson l : LabLessons.list()) {
                MenuItem i = new MenuItem(l.title());
                i.setId("lab-lesson-" + l.id());
                i.setMnemonicParsing(false);
                i.setOnAction(e -> open(l));
                m.getItems().add(i);
            }
        } catch (WorkspaceException | RuntimeException e) {
            MenuItem none = new MenuItem("(no lab lessons)");
            none.setDisable(true);
            m.getItems().add(none);
        }
        return m;
    }

    /** Opens a lab lesson: its document in the lab, the lab tab on its page, the narrative beside the window. */
    public boolean open(LabLessons.LabLesson l) {
        String text;
        try {
            text = LabLessons.narrative(l);
        } catch (WorkspaceException e) {
            error.accept("Cannot open the lesson: " + e.getMessage());
            return false;
        }
        if (!vm.loadBundled(l.document())) {
            error.accept("Cannot open the lesson: " + vm.problemProperty().get());
            return false;
        }
        lesson = l;
        selectTab.run();
        labView().showPage(l.page());
        if (narrative == null) {
            narrative = (NarrativeView) styled.apply(new NarrativeView(this::replay, () -> sidePanel.accept(null)));
        }
        narrative.show(text);
        sidePanel.accept(narrative);
        return true;
    }

    private void replay() {
        if (lesson == null) {
            return;
        }
        selectTab.run();
        if ("cascade".equals(lesson.page())) {
            labView().playCascade();
        } else {
            labView().showPage(lesson.page());
        }
    }

    /** The lab lesson opened last, or null. */
    public LabLessons.LabLesson lesson() {
        return lesson;
    }
}
