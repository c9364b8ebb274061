package dev.fleetdeck.ui;

import dev.fleetdeck.model.FleetSnapshot;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Renders a view to an image: shows it in an undecorated window of the requested size (on the headless platform
 * that window is invisible) and snapshots its scene. A window is needed, not just a scene: TilesFX skins size their
 * shapes only once their tile is showing. FX thread only; {@link #close()} when done.
 */
public final class ViewRenderer implements AutoCloseable {
    /** Views the renderer knows. */
    public static final List<String> VIEWS = List.of("overview");

    private final OverviewView overview;
    private final Scene scene;
    private final Stage stage;

    /**
     * @param view        one of {@link #VIEWS}
     * @param sourceLabel what is shown
     * @param width       image width in pixels
     * @param height      image height in pixels
     */
    public ViewRenderer(String view, String sourceLabel, int width, int height) {
        if (!VIEWS.contains(view.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown view '" + view + "'; views: " + String.join(", ", VIEWS));
        }
        overview = new OverviewView(sourceLabel, ZoneId.systemDefault());
        scene = new Scene(overview.node(), width, height, Palette.BACKGROUND);
        scene.getStylesheets().add(Stylesheets.dark());
        stage = new Stage(StageStyle.UNDECORATED);
        stage.setScene(scene);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
    }

    /** Feeds a snapshot to the view (in order, so sparklines build up their history). */
    public void show(FleetSnapshot snapshot) {
        overview.update(snapshot);
    }

    /** Renders the scene as it is now. */
    public WritableImage render() {
        return scene.snapshot(null);
    }

    /** The overview, for tests. */
    public OverviewView overview() {
        return overview;
    }

    @Override
    public void close() {
        stage.hide();
    }
}
