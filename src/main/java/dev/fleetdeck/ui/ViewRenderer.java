package dev.fleetdeck.ui;

import dev.fleetdeck.service.events.EventLog;
import java.time.Clock;

import dev.fleetdeck.model.FleetSnapshot;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.layout.Pane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.time.ZoneId;
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
    public static final List<String> VIEWS = MainView.VIEWS;

    private static final double WINDOW = 320;

    private final MainView main;
    private final Scene scene;
    private final Stage stage;

    /**
     * @param view        one of {@link #VIEWS}
     * @param sourceLabel what is shown
     * @param width       image width in pixels
     * @param height      image height in pixels
     * @param events      the event log shown by the sources view
     */
    public ViewRenderer(String view, String sourceLabel, int width, int height, EventLog events) {
        if (!VIEWS.contains(view.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown view '" + view + "'; views: " + String.join(", ", VIEWS));
        }
        main = new MainView(sourceLabel, events, Clock.systemUTC(), ZoneId.systemDefault());
        main.show(view);
        Pane holder = new Pane() {
            @Override
            protected void layoutChildren() {
                main.node().resizeRelocate(0, 0, width, height);
            }
        };
        holder.getChildren().add(main.node());
        scene = new Scene(holder, WINDOW, WINDOW, Palette.BACKGROUND);
        scene.getStylesheets().add(Stylesheets.dark());
        stage = new Stage(StageStyle.UNDECORATED);
        stage.setScene(scene);
        stage.show();
    }

    /** Feeds a snapshot to the view (in order, so sparklines build up their history). */
    public void show(FleetSnapshot snapshot) {
        main.update(snapshot);
    }

    /** Renders the scene as it is now. */
    public WritableImage render() {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Palette.BACKGROUND);
        return main.node().snapshot(params, null);
    }

    /** The overview, for tests. */
    public OverviewView overview() {
        return main.overview();
    }

    /** The whole window content, for tests. */
    public MainView main() {
        return main;
    }

    @Override
    public void close() {
        stage.hide();
    }
}
