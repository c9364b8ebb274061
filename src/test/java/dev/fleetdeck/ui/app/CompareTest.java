package dev.fleetdeck.ui.app;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.RecordingSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.recording.Recorder;
import dev.fleetdeck.service.recording.TimeMachine;
import dev.fleetdeck.support.SimFrames;
import dev.fleetdeck.ui.common.AlertActions;
import dev.fleetdeck.ui.common.Navigator;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.ViewContext;
import dev.fleetdeck.ui.theme.Stylesheets;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Compare with…" on the timeline: every overview tile says how it differs from the recorded moment before. */
@ExtendWith(ApplicationExtension.class)
class CompareTest {
    private static final Duration STEP = Duration.ofMinutes(10);
    private MainView view;
    private TimeMachine machine;
    private TimeTravel travel;
    private List<FleetFrame> frames;

    @Start
    void start(Stage stage) throws Exception {
        // Eight frames 10 minutes apart, recorded: the last one is "now", an hour before it is recorded too.
        frames = new SimFrames(6, STEP).frames(8, 0, 0);
        Path dir = Files.createTempDirectory("fleetdeck-compare");
        try (Recorder recorder = Recorder.start(RecordingSettings.in(dir).withResolution(Duration.ofSeconds(10)),
                Clock.fixed(SimFrames.START, ZoneOffset.UTC))) {
            dev.fleetdeck.support.RecorderFeed.writeEach(recorder, frames);
        }
        machine = new TimeMachine(dir, AlertSettings.defaults());
        Clock clock = Clock.fixed(frames.getLast().snapshot().takenAt(), ZoneOffset.UTC);
        view = new MainView(new ViewContext("compare test", clock, ZoneOffset.UTC, Offload.sameThread(),
                Navigator.NONE, AlertActions.NONE));
        travel = new TimeTravel(machine, view, clock, ZoneOffset.UTC, Optional.empty(), f -> { });
        Scene scene = new Scene(view.node(), 1600, 900);
        scene.getStylesheets().add(Stylesheets.dark());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        machine.close();
    }

    @Test
    void comparingWithAnHourBeforeShowsEveryTilesDifference(FxRobot robot) throws Exception {
        FleetFrame now = frames.getLast();
        FleetFrame hourBefore = frames.get(frames.size() - 7);
        robot.interact(() -> travel.live(now));
        robot.interact(() -> travel.bar().selectCompare("vs 1 h before"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            text = view.overview().tile("tile-hottest").getText();
            if (text.endsWith("vs 1 h before")) {
                break;
            }
            Thread.sleep(50);
        }
        double then = hourBefore.snapshot().totals().hottest().orElseThrow().value();
        double nowC = now.snapshot().totals().hottest().orElseThrow().value();
        String want = (Math.abs(nowC - then) < 0.5 ? "±" : nowC > then ? "+" : "−")
                + dev.fleetdeck.model.Units.number(Math.abs(nowC - then), 0) + " °C vs 1 h before";
        assertEquals(want, text, "the hottest GPU against the frame recorded an hour before");
        assertTrue(view.overview().tile("tile-free-gpus").getText().endsWith("GPUs vs 1 h before"));

        robot.interact(() -> travel.bar().selectCompare("compare: off"));
        assertTrue(!view.overview().tile("tile-hottest").getText().contains("vs 1 h before"), "off again");
    }

    @Test
    void aMovingCursorGetsLightFramesAndTheRestingOneGetsTheGpusPast(FxRobot robot) throws Exception {
        FleetFrame now = frames.getLast();
        robot.interact(() -> travel.live(now));
        java.time.Instant at = frames.get(5).snapshot().takenAt();
        robot.interact(() -> travel.bar().seekTo(at));
        var node = frames.get(5).snapshot().nodes().getFirst();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int points = 0;
        while (System.nanoTime() < deadline && points == 0) {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            FleetFrame shown = view.latestFrame();
            if (shown != null && shown.snapshot().takenAt().equals(at)) {
                points = shown.history().gpu(node.provider(), node.hostname(), node.gpus().getFirst().index(),
                        dev.fleetdeck.service.history.GpuMetric.TEMPERATURE_C, Duration.ofMinutes(15)).size();
            }
            Thread.sleep(50);
        }
        assertTrue(points > 0, "once the cursor rests the frame comes again with the GPUs' last minutes");
    }
}
