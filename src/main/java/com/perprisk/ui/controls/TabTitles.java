package com.perprisk.ui.controls;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tab strip that shows every tab, never hiding some behind its "▾" menu: when the full titles do not fit its
 * width (presentation size, a narrow window) each tab takes its short title, its full one in its tooltip; they come
 * back as soon as they fit, and when even the short ones do not fit the strip takes a smaller type. The keys that
 * select the tabs do not change. The main window's result tabs and the chart tabs use it. A shortened tab's tooltip
 * (a popup window with a scene of its own) is made when the pointer first enters its header, not with the window.
 */
public final class TabTitles {
    private final TabPane pane;
    /** Short titles by tab id (tabs not named keep theirs). */
    private final Map<String, String> shortTitles;
    private final Map<Tab, String> full = new LinkedHashMap<>();
    private final AfterLayout fit = AfterLayout.of(this::apply);

    private TabTitles(TabPane pane, Map<String, String> shortTitles) {
        this.pane = pane;
        this.shortTitles = Map.copyOf(shortTitles);
    }

    /**
     * Watches {@code pane}'s width and type size; call once its tabs are added.
     *
     * @param shortTitles the short title of each tab by its id; a tab not named keeps its title
     */
    public static void install(TabPane pane, Map<String, String> shortTitles) {
        TabTitles l = new TabTitles(pane, shortTitles);
        for (Tab t : pane.getTabs()) {
            l.full.put(t, t.getText());
        }
        l.fit.watching(pane, pane.widthProperty());
        // a shortened tab's full title, as its tooltip, made when the pointer enters its header
        pane.addEventFilter(MouseEvent.MOUSE_ENTERED_TARGET, e -> l.tooltipFor(e.getTarget()));
        // the titles' type size changes the headers' widths (presentation size): watch them once they exist
        pane.skinProperty().addListener((o, a, skin) -> Platform.runLater(l::watchHeaders));
        l.watchHeaders();
    }

    private boolean watching;

    private void watchHeaders() {
        Node area = headerArea();
        Node headers = area == null ? null : area.lookup(".headers-region");
        if (headers != null && !watching) {
            watching = true;
            headers.layoutBoundsProperty().addListener(o -> later());
        }
        later();
    }

    private void later() {
        fit.later();
    }

    /**
     * Full titles when all of them fit the strip, else the short ones, else the short ones in a smaller type
     * ({@value #TIGHT}). Every width is measured in the strip's own type size, whatever is shown now, so the choice
     * does not flip back and forth.
     */
    private void apply() {
        Node area = headerArea();
        if (area == null || pane.getWidth() <= 0) {
            return;
        }
        Node headers = area.lookup(".headers-region");
        if (!(headers instanceof javafx.scene.Parent region)) {
            return;
        }
        boolean tight = pane.getStyleClass().contains(TIGHT);
        double overhead = 0;
        double fullText = 0;
        double shortText = 0;
        for (Node h : region.getChildrenUnmodifiable()) {
            Tab tab = tabOf(h);
            if (tab == null || !(h.lookup(".tab-label") instanceof Labeled label)) {
                continue;
            }
            Font font = label.getFont();
            if (!tight) {
                typeSize = font;
            }
            overhead += h.prefWidth(-1) - width(label.getText(), font);
            fullText += width(full.get(tab), typeSize);
            shortText += width(shortTitles.getOrDefault(tab.getId(), full.get(tab)), typeSize);
        }
        if (typeSize == null) {
            return;
        }
        // the padding around a title is in em: measured at the strip's own type size, not the smaller one
        if (tight) {
            overhead = normalOverhead;
        } else {
            normalOverhead = overhead;
        }
        double room = pane.getWidth() - pane.snappedLeftInset() - pane.snappedRightInset() - 10;
        boolean fits = overhead + fullText <= room;
        // the short titles leave room for the strip's "▾" button and spacer too (the strip counts them in when the
        // titles come close to its width)
        boolean shortFits = overhead + shortText <= room - 40;
        full.forEach((tab, title) -> {
            String shown = fits ? title : shortTitles.getOrDefault(tab.getId(), title);
            if (!shown.equals(tab.getText())) {
                tab.setText(shown);
                if (shown.equals(title) && tab.getTooltip() != null) {
                    tab.setTooltip(null);
                }
            }
        });
        if (tight == (fits || shortFits)) {
            if (tight) {
                pane.getStyleClass().remove(TIGHT);
            } else {
                pane.getStyleClass().add(TIGHT);
            }
        }
    }

    /** The full title as the tooltip of the shortened tab whose header holds {@code target}, if it has none yet. */
    private void tooltipFor(Object target) {
        for (Node n = target instanceof Node t ? t : null; n != null && n != pane; n = n.getParent()) {
            Tab tab = n.getStyleClass().contains("tab") ? tabOf(n) : null;
            if (tab != null) {
                String title = full.get(tab);
                if (!title.equals(tab.getText()) && tab.getTooltip() == null) {
                    tab.setTooltip(new Tooltip(title));
                }
                return;
            }
        }
    }

    /** Style class of the strip when even the short titles need a smaller type (perprisk.css). */
    static final String TIGHT = "tight-tabs";
    /** The strip's type size without {@link #TIGHT}, and the width of its tabs besides their titles. */
    private Font typeSize;
    private double normalOverhead;

    /** The strip's own header area (a tab's content may hold a tab pane of its own). */
    private Node headerArea() {
        for (Node n : pane.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("tab-header-area")) {
                return n;
            }
        }
        return null;
    }

    private Tab tabOf(Node header) {
        for (Tab t : full.keySet()) {
            if (header.getId() != null && header.getId().equals(t.getId())) {
                return t;
            }
            if (header.getProperties().get(Tab.class) == t) {
                return t;
            }
        }
        return null;
    }

    private static double width(String s, Font font) {
        Text t = new Text(s == null ? "" : s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
