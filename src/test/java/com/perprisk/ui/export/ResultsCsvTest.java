package com.perprisk.ui.export;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.ui.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsCsvTest {

    @Test
    void onePositionRowWithEveryCalcFieldThenTheAccountBlock() {
        String csv = ResultsCsv.toCsv(Fixtures.handRisk());
        String[] lines = csv.split("\r\n", -1);
        assertEquals(String.join(",", ResultsCsv.POSITION_COLUMNS), lines[0]);
        assertEquals(21, lines[1].split(",", -1).length);
        assertEquals("fillablePrice", ResultsCsv.POSITION_COLUMNS.get(20));
        assertTrue(lines[3].startsWith("p3,BTCUSDT,LONG,ISOLATED,60000,0,0,6000,300,0.005,2,6000,54321.608,54000,"),
                lines[3]);
        assertEquals("", lines[4]);
        assertEquals("account,value", lines[5]);
        assertEquals("walletBalance,10000", lines[6]);
        assertTrue(csv.contains("\r\navailableBalance,8100\r\n"));
        assertTrue(csv.contains("\r\nmarginRatio,0.0109090909091\r\n"), csv);
        assertTrue(csv.contains("symbol,premium,fundingApr,fundingApy,basis,basisRate,annualizedBasis\r\n"));
        assertTrue(csv.contains("\r\nETHUSDT,0.000667111"), csv);
        assertTrue(csv.contains(",0.219,0.2448,,,\r\n"), csv);
    }

    @Test
    void aDydxPositionsRowEndsWithItsFillablePrice() {
        String csv = ResultsCsv.toCsv(com.perprisk.engine.risk.RiskEngine.evaluate(
                Fixtures.dydxPortfolio(), false));
        String row = csv.split("\r\n", -1)[1];
        assertTrue(row.startsWith("btc,BTC-USD,LONG,CROSS,5000,"), row);
        String[] cells = row.split(",", -1);
        assertEquals(ResultsCsv.POSITION_COLUMNS.size(), cells.length);
        assertEquals(49_999, Double.parseDouble(cells[cells.length - 1]), 1e-6, row);
    }

    @Test
    void withAnInverseContractEachRowEndsWithItsMarginAsset() {
        var m = new com.perprisk.engine.Market("BTCUSD_PERP", com.perprisk.engine.Convention.BINANCE_COINM, 60_000,
                60_000, 0, com.perprisk.engine.tier.TierTable.single(125, 0.004), null, null, null,
                com.perprisk.engine.Contract.inverse(100, "BTC"));
        var pf = new com.perprisk.engine.Portfolio(new com.perprisk.engine.Account(0,
                com.perprisk.engine.PositionMode.ONE_WAY, java.util.Map.of("BTC", 1.0)), java.util.List.of(m),
                java.util.List.of(com.perprisk.engine.Position.cross("c", "BTCUSD_PERP", Side.LONG, 300, 58_000, 20)),
                720);
        String[] lines = ResultsCsv.toCsv(com.perprisk.engine.risk.RiskEngine.evaluate(pf)).split("\r\n", -1);
        assertTrue(lines[0].endsWith(",fillablePrice,marginAsset"), lines[0]);
        assertTrue(lines[1].startsWith("c,BTCUSD_PERP,LONG,CROSS,0.5,"), lines[1]);
        assertTrue(lines[1].endsWith(",BTC"), lines[1]);
    }

    @Test
    void numbersArePlainAndNegativeNumbersAreNotQuoted() {
        assertEquals("-270", ResultsCsv.number(-270.0));
        assertEquals("0.00000123", ResultsCsv.number(1.23e-6));
        assertEquals("12345678901", ResultsCsv.number(12_345_678_901.0));
        // issue 9 §2 defect 11: binary noise is rounded away at export (12 significant digits)
        assertEquals("-1.7", ResultsCsv.number(-1.7000000000000002));
        assertEquals("0.3", ResultsCsv.number(0.1 + 0.2));
        assertEquals("54271.3567839", ResultsCsv.number(54_271.356783919597));
        assertEquals("", ResultsCsv.number(null));
        assertEquals("", ResultsCsv.number(Double.NaN));
        assertEquals("", ResultsCsv.number(Double.POSITIVE_INFINITY));
        assertEquals("0", ResultsCsv.number(-0.0));
        String csv = ResultsCsv.toCsv(Fixtures.handRisk());
        assertTrue(csv.contains(",-3,-270,\r\n"), csv); // no fillable price off dYdX: an empty cell
        assertFalse(csv.contains("NaN") || csv.contains("Infinity") || csv.contains("E-") || csv.contains("E+"));
    }

    @Test
    void textCellsThatCouldRunAsFormulasGetAQuote() {
        assertEquals("'=SUM(A1)", ResultsCsv.text("=SUM(A1)"));
        assertEquals("'+1", ResultsCsv.text("+1"));
        assertEquals("'-1", ResultsCsv.text("-1"));
        assertEquals("'@cmd", ResultsCsv.text("@cmd"));
        assertEquals("'\tx", ResultsCsv.text("\tx"));
        assertEquals("\"'\rx\"", ResultsCsv.text("\rx"));
        assertEquals("\"a,b\"", ResultsCsv.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ResultsCsv.text("say \"hi\""));
        assertEquals("BTCUSDT", ResultsCsv.text("BTCUSDT"));

        PositionRisk evil = new PositionRisk("=cmd|' /C calc'!A0", "@SYM", Side.SHORT, MarginMode.CROSS, 1, -1, 0, 0,
                0, 0, 1, 0, null, null, null, null, null, 0, 0, 0, Map.of());
        PortfolioRisk risk = new PortfolioRisk(new AccountRisk(0, 0, 0, 0, 0, null, 0), List.of(evil), List.of(),
                Map.of(), List.of("-warning"));
        String csv = ResultsCsv.toCsv(risk);
        assertTrue(csv.contains("\r\n'=cmd|' /C calc'!A0,'@SYM,SHORT,CROSS,1,-1,"), csv);
        assertTrue(csv.contains("\r\nmarginRatio,\r\n"), csv);
        assertTrue(csv.endsWith("warning\r\n'-warning\r\n"), csv);
        assertTrue(Fixtures.handRisk().warnings().get(0).startsWith("="));
        assertTrue(ResultsCsv.toCsv(Fixtures.handRisk()).contains("\"'=HYPERLINK(\"\"x\"\") tier warning\""));
    }
}
