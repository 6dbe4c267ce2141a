package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.risk.Evaluation;
import com.perprisk.engine.risk.MarketRisk;
import com.perprisk.engine.risk.PoolRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Writes calc's JSON object, field by field from the {@link Quantity} vocabulary, straight to a generator: nothing is
 * rendered to a string first, and with {@code --explain} each position's working is written as soon as it is made and
 * then dropped, so memory does not grow with the output.
 *
 * <p>Numbers are plain JSON numbers at full double precision; a value that does not exist and any non-finite value
 * is {@code null}.
 */
final class CalcOutput {
    private CalcOutput() {
    }

    /** calc's output of an evaluation, with the working of the account and of every position when asked for. */
    static void write(JsonGenerator g, Evaluation e, boolean explain, List<String> warnings) throws IOException {
        write(g, e.risk(), explain ? e.accountWorking() : null, explain ? e::positionWorking : null,
                explain ? e::poolWorking : null, warnings);
    }

    /** calc's output of figures without working (what simulate and compare embed). */
    static void write(JsonGenerator g, PortfolioRisk risk, List<String> warnings) throws IOException {
        write(g, risk, null, null, null, warnings);
    }

    private static void write(JsonGenerator g, PortfolioRisk risk, Map<ExplainKey, Explanation> accountWorking,
                              IntFunction<Map<ExplainKey, Explanation>> positionWorking,
                              IntFunction<Map<ExplainKey, Explanation>> poolWorking, List<String> warnings)
            throws IOException {
        g.writeStartObject();

        g.writeObjectFieldStart(Quantity.Scope.ACCOUNT.json());
        for (Quantity q : Quantity.of(Quantity.Scope.ACCOUNT)) {
            value(g, q, q.of(risk.account()));
        }
        if (accountWorking != null) {
            explanations(g, accountWorking, Quantity.Scope.ACCOUNT);
        }
        g.writeEndObject();

        if (!risk.pools().isEmpty()) { // with inverse contracts: the quote pool, then one per settle coin
            g.writeArrayFieldStart(Quantity.Scope.POOL.json());
            for (int i = 0; i < risk.pools().size(); i++) {
                PoolRisk pool = risk.pools().get(i);
                g.writeStartObject();
                for (Quantity q : Quantity.of(Quantity.Scope.POOL)) {
                    value(g, q, q.of(pool));
                }
                for (Quantity q : Quantity.of(Quantity.Scope.ACCOUNT)) {
                    value(g, q, q.of(pool));
                }
                if (poolWorking != null) {
                    explanations(g, poolWorking.apply(i), Quantity.Scope.ACCOUNT);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        g.writeArrayFieldStart(Quantity.Scope.POSITION.json());
        for (int i = 0; i < risk.positions().size(); i++) {
            PositionRisk p = risk.positions().get(i);
            g.writeStartObject();
            for (Quantity q : Quantity.of(Quantity.Scope.POSITION)) {
                Object v = q.of(p);
                if (v != null || !q.omittedWhenAbsent()) { // fillablePrice: DYDX positions only
                    value(g, q, v);
                }
            }
            if (positionWorking != null) {
                explanations(g, positionWorking.apply(i), Quantity.Scope.POSITION);
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart(Quantity.Scope.MARKET.json());
        for (MarketRisk m : risk.markets()) {
            g.writeStartObject();
            for (Quantity q : Quantity.of(Quantity.Scope.MARKET)) {
                value(g, q, q.of(m));
            }
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("warnings");
        for (String s : warnings) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One field: text as a string, a count as a whole number, any other figure as a number or null. */
    private static void value(JsonGenerator g, Quantity q, Object v) throws IOException {
        g.writeFieldName(q.key());
        if (v == null) {
            g.writeNull();
        } else if (q.unit() == Quantity.Unit.TEXT) {
            g.writeString(v.toString());
        } else if (q.unit() == Quantity.Unit.COUNT) {
            g.writeNumber(((Number) v).intValue());
        } else {
            number(g, ((Number) v).doubleValue());
        }
    }

    private static void number(JsonGenerator g, String name, Double v) throws IOException {
        g.writeFieldName(name);
        if (v == null) {
            g.writeNull();
        } else {
            number(g, v.doubleValue());
        }
    }

    /** A number at full double precision; NaN and ±∞ are written as null. */
    private static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** The workings, in the order of the scope's figures that own them, then any others by name. */
    private static void explanations(JsonGenerator g, Map<ExplainKey, Explanation> map, Quantity.Scope scope)
            throws IOException {
        List<ExplainKey> keys = new ArrayList<>();
        for (Quantity q : Quantity.of(scope)) {
            if (q.hasOwnWorking() && map.containsKey(q.explainedBy())) {
                keys.add(q.explainedBy());
            }
        }
        map.keySet().stream().filter(k -> !keys.contains(k)).sorted(Comparator.comparing(ExplainKey::key))
                .forEach(keys::add);
        g.writeObjectFieldStart("explanations");
        for (ExplainKey k : keys) {
            Explanation e = map.get(k);
            g.writeObjectFieldStart(k.key());
            g.writeStringField("quantity", e.quantity());
            g.writeStringField("formula", e.formula());
            g.writeArrayFieldStart("terms");
            for (Term t : e.terms()) {
                g.writeStartObject();
                g.writeStringField("symbol", t.symbol());
                g.writeStringField("name", t.name());
                number(g, "value", t.value());
                g.writeStringField("unit", t.unit());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("substituted", e.substituted());
            number(g, "result", e.result());
            g.writeArrayFieldStart("notes");
            for (String n : e.notes()) {
                g.writeString(n);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
