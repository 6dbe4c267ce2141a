package com.perprisk.cli;

import com.perprisk.Version;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The headless command line: {@code --help}, {@code --version}, {@code calc}, {@code simulate}, {@code compare},
 * {@code probability}, {@code ticket}, {@code fetch}, {@code positions}, {@code market}. Never needs a display and
 * never lets an exception escape as a stack trace.
 *
 * <p>Exit status: 0 success; 1 invalid workspace (or input the engine cannot compute); 2 usage error; 3 file not found
 * or unreadable; 4 internal error (a bug: please report it).
 */
public final class Cli {
    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;
    public static final int INTERNAL = 4;

    /** How a headless command runs: its arguments after the name, standard input, output and error. */
    @FunctionalInterface
    interface Runner {
        int run(String[] args, InputStream in, PrintStream out, PrintStream err);
    }

    /** One headless command: the name typed after {@code perprisk} and what runs it. */
    record Command(String name, Runner runner) {
    }

    /** Every headless command, one line each (add a command by adding its line). */
    static final List<Command> COMMANDS = List.of(
            new Command("calc", CalcCommand::run),
            new Command("simulate", SimulateCommand::run),
            new Command("compare", CompareCommand::run),
            new Command("probability", ProbabilityCommand::run),
            new Command("ticket", TicketCommand::run),
            new Command("fetch", (args, in, out, err) -> FetchCommand.run(args, out, err)),
            new Command("positions", (args, in, out, err) -> PositionsCommand.run(args, out, err)),
            new Command("market", MarketCommand::run));

    private static final Set<String> HELP = Set.of("--help", "-h", "help");
    private static final Set<String> VERSION = Set.of("--version", "-V", "version");
    /** Options that belong to the desktop app (see {@code ui.LaunchOptions}). */
    private static final Set<String> APP_OPTIONS = Set.of("--screenshot", "--dark", "--size");

    private Cli() {
    }

    /**
     * Whether the arguments are for the command line rather than the desktop app: a command, help or version, and
     * also anything the app could not open (neither an app option nor an existing file), so that a mistyped command
     * is a usage error here instead of a window that cannot start.
     */
    public static boolean isHeadlessCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        if (command(first).isPresent() || HELP.contains(first) || VERSION.contains(first)) {
            return true;
        }
        if (APP_OPTIONS.contains(first)) {
            return false;
        }
        if (first.startsWith("-")) {
            return true;
        }
        try {
            return !Files.exists(Path.of(first));
        } catch (InvalidPathException e) {
            return true;
        }
    }

    /** The names of the headless commands, in the order of {@link #COMMANDS}. */
    public static List<String> commandNames() {
        return COMMANDS.stream().map(Command::name).toList();
    }

    private static Optional<Command> command(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, utf8IfConsole(out, System.out, FileDescriptor.out),
                utf8IfConsole(err, System.err, FileDescriptor.err));
    }

    /**
     * The process's own stdout/stderr re-opened as UTF-8, so that JSON (which is UTF-8 by definition) and messages
     * with "≥" or "×" come out right whatever the platform's default charset; any other stream as given.
     */
    private static PrintStream utf8IfConsole(PrintStream given, PrintStream system, FileDescriptor fd) {
        if (given != system) {
            return given;
        }
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }

    /** As {@link #run(String[], PrintStream, PrintStream)}, reading {@code calc -} from {@code in}. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                err.print(usage());
                return USAGE;
            }
            String name = args[0];
            if (VERSION.contains(name)) {
                out.println("PerpRisk " + Version.current());
                return OK;
            }
            if (HELP.contains(name)) {
                out.print(usage());
                return OK;
            }
            Optional<Command> c = command(name);
            if (c.isPresent()) {
                return c.get().runner().run(Arrays.copyOfRange(args, 1, args.length), in, out, err);
            }
            // neither a command nor an existing workspace file (Launcher sends those to the app)
            err.println((name.startsWith("-") ? "unknown option " : "unknown command ")
                    + com.perprisk.io.Messages.oneLine(name) + "; see --help");
            return USAGE;
        } catch (Throwable t) {
            err.println("error: " + describe(t));
            return INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A throwable's message, or its type when it has none: one line, never a stack trace. */
    static String describe(Throwable t) {
        String m = t.getMessage();
        String s = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
        return com.perprisk.io.Messages.oneLine(s.strip());
    }

    public static String usage() {
        return """
                PerpRisk %s: risk calculator for perpetual futures

                Usage:
                  perprisk                         open the desktop app on the demo workspace
                  perprisk WORKSPACE.json          open the desktop app on a workspace
                  perprisk calc WORKSPACE.json [--explain]
                                                   print every computed number as JSON
                                                   (WORKSPACE.json may be - for standard input)
                  perprisk simulate WORKSPACE.json --seed N --steps K --volatility V
                                                   play the workspace along a seeded GBM price path
                                                   (or --path PRICES.csv): events and the final calc output
                  perprisk compare WORKSPACE.json  the same positions under every venue convention
                  perprisk probability WORKSPACE.json --volatility V --horizon-hours H [--paths N --seed S]
                                                   probability of touching each liquidation price
                  perprisk ticket WORKSPACE.json --symbol SYM --side LONG|SHORT --leverage L
                          (--size Q | --notional N | --margin M) [--entry P] [--mode CROSS|ISOLATED]
                          [--fee-rate F] [--exit X] [--target-roe R | --target-pnl V]
                          [--stop S --loss-budget B] [--add-to POSITION_ID]
                                                   an order on the whole account: its margin and
                                                   liquidation price, max open, target price, PnL and
                                                   ROE at the exit, calc's account before and after.
                                                   Rates and ROE are decimals (0.5 is 50%%). The order
                                                   adds to the position it meets on its side (one-way:
                                                   per symbol; hedge: per symbol and side); an order
                                                   against a one-way position is refused unless
                                                   --add-to names it, then it reduces, closes or flips
                                                   it. --target-roe and --target-pnl exclude each other.
                  perprisk fetch VENUE SYMBOL [--base-url URL] [--timeout-ms N] [--key-env NAME] [--into WORKSPACE.json]
                                                   the venue's current market as a workspace market (plus asOf,
                                                   source, nextFundingTime); --into replaces it in the file
                  perprisk positions VENUE (--address A | --key-env NAME) [--base-url URL] [--timeout-ms N]
                                                   open positions, read-only, as workspace positions
                                                   VENUE: binance, bybit, okx, hyperliquid, dydx; keys from the
                                                   variables NAME_KEY, NAME_SECRET (OKX: NAME_PASSPHRASE)
                  perprisk market LAB.json [--explain]
                                                   index, book, funding, mark, vAMM, pool and cascade
                                                   of a market-lab document (docs/market-lab.md)
                  perprisk --screenshot FILE.png [WORKSPACE.json] [--dark] [--size WxH]
                                                   render the main window to a PNG, no display needed
                  perprisk --version               print the version
                  perprisk --help                  print this help

                calc exit status (and simulate, compare, probability, ticket, market): 0 ok, 1 invalid workspace,
                2 usage error, 3 file not found or unreadable; fetch and positions: 4 network or venue error
                """.formatted(Version.current());
    }
}
