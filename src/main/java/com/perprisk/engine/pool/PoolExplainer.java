package com.perprisk.engine.pool;

import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The working behind a GMX-style pool's headline numbers, keyed by output field. */
public final class PoolExplainer {
    private PoolExplainer() {
    }

    public static Map<String, Explanation> explain(GmxPool p) {
        Map<String, Explanation> out = new LinkedHashMap<>();
        double capL = p.cappedPnl(Side.LONG);
        double capS = p.cappedPnl(Side.SHORT);
        double impactUsd = p.impactPoolTokens() * p.indexPrice();
        out.put("poolValue", new Explanation("Pool value",
                "value = long tokens + short tokens + pending borrowing fees − capped PnL − impact pool × price",
                List.of(new Term("L", "long tokens (USD)", p.longTokenUsd(), "USD"),
                        new Term("S", "short tokens (USD)", p.shortTokenUsd(), "USD"),
                        new Term("B", "pending borrowing fees", p.pendingBorrowingFees(), "USD"),
                        new Term("PnL_L", "long PnL, capped", capL, "USD"),
                        new Term("PnL_S", "short PnL, capped", capS, "USD"),
                        new Term("I", "impact pool worth", impactUsd, "USD")),
                "value = " + Numbers.plain(p.longTokenUsd()) + " + " + Numbers.plain(p.shortTokenUsd()) + " + "
                        + Numbers.plain(p.pendingBorrowingFees()) + " − " + Numbers.term(capL) + " − "
                        + Numbers.term(capS) + " − " + Numbers.plain(impactUsd), p.poolValue(), List.of(
                "Traders' gains are the liquidity providers' losses: their PnL is subtracted from the pool.",
                "Positive PnL counts at most max PnL factor × the side's pool (" + Numbers.plain(p.maxPnlFactor())
                        + ").")));
        for (Side s : Side.values()) {
            String k = s.name().toLowerCase(java.util.Locale.ROOT);
            Double f = p.pnlToPoolFactor(s);
            out.put("adl." + k, new Explanation("ADL trigger (" + k + ")", "PnL / side pool > max PnL factor for ADL",
                    List.of(new Term("PnL", k + " PnL", p.pnl(s), "USD"),
                            new Term("pool", k + " token pool", p.sidePoolUsd(s), "USD"),
                            new Term("max", "max PnL factor for ADL", p.maxPnlFactorForAdl(), ""),
                            new Term("min", "min PnL factor after ADL", p.minPnlFactorAfterAdl(), "")),
                    "factor = " + Numbers.term(p.pnl(s)) + " / " + Numbers.plain(p.sidePoolUsd(s)),
                    f, List.of(p.adlRequired(s) ? "ADL is on: the keeper closes " + Numbers.plain(p.adlShare(s) * 100)
                    + "% of the profitable size, s = (PnL − min × pool) / (PnL × (1 − min))."
                    : "ADL is off for " + k + "s.")));
            out.put("fundingPerSecond." + k, new Explanation("Funding per second (" + k + ")",
                    "larger side pays f × |long OI − short OI|^e / total OI; the smaller receives it × larger / smaller",
                    List.of(new Term("f", "funding factor", p.fundingFactor(), "/s"),
                            new Term("e", "funding exponent", p.fundingExponent(), ""),
                            new Term("OI_L", "long open interest", p.openInterest(Side.LONG), "USD"),
                            new Term("OI_S", "short open interest", p.openInterest(Side.SHORT), "USD")),
                    "f × |" + Numbers.plain(p.openInterest(Side.LONG)) + " − " + Numbers.plain(p.openInterest(Side.SHORT))
                            + "|^" + Numbers.plain(p.fundingExponent()) + " / total", p.fundingPerSecond(s),
                    List.of("Positive: this side pays that share of its size every second; negative: it receives.")));
        }
        return out;
    }
}
