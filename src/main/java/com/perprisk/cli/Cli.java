package com.perprisk.cli;

import com.perprisk.Version;

import java.io.PrintStream;
import java.util.Set;

/** The headless command line: {@code --help}, {@code --version}, {@code calc}. Never needs a display. */
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("calc", "--help", "-h", "help", "--version", "-V", "version");

    private Cli() {
    }

    public static boolean isHeadlessCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        switch (args[0]) {
            case "--version", "-V", "version" -> {
                out.println("PerpRisk " + Version.current());
                return 0;
            }
            case "--help", "-h", "help" -> {
                out.print(usage());
                return 0;
            }
            default -> {
                err.println("calc: not implemented yet");
                return 2;
            }
        }
    }

    public static String usage() {
        return """
                PerpRisk %s: risk calculator for perpetual futures

                Usage:
                  perprisk                         open the desktop app on the demo workspace
                  perprisk WORKSPACE.json          open the desktop app on a workspace
                  perprisk calc WORKSPACE.json [--explain]
                                                   print every computed number as JSON
                  perprisk --version               print the version
                  perprisk --help                  print this help
                """.formatted(Version.current());
    }
}
