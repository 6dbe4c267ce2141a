package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.perprisk.engine.risk.Evaluation;
import com.perprisk.engine.risk.RiskEngine;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code calc WORKSPACE.json [--explain]}: evaluates a workspace and prints one JSON object with every computed
 * number ({@link CalcOutput}, from the {@link com.perprisk.engine.risk.Quantity} vocabulary). Problems go to stderr,
 * one line each, naming the field.
 */
final class CalcCommand {
    static final String USAGE_LINE = "usage: perprisk calc WORKSPACE.json [--explain]   (- reads standard input)";

    private CalcCommand() {
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return HeadlessSupport.guarded("calc", USAGE_LINE, err, () -> {
            HeadlessSupport.Args a = HeadlessSupport.parse("calc", args, Set.of(), Set.of("explain"));
            if (a == null) {
                out.println(USAGE_LINE);
                return Cli.OK;
            }
            HeadlessSupport.Loaded loaded = HeadlessSupport.load(a.file(), in, err);
            Evaluation evaluation = RiskEngine.evaluation(loaded.portfolio());
            List<String> engineWarnings = HeadlessSupport.engineWarnings(evaluation.risk(), loaded.warnings());
            for (String w : engineWarnings) {
                err.println("warning: " + com.perprisk.io.Messages.oneLine(w));
            }
            try (JsonGenerator g = HeadlessSupport.generator(out)) {
                CalcOutput.write(g, evaluation, a.has("explain"),
                        HeadlessSupport.allWarnings(loaded.warnings(), engineWarnings));
            }
            out.print("\n");
            return Cli.OK;
        });
    }
}
