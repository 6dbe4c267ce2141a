package com.perprisk.ui.tiles;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PoolRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiles of the coin-margined sample, without a screen: the riskiest pool among all, amounts in their asset. */
class InverseTilesTest {
    private static final Formats FMT = new Formats(Locale.US);

    @Test
    void theTilesTakeTheRiskiestPoolAndValueMixedFundingInUsd() throws Exception {
        Portfolio pf = WorkspaceMapper.toPortfolio(WorkspaceCodec.read(
                Path.of("resources/workspaces/coin-margined-mix.perprisk.json"))).portfolio();
        PortfolioRisk risk = RiskEngine.evaluate(pf, false);
        TileValues v = TilesViewModel.compute(FMT, pf, risk, null, "");
        // the riskiest of: the USDT and BTC cross pools and the isolated ETH short
        double best = Double.NEGATIVE_INFINITY;
        for (PoolRisk pool : risk.pools()) {
            if (pool.figures().marginRatio() != null) {
                best = Math.max(best, pool.figures().marginRatio());
            }
        }
        for (PositionRisk p : risk.positions()) {
            if (p.marginMode() == com.perprisk.engine.MarginMode.ISOLATED && p.marginRatio() != null) {
                best = Math.max(best, p.marginRatio());
            }
        }
        assertEquals(best, v.marginRatio(), 1e-15);
        // funding: each coin amount × its mark, plus the USDT amount
        double usd = 0;
        for (PositionRisk p : risk.positions()) {
            usd += p.fundingOverHorizon() * (p.marginAsset().equals("USDT") ? 1
                    : pf.requireMarket(p.symbol()).markPrice());
        }
        assertEquals(usd, v.fundingOverHorizon(), 1e-9);
        assertEquals("USD", v.fundingAsset());
        for (PositionRisk p : risk.positions()) {
            assertTrue(v.fundingDetail().contains(p.marginAsset()), v.fundingDetail());
        }
        // the available balance is that of the riskiest cross pool, in its asset
        assertTrue(v.availableDetail().startsWith(v.availableAsset() + " cross pool"), v.availableDetail());
        PoolRisk pool = risk.pool(v.availableAsset()).orElseThrow();
        assertEquals(pool.figures().availableBalance(), v.availableBalance(), 1e-15);
        assertTrue(v.availableDetail().contains(FMT.number(pool.figures().marginBalance(),
                Amounts.decimals(v.availableAsset()))), v.availableDetail());
    }
}
