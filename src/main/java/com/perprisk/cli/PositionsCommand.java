package com.perprisk.cli;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceException;
import com.perprisk.venue.ApiKey;
import com.perprisk.venue.Venue;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code positions VENUE (--address A | --key-env NAME) [--base-url URL] [--timeout-ms N]}: prints the account's
 * open positions, read-only, as a workspace {@code positions} array; each keeps the venue's own liquidation price
 * in {@code venueLiquidationPrice}. Hyperliquid and dYdX read by address; Binance, Bybit and OKX need a read-only
 * key from NAME_KEY, NAME_SECRET (and NAME_PASSPHRASE for OKX). A key with trading or withdrawal permission is
 * refused (exit 1).
 */
public final class PositionsCommand {
    static final String USAGE_LINE = "usage: perprisk positions VENUE (--address A | --key-env NAME) "
            + "[--base-url URL] [--timeout-ms N]   (--address for hyperliquid, dydx; --key-env for binance, bybit, okx)";

    private PositionsCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return VenueArgs.guarded(USAGE_LINE, err, () -> {
            VenueArgs a = VenueArgs.parse("positions", args, Set.of("base-url", "timeout-ms", "key-env", "address"));
            if (a.help) {
                out.println(USAGE_LINE);
                return Cli.OK;
            }
            if (a.positional.size() != 1) {
                throw new HeadlessSupport.UsageException("positions: needs one VENUE (got " + a.positional.size()
                        + ")");
            }
            Venue venue = VenueArgs.venue("positions", a.positional.get(0));
            boolean address = a.options.containsKey("address");
            boolean keyEnv = a.options.containsKey("key-env");
            if (address == keyEnv) {
                throw new HeadlessSupport.UsageException("positions: give either --address or --key-env");
            }
            if (venue.positionsByAddress() && !address) {
                throw new HeadlessSupport.UsageException("positions: " + venue.id() + " reads positions by "
                        + "--address (no key needed)");
            }
            if (!venue.positionsByAddress() && !keyEnv) {
                throw new HeadlessSupport.UsageException("positions: " + venue.id() + " needs a read-only key: "
                        + "--key-env NAME");
            }
            ApiKey key = a.key(venue, env, err);
            var client = a.client("positions", venue, key);
            List<PositionDoc> positions = VenueArgs.ask(err, () -> client.positions(a.options.get("address")));
            out.print(WorkspaceCodec.positionsToJson(positions));
            return Cli.OK;
        });
    }
}
