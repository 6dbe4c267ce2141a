package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.PositionDoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The position-mode rules, checked on the document so that the problem lands on the offending row: one-way mode
 * holds one net position per symbol; hedge mode at most one long and one short leg per symbol.
 */
final class PositionRules {
    private PositionRules() {
    }

    static List<InputProblem> check(WorkspaceDocument doc) {
        List<InputProblem> out = new ArrayList<>();
        if (doc.positions() == null) {
            return out;
        }
        boolean hedge = doc.account() != null && "HEDGE".equals(doc.account().positionMode());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < doc.positions().size(); i++) {
            PositionDoc p = doc.positions().get(i);
            if (p.symbol() == null) {
                continue;
            }
            String key = hedge ? p.symbol() + "/" + p.side() : p.symbol();
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                String msg = hedge
                        ? "hedge mode holds one " + String.valueOf(p.side()).toLowerCase() + " leg per symbol; position "
                        + (first + 1) + " is already the " + String.valueOf(p.side()).toLowerCase() + " leg of "
                        + p.symbol()
                        : "one-way mode holds one net position per symbol; position " + (first + 1)
                        + " already trades " + p.symbol() + " (switch to hedge mode for a long and a short leg)";
                out.add(new InputProblem(FieldPaths.position(i, hedge ? "side" : "symbol"), msg, true));
            }
        }
        return out;
    }
}
