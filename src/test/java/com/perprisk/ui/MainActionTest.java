package com.perprisk.ui;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The menus and the F1 help come from one list of actions: each key once, and the help lists every one. */
class MainActionTest {

    @Test
    void noTwoActionsShareAKey() {
        Map<String, MainAction> seen = new HashMap<>();
        for (MainAction a : MainAction.values()) {
            if (a.accelerator() != null) {
                MainAction before = seen.put(a.accelerator().toLowerCase(java.util.Locale.ROOT), a);
                assertNull(before, a + " and " + before + " both use " + a.accelerator());
            }
        }
    }

    @Test
    void theHelpNamesEveryShortcutWithItsKey() {
        String help = MainAction.shortcutsHelp();
        for (MainAction a : new MainAction[] {MainAction.NEW, MainAction.SAVE_AS, MainAction.REMOVE_POSITION,
                MainAction.ORDER_TICKET, MainAction.DARK_THEME}) {
            assertTrue(help.contains(a.keyText() + "  "), a + " missing from:\n" + help);
        }
        assertTrue(help.contains("Ctrl+Shift+S  save as"), help);
        assertTrue(help.contains("Ctrl+Delete  remove"), help);
        assertTrue(help.contains("Ctrl+T  order ticket"), help);
        assertTrue(help.contains("Delete  clear the cell"), help);
        assertTrue(help.contains("Esc cancels"), help);
    }

    @Test
    void theHelpListsTheTeachMenusKeysOnALineOfTheirOwn() {
        String help = MainAction.shortcutsHelp();
        String teach = help.lines().filter(l -> l.contains("playback")).findFirst().orElseThrow();
        assertEquals("Ctrl+Shift+R  playback    Ctrl+Shift+C  compare venues    Ctrl+Shift+K  reconcile    "
                + "Ctrl+Shift+B  probability    Ctrl+Shift+M  market lab", teach);
        assertTrue(help.lines().toList().indexOf(teach) == help.lines().toList().size() - 1, help);
        assertTrue(help.indexOf("Esc cancels") < help.indexOf("Ctrl+G  charts"), help);
    }

    @Test
    void keysAreShownAsTheMenusShowThem() {
        assertEquals("Ctrl+Shift+N", MainAction.ADD_POSITION.keyText());
        assertEquals("Ctrl+Delete", MainAction.REMOVE_POSITION.keyText());
        assertEquals("F1", MainAction.SHORTCUTS.keyText());
        assertEquals("", MainAction.ABOUT.keyText());
    }
}
