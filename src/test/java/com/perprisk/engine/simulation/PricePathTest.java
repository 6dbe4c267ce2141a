package com.perprisk.engine.simulation;

import com.perprisk.io.PricePathCsv;

import com.perprisk.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PricePathTest {

    @Test
    void gbmFromASeedIsReproducible() {
        Map<String, Double> start = new LinkedHashMap<>();
        start.put("BTCUSDT", 60_000.0);
        start.put("ETHUSDT", 3_000.0);
        var spec = new PricePath.GbmSpec(0.8, 0, 1, 500, 7, 0.5);
        PricePath a = PricePath.gbm(start, spec);
        assertEquals(a, PricePath.gbm(start, spec));
        assertNotEquals(a, PricePath.gbm(start, new PricePath.GbmSpec(0.8, 0, 1, 500, 8, 0.5)));
        assertEquals(501, a.points());
        assertEquals(60_000, a.mark("BTCUSDT", 0));
        assertEquals(500, a.timeHours(500));
        for (int k = 0; k < a.points(); k++) {
            assertTrue(a.mark("ETHUSDT", k) > 0);
        }
    }

    @Test
    void gbmLogReturnsHaveTheGivenVolatility() {
        var p = PricePath.gbm(Map.of("X", 100.0), new PricePath.GbmSpec(0.5, 0, 1, 50_000, 3, 0));
        double sum = 0;
        double sq = 0;
        int n = p.points() - 1;
        for (int k = 1; k <= n; k++) {
            double r = Math.log(p.mark("X", k) / p.mark("X", k - 1));
            sum += r;
            sq += r * r;
        }
        double var = sq / n - (sum / n) * (sum / n);
        // annualized σ = √(var × 8760)
        assertEquals(0.5, Math.sqrt(var * 8760), 0.01);
    }

    @Test
    void csvWithHeaderIsoTimesCarryForwardAndFunding() {
        String csv = """
                timestamp,symbol,mark,index,fundingRate
                2024-01-01T00:00:00Z,BTCUSDT,60000,59990,
                2024-01-01T00:00:00Z,ETHUSDT,3000
                # a comment
                2024-01-01T01:00:00Z,BTCUSDT,59000,,0.0002

                2024-01-01T02:30:00Z,ETHUSDT,2900
                """;
        PricePath p = PricePathCsv.parse(csv);
        assertEquals(3, p.points());
        assertEquals(2.5, p.timeHours(2), 1e-12);
        assertEquals(59_000, p.mark("BTCUSDT", 2));
        assertEquals(3_000, p.mark("ETHUSDT", 1));
        assertEquals(59_990, p.index("BTCUSDT", 0));
        assertEquals(0.0002, p.fundingRate("BTCUSDT", 1));
        assertTrue(Double.isNaN(p.fundingRate("BTCUSDT", 2)));
        // epoch seconds and milliseconds
        PricePath e = PricePathCsv.parse("1700000000,X,1\n1700003600,X,2\n");
        assertEquals(1.0, e.timeHours(1), 1e-12);
        PricePath ms = PricePathCsv.parse("1700000000000,X,1\n1700007200000,X,2\n");
        assertEquals(2.0, ms.timeHours(1), 1e-12);
    }

    @Test
    void csvErrorsNameTheirLines() {
        String csv = """
                timestamp,symbol,mark
                2024-01-01T00:00:00Z,BTCUSDT,60000
                2024-01-01T01:00:00Z,BTCUSDT,abc
                yesterday,BTCUSDT,1
                2024-01-01T02:00:00Z,,1
                2024-01-01T03:00:00Z,ETHUSDT,3000
                2024-01-01T03:00:00Z,BTCUSDT,1,2,3,4
                2024-01-01T00:00:00Z,BTCUSDT,-5
                """;
        var ex = assertThrows(PricePathCsv.CsvException.class, () -> PricePathCsv.parse(csv));
        var lines = ex.errors().stream().map(PricePathCsv.LineError::line).toList();
        assertTrue(lines.containsAll(java.util.List.of(3, 4, 5, 6, 7, 8)), ex.errors().toString());
        assertTrue(ex.getMessage().startsWith("line 3: mark \"abc\" is not a number"), ex.getMessage());
        assertTrue(ex.errors().stream().anyMatch(e -> e.line() == 6 && e.message().contains("first time")));
        assertThrows(EngineException.class, () -> PricePathCsv.parse(""));
        var dup = assertThrows(PricePathCsv.CsvException.class,
                () -> PricePathCsv.parse("1,X,1\n1,X,2\n"));
        assertEquals(2, dup.errors().get(0).line());
    }
}
