package dev.fleetdeck.ui.app;

import dev.fleetdeck.config.MomentText;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.service.recording.TimeMachine;
import dev.fleetdeck.ui.common.FrameBus;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Joins the timeline to the window: a cursor in the past asks the time machine for that frame (off the FX thread)
 * and every view shows it; Live shows the newest live frame again; live frames keep coming meanwhile and wait. The
 * recording's span and marks are read again every 30 s. FX thread.
 */
final class TimeTravel {
    private final TimeMachine machine;
    private final TimelineBar bar;
    private final MainView view;
    private final FrameBus past;
    private final Timeline refresh;
    private FleetFrame latestLive;
    private final javafx.animation.PauseTransition settle =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(300));
    private java.time.Instant restingAt;
    private final FrameBus compared;
    private java.util.Optional<Duration> compareBy = java.util.Optional.empty();
    private java.time.Instant shownAt;
    private java.time.Instant lastCompareAt;
    private String compareLabel = "";
    private String lastError;

    /**
     * @param replay for a replay (no live frames): where it starts and how it plays
     * @param alsoPast hears every past frame shown (the showroom, when it is open)
     */
    TimeTravel(TimeMachine machine, MainView view, Clock clock, ZoneId zone, java.util.Optional<ReplayPlan> replay,
               java.util.function.Consumer<FleetFrame> alsoPast) {
        this.machine = machine;
        this.view = view;
        this.bar = new TimelineBar(clock, zone);
        boolean hasPresent = replay.isEmpty();
        bar.setLiveAvailable(hasPresent);
        replay.ifPresent(r -> bar.setLoop(r.loop()));
        past = new FrameBus(frame -> {
            if (!bar.isLive()) {
                view.showPast(frame);
                alsoPast.accept(frame);
                shown(frame);
            }
        });
        // While the cursor moves, frames come without the GPUs' last minutes (several a second); once it rests for
        // 300 ms the same moment comes again with them, for the sparklines and the node detail's charts.
        settle.setOnFinished(e -> {
            if (restingAt != null) {
                machine.seek(restingAt, past, error -> Platform.runLater(() -> failed(error)), true);
            }
        });
        bar.setOnSeek(at -> {
            restingAt = at;
            machine.seek(at, past, error -> Platform.runLater(() -> failed(error)), false);
            settle.playFromStart();
        });
        bar.setOnLive(() -> view.showLive(latestLive));
        compared = new FrameBus(frame -> {
            if (compareBy.isPresent()) { // an answer still on its way when comparing was turned off is dropped
                view.overview().compareWith(frame, compareLabel);
            }
        });
        bar.setOnCompare(by -> {
            compareBy = by;
            lastCompareAt = null;
            if (by.isEmpty()) {
                view.overview().compareWith(null, "");
            } else if (shownAt != null) {
                requestComparison(shownAt);
            }
        });
        view.setTimeline(bar.node());
        refresh = new Timeline(new KeyFrame(javafx.util.Duration.seconds(30), e -> readOverview()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        if (replay.isPresent()) {
            startReplay(replay.get());
        } else {
            readOverview();
        }
    }

    private void startReplay(ReplayPlan plan) {
        machine.refreshOverview(o -> Platform.runLater(() -> {
            bar.setRecording(o.span().first(), o.span().last(), o.events(), Duration.ofSeconds(10));
            bar.showAll();
            bar.seekTo(plan.from().orElse(o.span().first()));
            if (plan.speed() > 0) {
                bar.play(plan.speed());
            }
        }));
    }

    /** A live frame (FX thread): shown now when the window is live, else kept for Live. */
    void live(FleetFrame frame) {
        latestLive = frame;
        if (bar.isLive()) {
            view.show(frame);
            shown(frame);
        }
    }

    /** A frame went on screen: the comparison follows it (asked again once the moment moved 10 s or more). */
    private void shown(FleetFrame frame) {
        shownAt = frame.snapshot().takenAt();
        if (compareBy.isPresent() && (lastCompareAt == null
                || Duration.between(lastCompareAt, shownAt).abs().compareTo(Duration.ofSeconds(10)) >= 0)) {
            requestComparison(shownAt);
        }
    }

    private void requestComparison(java.time.Instant at) {
        Duration by = compareBy.orElseThrow();
        lastCompareAt = at;
        compareLabel = "vs " + dev.fleetdeck.model.Units.age(by) + " before";
        machine.compare(at.minus(by), compared, error -> Platform.runLater(() -> {
            view.overview().compareWith(null, ""); // nothing recorded then: no comparison, and the banner says why
            failed(error);
        }));
    }

    boolean isLive() {
        return bar.isLive();
    }

    TimelineBar bar() {
        return bar;
    }

    private void readOverview() {
        machine.refreshOverview(o -> Platform.runLater(() ->
                bar.setRecording(o.span().first(), o.span().last(), o.events(), Duration.ofSeconds(10))));
    }

    private void failed(String error) {
        if (!error.equals(lastError)) {
            lastError = error;
            view.banner().recording(java.util.Optional.of(error));
        }
    }

    /** {@code [} {@code ]} Space {@code L} on the timeline; Ctrl+G asks for a moment to go to. */
    void installKeys(Scene scene) {
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (!(e.getTarget() instanceof TextInputControl)) {
                bar.handle(e);
            }
        });
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.G) {
                e.consume();
                goTo();
            }
        });
    }

    private void goTo() {
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Go to time");
        ask.setHeaderText("Show the fleet as it was at: " + MomentText.FORMS);
        ask.showAndWait().ifPresent(text -> MomentText.parse(text, Clock.systemUTC(), ZoneId.systemDefault())
                .ifPresentOrElse(bar::seekTo, () -> failed("'" + text + "' is not a moment: " + MomentText.FORMS)));
    }

    void close() {
        refresh.stop();
    }
}
