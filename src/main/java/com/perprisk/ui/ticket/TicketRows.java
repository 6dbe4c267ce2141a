package com.perprisk.ui.ticket;

import com.perprisk.engine.Position;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.margin.OrderPlacement;
import com.perprisk.engine.margin.OrderTicket;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.display.Units;
import com.perprisk.ui.format.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The ticket's figures as screen text: the order, the calculator answers, and the account before → after. */
final class TicketRows {
    /** One figure of the order or a calculator answer, with its working. */
    public record Figure(String key, String label, String value, Explanation explanation) {
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

    List<Figure> order(OrderTicket.Quote q, String symbol, double mark) {
        Map<String, Explanation> ex = q.explanations();
        String base = Units.base(symbol);
        String quote = Units.quote(symbol);
        PositionRisk p = q.position();
        List<Figure> rows = new ArrayList<>();
        rows.add(new Figure("size", "Size", fmt.quantity(q.size(), 8) + " " + base, ex.get("size")));
        rows.add(new Figure("notional", "Notional", fmt.money(q.notional()) + " " + quote, ex.get("notional")));
        rows.add(new Figure("initialMargin", "Initial margin", fmt.money(q.initialMargin()) + " " + quote,
                ex.get("initialMargin")));
        rows.add(new Figure("openFee", "Fee to open", fmt.money(q.openFee()) + " " + quote, ex.get("openFee")));
        if (p != null) {
            rows.add(new Figure("liquidationPrice", "Liquidation price", price(p.liquidationPrice(), mark, quote,
                    "none"), ex.get("liquidationPrice")));
            rows.add(new Figure("bankruptcyPrice", "Bankruptcy price", price(p.bankruptcyPrice(), mark, quote,
                    "none"), ex.get("bankruptcyPrice")));
            rows.add(new Figure("marginRatio", p.marginMode().name().equals("ISOLATED") ? "Margin ratio (isolated)"
                    : "Margin ratio (cross)", fmt.percent(p.marginRatio(), 2), ex.get("marginRatio")));
            rows.add(new Figure("adlScore", "ADL score", fmt.quantity(p.adlScore(), 4), ex.get("adlScore")));
            rows.add(new Figure("fundingPerSettlement", "Funding / settlement",
                    fmt.signedMoney(p.fundingPerSettlement()) + " " + quote, ex.get("fundingPerSettlement")));
            rows.add(new Figure("fundingOverHorizon", "Funding over horizon",
                    fmt.signedMoney(p.fundingOverHorizon()) + " " + quote, ex.get("fundingOverHorizon")));
        }
        return rows;
    }

    List<Figure> answers(OrderTicket.Quote q, String symbol, double mark) {
        Map<String, Explanation> ex = q.explanations();
        String base = Units.base(symbol);
        String quote = Units.quote(symbol);
        List<Figure> rows = new ArrayList<>();
        rows.add(new Figure("maxOpen", "Max open size", fmt.quantity(q.maxOpen().size(), 6) + " " + base,
                ex.get("maxOpen")));
        rows.add(new Figure("maxOpenNotional", "Max open notional", fmt.money(q.maxOpen().notional()) + " " + quote,
                ex.get("maxOpen")));
        rows.add(new Figure("maxOpenMargin", "Max open margin", fmt.money(q.maxOpen().initialMargin()) + " "
                + quote, ex.get("maxOpen")));
        if (q.averageEntry() != null) {
            rows.add(new Figure("averageEntry", "Average entry", fmt.price(q.averageEntry(), mark) + " " + quote,
                    ex.get("averageEntry")));
        }
        if (q.targetPrice() != null) {
            rows.add(new Figure("targetPrice", "Target price", fmt.price(q.targetPrice(), mark) + " " + quote,
                    ex.get("targetPrice")));
        }
        if (q.exitPnl() != null) {
            rows.add(new Figure("exitPnl", "PnL at exit", fmt.signedMoney(q.exitPnl()) + " " + quote,
                    ex.get("exitPnl")));
            rows.add(new Figure("exitRoe", "ROE at exit (on IM)", fmt.signedPercent(q.exitRoe(), 2),
                    ex.get("exitRoe")));
            rows.add(new Figure("exitRoeOnMargin", "ROE at exit (screen)",
                    fmt.signedPercent(q.exitRoeOnMargin(), 2), ex.get("exitRoeOnMargin")));
        }
        if (q.stopSize() != null) {
            rows.add(new Figure("stopSize", "Size for the stop", fmt.quantity(q.stopSize(), 6) + " "
                    + base, ex.get("stopSize")));
        }
        return rows;
    }

    List<Change> account(OrderTicket.Quote q) {
        AccountRisk b = q.before().account();
        AccountRisk a = q.after().account();
        Map<ExplainKey, Explanation> ex = q.after().accountExplanations();
        List<Change> rows = new ArrayList<>();
        rows.add(new Change("account.marginRatio", "Margin ratio (cross)", fmt.percent(b.marginRatio(), 2),
                fmt.percent(a.marginRatio(), 2), ex.get(ExplainKey.MARGIN_RATIO)));
        rows.add(new Change("account.availableBalance", "Available balance", fmt.money(b.availableBalance()),
                fmt.money(a.availableBalance()), ex.get(ExplainKey.AVAILABLE_BALANCE)));
        rows.add(new Change("account.walletBalance", "Cross wallet", fmt.money(b.walletBalance()),
                fmt.money(a.walletBalance()), q.explanations().get("walletBalance")));
        rows.add(new Change("account.maintenanceMargin", "Maintenance (cross)",
                fmt.money(b.maintenanceMargin()), fmt.money(a.maintenanceMargin()), ex.get(ExplainKey.MAINTENANCE_MARGIN)));
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
        return switch (f.effect()) {
            case OPEN -> "opens " + f.result().id() + ", a new position";
            case ADD -> "adds to " + j.id() + " (" + fmt.quantity(j.size(), 8) + " → "
                    + fmt.quantity(f.result().size(), 8) + ")";
            case REDUCE -> "reduces " + j.id() + " to " + fmt.quantity(f.result().size(), 8) + ", realizes "
                    + fmt.signedMoney(f.realizedPnl());
            case CLOSE -> "closes " + j.id() + ", realizes " + fmt.signedMoney(f.realizedPnl());
            case FLIP -> "closes " + j.id() + " and opens " + fmt.quantity(f.result().size(), 8) + " the other way";
        };
    }
}
