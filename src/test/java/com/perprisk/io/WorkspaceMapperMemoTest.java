package com.perprisk.io;

import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mapping through a memo reuses the markets that are the same document objects, and is otherwise the same mapping. */
class WorkspaceMapperMemoTest {
    private static MarketDoc market(String symbol, double mark, double mmr) {
        return new MarketDoc(symbol, "BINANCE", mark, mark, 0.0005,
                List.of(new TierDoc(0.0, 50_000.0, 100.0, mmr, 0.0), new TierDoc(50_000.0, 1e6, 50.0, 0.01, 260.0)),
                null, new FundingDoc(0.0001, 8.0, Map.of()), null, Map.of());
    }

    private static WorkspaceDocument doc(List<MarketDoc> markets) {
        List<PositionDoc> positions = new ArrayList<>();
        for (MarketDoc m : markets) {
            positions.add(new PositionDoc("p-" + m.symbol(), m.symbol(), "LONG", 1.0, m.markPrice(), 10.0, "CROSS",
                    null, null, Map.of()));
        }
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, "memo",
                new AccountDoc(100_000.0, "ONE_WAY"), 720.0, markets, positions, Map.of());
    }

    @Test
    void unchangedMarketsAreReusedAndTheResultIsTheSame() {
        MarketDoc btc = market("BTCUSDT", 60_000, 0.005);
        MarketDoc eth = market("ETHUSDT", 3_000, 0.005); // 260 is off the recursion (250): a warning, kept on reuse
        var memo = new WorkspaceMapper.Memo();
        MappingResult first = WorkspaceMapper.toPortfolio(doc(List.of(btc, eth)), memo);
        assertTrue(first.problems().stream().anyMatch(p -> p.path().startsWith("markets[1].tiers")), first.problems()
                .toString());

        MarketDoc eth2 = market("ETHUSDT", 3_100, 0.005);
        WorkspaceDocument edited = doc(List.of(btc, eth2));
        MappingResult second = WorkspaceMapper.toPortfolio(edited, memo);
        assertEquals(WorkspaceMapper.toPortfolio(edited), second);
        assertSame(first.portfolio().markets().get(0), second.portfolio().markets().get(0));
        assertNotSame(first.portfolio().markets().get(1), second.portfolio().markets().get(1));

        // the same object at another place is mapped again: its problems name the new path
        WorkspaceDocument swapped = doc(List.of(eth2, market("SOLUSDT", 150, 0.5)));
        MappingResult third = WorkspaceMapper.toPortfolio(swapped, memo);
        assertEquals(WorkspaceMapper.toPortfolio(swapped), third);
        assertTrue(third.hasErrors(), third.problems().toString()); // an MMR of 50% is above the initial margin
    }
}
