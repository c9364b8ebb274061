package dev.fleetdeck.service.health;

import dev.fleetdeck.model.Gpu;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.HealthReason;
import dev.fleetdeck.model.ThrottleReason;
import dev.fleetdeck.support.TestFleet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthRulesTest {
    private final HealthRules rules = HealthRules.defaults();

    private static Gpu with(double temp, double dbe, int xid, Set<ThrottleReason> throttle) {
        Gpu g = TestFleet.gpu(3, "H100", 90, temp, 650);
        return new Gpu(g.index(), g.uuid(), g.model(), g.utilizationPct(), g.memoryUsedMiB(), g.memoryTotalMiB(),
                g.temperatureC(), 80, g.powerW(), g.powerLimitW(), g.smClockMHz(), 0, dbe, xid, throttle, "",
                Health.UNKNOWN, List.of());
    }

    @Test
    void coolGpuIsOk() {
        Gpu g = rules.evaluate(with(70, 0, 0, Set.of()));
        assertEquals(Health.OK, g.health());
        assertEquals(List.of(), g.healthReasons());
    }

    @Test
    void temperatureThresholds() {
        assertEquals(Health.WARN, rules.evaluate(with(86, 0, 0, Set.of())).health());
        Gpu hot = rules.evaluate(with(93, 0, 0, Set.of()));
        assertEquals(Health.CRIT, hot.health());
        assertEquals("GPU 3 at 93 °C (limit 92 °C)", hot.healthReasons().getFirst().message());
    }

    @Test
    void seriousXidIsCriticalOthersWarn() {
        for (int xid : new int[] {48, 62, 64, 74, 79, 95, 119, 120}) {
            assertEquals(Health.CRIT, rules.evaluate(with(60, 0, xid, Set.of())).health(), "XID " + xid);
        }
        assertEquals(Health.WARN, rules.evaluate(with(60, 0, 13, Set.of())).health());
    }

    @Test
    void uncorrectableEccIsCriticalAndThermalThrottleWarns() {
        Gpu ecc = rules.evaluate(with(60, 2, 0, Set.of()));
        assertEquals(Health.CRIT, ecc.health());
        assertTrue(ecc.healthReasons().stream().map(HealthReason::code).anyMatch("ecc-dbe"::equals));
        assertEquals(Health.WARN, rules.evaluate(with(60, 0, 0, Set.of(ThrottleReason.HW_THERMAL_SLOWDOWN))).health());
        assertEquals(Health.OK, rules.evaluate(with(60, 0, 0, Set.of(ThrottleReason.SW_POWER_CAP))).health(),
                "a power cap at full load is normal");
    }
}
