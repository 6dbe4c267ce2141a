package com.perprisk.ui.workspace;

import javafx.beans.Observable;

/** Told about every user edit of a field; the key identifies the field so that typing in it makes one undo step. */
@FunctionalInterface
interface EditListener {
    void edited(Observable field);

    /** Registers the listener on each field. */
    static void watch(EditListener listener, Observable... fields) {
        for (Observable f : fields) {
            f.addListener(listener::edited);
        }
    }
}
