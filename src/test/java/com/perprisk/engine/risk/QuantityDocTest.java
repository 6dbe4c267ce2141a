package com.perprisk.engine.risk;

import com.perprisk.engine.explain.ExplainKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vocabulary is the only list of result fields: the field list of {@code docs/workspace-format.md} is generated
 * from it (this test fails when the two disagree; {@code -Ddocs.update=true} rewrites the block), and the vocabulary
 * itself is consistent (one name per scope, every working owned by one figure).
 */
class QuantityDocTest {
    private static final Path DOC = Path.of("docs/workspace-format.md");
    static final String BEGIN = "<!-- calc fields: generated from engine/risk/Quantity.java by QuantityDocTest;"
            + " edit the enum, not this block -->";
    static final String END = "<!-- end of calc fields -->";

    @Test
    void theDocumentedFieldListIsTheVocabulary() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int b = doc.indexOf(BEGIN);
        int e = doc.indexOf(END);
        assertTrue(b >= 0 && e > b, DOC + " has no generated calc field block");
        String expected = BEGIN + "\n" + render() + END;
        String actual = doc.substring(b, e + END.length());
        if (Boolean.getBoolean("docs.update") && !expected.equals(actual)) {
            Files.writeString(DOC, doc.substring(0, b) + expected + doc.substring(e + END.length()),
                    StandardCharsets.UTF_8);
            actual = expected;
        }
        assertEquals(expected, actual, "docs/workspace-format.md's field list differs from Quantity: run with"
                + " -Ddocs.update=true and commit the doc");
    }

    @Test
    void eachFieldIsNamedOncePerScopeAndEachWorkingHasOneOwner() {
        for (Quantity.Scope scope : Quantity.Scope.values()) {
            Set<String> names = new HashSet<>();
            for (Quantity q : Quantity.of(scope)) {
                assertTrue(names.add(q.key()), scope + " names " + q.key() + " twice");
                assertFalse(q.label().isBlank() || q.description().isBlank(), q + " needs a label and a description");
            }
        }
        Set<ExplainKey> owned = EnumSet.noneOf(ExplainKey.class);
        for (Quantity q : Quantity.values()) {
            if (q.hasOwnWorking()) {
                owned.add(q.explainedBy());
                assertEquals(q.explainedBy(), Quantity.withWorking(q.explainedBy()).explainedBy());
            }
        }
        assertEquals(EnumSet.allOf(ExplainKey.class), owned, "every working explains a figure of its own name");
        for (ExplainKey k : ExplainKey.values()) {
            assertEquals(k, ExplainKey.of(k.key()).orElseThrow());
        }
    }

    /** The generated block: the shape of calc's object, then one table row per field. */
    static String render() {
        StringBuilder sb = new StringBuilder("```\n");
        Quantity.Scope[] scopes = Quantity.Scope.values();
        for (int i = 0; i < scopes.length; i++) {
            Quantity.Scope s = scopes[i];
            String open = (i == 0 ? "{ " : "  ") + pad("\"" + s.json() + "\":", 13)
                    + (s == Quantity.Scope.ACCOUNT ? "{ " : "[ { ");
            String close = s == Quantity.Scope.ACCOUNT ? " }," : " } ],";
            List<String> names = new ArrayList<>();
            for (Quantity q : Quantity.of(s)) {
                names.add(q.key());
            }
            if (s == Quantity.Scope.POOL) {
                names.add("<the account's fields>");
            }
            wrap(sb, open, String.join(", ", names) + close);
        }
        sb.append("  \"warnings\":  [ \"path: message\", … ] }\n```\n\n");
        sb.append("| object | field | unit | what it is | working (`--explain`) |\n|---|---|---|---|---|\n");
        for (Quantity q : Arrays.stream(Quantity.Scope.values()).flatMap(s -> Quantity.of(s).stream()).toList()) {
            String working = q.explainedBy() == null ? "—"
                    : "`" + q.explainedBy().key() + "`" + (q.hasOwnWorking() ? "" : " (comes from it)");
            sb.append("| ").append(q.scope().json()).append(" | `").append(q.key()).append("` | ")
                    .append(q.unit().word()).append(" | ").append(q.description().replace("|", "\\|")).append(" | ")
                    .append(working).append(" |\n");
        }
        return sb.toString();
    }

    private static void wrap(StringBuilder sb, String first, String text) {
        String indent = " ".repeat(first.length());
        StringBuilder line = new StringBuilder(first);
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > 116 && line.length() > indent.length()) {
                sb.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            line.append(word).append(' ');
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
