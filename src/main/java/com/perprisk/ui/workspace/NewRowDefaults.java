package com.perprisk.ui.workspace;

import com.perprisk.engine.Convention;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.ui.format.Formats;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What + Add proposes: the values a new position, copied position, market or tier starts with, chosen so that the
 * new row keeps the workspace valid under the position mode (one position per market one-way, one per side hedged).
 * It fills rows; adding them to the lists (and the undo step that makes) is the caller's.
 */
final class NewRowDefaults {
    private final Formats formats;
    private final AccountFields account;
    private final ObservableList<PositionRow> positions;
    private final ObservableList<String> symbols;
    private final Function<String, Optional<MarketRow>> market;
    private int nextId = 1;

    NewRowDefaults(Formats formats, AccountFields account, ObservableList<PositionRow> positions,
                   ObservableList<String> symbols, Function<String, Optional<MarketRow>> market) {
        this.formats = formats;
        this.account = account;
        this.positions = positions;
        this.symbols = symbols;
        this.market = market;
    }

    /** Ids are proposed from {@code p<next>} on (after a load: one past the number of positions). */
    void restartIdsAt(int next) {
        nextId = next;
    }

    /** An id no position has. */
    String freshId() {
        Set<String> used = new HashSet<>();
        positions.forEach(p -> used.add(p.getId()));
        String id;
        do {
            id = "p" + nextId++;
        } while (used.contains(id));
        return id;
    }

    /** A market a new position may go on under the position mode, or null when every one is taken. */
    String firstFreeSymbol() {
        for (String s : symbols) {
            boolean used = positions.stream().anyMatch(p -> s.equals(p.symbolProperty().get()));
            if (!used) {
                return s;
            }
        }
        if (account.positionModeProperty().get() == PositionMode.HEDGE) {
            for (String s : symbols) {
                if (!legTaken(s, Side.LONG) || !legTaken(s, Side.SHORT)) {
                    return s;
                }
            }
        }
        return null;
    }

    /** A new position on {@code symbol}: long (short when hedged and the long leg is taken), 10x cross, ~10,000. */
    void fillPosition(PositionRow row, String symbol) {
        Side side = Side.LONG;
        if (account.positionModeProperty().get() == PositionMode.HEDGE && legTaken(symbol, Side.LONG)) {
            side = Side.SHORT;
        }
        row.idProperty().set(freshId());
        row.symbolProperty().set(symbol);
        row.sideProperty().set(side);
        Double mark = market.apply(symbol).map(m -> formats.parse(m.markPriceProperty().get())).orElse(null);
        row.entryPriceProperty().set(mark == null ? "" : formats.editText(mark));
        row.sizeProperty().set(mark == null || mark <= 0 ? "1" : formats.editText(roundSize(10_000 / mark)));
        row.leverageProperty().set("10");
        row.marginModeProperty().set(MarginMode.CROSS);
    }

    /**
     * A copy of {@code source}. In hedge mode the copy takes the other side when that leg is free; in one-way mode
     * it moves to a market without a position when there is one, keeping the notional.
     */
    void fillCopy(PositionRow row, PositionRow source) {
        row.idProperty().set(freshId());
        row.symbolProperty().set(source.symbolProperty().get());
        row.sideProperty().set(source.sideProperty().get());
        row.sizeProperty().set(source.sizeProperty().get());
        row.entryPriceProperty().set(source.entryPriceProperty().get());
        row.leverageProperty().set(source.leverageProperty().get());
        row.marginModeProperty().set(source.marginModeProperty().get());
        row.isolatedMarginProperty().set(source.isolatedMarginProperty().get());
        row.extraMarginProperty().set(source.extraMarginProperty().get());
        String symbol = source.symbolProperty().get();
        if (account.positionModeProperty().get() == PositionMode.HEDGE) {
            Side other = source.sideProperty().get() == null ? Side.SHORT : source.sideProperty().get().opposite();
            if (!legTaken(symbol, other)) {
                row.sideProperty().set(other);
            }
        } else {
            String free = firstFreeSymbol();
            if (free != null && !free.equals(symbol) && positions.stream()
                    .noneMatch(p -> free.equals(p.symbolProperty().get()))) {
                row.symbolProperty().set(free);
                market.apply(free).ifPresent(m -> row.entryPriceProperty().set(m.markPriceProperty().get()));
                Double mark = market.apply(free).map(m -> formats.parse(m.markPriceProperty().get())).orElse(null);
                Double notional = notionalOf(source);
                if (mark != null && mark > 0 && notional != null) {
                    row.sizeProperty().set(formats.editText(roundSize(notional / mark)));
                }
            }
        }
    }

    /** A new market: an unused NEW…USDT symbol, Binance convention, mark 100 (its tiers are the caller's). */
    void fillMarket(MarketRow m) {
        Set<String> used = new HashSet<>(symbols);
        String symbol = "NEW" + "USDT";
        for (int i = 2; used.contains(symbol); i++) {
            symbol = "NEW" + i + "USDT";
        }
        m.symbolProperty().set(symbol);
        m.conventionProperty().set(Convention.BINANCE);
        m.markPriceProperty().set("100");
        m.indexPriceProperty().set("100");
        m.takerFeePercentProperty().set("0.05");
        m.fundingRatePercentProperty().set("0.01");
        m.fundingIntervalHoursProperty().set("8");
    }

    /**
     * A tier after the market's last one: from its cap (closing an open last tier at twice its floor), half its
     * leverage, twice its maintenance rate (at most 50%); on an empty table 0, 20x, 1%.
     */
    void fillTier(MarketRow m, TierRow row) {
        if (!m.tiers().isEmpty()) {
            TierRow last = m.tiers().get(m.tiers().size() - 1);
            Double floor = formats.parse(last.floorProperty().get());
            Double cap = formats.parse(last.capProperty().get());
            double newFloor = cap != null ? cap : floor == null ? 0 : Math.max(floor * 2, 1);
            if (cap == null) {
                last.capProperty().set(formats.editText(newFloor));
            }
            row.floorProperty().set(formats.editText(newFloor));
            Double lev = formats.parse(last.maxLeverageProperty().get());
            row.maxLeverageProperty().set(lev == null ? "" : formats.editText(Math.max(1, Math.floor(lev / 2))));
            Double mmr = formats.parsePercent(last.mmrPercentProperty().get());
            row.mmrPercentProperty().set(mmr == null ? "" : formats.editPercentText(Math.min(0.5, mmr * 2)));
        } else {
            row.floorProperty().set("0");
            row.maxLeverageProperty().set("20");
            row.mmrPercentProperty().set("1");
        }
    }

    private Double notionalOf(PositionRow p) {
        Double size = formats.parse(p.sizeProperty().get());
        Double entry = formats.parse(p.entryPriceProperty().get());
        return size == null || entry == null ? null : size * entry;
    }

    private boolean legTaken(String symbol, Side side) {
        return positions.stream().anyMatch(p -> Objects.equals(symbol, p.symbolProperty().get())
                && p.sideProperty().get() == side);
    }

    /** About two significant digits: 0.4672 → 0.47, 12.3 → 12. */
    private static double roundSize(double size) {
        if (!(size > 0) || !Double.isFinite(size)) {
            return 1;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(size)) - 1);
        return BigDecimal.valueOf(Math.round(size / scale)).multiply(BigDecimal.valueOf(scale))
                .round(new MathContext(2)).doubleValue();
    }

    /** The markets' symbols, stripped, blank ones and repeats left out, in row order: a position's symbol choices. */
    static List<String> symbolsOf(List<MarketRow> markets) {
        List<String> out = new ArrayList<>();
        for (MarketRow m : markets) {
            String s = m.symbolProperty().get();
            if (s != null && !s.isBlank() && !out.contains(s.strip())) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
