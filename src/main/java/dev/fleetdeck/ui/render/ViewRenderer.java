package dev.fleetdeck.ui.render;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.ui.app.MainView;
import dev.fleetdeck.ui.common.AlertActions;
import dev.fleetdeck.ui.common.Navigator;
import dev.fleetdeck.ui.common.NodeKey;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.ViewContext;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.overview.OverviewView;
import dev.fleetdeck.ui.showroom.ShowroomView;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Stylesheets;
import dev.fleetdeck.ui.theme.Theme;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * Renders a view to an image of any size: the view sits, at the requested size, in a small undecorated window (on
 * the headless platform that window is invisible) and is captured with {@link javafx.scene.Node#snapshot}. A window
 * is needed, not just a scene, because TilesFX skins size their shapes only once their tile is showing; it stays
 * small because the headless screen is 1000 × 1000 pixels and a larger window cannot be presented there. FX thread
 * only; {@link #close()} when done.
 */
public final class ViewRenderer implements AutoCloseable {
    /** Views the renderer knows: every {@link ViewId} key. */
    public static final List<String> VIEWS = Arrays.stream(ViewId.values()).map(ViewId::key).toList();

    private static final double WINDOW = 320;

    private final MainView main;
    private final ShowroomView showroom;
    private final Region content;
    private final Stage stage;
    private final String nodeKey;

    /**
     * @param view        one of {@link #VIEWS}
     * @param sourceLabel what is shown
     * @param width       image width in pixels
     * @param height      image height in pixels
     * @param settings    the showroom's branding
     * @param page        the showroom page to render (1-based)
     * @param nodeKey     the node for the detail view ({@code provider/host}); null picks the least healthy node
     * @param theme       the colour theme of the main views (the showroom is always dark)
     */
    public ViewRenderer(String view, String sourceLabel, int width, int height, ShowroomSettings settings, int page,
                        String nodeKey, Theme theme) {
        this.nodeKey = nodeKey;
        ViewId id = ViewId.byKey(view).orElseThrow(() -> new IllegalArgumentException("unknown view '" + view
                + "'; views: " + ViewId.keys()));
        if (id == ViewId.SHOWROOM) {
            main = null;
            showroom = new ShowroomView(settings, Clock.systemUTC(), () -> { });
            showroom.show(page - 1);
            content = showroom.node();
        } else {
            showroom = null;
            main = new MainView(new ViewContext(sourceLabel, Clock.systemUTC(), ZoneId.systemDefault(),
                    Offload.sameThread(), Navigator.NONE, AlertActions.NONE));
            main.show(id);
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

    /** Feeds a frame to the view (in order, so trends build up). */
    public void show(FleetFrame frame) {
        if (main != null) {
            // Lay out first, so views that size their content to the window (the heatmap) know their size.
            if (!main.currentView().equals(ViewId.OVERVIEW.key())) {
                content.getParent().applyCss();
                content.getParent().layout();
            }
            if (main.currentView().equals(ViewId.DETAIL.key()) && main.detail().nodeKey() == null) {
                String key = nodeKey != null ? nodeKey : leastHealthy(frame.snapshot());
                if (key != null) {
                    main.openNode(key, -1);
                }
            }
            main.show(frame);
        } else {
            showroom.show(frame);
        }
    }

    /** The key of the node with the worst health (first of equals), or null for an empty fleet. */
    static String leastHealthy(FleetSnapshot snap) {
        Node worst = null;
        for (Node n : snap.nodes()) {
            if (worst == null || n.health().ordinal() > worst.health().ordinal()) {
                worst = n;
            }
        }
        return worst == null ? null : NodeKey.of(worst.provider(), worst.hostname());
    }

    /** What the layout lint finds in the view as laid out now (truncated labels, overflowing text, overlaps). */
    public List<LayoutLint.Finding> lint() {
        content.getParent().applyCss();
        content.getParent().layout();
        return LayoutLint.check(content);
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
