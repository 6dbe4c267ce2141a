package com.perprisk.ui.explain;

import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.format.WorkingTextTest;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 11: the explain pane showed the engine's ten significant digits (16214.85944, −448192.8851);
 * on screen every number is rounded to what it is, while calc's JSON keeps them (CalcGoldenTest).
 */
@Tag("ui")
class ExplainRoundingWindowTest extends MainWindowHarness {
    @Override
    protected WorkspaceDocument startDocument() {
        try {
            return WorkspaceCodec.read(Path.of("resources/workspaces/binance-faq-cross.perprisk.json"));
        } catch (WorkspaceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text the explain pane shows. */
    private String shown() {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> out = new ArrayList<>();
        for (Node n : view.explainPanel().lookupAll(".label")) {
            if (n instanceof Label l && l.isVisible() && l.getText() != null) {
                out.add(l.getText());
            }
        }
        return String.join("\n", out);
    }

    @Test
    void everyNumberOfEveryWorkingIsRounded() {
        int engineLong = 0;
        int checked = 0;
        for (PositionRisk p : ctx.getRisk().positions()) {
            for (ExplainKey key : p.explanations().keySet()) {
                Explanation e = p.explanations().get(key);
                if (WorkingTextTest.hasUnroundedNumber(e.toText())) {
                    engineLong++;
                }
                fx(() -> {
                    ctx.selectedPositionIdProperty().set(p.id());
                    ((ExplainPane) view.explainPanel()).getViewModel().choose(key);
                });
                String text = shown();
                assertTrue(text.contains(e.formula()), text);
                assertFalse(WorkingTextTest.hasUnroundedNumber(text), p.id() + " " + key + ":\n" + text);
                checked++;
            }
        }
        assertTrue(engineLong > 0, "the sample has workings the engine writes with long decimals");
        assertTrue(checked > 10, "workings checked: " + checked);
    }
}
