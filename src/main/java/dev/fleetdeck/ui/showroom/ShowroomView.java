package dev.fleetdeck.ui.showroom;

import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.model.Units;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.ViewId;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The showroom: full-screen pages for customers, rotating on a timer (arrow keys too), readable from three metres
 * (all type scales with the window height), with the data's freshness always in view. It shows only
 * {@link ShowroomFigures} — aggregates — so no host, UUID, tenant or provider name can reach the screen.
 * Leaving takes {@link #EXIT} and, when configured, the PIN. FX thread only; {@link #dispose()} stops its timers.
 */
public final class ShowroomView implements FleetView {
    /** The key that leaves the showroom. */
    public static final KeyCombination EXIT = new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    /** Data older than this is not called live. */
    static final java.time.Duration LIVE_FOR = java.time.Duration.ofSeconds(30);

    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final StackPane pageHolder = new StackPane();
    private final Label pageTitle = Cards.label("sr-page-title");
    private final Label freshness = Cards.label("sr-freshness");
    private final Label dots = Cards.label("sr-dots");
    private final VBox pinBox = new VBox();
    private final PasswordField pinField = new PasswordField();
    private final Label pinMessage = Cards.label("sr-pin-message");
    private final List<ShowroomPage> pages = new ArrayList<>();
    private final ShowroomSettings settings;
    private final Clock clock;
    private final Runnable onExit;
    private final Timeline rotation;
    private final Timeline ticker;
    private ShowroomFigures figures;
    private int page;

    /**
     * @param settings branding and content
     * @param clock    the clock freshness is measured with
     * @param onExit   what leaving does (the app switches back or quits)
     */
    public ShowroomView(ShowroomSettings settings, Clock clock, Runnable onExit) {
        this.settings = settings;
        this.clock = clock;
        this.onExit = onExit;
        Color accent = Color.web(settings.accent());
        pages.add(new ModelsPage(settings.currency()));
        pages.add(new RegionsPage());
        pages.add(new LivePage(accent));
        pages.add(new DayPage(accent));
        frame.setTop(header());
        VBox center = new VBox(pageTitle, pageHolder);
        center.getStyleClass().add("sr-center");
        VBox.setVgrow(pageHolder, Priority.ALWAYS);
        frame.setCenter(center);
        frame.setBottom(footer());
        root.getChildren().addAll(frame, pinOverlay());
        root.getStyleClass().add("showroom");
        // All type is in em of the root's size, which follows the window height: the same page reads the same on a
        // 1080p monitor and a 4K TV.
        root.heightProperty().addListener((o, a, h) -> restyle(h.doubleValue()));
        restyle(1080);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        root.setFocusTraversable(true);
        rotation = new Timeline(new KeyFrame(Duration.millis(settings.rotateEvery().toMillis()), e -> next()));
        rotation.setCycleCount(Animation.INDEFINITE);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> refreshFreshness()));
        ticker.setCycleCount(Animation.INDEFINITE);
        show(0);
    }

    private void restyle(double height) {
        double size = Math.max(8, height / 42);
        root.setStyle("-fx-font-size: " + String.format(java.util.Locale.ROOT, "%.1f", size) + "px; -fd-accent: "
                + settings.accent() + ";");
    }

    private HBox header() {
        Label title = Cards.label("sr-title");
        title.setText(settings.title());
        HBox bar = new HBox();
        bar.getStyleClass().add("sr-header");
        bar.setAlignment(Pos.CENTER_LEFT);
        settings.logo().ifPresent(path -> {
            ImageView logo = new ImageView(new Image(Path.of(path).toUri().toString(), 0, 256, true, true));
            logo.setPreserveRatio(true);
            logo.fitHeightProperty().bind(title.heightProperty().multiply(1.1));
            bar.getChildren().add(logo);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(title, spacer, dots);
        return bar;
    }

    private HBox footer() {
        HBox bar = new HBox(freshness);
        bar.getStyleClass().add("sr-footer");
        bar.setAlignment(Pos.CENTER_LEFT);
        freshness.setId("sr-freshness");
        freshness.setText("waiting for the first data…");
        return bar;
    }

    private VBox pinOverlay() {
        Label prompt = Cards.label("sr-pin-prompt");
        prompt.setText("Enter the PIN to leave the showroom");
        pinField.setId("sr-pin");
        pinField.setMaxWidth(360);
        pinField.setOnAction(e -> checkPin());
        pinBox.getChildren().addAll(prompt, pinField, pinMessage);
        pinBox.getStyleClass().add("sr-pin-box");
        pinBox.setAlignment(Pos.CENTER);
        pinBox.setVisible(false);
        pinBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return pinBox;
    }

    @Override
    public StackPane node() {
        return root;
    }

    /** Starts rotating pages and refreshing the freshness line. */
    public void start() {
        rotation.play();
        ticker.play();
    }

    /** Stops the timers; the view can be dropped afterwards. */
    public void dispose() {
        rotation.stop();
        ticker.stop();
    }

    /** Lets the scene deliver keys here (arrow keys, exit). */
    public void install(Scene scene) {
        root.requestFocus();
    }

    @Override
    public ViewId id() {
        return ViewId.SHOWROOM;
    }

    /** Shows a frame: figures (aggregates only) from its snapshot, the day and hour trends from its past. */
    @Override
    public void show(FleetFrame frame) {
        figures = ShowroomFigures.of(frame.snapshot(), frame.history(), settings, clock.instant());
        for (ShowroomPage p : pages) {
            p.update(figures);
        }
        refreshFreshness();
    }

    /** Pages, for tests and the snapshot command. */
    public int pageCount() {
        return pages.size();
    }

    public int currentPage() {
        return page;
    }

    /** Shows page {@code i} (0-based, wraps). */
    public void show(int i) {
        page = Math.floorMod(i, pages.size());
        ShowroomPage p = pages.get(page);
        pageTitle.setText(p.title());
        pageHolder.getChildren().setAll(p.node());
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < pages.size(); k++) {
            d.append(k == page ? "●" : "○").append(k + 1 < pages.size() ? " " : "");
        }
        dots.setText(d.toString());
        dots.setAccessibleText("page " + (page + 1) + " of " + pages.size());
    }

    void next() {
        show(page + 1);
    }

    private void key(KeyEvent e) {
        if (pinBox.isVisible()) {
            if (e.getCode() == KeyCode.ESCAPE) {
                pinBox.setVisible(false);
                e.consume();
            }
            return;
        }
        if (EXIT.match(e)) {
            e.consume();
            requestExit();
        } else if (e.getCode() == KeyCode.RIGHT || e.getCode() == KeyCode.PAGE_DOWN) {
            e.consume();
            show(page + 1);
            rotation.playFromStart();
        } else if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.PAGE_UP) {
            e.consume();
            show(page - 1);
            rotation.playFromStart();
        }
    }

    /** Leaves at once, or asks for the PIN when one is configured. */
    void requestExit() {
        if (settings.pin().isEmpty()) {
            onExit.run();
            return;
        }
        pinField.clear();
        pinMessage.setText("");
        pinBox.setVisible(true);
        pinField.requestFocus();
    }

    private void checkPin() {
        if (settings.pin().map(p -> p.equals(pinField.getText())).orElse(true)) {
            pinBox.setVisible(false);
            onExit.run();
        } else {
            pinField.clear();
            pinMessage.setText("Wrong PIN");
        }
    }

    /** "● live · updated 3 s ago", or which source is stale and how old its data is. */
    private void refreshFreshness() {
        if (figures == null) {
            return;
        }
        Instant now = clock.instant();
        java.time.Duration age = java.time.Duration.between(figures.takenAt(), now);
        boolean live = figures.allLive() && age.compareTo(LIVE_FOR) <= 0;
        StringBuilder text = new StringBuilder(live ? "● live · updated " : "▲ not live · updated ");
        text.append(Units.age(age.isNegative() ? java.time.Duration.ZERO : age)).append(" ago");
        if (figures.sources().size() > 1 || !live) {
            for (ShowroomFigures.SourceFreshness s : figures.sources()) {
                text.append("  ·  ").append(s.label()).append(s.live() ? " live" : " stale, data "
                        + s.age().map(a -> Units.age(a) + " old").orElse("missing"));
            }
        }
        freshness.setText(text.toString());
        freshness.getStyleClass().setAll("label", "sr-freshness", live ? "sr-ok" : "sr-warn");
    }

    /** The freshness line now (tests). */
    public String freshnessText() {
        return freshness.getText();
    }

    boolean pinShown() {
        return pinBox.isVisible();
    }
}
