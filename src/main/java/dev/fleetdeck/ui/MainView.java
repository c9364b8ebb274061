package dev.fleetdeck.ui;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.events.EventLog;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The window's content: the current view (overview or sources) above a status bar with the view switcher and one
 * status chip per provider. Views not on screen are updated when they are shown again, from the latest snapshot.
 * FX thread only.
 */
public final class MainView {
    /** View names, as used by {@code snapshot --view}. */
    public static final List<String> VIEWS = List.of("overview", "sources");

    private final BorderPane root = new BorderPane();
    private final OverviewView overview;
    private final SourcesView sources;
    private final ProviderStrip strip;
    private final ToggleGroup nav = new ToggleGroup();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private String current = "overview";
    private Runnable onShowroom = () -> { };
    private FleetSnapshot latest;
    private boolean sourcesStale;

    public MainView(String sourceLabel, EventLog events, Clock clock, ZoneId zone) {
        overview = new OverviewView(sourceLabel, zone);
        sources = new SourcesView(events, clock, zone);
        strip = new ProviderStrip(clock, zone);
        root.getStyleClass().add("main-view");
        root.setCenter(overview.node());
        root.setBottom(statusBar());
    }

    private HBox statusBar() {
        HBox views = new HBox(4);
        String[] labels = {"Overview", "Sources"};
        for (int i = 0; i < VIEWS.size(); i++) {
            String view = VIEWS.get(i);
            ToggleButton b = new ToggleButton(labels[i] + "  Ctrl+" + (i + 1));
            b.setId("nav-" + view);
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(nav);
            b.setOnAction(e -> show(view));
            b.setFocusTraversable(false);
            buttons.put(view, b);
            views.getChildren().add(b);
        }
        buttons.get(current).setSelected(true);
        javafx.scene.control.Button showroomButton = new javafx.scene.control.Button("Showroom  F11");
        showroomButton.setId("nav-showroom");
        showroomButton.getStyleClass().add("nav-button");
        showroomButton.setFocusTraversable(false);
        showroomButton.setOnAction(e -> onShowroom.run());
        views.getChildren().add(showroomButton);
        HBox bar = new HBox(14, views, new Separator(javafx.geometry.Orientation.VERTICAL), strip.node());
        HBox.setHgrow(strip.node(), Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** What the Showroom button (and F11) does; the app switches to the full-screen showroom. */
    public void setOnShowroom(Runnable action) {
        onShowroom = action;
    }

    /** Ctrl+1 / Ctrl+2 switch views; F11 opens the showroom. */
    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> onShowroom.run());
        for (int i = 0; i < VIEWS.size(); i++) {
            String view = VIEWS.get(i);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> show(view));
        }
    }

    /** Switches to a view by name. */
    public void show(String view) {
        String v = view.toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(v)) {
            throw new IllegalArgumentException("unknown view '" + view + "'; views: " + String.join(", ", VIEWS));
        }
        current = v;
        Node content = v.equals("sources") ? sources.node() : overview.node();
        if (root.getCenter() != content) {
            root.setCenter(content);
        }
        buttons.get(v).setSelected(true);
        if (v.equals("sources") && sourcesStale && latest != null) {
            sources.update(latest);
            sourcesStale = false;
        }
    }

    public String currentView() {
        return current;
    }

    /** Shows a snapshot in the strip and the visible view. */
    public void update(FleetSnapshot snap) {
        latest = snap;
        overview.update(snap);
        strip.update(snap);
        if (current.equals("sources")) {
            sources.update(snap);
            sourcesStale = false;
        } else {
            sourcesStale = true;
        }
    }

    public void startTicking() {
        strip.startTicking();
    }

    public void stopTicking() {
        strip.stopTicking();
    }

    public BorderPane node() {
        return root;
    }

    public OverviewView overview() {
        return overview;
    }

    SourcesView sources() {
        return sources;
    }

    ProviderStrip strip() {
        return strip;
    }
}
