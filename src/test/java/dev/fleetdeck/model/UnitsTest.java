package dev.fleetdeck.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one number format: separators, units, the currency in front, absent as a dash. */
class UnitsTest {
    @Test
    void everyAmountHasSeparatorsAndItsUnit() {
        assertEquals("1,647 W", Units.watts(1647));
        assertEquals("9,870 W", Units.power(9870));
        assertEquals("12.3 kW", Units.power(12_340));
        assertEquals("1,130.6 kW", Units.kilowatts(1130.6));
        assertEquals("812 kW", Units.fleetPower(812));
        assertEquals("1.24 MW", Units.fleetPower(1240));
        assertEquals("$2.45", Units.price(2.45));
        assertEquals("$1,234.50", Units.price(1234.5));
        assertEquals("$0.00/h", Units.costPerHour(0));
        assertEquals("$1,222.49/h", Units.costPerHour(1222.49));
        assertEquals("$2.45/GPU-h", Units.pricePerGpuHour(2.45));
        assertEquals("30,000 MiB", Units.mebibytes(30_000));
        assertEquals("4,000 GPUs", Units.gpus(4000));
        assertEquals("1 GPU", Units.gpus(1));
        assertEquals("73 %", Units.percent(73.2, 0));
        assertEquals("84 °C", Units.celsius(84.4));
        assertEquals("3 h 5 min", Units.age(Duration.ofMinutes(185)));
    }

    @Test
    void absentIsADashNeverZero() {
        for (String s : new String[] {Units.watts(Double.NaN), Units.power(Double.NaN), Units.price(Double.NaN),
                Units.costPerHour(Double.NaN), Units.mebibytes(Double.NaN), Units.fleetPower(Double.NaN),
                Units.celsius(Double.NaN), Units.percent(Double.NaN, 1), Units.kilowatts(Double.NaN)}) {
            assertEquals(Units.ABSENT, s);
        }
    }
}
