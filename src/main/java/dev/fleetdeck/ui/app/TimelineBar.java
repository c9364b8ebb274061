package dev.fleetdeck.ui.app;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.events.FleetEvent;
import dev.fleetdeck.ui.theme.Palette;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The strip under the views for travelling in time: a track from the first recorded moment to now with a mark for
 * every XID, node state change and source failure, a cursor to drag, Live, play at 1× to 3600×, and what moment is
 * on screen — in plain words and the warning colour while it is not now. Keys (see {@link #handle}): {@code [}
 * {@code ]} step, Space play or pause, {@code L} live. FX thread.
 */
public final class TimelineBar {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ENGLISH);
    private static final List<String> SPEEDS = List.of("1×", "10×", "60×", "600×", "3600×");
    private static final List<String> WINDOWS = List.of("5 min", "1 h", "24 h", "7 d", "all");
    private static final List<String> COMPARE = List.of("compare: off", "vs 1 h before", "vs 1 d before",
            "vs 1 week before");
    private static final Duration TICK = Duration.ofMillis(250);

    private final HBox root = new HBox(8);
    private final Button live = new Button("● Live");
    private final Button play = new Button("▶");
    private final ChoiceBox<String> speed = new ChoiceBox<>();
    private final ChoiceBox<String> window = new ChoiceBox<>();
    private final ChoiceBox<String> compare = new ChoiceBox<>();
    private Consumer<Optional<Duration>> onCompare = c -> { };
    private final Canvas track = new Canvas();
    private final Label where = new Label("live");
    private final Timeline player = new Timeline();
    private final Clock clock;
    private final ZoneId zone;
    private Consumer<Instant> onSeek = t -> { };
    private Runnable onLive = () -> { };
    private Instant first;
    private Instant last;
    private Instant cursor; // null: live
    private List<FleetEvent> events = List.of();
    private boolean liveAvailable = true;
    private boolean loop;
    private Duration step = Duration.ofSeconds(10);

    public TimelineBar(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        root.setId("timeline");
        root.getStyleClass().add("timeline-bar");
        root.setAlignment(Pos.CENTER_LEFT);
        live.setId("timeline-live");
        live.setTooltip(new Tooltip("Back to now · L"));
        live.setOnAction(e -> goLive());
        play.setId("timeline-play");
        play.setTooltip(new Tooltip("Play the recording from the cursor · Space"));
        play.setOnAction(e -> togglePlay());
        speed.getItems().setAll(SPEEDS);
        speed.setValue("60×");
        speed.setId("timeline-speed");
        speed.setTooltip(new Tooltip("Playback speed"));
        window.getItems().setAll(WINDOWS);
        window.setValue("24 h");
        window.setId("timeline-window");
        window.setTooltip(new Tooltip("How much of the recording the track shows"));
        window.setOnAction(e -> draw());
        compare.getItems().setAll(COMPARE);
        compare.setValue(COMPARE.getFirst());
        compare.setId("timeline-compare");
        compare.setTooltip(new Tooltip("Compare every overview tile with another moment"));
        compare.setOnAction(e -> onCompare.accept(compareBy()));
        for (var c : List.of(live, play, speed, window, compare)) {
            c.setFocusTraversable(false);
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        where.setId("timeline-where");
        where.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Pane holder = new Pane(track);
        holder.getStyleClass().add("timeline-track");
        holder.setMinWidth(120);
        holder.setPrefHeight(22);
        track.widthProperty().bind(holder.widthProperty());
        track.heightProperty().bind(holder.heightProperty());
        track.widthProperty().addListener(o -> draw());
        track.heightProperty().addListener(o -> draw());
        track.setOnMousePressed(e -> seekTo(timeAt(e.getX())));
        track.setOnMouseDragged(e -> seekTo(timeAt(e.getX())));
        HBox.setHgrow(holder, Priority.ALWAYS);
        root.getChildren().addAll(live, play, speed, window, compare, holder, where);
        player.getKeyFrames().add(new KeyFrame(javafx.util.Duration.millis(TICK.toMillis()), e -> advance()));
        player.setCycleCount(Timeline.INDEFINITE);
        showWhere();
    }

    public HBox node() {
        return root;
    }

    /** What a new cursor position asks for (the frame then). */
    public void setOnSeek(Consumer<Instant> action) {
        onSeek = action;
    }

    /** What choosing a comparison does: the offset to the other moment, or empty for none. */
    public void setOnCompare(Consumer<Optional<Duration>> action) {
        onCompare = action;
    }

    /** The comparison chosen: how far before the moment on screen, or empty. */
    public Optional<Duration> compareBy() {
        return switch (compare.getValue()) {
            case "vs 1 h before" -> Optional.of(Duration.ofHours(1));
            case "vs 1 d before" -> Optional.of(Duration.ofDays(1));
            case "vs 1 week before" -> Optional.of(Duration.ofDays(7));
            default -> Optional.empty();
        };
    }

    /** Chooses a comparison by its item text (tests, keyboard). */
    public void selectCompare(String item) {
        compare.setValue(item);
        onCompare.accept(compareBy());
    }

    /** What Live does (show the newest frame again). */
    public void setOnLive(Runnable action) {
        onLive = action;
    }

    /** A replay has no present: Live is off and the cursor stays in the recording. */
    public void setLiveAvailable(boolean available) {
        liveAvailable = available;
        live.setDisable(!available);
    }

    /** A replay that loops: playing past the recording's end goes on from its start (a showroom's day on repeat). */
    public void setLoop(boolean on) {
        loop = on;
    }

    /** The track shows the whole recording (a replay's default). */
    public void showAll() {
        window.setValue("all");
    }

    /** Plays from the cursor at {@code times} × (the nearest offered speed at or below it). */
    public void play(int times) {
        String chosen = SPEEDS.getFirst();
        for (String s : SPEEDS) {
            if (Integer.parseInt(s.replace("×", "")) <= times) {
                chosen = s;
            }
        }
        speed.setValue(chosen);
        if (player.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            togglePlay();
        }
    }

    /** The recording's span and its events; the track is drawn again. */
    public void setRecording(Instant firstMoment, Instant lastMoment, List<FleetEvent> recorded, Duration resolution) {
        first = firstMoment;
        last = lastMoment;
        events = List.copyOf(recorded);
        step = resolution;
        draw();
    }

    /** Whether the window shows now (no cursor in the past). */
    public boolean isLive() {
        return cursor == null;
    }

    /** The moment on screen while not live. */
    public Instant cursor() {
        return cursor;
    }

    /** Puts the cursor at {@code at} (clamped to the recording) and asks for that frame. */
    public void seekTo(Instant at) {
        if (first == null) {
            return;
        }
        Instant end = liveAvailable ? clock.instant() : last;
        Instant t = at.isBefore(first) ? first : at.isAfter(end) ? end : at; // a loop's step past the end: the end
        if (liveAvailable && !t.isBefore(last)) {
            goLive();
            return;
        }
        cursor = t;
        showWhere();
        draw();
        onSeek.accept(t);
    }

    public void goLive() {
        if (!liveAvailable) {
            return;
        }
        player.stop();
        play.setText("▶");
        cursor = null;
        showWhere();
        draw();
        onLive.run();
    }

    private void togglePlay() {
        if (player.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            player.stop();
            play.setText("▶");
        } else if (first != null) {
            if (cursor == null) {
                seekTo(clock.instant().minus(window()));
            }
            player.play();
            play.setText("❚❚");
        }
    }

    private void advance() {
        if (cursor == null) {
            player.stop();
            play.setText("▶");
            return;
        }
        int times = Integer.parseInt(speed.getValue().replace("×", ""));
        Instant next = cursor.plus(TICK.multipliedBy(times));
        if (!liveAvailable && loop && cursor.equals(last)) {
            next = first;
        } else if (!liveAvailable && !loop && !next.isBefore(last)) {
            player.stop();
            play.setText("▶");
            next = last;
        }
        seekTo(next);
    }

    /** Keys of the timeline; true when the key was one. */
    public boolean handle(javafx.scene.input.KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || first == null) {
            return false;
        }
        String c = e.getEventType() == javafx.scene.input.KeyEvent.KEY_TYPED ? e.getCharacter() : e.getText();
        Instant at = cursor != null ? cursor : last;
        switch (c) {
            case "[" -> seekTo(at.minus(step));
            case "]" -> seekTo(at.plus(step));
            case " " -> togglePlay();
            case "l", "L" -> goLive();
            default -> {
                return false;
            }
        }
        e.consume();
        return true;
    }

    private Duration window() {
        return switch (window.getValue()) {
            case "5 min" -> Duration.ofMinutes(5);
            case "1 h" -> Duration.ofHours(1);
            case "7 d" -> Duration.ofDays(7);
            case "all" -> first == null ? Duration.ofDays(1) : Duration.between(first, end()).plusSeconds(1);
            default -> Duration.ofHours(24);
        };
    }

    private Instant end() {
        return liveAvailable ? clock.instant() : last == null ? clock.instant() : last;
    }

    private Instant from() {
        Instant f = end().minus(window());
        return first != null && first.isAfter(f) ? first : f;
    }

    private Instant timeAt(double x) {
        Instant from = from();
        long span = Math.max(1, Duration.between(from, end()).toMillis());
        return from.plusMillis(Math.round(Math.max(0, Math.min(1, x / Math.max(1, track.getWidth()))) * span));
    }

    private double xOf(Instant t, Instant from, long spanMs) {
        return Duration.between(from, t).toMillis() / (double) spanMs * track.getWidth();
    }

    private void draw() {
        GraphicsContext g = track.getGraphicsContext2D();
        double w = track.getWidth();
        double h = track.getHeight();
        g.clearRect(0, 0, w, h);
        if (first == null || w <= 0) {
            return;
        }
        Instant from = from();
        long span = Math.max(1, Duration.between(from, end()).toMillis());
        g.setFill(Palette.theme().text().deriveColor(0, 1, 1, 0.12));
        double x0 = Math.max(0, xOf(first, from, span));
        g.fillRect(x0, h * 0.35, Math.max(0, Math.min(w, xOf(last, from, span)) - x0), h * 0.3);
        for (FleetEvent ev : events) {
            if (ev.at().isBefore(from)) {
                continue;
            }
            double x = Math.round(xOf(ev.at(), from, span)) + 0.5;
            g.setStroke(ev.severity() == Health.OK ? Palette.theme().textMuted() : Palette.of(ev.severity()));
            g.setLineWidth(1);
            g.strokeLine(x, h * 0.2, x, h * 0.8);
        }
        double cx = cursor == null ? w - 1 : xOf(cursor, from, span);
        g.setStroke(cursor == null ? Palette.theme().accent() : Palette.theme().of(Health.WARN));
        g.setLineWidth(2);
        g.strokeLine(cx, 0, cx, h);
    }

    private void showWhere() {
        root.getStyleClass().remove("timeline-past");
        if (cursor == null) {
            where.setText(liveAvailable ? "● live" : "");
            return;
        }
        root.getStyleClass().add("timeline-past");
        Duration age = Duration.between(cursor, clock.instant());
        where.setText("PAST · " + WHEN.format(cursor.atZone(zone)) + " · " + Units.age(age.isNegative()
                ? Duration.ZERO : age) + " ago");
    }

    /** The text that says which moment is on screen (tests). */
    public String whereText() {
        return where.getText();
    }
}
