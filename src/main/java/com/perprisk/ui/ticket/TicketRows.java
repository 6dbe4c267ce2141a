package com.perprisk.ui.ticket;

import com.perprisk.engine.Position;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.margin.OrderPlacement;
import com.perprisk.engine.margin.OrderTicket;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.display.Units;
import com.perprisk.ui.format.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The ticket's figures as screen text: the order, the calculator answers, and the account before → after. */
final class TicketRows {
    /**
     * One figure of the order or a calculator answer, with its working; {@code usd} is a coin amount's value in USD
     * at the mark ("" for a linear market's figures and for figures that are not amounts).
     */
    public record Figure(String key, String label, String value, String usd, Explanation explanation) {
        public Figure(String key, String label, String value, Explanation explanation) {
            this(key, label, value, "", explanation);
        }
    }

    /** One account or position figure before and after the order, with the working of the after value. */
    public record Change(String key, String label, String before, String after, Explanation explanation) {
    }

    /** One position before and after the order: its liquidation price and ADL score, with their working. */
    public record PositionChange(String id, String label, String liquidationBefore, String liquidationAfter,
                                 String adlBefore, String adlAfter, Explanation liquidation, Explanation adl) {
    }

    private final Formats fmt;

    TicketRows(Formats fmt) {
        this.fmt = fmt;
    }

    /** How the amounts of one quote read: in the quote currency, or in the settle coin with USD at the mark beside. */
    private final class Money {
        private final boolean inverse;
        private final String asset;
        private final String base;
        private final double mark;

        Money(OrderTicket.Quote q, String symbol, double mark) {
            this.inverse = q.inverse();
            this.asset = inverse ? q.marginAsset() : Units.quote(symbol);
            this.base = Units.base(symbol);
            this.mark = mark;
        }

        /** "1,200.00 USDT", or "0.008333 BTC" for a coin. */
        String amount(double v) {
            return inverse ? Amounts.money(fmt, v, asset) : fmt.money(v) + " " + asset;
        }

        /** A signed amount (PnL, funding). */
        String signed(double v) {
            return inverse ? Amounts.signed(fmt, v, asset) : fmt.signedMoney(v) + " " + asset;
        }

        /** A coin amount's value in USD at the mark ("500.00 USD"); "" for a linear market. */
        String usd(double v) {
            return usdAt(v, mark, false);
        }

        /** A coin amount's value in USD at a price, signed for a PnL or funding; "" for a linear market. */
        String usdAt(double v, double price, boolean signed) {
            if (!inverse || !Double.isFinite(v * price)) {
                return "";
            }
            return (signed ? fmt.signedMoney(v * price) : fmt.money(v * price)) + " USD";
        }

        Figure amount(String key, String label, double v, Explanation e) {
            return new Figure(key, label, amount(v), usd(v), e);
        }

        Figure signed(String key, String label, double v, Explanation e) {
            return new Figure(key, label, signed(v), usdAt(v, mark, true), e);
        }

        /** "0.5 BTC" in base units, or "100 contracts". */
        String size(double v, int decimals) {
            return inverse ? fmt.quantity(v, 0) + " contracts" : fmt.quantity(v, decimals) + " " + base;
        }

        String price(Double p, String none) {
            return TicketRows.this.price(p, mark, inverse ? "USD" : asset, none);
        }
    }

    List<Figure> order(OrderTicket.Quote q, String symbol, double mark) {
        Map<String, Explanation> ex = q.explanations();
        Money m = new Money(q, symbol, mark);
        PositionRisk p = q.position();
        List<Figure> rows = new ArrayList<>();
        rows.add(new Figure("size", "Size", m.size(q.size(), 8), ex.get("size")));
        rows.add(m.amount("notional", "Notional", q.notional(), ex.get("notional")));
        rows.add(m.amount("initialMargin", "Initial margin", q.initialMargin(), ex.get("initialMargin")));
        rows.add(m.amount("openFee", "Fee to open", q.openFee(), ex.get("openFee")));
        if (p != null) {
            rows.add(new Figure("liquidationPrice", "Liquidation price", m.price(p.liquidationPrice(), "none"),
                    ex.get("liquidationPrice")));
            rows.add(new Figure("bankruptcyPrice", "Bankruptcy price", m.price(p.bankruptcyPrice(), "none"),
                    ex.get("bankruptcyPrice")));
            rows.add(new Figure("marginRatio", p.marginMode().name().equals("ISOLATED") ? "Margin ratio (isolated)"
                    : m.inverse ? "Margin ratio (" + m.asset + " cross)" : "Margin ratio (cross)",
                    fmt.percent(p.marginRatio(), 2), ex.get("marginRatio")));
            rows.add(new Figure("adlScore", "ADL score", fmt.quantity(p.adlScore(), 4), ex.get("adlScore")));
            rows.add(m.signed("fundingPerSettlement", "Funding / settlement", p.fundingPerSettlement(),
                    ex.get("fundingPerSettlement")));
            rows.add(m.signed("fundingOverHorizon", "Funding over horizon", p.fundingOverHorizon(),
                    ex.get("fundingOverHorizon")));
        }
        return rows;
    }

    List<Figure> answers(OrderTicket.Quote q, String symbol, double mark) {
        Map<String, Explanation> ex = q.explanations();
        Money m = new Money(q, symbol, mark);
        String quote = m.inverse ? "USD" : m.asset;
        List<Figure> rows = new ArrayList<>();
        rows.add(new Figure("maxOpen", "Max open size", m.size(q.maxOpen().size(), 6), ex.get("maxOpen")));
        rows.add(m.amount("maxOpenNotional", "Max open notional", q.maxOpen().notional(), ex.get("maxOpen")));
        rows.add(m.amount("maxOpenMargin", "Max open margin", q.maxOpen().initialMargin(), ex.get("maxOpen")));
        if (q.averageEntry() != null) {
            rows.add(new Figure("averageEntry", "Average entry", fmt.price(q.averageEntry(), mark) + " " + quote,
                    ex.get("averageEntry")));
        }
        if (q.targetPrice() != null) {
            rows.add(new Figure("targetPrice", "Target price", fmt.price(q.targetPrice(), mark) + " " + quote,
                    ex.get("targetPrice")));
        }
        if (q.exitPnl() != null) {
            Double exit = ex.get("exitPnl").terms().stream().filter(t -> t.symbol().equals("X")).findFirst()
                    .map(t -> t.value()).orElse(mark);
            // a PnL realized at the exit is worth its coin at the exit price
            rows.add(new Figure("exitPnl", "PnL at exit", m.signed(q.exitPnl()), m.usdAt(q.exitPnl(), exit, true),
                    ex.get("exitPnl")));
            rows.add(new Figure("exitRoe", "ROE at exit (on IM)", fmt.signedPercent(q.exitRoe(), 2),
                    ex.get("exitRoe")));
            rows.add(new Figure("exitRoeOnMargin", "ROE at exit (screen)",
                    fmt.signedPercent(q.exitRoeOnMargin(), 2), ex.get("exitRoeOnMargin")));
        }
        if (q.stopSize() != null) {
            rows.add(new Figure("stopSize", "Size for the stop", m.size(q.stopSize(), 6), ex.get("stopSize")));
        }
        return rows;
    }

    /** The pool the order draws on, before → after: the linear account, or the settle coin's pool in that coin. */
    List<Change> account(OrderTicket.Quote q) {
        AccountRisk b = q.poolBefore();
        AccountRisk a = q.poolAfter();
        Map<ExplainKey, Explanation> ex = q.poolExplanations();
        List<Change> rows = new ArrayList<>();
        if (b == null || a == null) {
            return rows;
        }
        boolean coin = q.inverse();
        String c = q.marginAsset();
        Function<Double, String> money = v -> coin ? Amounts.money(fmt, v, c) : fmt.money(v);
        rows.add(new Change("account.marginRatio", coin ? "Margin ratio (" + c + " cross)" : "Margin ratio (cross)",
                fmt.percent(b.marginRatio(), 2), fmt.percent(a.marginRatio(), 2), ex.get(ExplainKey.MARGIN_RATIO)));
        rows.add(new Change("account.availableBalance", coin ? c + " available" : "Available balance",
                money.apply(b.availableBalance()), money.apply(a.availableBalance()),
                ex.get(ExplainKey.AVAILABLE_BALANCE)));
        rows.add(new Change("account.walletBalance", coin ? c + " cross wallet" : "Cross wallet",
                money.apply(b.walletBalance()), money.apply(a.walletBalance()), q.explanations().get("walletBalance")));
        rows.add(new Change("account.maintenanceMargin", coin ? "Maintenance (" + c + " cross)"
                : "Maintenance (cross)", money.apply(b.maintenanceMargin()), money.apply(a.maintenanceMargin()),
                ex.get(ExplainKey.MAINTENANCE_MARGIN)));
        return rows;
    }

    /** Every position of the workspace (and the one the order opens): liquidation price and ADL score. */
    List<PositionChange> positions(OrderTicket.Quote q) {
        List<String> ids = new ArrayList<>();
        q.before().positions().forEach(p -> ids.add(p.id()));
        q.after().positions().stream().map(PositionRisk::id).filter(id -> !ids.contains(id)).forEach(ids::add);
        List<PositionChange> rows = new ArrayList<>();
        for (String id : ids) {
            PositionRisk pb = q.before().position(id).orElse(null);
            PositionRisk pa = q.after().position(id).orElse(null);
            PositionRisk any = pa != null ? pa : pb;
            double mark = q.placement().after().requireMarket(any.symbol()).markPrice();
            Function<PositionRisk, String> lp = r -> price(r.liquidationPrice(), mark, null, "none");
            Function<PositionRisk, String> adl = r -> fmt.quantity(r.adlScore(), 3);
            rows.add(new PositionChange(id, id + (id.toUpperCase().contains(com.perprisk.ui.display.Units.base(
                    any.symbol()).toUpperCase()) ? "" : " · " + any.symbol()) + (pb == null ? " (new)" : ""),
                    pb == null ? "not held" : lp.apply(pb), pa == null ? "closed" : lp.apply(pa),
                    pb == null ? "not held" : adl.apply(pb), pa == null ? "closed" : adl.apply(pa),
                    any.explanations().get(ExplainKey.LIQUIDATION_PRICE), any.explanations().get(ExplainKey.ADL_SCORE)));
        }
        return rows;
    }

    private String price(Double p, double mark, String unit, String none) {
        if (p == null || !Double.isFinite(p)) {
            return none;
        }
        return fmt.price(p, mark) + (unit == null ? "" : " " + unit);
    }

    /** What the fill does, in a trader's words. */
    String effect(OrderTicket.Quote q) {
        OrderPlacement.Placement f = q.placement();
        Position j = f.joined();
        boolean coin = q.inverse();
        Function<Double, String> size = v -> coin ? fmt.quantity(v, 0) + " contracts" : fmt.quantity(v, 8);
        String realized = coin ? Amounts.signed(fmt, f.realizedPnl(), q.marginAsset())
                : fmt.signedMoney(f.realizedPnl());
        return switch (f.effect()) {
            case OPEN -> "opens " + f.result().id() + ", a new position";
            case ADD -> "adds to " + j.id() + " (" + size.apply(j.size()) + " → " + size.apply(f.result().size()) + ")";
            case REDUCE -> "reduces " + j.id() + " to " + size.apply(f.result().size()) + ", realizes " + realized;
            case CLOSE -> "closes " + j.id() + ", realizes " + realized;
            case FLIP -> "closes " + j.id() + " and opens " + size.apply(f.result().size()) + " the other way";
        };
    }
}
