package dev.fleetdeck.ui;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.service.FleetMonitor;
import dev.fleetdeck.ui.showroom.ShowroomView;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a view to an image of any size: the view sits, at the requested size, in a small undecorated window (on
 * the headless platform that window is invisible) and is captured with {@link javafx.scene.Node#snapshot}. A window
 * is needed, not just a scene, because TilesFX skins size their shapes only once their tile is showing; it stays
 * small because the headless screen is 1000 × 1000 pixels and a larger window cannot be presented there. FX thread
 * only; {@link #close()} when done.
 */
public final class ViewRenderer implements AutoCloseable {
    /** Views the renderer knows. */
    public static final List<String> VIEWS;

    static {
        List<String> v = new ArrayList<>(MainView.VIEWS);
        v.add("showroom");
        VIEWS = List.copyOf(v);
    }

    private static final double WINDOW = 320;

    private final MainView main;
    private final ShowroomView showroom;
    private final Region content;
    private final Stage stage;
    private String nodeKey;

    /**
     * @param view        one of {@link #VIEWS}
     * @param sourceLabel what is shown
     * @param width       image width in pixels
     * @param height      image height in pixels
     * @param monitor     the running back end (events and history)
     * @param settings    the showroom's branding
     * @param page        the showroom page to render (1-based)
     * @param nodeKey     the node for the detail view ({@code provider/host}); null picks the least healthy node
     */
    public ViewRenderer(String view, String sourceLabel, int width, int height, FleetMonitor monitor,
                        ShowroomSettings settings, int page, String nodeKey) {
        this(view, sourceLabel, width, height, monitor, settings, page, nodeKey, Theme.DARK);
    }

    /**
     * @param theme the colour theme of the main views (the showroom is always dark)
     */
    public ViewRenderer(String view, String sourceLabel, int width, int height, FleetMonitor monitor,
                        ShowroomSettings settings, int page, String nodeKey, Theme theme) {
        this.nodeKey = nodeKey;
        String v = view.toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(v)) {
            throw new IllegalArgumentException("unknown view '" + view + "'; views: " + String.join(", ", VIEWS));
        }
        if (v.equals("showroom")) {
            main = null;
            showroom = new ShowroomView(settings, monitor.history().fleet(), Clock.systemUTC(), () -> { });
            showroom.show(page - 1);
            content = showroom.node();
        } else {
            showroom = null;
            main = new MainView(sourceLabel, monitor.events(), monitor.history(), Clock.systemUTC(),
                    ZoneId.systemDefault(), Offload.sameThread(), dev.fleetdeck.ui.alerts.AlertSources.of(monitor));
            main.show(v);
            main.overview().usePowerHistory(now -> monitor.history().fleet().query(
                    dev.fleetdeck.service.history.FleetSeries.POWER_KW, java.time.Duration.ofHours(2), now));
            content = main.node();
        }
        Pane holder = new Pane() {
            @Override
            protected void layoutChildren() {
                content.resizeRelocate(0, 0, width, height);
            }
        };
        holder.getChildren().add(content);
        Scene scene = new Scene(holder, WINDOW, WINDOW, Palette.theme().background());
        scene.getStylesheets().add(Stylesheets.dark());
        stage = new Stage(StageStyle.UNDECORATED);
        stage.setScene(scene);
        if (main != null && theme != Theme.DARK) {
            main.installShortcuts(scene);
            main.applyTheme(theme);
        }
        stage.show();
    }

    /** Feeds a snapshot to the view (in order, so trends build up). */
    public void show(FleetSnapshot snapshot) {
        if (main != null) {
            // Lay out first, so views that size their content to the window (the heatmap) know their size.
            if (!main.currentView().equals("overview")) {
                content.getParent().applyCss();
                content.getParent().layout();
            }
            if (main.currentView().equals("detail") && main.detail().nodeKey() == null) {
                String key = nodeKey != null ? nodeKey : leastHealthy(snapshot);
                if (key != null) {
                    main.openNode(key, -1);
                }
            }
            main.update(snapshot);
        } else {
            showroom.update(snapshot);
        }
    }

    /** The key of the node with the worst health (first of equals), or null for an empty fleet. */
    static String leastHealthy(FleetSnapshot snap) {
        dev.fleetdeck.model.Node worst = null;
        for (dev.fleetdeck.model.Node n : snap.nodes()) {
            if (worst == null || n.health().ordinal() > worst.health().ordinal()) {
                worst = n;
            }
        }
        return worst == null ? null : dev.fleetdeck.ui.fleet.FleetRow.nodeKey(worst.provider(), worst.hostname());
    }

    /** Renders the scene as it is now. */
    public WritableImage render() {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Palette.theme().background());
        return content.snapshot(params, null);
    }

    /** The overview, for tests (null when rendering the showroom). */
    public OverviewView overview() {
        return main == null ? null : main.overview();
    }

    /** The whole window content, for tests. */
    public MainView main() {
        return main;
    }

    @Override
    public void close() {
        if (showroom != null) {
            showroom.dispose();
        }
        stage.hide();
    }
}
