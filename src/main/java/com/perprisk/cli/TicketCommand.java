package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Side;
import com.perprisk.engine.margin.Order;
import com.perprisk.engine.margin.OrderTicket;
import com.perprisk.engine.margin.TicketException;
import com.perprisk.io.FieldProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code ticket WORKSPACE --symbol SYM --side LONG|SHORT --leverage L (--size Q | --notional N | --margin M)
 * [--entry P] [--mode CROSS|ISOLATED] [--fee-rate F] [--exit X] [--target-roe R | --target-pnl V]
 * [--stop S --loss-budget B] [--add-to ID]}: places an order into the workspace and prints the order, max open, the
 * answers asked for, and calc's account and positions before and after the fill, as one JSON object. The rules of a
 * fill (adding, netting in one-way mode, isolated margin) are {@link com.perprisk.engine.margin.OrderPlacement}'s.
 * A malformed command line exits 2; an order the workspace refuses exits 1 with one line naming the flag.
 */
final class TicketCommand {
    static final String USAGE_LINE = "usage: perprisk ticket WORKSPACE.json --symbol SYM --side LONG|SHORT"
            + " --leverage L (--size Q | --notional N | --margin M) [--entry P] [--mode CROSS|ISOLATED]"
            + " [--fee-rate F] [--exit X] [--target-roe R | --target-pnl V] [--stop S --loss-budget B]"
            + " [--add-to POSITION_ID]";
    private static final Set<String> VALUED = Set.of("symbol", "side", "leverage", "size", "notional", "margin",
            "entry", "mode", "fee-rate", "exit", "target-roe", "target-pnl", "stop", "loss-budget", "add-to");
    private static final List<String> AMOUNTS = List.of("size", "notional", "margin");

    private TicketCommand() {
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return HeadlessSupport.guarded("ticket", USAGE_LINE, err, () -> {
            HeadlessSupport.Args a = HeadlessSupport.parse("ticket", args, VALUED, Set.of());
            if (a == null) {
                out.println(USAGE_LINE);
                return Cli.OK;
            }
            String symbol = required(a, "symbol");
            Side side = choice(a, "side", Side.class, true);
            double leverage = a.required("leverage");
            List<String> given = AMOUNTS.stream().filter(a::has).toList();
            if (given.size() != 1) {
                throw new HeadlessSupport.UsageException(given.isEmpty() ? "give one of --size, --notional, --margin"
                        : "give one of --size, --notional, --margin, not " + String.join(" and ", given.stream()
                        .map(g -> "--" + g).toList()));
            }
            String amountFlag = given.get(0);
            Order.Amount amount = new Order.Amount(Order.Kind.valueOf(amountFlag.toUpperCase(Locale.ROOT)),
                    a.required(amountFlag));
            MarginMode mode = choice(a, "mode", MarginMode.class, false);
            Double entry = a.number("entry", null);
            Double fee = a.number("fee-rate", null);
            Double exit = a.number("exit", null);
            Double roe = a.number("target-roe", null);
            Double pnl = a.number("target-pnl", null);
            if (roe != null && pnl != null) {
                throw new HeadlessSupport.UsageException("give --target-roe or --target-pnl, not both: each names one"
                        + " exit price");
            }
            Double stop = a.number("stop", null);
            Double budget = a.number("loss-budget", null);
            if (stop == null != (budget == null)) {
                throw new HeadlessSupport.UsageException("--stop and --loss-budget go together");
            }
            String addTo = a.options().get("add-to");

            HeadlessSupport.Loaded w = HeadlessSupport.load(a.file(), in, err);
            OrderTicket.Quote q;
            try {
                Order order = new Order(symbol, side, leverage, mode, amount, entry, fee, addTo);
                q = OrderTicket.quote(w.portfolio(), order, new OrderTicket.Questions(exit, roe, pnl, stop, budget));
            } catch (TicketException e) {
                err.println(flag(e.field(), amountFlag) + ": " + e.getMessage());
                return Cli.INVALID;
            }
            for (String warning : q.after().warnings()) {
                if (!q.before().warnings().contains(warning)) {
                    err.println("warning: after the order: " + warning);
                }
            }
            HeadlessSupport.print(out, render(q, w));
            return Cli.OK;
        });
    }

    private static ObjectNode render(OrderTicket.Quote q, HeadlessSupport.Loaded w) throws IOException {
        ObjectNode root = HeadlessSupport.JSON.createObjectNode();
        ObjectNode order = root.putObject("order");
        HeadlessSupport.put(order, "size", q.size());
        HeadlessSupport.put(order, "notional", q.notional());
        HeadlessSupport.put(order, "initialMargin", q.initialMargin());
        HeadlessSupport.put(order, "liquidationPrice", q.position() == null ? null : q.position().liquidationPrice());
        HeadlessSupport.put(order, "bankruptcyPrice", q.position() == null ? null : q.position().bankruptcyPrice());
        // as calc: the asset of the amounts once the workspace has a coin-margined contract (absent otherwise)
        boolean assets = w.portfolio().markets().stream().anyMatch(com.perprisk.engine.Market::isInverse);
        if (assets) {
            order.put("marginAsset", q.marginAsset());
        }
        ObjectNode max = root.putObject("maxOpen");
        HeadlessSupport.put(max, "size", q.maxOpen().size());
        HeadlessSupport.put(max, "notional", q.maxOpen().notional());
        HeadlessSupport.put(max, "initialMargin", q.maxOpen().initialMargin());
        if (q.exitPnl() == null) {
            root.putNull("atExit");
        } else {
            ObjectNode exit = root.putObject("atExit");
            HeadlessSupport.put(exit, "pnl", q.exitPnl());
            HeadlessSupport.put(exit, "roe", q.exitRoe());
        }
        HeadlessSupport.put(root, "targetPrice", q.targetPrice());
        HeadlessSupport.put(root, "averageEntry", q.averageEntry());
        if (q.stopSize() != null) {
            HeadlessSupport.put(root, "stopSize", q.stopSize());
        }
        root.put("effect", q.placement().effect().name());
        root.put("positionId", q.placement().positionId());
        if (assets) {
            root.put("marginAsset", q.marginAsset());
        }
        root.set("before", accountAndPositions(w.portfolio(), w.warnings()));
        root.set("after", accountAndPositions(q.placement().after(), List.of()));
        return root;
    }

    /** calc's "account", "pools" (with inverse contracts) and "positions" of a portfolio (the vocab helper owns how calc renders them). */
    private static ObjectNode accountAndPositions(Portfolio p, List<FieldProblem> warnings) throws IOException {
        // calc's figures as a tree, taken apart in memory (no text written and read back)
        JsonNode calc = HeadlessSupport.JSON.valueToTree(HeadlessSupport.calcOutput(p, warnings));
        ObjectNode o = HeadlessSupport.JSON.createObjectNode();
        o.set("account", calc.get("account"));
        if (calc.has("pools")) { // with coin-margined contracts: every pool, as calc lists them
            o.set("pools", calc.get("pools"));
        }
        o.set("positions", calc.get("positions"));
        return o;
    }

    private static String required(HeadlessSupport.Args a, String name) throws HeadlessSupport.UsageException {
        String v = a.options().get(name);
        if (v == null || v.isBlank()) {
            throw new HeadlessSupport.UsageException("missing --" + name);
        }
        return v;
    }

    private static <E extends Enum<E>> E choice(HeadlessSupport.Args a, String name, Class<E> type, boolean needed)
            throws HeadlessSupport.UsageException {
        String v = a.options().get(name);
        if (v == null) {
            if (needed) {
                throw new HeadlessSupport.UsageException("missing --" + name);
            }
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.strip())) {
                return e;
            }
        }
        throw new HeadlessSupport.UsageException("--" + name + " must be " + String.join(" or ",
                java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ", got \"" + v + "\"");
    }

    /** The flag a ticket field was given with. */
    static String flag(Order.Field f, String amountFlag) {
        return switch (f) {
            case SYMBOL -> "--symbol";
            case SIDE -> "--side";
            case LEVERAGE -> "--leverage";
            case MODE -> "--mode";
            case AMOUNT -> "--" + amountFlag;
            case ENTRY -> "--entry";
            case FEE_RATE -> "--fee-rate";
            case ADD_TO -> "--add-to";
            case EXIT -> "--exit";
            case TARGET_ROE -> "--target-roe";
            case TARGET_PNL -> "--target-pnl";
            case STOP -> "--stop";
            case LOSS_BUDGET -> "--loss-budget";
        };
    }
}
