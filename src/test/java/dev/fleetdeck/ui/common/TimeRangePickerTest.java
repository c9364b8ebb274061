package dev.fleetdeck.ui.common;

import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.support.TestFleet;
import dev.fleetdeck.support.TestFrames;
import dev.fleetdeck.support.TestSnapshots;
import dev.fleetdeck.ui.common.chart.TimeChart;
import dev.fleetdeck.ui.render.HeadlessPlatform;
import dev.fleetdeck.ui.render.ViewRenderer;
import dev.fleetdeck.ui.theme.Theme;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The time-range picker: presets and typed spans, applied to every chart of the view. */
class TimeRangePickerTest {
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void typedSpansReadAsPeopleWriteThem() {
        assertEquals(Optional.of(Duration.ofMinutes(30)), TimeRangePicker.parse("30m", DAY));
        assertEquals(Optional.of(Duration.ofMinutes(30)), TimeRangePicker.parse(" 30 min ", DAY));
        assertEquals(Optional.of(Duration.ofMinutes(45)), TimeRangePicker.parse("45", DAY), "minutes by default");
        assertEquals(Optional.of(Duration.ofHours(6)), TimeRangePicker.parse("6H", DAY));
        assertEquals(Optional.of(Duration.ofSeconds(90)), TimeRangePicker.parse("90s", DAY));
        assertEquals(Optional.of(DAY), TimeRangePicker.parse("1d", DAY));
        assertEquals(Optional.empty(), TimeRangePicker.parse("25h", DAY), "longer than the history");
        assertEquals(Optional.empty(), TimeRangePicker.parse("30s", DAY), "under a minute");
        assertEquals(Optional.empty(), TimeRangePicker.parse("soon", DAY));
        assertEquals(Optional.empty(), TimeRangePicker.parse("9999999h", DAY));
    }

    @Test
    void thePresetsAndACustomSpanApplyToTheOverviewsChartAndTheNodeDetails() throws Exception {
        HeadlessPlatform.start();
        FleetFrame frame = new TestFrames().next(TestSnapshots.reference(1, TestFleet.NOW));
        long[] spans = FxThread.call(() -> {
            ViewRenderer r = new ViewRenderer("overview", "test", 1920, 1080, null, 1, null, Theme.DARK);
            try {
                r.show(frame);
                r.lint();
                TimeChart power = (TimeChart) r.main().node().lookup("#tile-power-chart");
                long initial = power.spanMillis();
                ((ToggleButton) r.main().node().lookup("#overview-range-5min")).fire();
                long five = power.spanMillis();
                TextField custom = (TextField) r.main().node().lookup("#overview-range-custom");
                custom.setText("6h");
                custom.fireEvent(new javafx.event.ActionEvent());
                long six = power.spanMillis();
                custom.setText("3d");
                custom.fireEvent(new javafx.event.ActionEvent());
                long refused = power.spanMillis();
                r.main().openNode("alpha/a3", -1);
                r.lint();
                TimeChart temp = (TimeChart) r.main().node().lookup("#chart-temperature-c");
                long detail = temp.spanMillis();
                ((ToggleButton) r.main().node().lookup("#detail-window-1h")).fire();
                return new long[] {initial, five, six, refused, detail, temp.spanMillis()};
            } finally {
                r.close();
            }
        }, Duration.ofSeconds(60));
        assertEquals(Duration.ofHours(1).toMillis(), spans[0], "the overview starts on 1 h");
        assertEquals(Duration.ofMinutes(5).toMillis(), spans[1]);
        assertEquals(Duration.ofHours(6).toMillis(), spans[2], "a typed span");
        assertEquals(Duration.ofHours(6).toMillis(), spans[3], "an impossible span keeps the range");
        assertEquals(Duration.ofMinutes(5).toMillis(), spans[4], "the node detail starts on 5 min");
        assertEquals(Duration.ofHours(1).toMillis(), spans[5]);
    }
}
