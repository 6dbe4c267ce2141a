package com.perprisk.io;

import com.perprisk.engine.Side;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.cascade.Cascade;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.io.JsonTree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.perprisk.io.LabFields.*;

/**
 * The {@code cascade} section of a market-lab document: its book (or the book section's), holders and shock.
 */
final class LabCascadeSection {
    static final Set<String> CASCADE = Set.of("bids", "asks", "positions", "shock", "indexWeight", "insuranceFund",
            "maxRounds");
    static final Set<String> HOLDER = Set.of("side", "size", "liquidationPrice", "bankruptcyPrice");

    private LabCascadeSection() {
    }

    static LabInputs.CascadeIn read(LabFields f, JsonObject o, LabInputs.BookIn bookSection)
            throws WorkspaceException {
        OrderBook book;
        if (o.has("bids") || o.has("asks")) {
            List<OrderBook.Level> bids = LabBookSection.levels(o, "bids");
            List<OrderBook.Level> asks = LabBookSection.levels(o, "asks");
            book = build(o.path(), o.node(), () -> new OrderBook(bids, asks));
        } else if (bookSection != null) {
            book = bookSection.book();
        } else {
            throw missing(o, "bids", "give the cascade's bids and asks, or a book section");
        }
        List<Node> hs = required(o, "positions");
        List<Cascade.Holder> holders = new ArrayList<>();
        for (int i = 0; i < hs.size(); i++) {
            JsonObject h = f.obj(hs.get(i), o.childPath("positions") + "[" + i + "]", HOLDER);
            Side side = requiredChoice(h, "side", Side.class);
            double size = pos(h, "size", null);
            double lp = pos(h, "liquidationPrice", null);
            double bp = pos(h, "bankruptcyPrice", lp);
            holders.add(build(h.path(), h.node(), () -> new Cascade.Holder(side, size, lp, bp)));
        }
        Double shock = o.number("shock");
        if (shock == null || shock == 0) {
            throw missing(o, "shock", "give the shock's base size (negative sells, positive buys)");
        }
        double weight = nonNeg(o, "indexWeight", 0.2);
        if (weight > 1) {
            throw invalid(o, "indexWeight", "must be at most 1, got " + fmt(weight));
        }
        int rounds = count(o, "maxRounds", 50, 1);
        double fund = nonNeg(o, "insuranceFund", 0.0);
        return new LabInputs.CascadeIn(build(o.path(), o.node(), () -> new Cascade.Setup(book, holders, shock, weight,
                fund, rounds)));
    }
}
