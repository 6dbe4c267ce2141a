package com.perprisk.cli;

import com.perprisk.io.WorkspaceException;
import com.perprisk.venue.ApiKey;
import com.perprisk.venue.RateLimiter;
import com.perprisk.venue.Venue;
import com.perprisk.venue.VenueClient;
import com.perprisk.venue.VenueException;
import com.perprisk.venue.VenueHttp;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code fetch} and {@code positions} share: positional arguments, {@code --name value} options, the venue
 * name, {@code --base-url} (replaces the venue's host), {@code --timeout-ms} and {@code --key-env NAME} (the key
 * from NAME_KEY, NAME_SECRET and, for OKX, NAME_PASSPHRASE).
 */
final class VenueArgs {
    final List<String> positional = new ArrayList<>();
    final Map<String, String> options = new LinkedHashMap<>();
    boolean help;

    static VenueArgs parse(String command, String[] args, Set<String> valued) throws HeadlessSupport.UsageException {
        VenueArgs a = new VenueArgs();
        for (int i = 0; i < args.length; i++) {
            String s = args[i];
            if (s.equals("--help") || s.equals("-h")) {
                a.help = true;
                return a;
            }
            if (s.startsWith("--")) {
                String name = s.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!valued.contains(name)) {
                    throw new HeadlessSupport.UsageException(command + ": unknown option --" + name);
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new HeadlessSupport.UsageException(command + ": --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (a.options.put(name, value) != null) {
                    throw new HeadlessSupport.UsageException(command + ": --" + name + " is given twice");
                }
            } else if (s.startsWith("-") && s.length() > 1) {
                throw new HeadlessSupport.UsageException(command + ": unknown option " + s);
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    static Venue venue(String command, String text) throws HeadlessSupport.UsageException {
        return Venue.byId(text).orElseThrow(() -> new HeadlessSupport.UsageException(command + ": unknown venue \""
                + text + "\"; one of " + Venue.names()));
    }

    Duration timeout(String command) throws HeadlessSupport.UsageException {
        String t = options.get("timeout-ms");
        if (t == null) {
            return VenueHttp.DEFAULT_TIMEOUT;
        }
        try {
            long ms = Long.parseLong(t.strip());
            if (ms <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new HeadlessSupport.UsageException(command + ": --timeout-ms must be a whole number of "
                    + "milliseconds above 0, got \"" + t + "\"");
        }
    }

    String baseUrl(String command) throws HeadlessSupport.UsageException {
        String b = options.get("base-url");
        if (b == null) {
            return null;
        }
        try {
            URI u = URI.create(b.strip());
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return b.strip();
        } catch (IllegalArgumentException e) {
            throw new HeadlessSupport.UsageException(command + ": --base-url must be an http or https URL such as "
                    + "http://127.0.0.1:8080, got \"" + b + "\"");
        }
    }

    /** The key named by --key-env, or null; an unset variable is an input error naming it. */
    /** The key named by --key-env (null without it); a bad one is reported and ends the command with exit 1. */
    ApiKey key(Venue venue, Map<String, String> env, PrintStream err) throws HeadlessSupport.LoadFailure {
        String name = options.get("key-env");
        try {
            return name == null ? null : ApiKey.fromEnvironment(name.strip(), env, venue == Venue.OKX);
        } catch (IllegalArgumentException e) {
            err.println("error: --key-env: " + e.getMessage());
            throw new HeadlessSupport.LoadFailure(Cli.INVALID);
        }
    }

    VenueClient client(String command, Venue venue, ApiKey key) throws HeadlessSupport.UsageException {
        VenueHttp http = new VenueHttp(venue, baseUrl(command), timeout(command), RateLimiter.shared(venue));
        return VenueClient.of(http, key, null);
    }

    /** One request to a venue. */
    interface Request<T> {
        T send() throws VenueException;
    }

    /** The venue's answer; a refusal is reported and ends the command: exit 1 for a refused key, else 4. */
    static <T> T ask(PrintStream err, Request<T> request) throws HeadlessSupport.LoadFailure {
        try {
            return request.send();
        } catch (VenueException e) {
            err.println("error: " + e.getMessage());
            throw new HeadlessSupport.LoadFailure(e.kind() == VenueException.Kind.KEY ? Cli.INVALID : Cli.INTERNAL);
        }
    }

    /** A command body under {@link #guarded}. */
    interface Body {
        int run() throws HeadlessSupport.UsageException, HeadlessSupport.LoadFailure, WorkspaceException;
    }

    /**
     * Runs {@code fetch} or {@code positions} with their shared error rules: a usage error is its message and the
     * usage line (exit 2), a failure already reported returns its status, a result that cannot be written exit 4.
     */
    static int guarded(String usageLine, PrintStream err, Body body) {
        try {
            return body.run();
        } catch (HeadlessSupport.UsageException e) {
            err.println(e.getMessage());
            err.println(usageLine);
            return Cli.USAGE;
        } catch (HeadlessSupport.LoadFailure e) {
            return e.status;
        } catch (WorkspaceException e) {
            err.println("error: " + Cli.describe(e));
            return Cli.INTERNAL;
        }
    }
}
