package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.POJONode;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.FieldProblem;
import com.perprisk.io.JsonLayout;
import com.perprisk.io.MappingResult;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.io.WorkspaceMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the headless commands share: reading the workspace with the same error rules (exit 1 with
 * {@code path: message} lines, 3 for an unreadable file), option parsing (exit 2 for a usage error), the calc output
 * of a portfolio ({@link CalcOutput}) and the one way they write JSON: Jackson, in {@link JsonLayout}'s layout,
 * streamed to standard output.
 */
final class HeadlessSupport {
    /** The mapper every command builds and writes its JSON with; it never closes the stream it writes to. */
    static final ObjectMapper JSON = JsonMapper.builder().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).build();

    private HeadlessSupport() {
    }

    /** A usage error: exit 2 with the message and the command's usage line. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** A workspace that could not be loaded: the exit status to return (its messages are already on stderr). */
    static final class LoadFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        LoadFailure(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** A loaded workspace: the document (for its extra fields), the portfolio and the mapping warnings. */
    record Loaded(WorkspaceDocument document, Portfolio portfolio, List<FieldProblem> warnings) {
    }

    /**
     * The file argument and the options: {@code --name value} pairs for the names in {@code valued}, bare flags for
     * the names in {@code flags}.
     */
    record Args(String file, Map<String, String> options, Set<String> flags) {
        Double number(String name, Double fallback) throws UsageException {
            String v = options.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new UsageException("--" + name + " must be a finite number, got " + v);
                }
                return d;
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a number, got \"" + v + "\"");
            }
        }

        double required(String name) throws UsageException {
            Double d = number(name, null);
            if (d == null) {
                throw new UsageException("missing --" + name);
            }
            return d;
        }

        Long integer(String name, Long fallback) throws UsageException {
            String v = options.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " must be a whole number, got \"" + v + "\"");
            }
        }

        boolean has(String name) {
            return options.containsKey(name) || flags.contains(name);
        }
    }

    /** Parses {@code FILE [--name value]… [--flag]…}; {@code --help} returns null. */
    static Args parse(String command, String[] args, Set<String> valued, Set<String> flags) throws UsageException {
        String file = null;
        Map<String, String> options = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                return null;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    seen.add(name);
                    continue;
                }
                if (!valued.contains(name)) {
                    throw new UsageException(command + ": unknown option --" + name);
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (options.put(name, value) != null) {
                    throw new UsageException(command + ": --" + name + " is given twice");
                }
            } else if (a.startsWith("-") && !a.equals("-") && !isNumber(a)) {
                throw new UsageException(command + ": unknown option " + a);
            } else if (file != null) {
                throw new UsageException(command + ": one workspace file at a time (got " + file + " and " + a + ")");
            } else {
                file = a;
            }
        }
        if (file == null) {
            throw new UsageException(command + ": missing the workspace file");
        }
        return new Args(file, options, seen);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Reads and maps the workspace as calc does; mapping warnings are printed to stderr. */
    static Loaded load(String file, InputStream in, PrintStream err) throws LoadFailure {
        WorkspaceDocument doc;
        try {
            doc = file.equals("-") ? WorkspaceCodec.read(in) : WorkspaceCodec.read(Path.of(file));
        } catch (InvalidPathException e) {
            err.println("error: not a valid file name: " + file);
            throw new LoadFailure(Cli.UNREADABLE);
        } catch (WorkspaceException e) {
            err.println("error: " + e.getMessage());
            throw new LoadFailure(e.kind() == WorkspaceException.Kind.IO ? Cli.UNREADABLE : Cli.INVALID);
        }
        MappingResult mapped = WorkspaceMapper.toPortfolio(doc);
        for (FieldProblem p : mapped.problems()) {
            err.println(p.isError() ? p.toString() : "warning: " + p);
        }
        if (mapped.hasErrors()) {
            throw new LoadFailure(Cli.INVALID);
        }
        return new Loaded(doc, mapped.portfolio(), mapped.warnings());
    }

    /**
     * The calc output of a portfolio as a node of a JSON tree (warnings: the mapping's, then the engine's). The node
     * holds the figures and writes them with {@link CalcOutput} when the tree is written: nothing is rendered to text
     * and read back.
     */
    static JsonNode calcOutput(Portfolio portfolio, List<FieldProblem> mappingWarnings) {
        PortfolioRisk risk = RiskEngine.evaluate(portfolio, false);
        List<String> warnings = allWarnings(mappingWarnings, engineWarnings(risk, mappingWarnings));
        return new POJONode(new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
                CalcOutput.write(g, risk, warnings);
            }

            @Override
            public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer type)
                    throws IOException {
                serialize(g, provider);
            }
        });
    }

    /**
     * The engine's warnings that the mapping has not already given: the engine repeats tier-table warnings
     * ("BTCUSDT tier 2: …") that were already reported at their path.
     */
    static List<String> engineWarnings(PortfolioRisk risk, List<FieldProblem> mappingWarnings) {
        List<String> warnings = new ArrayList<>();
        for (String w : risk.warnings()) {
            boolean repeated = mappingWarnings.stream().anyMatch(p -> w.endsWith(": " + p.message()));
            if (!repeated) {
                warnings.add(w);
            }
        }
        return warnings;
    }

    /** The warnings of calc's output: the mapping's ({@code path: message}), then the engine's. */
    static List<String> allWarnings(List<FieldProblem> mappingWarnings, List<String> engineWarnings) {
        List<String> warnings = new ArrayList<>();
        for (FieldProblem p : mappingWarnings) {
            warnings.add(p.toString());
        }
        warnings.addAll(engineWarnings);
        return warnings;
    }

    /** A number, or null when it does not exist or is not finite (as calc writes numbers). */
    static void put(ObjectNode o, String name, Double v) {
        if (v == null || !Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v.doubleValue());
        }
    }

    /** A plain value of an event's details. */
    static void putValue(ObjectNode o, String name, Object v) {
        if (v == null) {
            o.putNull(name);
        } else if (v instanceof Double d) {
            put(o, name, d);
        } else if (v instanceof Integer i) {
            o.put(name, i);
        } else if (v instanceof Long l) {
            o.put(name, l);
        } else if (v instanceof Boolean b) {
            o.put(name, b);
        } else if (v instanceof Number n) {
            put(o, name, n.doubleValue());
        } else {
            o.put(name, v.toString());
        }
    }

    /** A generator writing UTF-8 JSON in the shared layout to the stream, which it leaves open. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JSON.getFactory().createGenerator(out);
        g.setPrettyPrinter(JsonLayout.pretty());
        return g;
    }

    /** Writes a tree in the shared layout, streamed, and a final line end. */
    static void print(PrintStream out, JsonNode node) throws IOException {
        try (JsonGenerator g = generator(out)) {
            JSON.writeTree(g, node);
        }
        out.print("\n");
    }

    /** Runs a command body with the shared error rules. */
    interface Body {
        int run() throws UsageException, LoadFailure, IOException;
    }

    static int guarded(String command, String usageLine, PrintStream err, Body body) {
        try {
            return body.run();
        } catch (UsageException e) {
            err.println(e.getMessage().startsWith(command + ":") ? e.getMessage() : command + ": " + e.getMessage());
            err.println(usageLine);
            return Cli.USAGE;
        } catch (LoadFailure e) {
            return e.status;
        } catch (EngineException e) {
            err.println("error: " + Cli.describe(e));
            return Cli.INVALID;
        } catch (IOException e) {
            err.println("error: cannot format the result: " + Cli.describe(e));
            return Cli.INTERNAL;
        }
    }
}
