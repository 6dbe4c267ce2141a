package com.perprisk.engine.probability;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.inverse.InverseSolver;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Monte Carlo liquidation probabilities of coin-margined positions, against the closed form and each other. */
class InverseMonteCarloTest {
    static Market btcusd(double fundingRate) {
        return new Market("BTCUSD_PERP", Convention.BINANCE_COINM, 60_000, 60_000, 0,
                Tables.resolve(Convention.BINANCE_COINM, List.of(com.perprisk.engine.tier.TierSpec.of(0,
                        Double.POSITIVE_INFINITY, 125, 0.004, 0))), null, new FundingTerms(fundingRate, 8), null,
                Contract.inverse(100, "BTC"));
    }

    static Market btcusdt() {
        return new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0, Tables.single(125, 0.004), null,
                new FundingTerms(0.0001, 8), null);
    }

    @Test
    void anIsolatedInverseLongMatchesTheBarrierFormulaAtItsLiquidationPrice() {
        Position p = Position.isolated("long", "BTCUSD_PERP", Side.LONG, 600, 60_000, 5);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(btcusd(0)), List.of(p), 720);
        MonteCarloLiquidation.Result r = MonteCarloLiquidation.run(pf,
                MonteCarloLiquidation.Settings.of(0.8, 720, 20_000, 11).withFunding(false));
        MonteCarloLiquidation.PositionProbability pp = r.position("long");
        double lp = InverseSolver.liquidationPrice(pf, "long").price();
        assertEquals(lp, pp.liquidationPrice(), 1e-9);
        double closed = BarrierProbability.touch(Side.LONG, 60_000, lp, 0.8, 0, BarrierProbability.years(720));
        assertTrue(closed > 0.3 && closed < 0.9, "a test that can tell: " + closed);
        assertEquals(closed, pp.probability(), 4 * pp.standardError() + 0.005, "closed form " + closed);
    }

    @Test
    void aOneTimesShortInverseIsNeverLiquidated() {
        Position p = Position.isolated("short", "BTCUSD_PERP", Side.SHORT, 600, 60_000, 1);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(btcusd(0.0005)), List.of(p), 720);
        MonteCarloLiquidation.Result r = MonteCarloLiquidation.run(pf,
                MonteCarloLiquidation.Settings.of(3.0, 720, 5_000, 2));
        assertNull(r.position("short").liquidationPrice());
        assertEquals(0, r.position("short").hits());
    }

    @Test
    void theCoinCrossPoolIsApartFromTheQuoteCrossPool() {
        // a USDT cross long with a thin wallet and a BTC cross long with a thick one, on the same moves
        Position usdt = Position.cross("usdt", "BTCUSDT", Side.LONG, 1, 60_000, 20);
        Position coin = Position.cross("coin", "BTCUSD_PERP", Side.LONG, 600, 60_000, 20);
        Portfolio pf = new Portfolio(new Account(6_000, PositionMode.ONE_WAY, Map.of("BTC", 2.0)),
                List.of(btcusdt(), btcusd(0)), List.of(usdt, coin), 720);
        MonteCarloLiquidation.Result r = MonteCarloLiquidation.run(pf,
                MonteCarloLiquidation.Settings.of(0.8, 720, 20_000, 5).withFunding(false).withCorrelation(1));
        double years = BarrierProbability.years(720);
        for (String id : List.of("usdt", "coin")) {
            MonteCarloLiquidation.PositionProbability pp = r.position(id);
            double closed = BarrierProbability.touch(Side.LONG, 60_000, pp.liquidationPrice(), 0.8, 0, years);
            assertEquals(closed, pp.probability(), 4 * pp.standardError() + 0.005, id + ": closed form " + closed);
        }
        // one pool each: 0.5 of a wallet of 2 BTC behind 1 BTC of notional is far safer than 6,000 behind 60,000
        assertTrue(r.position("coin").probability() < r.position("usdt").probability());
        double lpCoin = InverseSolver.liquidationPrice(pf, "coin").price();
        assertEquals(lpCoin, r.position("coin").liquidationPrice(), 1e-9);
        // 60,000 × 1.004 / (2 + 1)
        assertEquals(60_000 * 1.004 / 3, lpCoin, 1e-6);
    }
}
