package dev.fleetdeck.provider.prom;

import dev.fleetdeck.provider.prom.dcgm.DcgmSeries;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The series names FleetDeck reads are dcgm-exporter's own (checked against its counter lists in the fixtures). */
class DcgmSeriesTest {
    /** DCGM fields we read that dcgm-exporter's shipped lists leave out (users enable them in a custom list). */
    private static final Set<String> OUTSIDE_DEFAULT_LISTS = Set.of("DCGM_FI_DEV_POWER_MGMT_LIMIT", "DCGM_FI_DEV_FB_TOTAL",
            "DCGM_FI_DEV_ENFORCED_POWER_LIMIT", "DCGM_FI_DEV_ROW_REMAP_PENDING", "DCGM_FI_DEV_CLOCK_THROTTLE_REASONS",
            "DCGM_FI_DEV_CLOCKS_EVENT_REASONS");

    @Test
    void everyNameIsInTheExportersCounterListsOrKnownToBeOutsideThem() throws Exception {
        Set<String> listed = new HashSet<>();
        for (String csv : List.of("default-counters.csv", "dcp-metrics-included.csv", "1.x-compatibility-metrics.csv")) {
            String text = new String(ExpositionParserTest.resource("/fixtures/dcgm-exporter/" + csv),
                    StandardCharsets.UTF_8);
            // Enabled lines, and the commented-out ones the lists offer for users to switch on.
            text.lines().map(l -> l.startsWith("# DCGM") ? l.substring(2) : l).filter(l -> l.startsWith("DCGM"))
                    .map(l -> l.split(",")[0].strip()).forEach(listed::add);
        }
        assertThat(listed).hasSizeGreaterThan(20);
        for (DcgmSeries s : DcgmSeries.values()) {
            assertThat(listed.contains(s.metricName()) || OUTSIDE_DEFAULT_LISTS.contains(s.metricName()))
                    .as(s.metricName()).isTrue();
        }
        assertThat(Arrays.stream(DcgmSeries.values()).map(DcgmSeries::metricName).filter(listed::contains).count())
                .isGreaterThanOrEqualTo(15);
    }
}
