package com.perprisk.ui.playback;

import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;
import com.perprisk.io.LessonCodec;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A playback of coin-margined positions, without a screen: the log and the simulated inputs are in the coin. */
class InversePlaybackTest {
    @Test
    void theSampleWalksAndEveryCoinAmountNamesItsCoin() throws Exception {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(WorkspaceCodec.read(Path.of("resources/workspaces/coin-margined-mix.perprisk.json")), null);
        PlaybackViewModel p = new PlaybackViewModel(vm);
        p.volatilityProperty().set(1.5);
        p.stepsProperty().set(300);
        p.correlationProperty().set(1);
        assertTrue(p.prepare(), p.problemProperty().get());
        p.toEnd();
        assertTrue(p.log().size() > 10);
        boolean btc = false;
        for (var r : p.log()) {
            assertFalse(r.details().contains("NaN") || r.details().contains("∞"), r.details());
            if (r.event() instanceof SimulationEvent.Funding f && f.symbol().equals("BTCUSD_PERP")) {
                btc = true;
                assertTrue(r.details().contains(Amounts.money(vm.formats(), Math.abs(f.payment()), "BTC")),
                        r.details());
            }
            if (r.event() instanceof SimulationEvent.Funding f && f.symbol().equals("BTCUSDT")) {
                assertTrue(r.details().contains(" USDT"), r.details());
            }
        }
        assertTrue(btc, "the BTC cross position pays funding in BTC");
    }

    @Test
    void lessonSixLiquidatesTheLongAndTheShortStaysWorthItsDollars() throws Exception {
        LessonCodec.Lesson l = LessonCodec.find("inverse-volatility").orElseThrow();
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(LessonCodec.workspace(l), null);
        PlaybackViewModel p = new PlaybackViewModel(vm);
        p.seedProperty().set((int) l.playback().seed());
        p.volatilityProperty().set(l.playback().volatility());
        p.stepsProperty().set(l.playback().steps());
        p.stepHoursProperty().set(l.playback().stepHours());
        assertTrue(p.prepare(), p.problemProperty().get());
        p.toEnd();
        var liquidations = p.log().stream().filter(r -> r.event() instanceof SimulationEvent.Liquidation).toList();
        assertEquals(1, liquidations.size());
        assertEquals("long-5x", liquidations.get(0).event().positionId());
        // the narrative's figures: liquidated on day 15 near 50,395, the short ends with 1.36 BTC ≈ 60,470 USD
        assertEquals(15, (int) (liquidations.get(0).event().timeHours() / 24));
        assertEquals(50_395, ((SimulationEvent.Liquidation) liquidations.get(0).event()).liquidationPrice(), 1);
        var end = vm.context().getPortfolio();
        var shortRisk = vm.context().getRisk().position("short-1x").orElseThrow();
        double mark = end.requireMarket("BTCUSD_PERP").markPrice();
        double balance = shortRisk.margin();
        assertEquals(1.36, balance, 0.005);
        assertEquals(60_470, balance * mark, 10);
        assertEquals(44_360, mark, 10);
    }

    @Test
    void theWorkspacesCoinInsuranceFundStartsTheBtcPoolsFund() throws Exception {
        var doc = WorkspaceCodec.read(Path.of("resources/workspaces/coin-margined-mix.perprisk.json"));
        java.util.Map<String, Object> extra = new java.util.LinkedHashMap<>(doc.extra());
        extra.put("coinInsuranceFunds", java.util.Map.of("BTC", 7.5));
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(new com.perprisk.io.WorkspaceDocument(doc.format(), doc.version(), doc.name(), doc.account(),
                doc.horizonHours(), doc.markets(), doc.positions(), extra), null);
        PlaybackViewModel p = new PlaybackViewModel(vm);
        p.stepsProperty().set(10);
        assertTrue(p.prepare(), p.problemProperty().get());
        var btc = p.result().coins().get("BTC");
        assertEquals(7.5 + btc.ledger().fundChange(), btc.insuranceFund(), 1e-12);
        assertEquals(7.5, btc.insuranceFund(), 0.5); // ten quiet hours: the fund is (about) where it started
    }
}
