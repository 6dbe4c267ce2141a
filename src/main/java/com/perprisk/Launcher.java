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
        // no arguments: the desktop app on the demo, without loading the command table (its classes and lambdas
        // cost both JVMs of java -jar about 40 ms before the window can start)
        if (args.length > 0 && Cli.isHeadlessCommand(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        DesktopEntry.launch(args);
    }
}
