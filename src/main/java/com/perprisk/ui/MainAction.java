package com.perprisk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every command of the main window's menus, once: its menu label (with its mnemonic), its key and the words the
 * keyboard shortcuts help (F1) uses for it. The menus and that help are both generated from here, so a shortcut is
 * written in one place.
 */
public enum MainAction {
    NEW("_New", "shortcut+N", "new", 1),
    OPEN("_Open…", "shortcut+O", "open", 1),
    SAVE("_Save", "shortcut+S", "save", 1),
    SAVE_AS("Save _As…", "shortcut+shift+S", "save as", 1),
    EXPORT_CSV("Results as _CSV…", null, null, 0),
    EXPORT_PNG("Chart as _PNG…", null, null, 0),
    EXIT("E_xit", "shortcut+Q", null, 0),
    UNDO("_Undo", "shortcut+Z", "undo", 2),
    REDO("_Redo", "shortcut+Y", "redo", 2),
    ADD_POSITION("_Add position", "shortcut+shift+N", "add position", 3),
    DUPLICATE_POSITION("_Duplicate position", "shortcut+D", "duplicate", 3),
    REMOVE_POSITION("_Remove position", "shortcut+DELETE", "remove", 3),
    ADD_MARKET("Add _market", null, null, 0),
    GO_POSITIONS("Go to _positions", "shortcut+1", "positions", 4),
    GO_MARKETS("Go to _markets", "shortcut+2", "markets", 4),
    GO_TIERS("Go to _tier table", "shortcut+3", "tier table", 4),
    GO_WALLET("Go to _wallet", "shortcut+4", "wallet", 4),
    ORDER_TICKET("Order _ticket", "shortcut+T", "order ticket", 4),
    CHARTS("_Charts", "shortcut+G", "charts", 5),
    EXPLAIN("_Explain selected result", "shortcut+E", "explain", 5),
    DARK_THEME("_Dark theme", "shortcut+shift+L", "dark theme", 5),
    PRESENTATION("_Presentation size", "shortcut+shift+P", "presentation size", 5),
    RESULTS_FILL("_Results fill the window", "shortcut+shift+F", "results fill the window", 5),
    PLAYBACK("_Playback", "shortcut+shift+R", "playback", 6),
    COMPARE("_Compare venues", "shortcut+shift+C", "compare venues", 6),
    RECONCILE("_Reconcile a liquidation price", "shortcut+shift+K", "reconcile", 6),
    PROBABILITY("Liquidation _probability and sizing", "shortcut+shift+B", "probability", 6),
    MARKET_LAB("_Market lab", "shortcut+shift+M", "market lab", 6),
    LESSON_NARRATIVE("Show the lesson _narrative", null, null, 0),
    SHORTCUTS("_Keyboard shortcuts", "F1", null, 0),
    ABOUT("_About PerpRisk", null, null, 0);

    /** Keys of the tables that the help lists beside the commands of a line. */
    private static final Map<Integer, String> TABLE_KEYS = Map.of(3, "Delete  clear the cell");

    /** The help's last line of commands (the Teach menu's). */
    private static final int LAST_HELP_LINE = 6;

    /** The line of the View menu's commands; the lines about editing go before it. */
    private static final int VIEW_HELP_LINE = 5;

    /** Lines of the help that are about the tables and fields rather than a command. */
    private static final List<String> EDITING_HELP = List.of(
            "In a table: arrows move, Enter or F2 or typing a number edits, Esc cancels",
            "Tab / Shift+Tab move between fields");

    private final String label;
    private final String key;
    private final String help;
    private final int helpLine;

    MainAction(String label, String key, String help, int helpLine) {
        this.label = label;
        this.key = key;
        this.help = help;
        this.helpLine = helpLine;
    }

    /** The menu label, "_" before the mnemonic letter. */
    public String label() {
        return label;
    }

    /** The accelerator in {@link javafx.scene.input.KeyCombination} syntax, or null. */
    public String accelerator() {
        return key;
    }

    /** The key as the help shows it: "Ctrl+Shift+S"; empty when there is none. */
    public String keyText() {
        if (key == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String p : key.split("\\+")) {
            String lower = p.toLowerCase(Locale.ROOT);
            parts.add(lower.equals("shortcut") ? "Ctrl" : Character.toUpperCase(p.charAt(0)) + lower.substring(1));
        }
        return String.join("+", parts);
    }

    /** The keyboard shortcuts help: each command's key and words, a line per group of the menus. */
    public static String shortcutsHelp() {
        List<String> lines = new ArrayList<>();
        for (int line = 1; line <= LAST_HELP_LINE; line++) {
            if (line == VIEW_HELP_LINE) {
                lines.addAll(EDITING_HELP);
            }
            StringBuilder sb = new StringBuilder();
            for (MainAction a : values()) {
                if (a.helpLine == line && a.help != null) {
                    sb.append(sb.isEmpty() ? "" : "    ").append(a.keyText()).append("  ").append(a.help);
                }
            }
            if (TABLE_KEYS.containsKey(line)) {
                sb.append("    ").append(TABLE_KEYS.get(line));
            }
            if (!sb.isEmpty()) {
                lines.add(sb.toString());
            }
        }
        return String.join("\n", lines);
    }
}
