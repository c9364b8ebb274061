package dev.fleetdeck.service.history;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FleetHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void recentTierKeepsEverySampleOfTheLastHour() {
        FleetHistory h = new FleetHistory();
        for (int i = 0; i <= 7200; i += 2) { // two hours, a sample every 2 s
            h.record(T0.plusSeconds(i), Map.of("power-kw", (double) i));
        }
        Instant now = T0.plusSeconds(7200);
        Series s = h.query("power-kw", Duration.ofHours(1), now);
        assertEquals(1801, s.size(), "every 2 s for an hour, both ends included");
        assertEquals(now.minus(Duration.ofHours(1)).toEpochMilli(), s.epochMillis()[0]);
        assertEquals(7200.0, s.values()[s.size() - 1]);
        Series last5 = h.query("power-kw", Duration.ofMinutes(5), now);
        assertEquals(151, last5.size());
    }

    @Test
    void samplesCloserThanASecondReplaceTheLastOne() {
        FleetHistory h = new FleetHistory();
        h.record(T0, Map.of("u", 1.0));
        h.record(T0.plusMillis(300), Map.of("u", 2.0));
        h.record(T0.plusMillis(1300), Map.of("u", 3.0));
        Series s = h.query("u", Duration.ofMinutes(1), T0.plusSeconds(2));
        assertEquals(2, s.size());
        assertEquals(2.0, s.values()[0]);
        assertEquals(3.0, s.values()[1]);
    }

    @Test
    void dayTierKeepsMeanMinAndMaxPerMinuteSoStockOutsShow() {
        FleetHistory h = new FleetHistory();
        for (int minute = 0; minute < 26 * 60; minute++) {
            for (int s = 0; s < 60; s += 10) {
                double free = minute == 600 && s == 30 ? 0 : 12; // one stock-out, 10 seconds long
                h.record(T0.plusSeconds(minute * 60L + s), Map.of("free:H100", free, "util", (double) s));
            }
        }
        Instant now = T0.plusSeconds(26 * 3600 - 1);
        Series day = h.query("free:H100", Duration.ofHours(24), now);
        assertEquals(FleetHistory.DAY_SLOTS, day.size());
        int at = (int) ((T0.plusSeconds(600 * 60).toEpochMilli() - day.epochMillis()[0]) / 60_000);
        assertEquals(0.0, day.min()[at], "the stock-out is kept as the minute's minimum");
        assertEquals(10.0, day.values()[at], 1e-9, "mean of 5 × 12 and one 0");
        assertEquals(12.0, day.max()[at]);
        assertEquals(25.0, h.query("util", Duration.ofHours(24), now).values()[5], 1e-9);
    }

    @Test
    void absentValuesStayAbsentAndUnknownSeriesAreEmpty() {
        FleetHistory h = new FleetHistory();
        Map<String, Double> sample = new HashMap<>();
        sample.put("temp", Double.NaN);
        h.record(T0, sample);
        h.record(T0.plusSeconds(2), Map.of("power", 5.0));
        Series temp = h.query("temp", Duration.ofMinutes(1), T0.plusSeconds(2));
        assertTrue(Double.isNaN(temp.values()[0]) && Double.isNaN(temp.values()[1]), "never 0 for absent");
        Series day = h.query("temp", Duration.ofHours(2), T0.plusSeconds(2));
        assertTrue(Double.isNaN(day.values()[day.size() - 1]));
        assertEquals(0, h.query("nothing", Duration.ofMinutes(1), T0).size());
    }

    @Test
    void memoryIsBoundedByTheSeriesCeiling() {
        FleetHistory h = new FleetHistory();
        for (int i = 0; i < 200; i++) {
            h.record(T0.plusSeconds(i), Map.of("series-" + i, 1.0));
        }
        assertEquals(FleetHistory.MAX_SERIES, h.keys().size());
        assertEquals(200 - FleetHistory.MAX_SERIES, h.droppedSeries());
        assertThat(h.memoryBytes()).isLessThan(5L << 20);
    }

    @Test
    void backfillGoesBeforeLiveSamplesAndLiveDataWins() {
        FleetHistory h = new FleetHistory();
        h.record(T0.plusSeconds(600), Map.of("power-kw", 5.0, "free:H100", 3.0));
        h.record(T0.plusSeconds(602), Map.of("power-kw", 6.0, "free:H100", 4.0));
        long[] times = new long[50];
        double[] power = new double[50];
        for (int i = 0; i < 50; i++) {
            times[i] = T0.plusSeconds(i * 15L).toEpochMilli();
            power[i] = i;
        }
        h.backfill(times, Map.of("power-kw", power));
        Series s = h.query("power-kw", Duration.ofHours(1), T0.plusSeconds(602));
        assertEquals(42, s.size(), "40 backfilled samples older than the first live one (0..585 s), then 2 live");
        assertEquals(0.0, s.values()[0]);
        assertEquals(39.0, s.values()[39]);
        assertEquals(5.0, s.values()[40]);
        assertEquals(6.0, s.values()[41]);
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.epochMillis()[i] > s.epochMillis()[i - 1], "time order kept");
        }
        Series free = h.query("free:H100", Duration.ofHours(1), T0.plusSeconds(602));
        assertTrue(Double.isNaN(free.values()[0]), "a series not backfilled is absent there");
        assertEquals(4.0, free.values()[41]);
        Series day = h.query("power-kw", Duration.ofHours(3), T0.plusSeconds(602));
        assertEquals(5.5, day.values()[day.size() - 10], 1e-9,
                "the minute buckets are filled too: minute 1 holds samples 4, 5, 6, 7");
    }
}
