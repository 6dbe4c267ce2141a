package com.perprisk.engine.risk;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A report's position workings, written when first read, are the workings written at once. */
class LazyWorkingTest {

    @Test
    void workingsReadLaterAreTheWorkingsWrittenAtOnce() {
        TierTable btc = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());
        List<Market> markets = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        Convention[] venues = {Convention.BINANCE, Convention.BYBIT, Convention.OKX, Convention.HYPERLIQUID};
        for (int i = 0; i < 8; i++) {
            double mark = 1_000 + 7_000 * i;
            Convention c = venues[i % venues.length];
            markets.add(new Market("M" + i, c, mark, mark, 0.0005, c == Convention.BINANCE ? btc
                    : TierTable.resolve(c, Tables.binanceBtc2024()), null, new FundingTerms(0.0001, 8), null));
            positions.add(i % 2 == 0 ? Position.cross("p" + i, "M" + i, Side.LONG, 3, mark * 1.02, 10)
                    : Position.isolated("p" + i, "M" + i, Side.SHORT, 2, mark * 0.97, 5));
        }
        Portfolio pf = new Portfolio(new Account(100_000, PositionMode.ONE_WAY), markets, positions, 720);
        PortfolioRisk risk = RiskEngine.evaluate(pf, true);
        Evaluation eager = RiskEngine.evaluation(pf);
        for (int i = 0; i < positions.size(); i++) {
            var lazy = risk.positions().get(i).explanations();
            var written = eager.positionWorking(i);
            assertFalse(written.isEmpty());
            assertEquals(written, lazy, "position " + i);
            assertEquals(written.get(ExplainKey.LIQUIDATION_PRICE), lazy.get(ExplainKey.LIQUIDATION_PRICE));
            assertEquals(List.copyOf(written.keySet()), List.copyOf(lazy.keySet()), "order of " + i);
            assertThrows(UnsupportedOperationException.class, () -> lazy.remove(ExplainKey.ROE));
        }
        assertEquals(eager.accountWorking(), risk.accountExplanations());
    }
}
