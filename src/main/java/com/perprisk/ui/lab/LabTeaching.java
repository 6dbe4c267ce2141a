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

    public MarketLabView view() {
        if (view == null) {
            view = (MarketLabView) styled.apply(new MarketLabView(vm));
        }
        return view;
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
        view().showPage(l.page());
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
            view().playCascade();
        } else {
            view().showPage(lesson.page());
        }
    }

    /** The lab lesson opened last, or null. */
    public LabLessons.LabLesson lesson() {
        return lesson;
    }
}
