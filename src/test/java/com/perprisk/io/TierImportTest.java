package com.perprisk.io;

import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TierImportTest {

    @Test
    void csvWithAllColumns() throws Exception {
        List<TierDoc> t = TierImport.fromCsv("""
                floor,cap,maxLeverage,mmr,maintenanceAmount
                0,50000,125,0.004,0
                50000,250000,100,0.5%,50
                # a comment
                
                250000,,50,0.01,1300
                """);
        assertEquals(3, t.size());
        assertEquals(new TierDoc(50_000.0, 250_000.0, 100.0, 0.005, 50.0), t.get(1));
        assertNull(t.get(2).cap());
        TierTable table = TierTable.resolve(Convention.BINANCE, WorkspaceMapper.tierSpecs(t));
        assertEquals(List.of(), table.issues());
    }

    @Test
    void csvOptionalColumnsAnyOrderQuotesAndCrlf() throws Exception {
        List<TierDoc> t = TierImport.fromCsv("\uFEFFMaxLeverage,\"floor\",cap\r\n40,0,150000000\r\n20,150000000,inf\r\n");
        assertEquals(List.of(new TierDoc(0.0, 150e6, 40.0, null, null), new TierDoc(150e6, null, 20.0, null, null)), t);
    }

    @Test
    void csvErrorsNameTheLine() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv(
                "floor,cap,maxLeverage,mmr\n0,50000,125,0.004\n50000,250000,x,0.005\n"));
        assertEquals("line 3: maxLeverage: expected a number, got \"x\"", e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv("floor,cap,leverage\n0,1,2\n"));
        assertTrue(e.getMessage().startsWith("line 1: unknown column \"leverage\""), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv("floor,cap\n0,1\n"));
        assertTrue(e.getMessage().contains("lacks the column maxLeverage"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv(
                "floor,cap,maxLeverage\n0,50,000,125\n"));
        assertTrue(e.getMessage().startsWith("line 2: has 4 cells"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv("floor,cap,maxLeverage\n,5,10\n"));
        assertEquals("line 2: floor: missing", e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv("floor,cap,maxLeverage\n0,NaN,10\n"));
        assertTrue(e.getMessage().startsWith("line 2: cap: expected a finite number"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv(""));
        assertTrue(e.getMessage().contains("empty"));
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv("floor,cap,maxLeverage\n"));
        assertTrue(e.getMessage().contains("no brackets"));
    }

    @Test
    void aQuotedCellWithACommaIsOneCell() throws Exception {
        List<TierDoc> t = TierImport.fromCsv("""
                floor,cap,maxLeverage,mmr,maintenanceAmount
                0,"50,000",125,0.4%,0
                "50,000","250,000",100,0.5%,"50"
                "250,000",,"50",1%,"1,300.00"
                """);
        assertEquals(List.of(new TierDoc(0.0, 50_000.0, 125.0, 0.004, 0.0),
                new TierDoc(50_000.0, 250_000.0, 100.0, 0.005, 50.0),
                new TierDoc(250_000.0, null, 50.0, 0.01, 1_300.0)), t);
        // doubled quotes inside a quoted cell, and a quoted header
        t = TierImport.fromCsv("\"floor\",\"cap\",\"maxLeverage\"\n0,\"\",10\n");
        assertNull(t.get(0).cap(), "an empty quoted cell is empty");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv(
                "floor,cap,\"max\"\"Leverage\"\n0,1,2\n"));
        assertTrue(e.getMessage().startsWith("line 1: unknown column \"max\\\"Leverage\""), e.getMessage());
    }

    @Test
    void semicolonSeparatorWithTheDecimalCommaItImplies() throws Exception {
        List<TierDoc> t = TierImport.fromCsv("""
                floor;cap;maxLeverage;mmr;maintenanceAmount
                0;50000;125;0,004;0
                50000;1.000.000;100;0,5 %;50
                1.000.000;;20;2,5%;"16.300,5"
                """);
        assertEquals(List.of(new TierDoc(0.0, 50_000.0, 125.0, 0.004, 0.0),
                new TierDoc(50_000.0, 1_000_000.0, 100.0, 0.005, 50.0),
                new TierDoc(1_000_000.0, null, 20.0, 0.025, 16_300.5)), t);
    }

    @Test
    void csvStructureErrorsNameTheLine() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv(
                "floor,cap,maxLeverage\n0,\"50,000,10\n"));
        assertTrue(e.getMessage().startsWith("line 2: ") && e.getMessage().contains("quote"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv(
                "floor,cap,maxLeverage\n0,\"50\n000\",10\n"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line 2: cap: expected a number, got \"50\\n000\""), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv(
                "floor;cap;maxLeverage\n0,1,2\n"));
        assertTrue(e.getMessage().startsWith("line 2: floor: expected a number"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv(
                "floor,cap,maxLeverage\n0,\"50\"x,10\n"));
        assertTrue(e.getMessage().startsWith("line 2: ") && e.getMessage().contains("after the closing quote"),
                e.getMessage());
        // a decimal comma needs the ; separator: with , it is two cells
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromCsv("floor,cap,maxLeverage,mmr\n0,5,10,0,5\n"));
        assertTrue(e.getMessage().startsWith("line 2: has 5 cells"), e.getMessage());
    }

    private static final String BRACKETS = """
            [{"symbol":"ETHUSDT","brackets":[{"bracket":1,"initialLeverage":100,"notionalCap":10000,"notionalFloor":0,
              "maintMarginRatio":0.005,"cum":0.0}]},
             {"symbol":"BTCUSDT","notionalCoef":1.5,"brackets":[
              {"bracket":2,"initialLeverage":100,"notionalCap":250000,"notionalFloor":50000,"maintMarginRatio":0.005,"cum":50.0},
              {"bracket":1,"initialLeverage":125,"notionalCap":50000,"notionalFloor":0,"maintMarginRatio":0.004,"cum":0.0}]}]
            """;

    @Test
    void binanceArrayFormPicksTheSymbolAndSortsBrackets() throws Exception {
        List<TierDoc> t = TierImport.fromBinanceLeverageBracket(BRACKETS, "BTCUSDT");
        assertEquals(List.of(new TierDoc(0.0, 50_000.0, 125.0, 0.004, 0.0),
                new TierDoc(50_000.0, 250_000.0, 100.0, 0.005, 50.0)), t);
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> TierImport.fromBinanceLeverageBracket(BRACKETS, "SOLUSDT"));
        assertTrue(e.getMessage().contains("no brackets for SOLUSDT") && e.getMessage().contains("ETHUSDT, BTCUSDT"),
                e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromBinanceLeverageBracket(BRACKETS, null));
        assertTrue(e.getMessage().contains("say which one"), e.getMessage());
    }

    @Test
    void binanceSingleObjectAndTextNumbers() throws Exception {
        String one = """
                {"symbol":"BTCUSDT","brackets":[{"bracket":"1","initialLeverage":"125","notionalCap":"50000",
                 "notionalFloor":"0","maintMarginRatio":"0.004","cum":"0.0"}]}
                """;
        assertEquals(List.of(new TierDoc(0.0, 50_000.0, 125.0, 0.004, 0.0)),
                TierImport.fromBinanceLeverageBracket(one, "BTCUSDT"));
        assertEquals(1, TierImport.fromBinanceLeverageBracket(one, null).size());
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> TierImport.fromBinanceLeverageBracket(one, "ETHUSDT"));
        assertTrue(e.getMessage().contains("for BTCUSDT, not ETHUSDT"), e.getMessage());
    }

    @Test
    void binanceErrorsNameThePath() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> TierImport.fromBinanceLeverageBracket(
                "[{\"symbol\":\"BTCUSDT\",\"brackets\":[{\"initialLeverage\":125,\"notionalCap\":50000,"
                        + "\"notionalFloor\":0}]}]", "BTCUSDT"));
        assertTrue(e.getMessage().contains("[0].brackets[0].maintMarginRatio: missing"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromBinanceLeverageBracket(
                "[{\"symbol\":\"BTCUSDT\",\"brackets\":[{\"notionalFloor\":0,\"notionalCap\":1,\"initialLeverage\":\"lots\"}]}]", "BTCUSDT"));
        assertTrue(e.getMessage().contains("[0].brackets[0].initialLeverage: expected a number, got \"lots\""),
                e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromBinanceLeverageBracket("{\"code\":-1", null));
        assertEquals(WorkspaceException.Kind.SYNTAX, e.kind());
        e = assertThrows(WorkspaceException.class, () -> TierImport.fromBinanceLeverageBracket("42", null));
        assertTrue(e.getMessage().contains("leverageBracket"), e.getMessage());
    }
}
