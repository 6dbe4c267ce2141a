package com.perprisk.io;

import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.io.JsonTree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.perprisk.io.LabFields.*;

/**
 * The {@code book} section of a market-lab document, and the {@code [price, size]} levels the cascade reads too.
 */
final class LabBookSection {
    static final Set<String> BOOK = Set.of("bids", "asks", "impactNotional", "depthPercent");

    private LabBookSection() {
    }

    static LabInputs.BookIn read(LabFields f, JsonObject o) throws WorkspaceException {
        List<OrderBook.Level> bids = levels(o, "bids");
        List<OrderBook.Level> asks = levels(o, "asks");
        double notional = pos(o, "impactNotional", null);
        double depth = pos(o, "depthPercent", 1.0) / 100.0;
        OrderBook b = build(o.path(), o.node(), () -> new OrderBook(bids, asks));
        if (bids.isEmpty()) {
            throw invalid(o, "bids", "needs at least one level");
        }
        if (asks.isEmpty()) {
            throw invalid(o, "asks", "needs at least one level");
        }
        return new LabInputs.BookIn(b, notional, depth);
    }

    static List<OrderBook.Level> levels(JsonObject o, String name) throws WorkspaceException {
        List<Node> ls = required(o, name);
        List<OrderBook.Level> out = new ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            String at = o.childPath(name) + "[" + i + "]";
            Node l = ls.get(i);
            if (!l.isArray() || l.array().size() != 2) {
                throw new WorkspaceException(WorkspaceException.Kind.INVALID, "expected [price, size], got "
                        + l.describe(), at, l.line(), l.column(), null);
            }
            double price = positive(l.array().get(0), at + "[0]");
            double size = positive(l.array().get(1), at + "[1]");
            out.add(new OrderBook.Level(price, size));
        }
        return out;
    }
}
