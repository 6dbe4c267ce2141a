package com.perprisk.ui;

import com.perprisk.io.LessonCodec;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.compare.CompareView;
import com.perprisk.ui.compare.CompareViewModel;
import com.perprisk.ui.lessons.NarrativeView;
import com.perprisk.ui.playback.PlaybackView;
import com.perprisk.ui.playback.PlaybackViewModel;
import com.perprisk.ui.probability.ProbabilityView;
import com.perprisk.ui.probability.ProbabilityViewModel;
import com.perprisk.ui.reconcile.ReconcileView;
import com.perprisk.ui.reconcile.ReconcileViewModel;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The teaching features of the main window in one place: the Playback, Compare, Reconcile and Probability tabs
 * (each created when first selected), the lesson narrative beside the window, and the Teach menu. The main window
 * only calls {@link #menu}, {@link #addTabs} and hands over where the side panel goes.
 */
public final class TeachingPanels {
    public static final String PLAYBACK = "playback";
    public static final String COMPARE = "compare";
    public static final String RECONCILE = "reconcile";
    public static final String PROBABILITY = "probability";
    public static final String MARKET_LAB = "market-lab";
    private static final String CSS = Objects.requireNonNull(TeachingPanels.class.getResource(
            "/com/perprisk/ui/teach.css")).toExternalForm();

    private final WorkspaceViewModel vm;
    private final Consumer<Node> sidePanel;
    private final BooleanSupplier confirmDiscard;
    private final Consumer<String> error;
    private final PlaybackViewModel playback;
    private final com.perprisk.ui.lab.LabTeaching marketLab;
    private final Map<String, Tab> tabs = new LinkedHashMap<>();
    private TabPane tabPane;
    private PlaybackView playbackView;
    private CompareView compareView;
    private ReconcileView reconcileView;
    private ProbabilityView probabilityView;
    private NarrativeView narrative;
    private LessonCodec.Lesson lesson;
    private int lessonLoad = -1;

    /**
     * @param sidePanel      places a node beside the window (null removes it)
     * @param confirmDiscard asks about unsaved changes before a lesson replaces the workspace; false cancels
     * @param error          reports a problem to the user
     */
    public TeachingPanels(WorkspaceViewModel vm, Consumer<Node> sidePanel, BooleanSupplier confirmDiscard,
                          Consumer<String> error) {
        this.vm = vm;
        this.sidePanel = sidePanel;
        this.confirmDiscard = confirmDiscard;
        this.error = error;
        this.playback = new PlaybackViewModel(vm);
        this.marketLab = new com.perprisk.ui.lab.LabTeaching(vm.formats(), sidePanel, () -> select(MARKET_LAB),
                error, this::styled);
        // another document replaces the lesson: its narrative goes
        vm.loadsProperty().addListener((obs, o, n) -> {
            if (lesson != null && n.intValue() != lessonLoad) {
                lesson = null;
                sidePanel.accept(null);
            }
        });
    }

    // ------------------------------------------------------------------ tabs

    /** Adds the four tabs after the existing ones; each pane is built when its tab is first selected. */
    public void addTabs(TabPane pane) {
        this.tabPane = pane;
        tab(PLAYBACK, "Playback", this::playbackView);
        tab(COMPARE, "Compare", this::compareView);
        tab(RECONCILE, "Reconcile", this::reconcileView);
        tab(PROBABILITY, "Probability", this::probabilityView);
        tab(MARKET_LAB, "Market lab", marketLab::view);
        watchRoom();
    }

    private void tab(String id, String title, Supplier<Node> content) {
        Tab t = new Tab(title);
        t.setId(id + "-tab");
        t.setClosable(false);
        t.selectedProperty().addListener((obs, o, sel) -> {
            if (sel && t.getContent() == null) {
                t.setContent(content.get());
            }
        });
        tabs.put(id, t);
        tabPane.getTabs().add(t);
    }

    private double[] savedDividers;
    /** Width the markets and tier panels need to show their columns and buttons uncut. */
    private static final double LEFT_MIN_WIDTH = 620;

    /**
     * The teaching tabs need more room than the charts: while one is selected the tab area takes most of the right
     * column's height and more of the window's width; selecting Charts or Explain gives the room back. The market
     * lab, a page of its own that reads neither the workspace nor the scenario, takes the whole window below the
     * account bar (positions, markets, tiles and the scenario bar step aside until another tab is chosen).
     */
    private void watchRoom() {
        tabPane.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            boolean teach = n != null && tabs.containsValue(n);
            boolean lab = n != null && n == tabs.get(MARKET_LAB);
            javafx.scene.control.SplitPane right = split("#right-split");
            javafx.scene.control.SplitPane bottom = split("#bottom-split");
            javafx.scene.control.SplitPane center = split("#center-split");
            if (right == null || bottom == null || center == null || right.getDividers().isEmpty()
                    || bottom.getDividers().isEmpty() || center.getDividers().isEmpty()) {
                return;
            }
            if (savedDividers != null) {
                right.setDividerPositions(savedDividers[0]);
                bottom.setDividerPositions(savedDividers[1]);
                center.setDividerPositions(savedDividers[2]);
                savedDividers = null;
            }
            showScenarioBar(!lab);
            Node left = tabPane.getScene().lookup("#markets-split");
            if (left instanceof javafx.scene.layout.Region r) {
                // the split keeps a panel at its minimum width: only at 0 can the markets step aside for the lab
                r.setMinWidth(lab ? 0 : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
            }
            if (teach) {
                savedDividers = new double[]{right.getDividerPositions()[0], bottom.getDividerPositions()[0],
                        center.getDividerPositions()[0]};
                if (lab) {
                    // a page of its own: the panels it does not read step aside rather than be cut
                    right.setDividerPositions(0);
                    bottom.setDividerPositions(0);
                    center.setDividerPositions(0);
                } else {
                    right.setDividerPositions(Math.min(savedDividers[0], 0.16));
                    // wider, but never so much that the markets and tier panels on the left are cut ("Pre…", "Im…")
                    bottom.setDividerPositions(Math.max(Math.min(savedDividers[1], 0.33),
                            Math.min(savedDividers[1], LEFT_MIN_WIDTH / Math.max(1, bottom.getWidth()))));
                }
            }
        });
    }

    private void showScenarioBar(boolean show) {
        Node bar = tabPane.getScene() == null ? null : tabPane.getScene().lookup("#scenario-bar");
        if (bar != null) {
            bar.setVisible(show);
            bar.setManaged(show);
        }
    }

    private javafx.scene.control.SplitPane split(String selector) {
        if (tabPane.getScene() == null) {
            return null;
        }
        Node n = tabPane.getScene().lookup(selector);
        return n instanceof javafx.scene.control.SplitPane sp ? sp : null;
    }

    /** Selects one of the teaching tabs (building it first if needed). */
    public void select(String id) {
        Tab t = tabs.get(id);
        if (t != null && tabPane != null) {
            tabPane.getSelectionModel().select(t);
        }
    }

    private <T extends Parent> T styled(T p) {
        p.getStylesheets().add(CSS);
        return p;
    }

    public PlaybackView playbackView() {
        if (playbackView == null) {
            playbackView = styled(new PlaybackView(playback));
            if (lesson != null && lesson.chartSymbol() != null) {
                playbackView.showMarket(lesson.chartSymbol());
            }
        }
        return playbackView;
    }

    public CompareView compareView() {
        if (compareView == null) {
            Tab t = tabs.get(COMPARE);
            javafx.beans.value.ObservableBooleanValue shown = t == null ? new javafx.beans.property
                    .SimpleBooleanProperty(true) : t.selectedProperty();
            compareView = styled(new CompareView(new CompareViewModel(vm.context(), vm.formats()), shown,
                    vm.context().riskProperty()));
        }
        return compareView;
    }

    public ReconcileView reconcileView() {
        if (reconcileView == null) {
            reconcileView = styled(new ReconcileView(new ReconcileViewModel(vm.context(), vm.formats())));
        }
        return reconcileView;
    }

    public ProbabilityView probabilityView() {
        if (probabilityView == null) {
            probabilityView = styled(new ProbabilityView(new ProbabilityViewModel(vm.context(), vm.formats())));
        }
        return probabilityView;
    }

    public PlaybackViewModel playback() {
        return playback;
    }

    // ------------------------------------------------------------------ menu

    /** The Teach menu: Lessons ▸ each lesson, then the four panes. */
    public Menu menu() {
        Menu teach = new Menu("_Teach");
        teach.setId("menu-teach");
        Menu lessons = new Menu("_Lessons");
        lessons.setId("menu-lessons");
        try {
            for (LessonCodec.Lesson l : LessonCodec.list()) {
                MenuItem i = new MenuItem(l.title());
                i.setId("lesson-" + l.id());
                i.setMnemonicParsing(false);
                i.setOnAction(e -> openLesson(l));
                lessons.getItems().add(i);
            }
        } catch (WorkspaceException | RuntimeException e) {
            MenuItem none = new MenuItem("(no lessons)");
            none.setDisable(true);
            lessons.getItems().add(none);
        }
        MenuItem narrativeItem = MainMenu.item(MainAction.LESSON_NARRATIVE, this::showNarrative);
        narrativeItem.setDisable(true);
        teach.setOnShowing(e -> narrativeItem.setDisable(lesson == null));
        teach.getItems().addAll(lessons, marketLab.lessonsMenu(), new SeparatorMenuItem(),
                MainMenu.item(MainAction.PLAYBACK, () -> select(PLAYBACK)),
                MainMenu.item(MainAction.COMPARE, () -> select(COMPARE)),
                MainMenu.item(MainAction.RECONCILE, () -> select(RECONCILE)),
                MainMenu.item(MainAction.PROBABILITY, () -> select(PROBABILITY)),
                MainMenu.item(MainAction.MARKET_LAB, () -> select(MARKET_LAB)), new SeparatorMenuItem(),
                narrativeItem);
        return teach;
    }

    // ------------------------------------------------------------------ lessons

    /** Every bundled lesson. */
    public List<LessonCodec.Lesson> lessons() {
        try {
            return LessonCodec.list();
        } catch (WorkspaceException e) {
            return List.of();
        }
    }

    /**
     * Opens a lesson: loads its workspace (after asking about unsaved changes), shows its narrative beside the
     * window, primes the playback with its scripted path and shows the Playback tab at the start of the path.
     * Returns false when the user cancelled or the lesson could not be read.
     */
    public boolean openLesson(LessonCodec.Lesson l) {
        if (!confirmDiscard.getAsBoolean()) {
            return false;
        }
        String text;
        try {
            text = LessonCodec.narrative(l);
            lessonLoad = vm.loadsProperty().get() + 1;
            vm.load(LessonCodec.workspace(l), null);
        } catch (WorkspaceException e) {
            error.accept("Cannot open the lesson: " + e.getMessage());
            return false;
        }
        lesson = l;
        prime(playback, l.playback());
        if (narrative == null) {
            narrative = styled(new NarrativeView(this::playLesson, () -> sidePanel.accept(null)));
        }
        narrative.show(text);
        sidePanel.accept(narrative);
        select(PLAYBACK);
        if (playbackView != null && l.chartSymbol() != null) {
            playbackView.showMarket(l.chartSymbol());
        }
        playback.prepare();
        return true;
    }

    /** Puts a lesson's scripted path into the playback settings. */
    public static void prime(PlaybackViewModel p, LessonCodec.Playback s) {
        p.reset();
        p.sourceProperty().set(PlaybackViewModel.Source.GBM);
        p.seedProperty().set((int) s.seed());
        p.volatilityProperty().set(s.volatility());
        p.driftProperty().set(s.drift());
        p.stepsProperty().set(s.steps());
        p.stepHoursProperty().set(s.stepHours());
        p.correlationProperty().set(s.correlation());
        p.speedProperty().set(s.speed());
        p.slippageProperty().set(s.slippage());
        p.liquidationFeeProperty().set(s.liquidationFee());
    }

    private void playLesson() {
        select(PLAYBACK);
        if (lesson != null) {
            prime(playback, lesson.playback());
        }
        playback.play();
    }

    private void showNarrative() {
        if (narrative != null) {
            sidePanel.accept(narrative);
        }
    }

    /** The lesson opened last, or null. */
    public LessonCodec.Lesson lesson() {
        return lesson;
    }

    /** The market lab (its view model, view and lessons). */
    public com.perprisk.ui.lab.LabTeaching marketLab() {
        return marketLab;
    }

    public NarrativeView narrativeView() {
        return narrative;
    }
}
