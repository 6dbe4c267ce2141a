package com.perprisk.io;

import com.perprisk.engine.Account;
import com.perprisk.engine.InputRule;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.io.WorkspaceDocument.PositionDoc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The positions of the document as the engine's {@link Position}s, with the position-mode rules. */
final class PositionMapping extends FieldChecks {
    PositionMapping(List<FieldProblem> problems) {
        super(problems);
    }

    List<Position> positions(List<PositionDoc> docs, Account account, java.util.Set<String> symbols,
                                     Map<String, Market> markets) {
        List<Position> out = new ArrayList<>();
        if (docs == null) {
            error("positions", "missing (write [] for a workspace without positions)");
            return out;
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> oneWay = new HashMap<>();
        Map<String, Integer> hedge = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            String at = "positions[" + i + "]";
            PositionDoc p = docs.get(i);
            if (p == null) {
                error(at, "missing (null)");
                continue;
            }
            int before = errorCount();
            String id = p.id();
            if (id == null || id.isBlank()) {
                error(at + ".id", "missing");
            } else if (ids.containsKey(id)) {
                error(at + ".id", "duplicate id \"" + id + "\" (also positions[" + ids.get(id) + "])");
            } else {
                ids.put(id, i);
            }
            String symbol = p.symbol();
            if (symbol == null || symbol.isBlank()) {
                error(at + ".symbol", "missing");
            } else if (!symbols.contains(symbol)) {
                error(at + ".symbol", "unknown symbol \"" + symbol + "\"; the markets are "
                        + (symbols.isEmpty() ? "none" : symbols.stream().sorted()
                        .collect(Collectors.joining(", "))));
            }
            Side side = enumValue(at + ".side", p.side(), Side.class, "side");
            MarginMode mode = enumValue(at + ".marginMode", p.marginMode(), MarginMode.class, "margin mode");
            double size = required(at + ".size", p.size(), InputRule.SIZE);
            double entry = required(at + ".entryPrice", p.entryPrice(), InputRule.PRICE);
            double leverage = required(at + ".leverage", p.leverage(), InputRule.LEVERAGE);
            Market market = symbol == null ? null : markets.get(symbol);
            boolean inverse = market != null && market.isInverse();
            if (inverse && size > 0 && size != Math.rint(size)) {
                error(at + ".size", "must be a whole number of contracts for an inverse contract (" + symbol
                        + ": one contract is " + num(market.contract().contractSize()) + " quote), got " + num(size));
            }
            if (market != null && size > 0 && entry > 0 && leverage > 0) {
                // the bracket of the entry notional: Q × EP, or C × cs / EP in coin for an inverse contract
                double max = market.maxLeverage(entryNotional(market, size, entry));
                if (leverage > max * (1 + 1e-12)) {
                    error(at + ".leverage", num(leverage) + " exceeds the bracket's max leverage " + num(max));
                }
            }
            Double isolatedMargin = p.isolatedMargin();
            double extra = 0;
            if (isolatedMargin != null) {
                if (!Double.isFinite(isolatedMargin)) {
                    error(at + ".isolatedMargin", "must be a finite number, got " + num(isolatedMargin));
                } else if (!InputRule.MARGIN.accepts(isolatedMargin)) {
                    error(at + ".isolatedMargin", InputRule.MARGIN.problem(isolatedMargin));
                } else if (mode == MarginMode.CROSS) {
                    warning(at + ".isolatedMargin", "ignored: a CROSS position draws on the cross wallet");
                }
            }
            if (p.extraMargin() != null) {
                if (!InputRule.MARGIN_CHANGE.accepts(p.extraMargin())) {
                    error(at + ".extraMargin", InputRule.MARGIN_CHANGE.problem(p.extraMargin()));
                } else if (mode == MarginMode.CROSS) {
                    if (p.extraMargin() != 0) {
                        warning(at + ".extraMargin", "ignored: margin can only be added to an ISOLATED position");
                    }
                } else {
                    extra = p.extraMargin();
                }
            }
            if (mode == MarginMode.ISOLATED && size > 0 && entry > 0 && leverage > 0 && errorCount() == before) {
                double posted = isolatedMargin != null ? isolatedMargin : entryNotional(market, size, entry) / leverage;
                if (posted + extra < 0) {
                    error(at + ".extraMargin", "removes more margin than is posted: " + num(posted) + " + ("
                            + num(extra) + ") is below 0");
                }
            }
            if (inverse && mode == MarginMode.CROSS && account != null) {
                String asset = market.contract().settleAsset();
                if (account.coinWallet(asset) == null) {
                    error("account.coinWallets." + asset, "missing; " + at + " is a CROSS position of " + symbol
                            + ", which settles in " + asset + ": its cross pool needs the " + asset + " wallet");
                }
            }
            if (account != null && symbol != null && side != null && symbols.contains(symbol)) {
                if (account.positionMode() == PositionMode.ONE_WAY) {
                    Integer other = oneWay.putIfAbsent(symbol, i);
                    if (other != null) {
                        error(at + ".symbol", "ONE_WAY mode allows one position per symbol; " + symbol
                                + " already has positions[" + other + "] (use HEDGE mode for a long and a short)");
                    }
                } else {
                    Integer other = hedge.putIfAbsent(symbol + "/" + side, i);
                    if (other != null) {
                        error(at + ".side", "HEDGE mode allows one LONG and one SHORT per symbol; " + symbol
                                + " already has a " + side + " at positions[" + other + "]");
                    }
                }
            }
            if (errorCount() == before && side != null && mode != null) {
                try {
                    out.add(new Position(id, symbol, side, size, entry, leverage, mode,
                            mode == MarginMode.ISOLATED ? isolatedMargin : null, extra));
                } catch (RuntimeException e) {
                    error(at, "cannot be used: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                            : e.getMessage()));
                }
            }
        }
        return out;
    }

    /** Entry notional: Q × EP (quote), or C × cs / EP (coin) for an inverse contract; Q × EP without a market. */
    private static double entryNotional(Market market, double size, double entry) {
        return market != null && market.isInverse() ? market.contract().coinNotional(size, entry) : size * entry;
    }
}
