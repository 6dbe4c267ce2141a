package com.perprisk.ui.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.PositionMode;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8, one validation vocabulary: the app and {@code calc} accept and refuse exactly the same inputs. The view
 * model opens a document and judges it; the mapper (what calc uses) judges the same document; they must agree.
 */
class SameJudgementTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CHOICES = List.of("one-way", "One Way", "ONE_WAY", "hedge", "HEDGE", "sideways",
            "long", "Short", "LONG ", "cross", "isolated", "iso", "binance", "DyDx", "bybit", "okx", "hyper-liquid", "",
            "ONE–WAY", "LO\nNG");
    private static final List<Double> NUMBERS = List.of(0.0, -1.0, 0.5, 1.0, 1e-320, 1e-9, 1e300, 125.0, 2e4, 1e-7,
            0.99, 1.5, 60_000.0, 1e15, 1e16);

    private final WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));

    private boolean appRefuses(WorkspaceDocument doc) {
        vm.load(doc, null);
        return vm.hasErrors();
    }

    private static boolean calcRefuses(WorkspaceDocument doc) {
        return WorkspaceMapper.toPortfolio(doc).hasErrors();
    }

    @Test
    void choicesAreReadTheSameWayByTheAppAndTheMapper() throws Exception {
        WorkspaceDocument demo = read(demoTree());
        for (String mode : CHOICES) {
            ObjectNode root = demoTree();
            ((ObjectNode) root.get("account")).put("positionMode", mode);
            WorkspaceDocument doc = read(root);
            assertEquals(calcRefuses(doc), appRefuses(doc), "positionMode \"" + mode + "\"");
        }
        ObjectNode root = demoTree();
        ((ObjectNode) root.get("account")).put("positionMode", "one-way");
        assertFalse(calcRefuses(read(root)), "the mapper reads one-way as the app does");
        vm.load(read(root), null);
        assertEquals(PositionMode.ONE_WAY, vm.account().positionModeProperty().get());
        assertFalse(appRefuses(demo));
    }

    @Test
    void seededMutationsAreAcceptedOrRefusedAlike() throws Exception {
        Random r = new Random(14);
        int refused = 0;
        int accepted = 0;
        for (int run = 0; run < 120; run++) {
            ObjectNode root = demoTree();
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            for (int k = 0; k < 1 + r.nextInt(2); k++) {
                ObjectNode o = objects.get(r.nextInt(objects.size()));
                List<String> keys = new ArrayList<>();
                o.fieldNames().forEachRemaining(keys::add);
                String key = keys.get(r.nextInt(keys.size()));
                JsonNode old = o.get(key);
                if (old.isTextual() && !key.equals("id") && !key.equals("symbol") && !key.equals("format")) {
                    o.put(key, CHOICES.get(r.nextInt(CHOICES.size())));
                } else if (old.isNumber() && !key.equals("version")) {
                    o.put(key, NUMBERS.get(r.nextInt(NUMBERS.size())));
                }
            }
            WorkspaceDocument doc;
            try {
                doc = WorkspaceCodec.read(JSON.writeValueAsString(root));
            } catch (WorkspaceException e) {
                continue;
            }
            boolean calc = calcRefuses(doc);
            assertEquals(calc, appRefuses(doc), "run " + run + ": " + JSON.writeValueAsString(root)
                    + "\nmapper: " + WorkspaceMapper.toPortfolio(doc).problems() + "\napp: " + vm.problems());
            if (calc) {
                refused++;
            } else {
                accepted++;
            }
        }
        assertTrue(refused > 15 && accepted > 15, "both outcomes exercised: " + refused + " / " + accepted);
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        n.forEach(child -> collect(child, out));
    }

    private static ObjectNode demoTree() throws Exception {
        return (ObjectNode) JSON.readTree(PresetCatalog.class.getResourceAsStream("/workspaces/demo.perprisk.json"));
    }

    private static WorkspaceDocument read(JsonNode root) throws Exception {
        return WorkspaceCodec.read(JSON.writeValueAsString(root));
    }
}
