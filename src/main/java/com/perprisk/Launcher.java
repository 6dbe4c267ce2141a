package com.perprisk;

import com.perprisk.cli.Cli;

/**
 * The jar's entry point. It must not extend {@code javafx.application.Application} (the JVM would refuse to start
 * without JavaFX on the module path), and it must not touch JavaFX at all for the headless commands.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (Cli.isHeadlessCommand(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        DesktopEntry.launch(args);
    }
}
