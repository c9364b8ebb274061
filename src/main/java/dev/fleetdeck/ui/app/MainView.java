package dev.fleetdeck.ui.app;

import dev.fleetdeck.config.ConfigError;
import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.FleetFrame;
import dev.fleetdeck.ui.alerts.AlertsView;
import dev.fleetdeck.ui.common.AlertActions;
import dev.fleetdeck.ui.common.FleetView;
import dev.fleetdeck.ui.common.Navigator;
import dev.fleetdeck.ui.common.Offload;
import dev.fleetdeck.ui.common.TypeScale;
import dev.fleetdeck.ui.common.ViewContext;
import dev.fleetdeck.ui.common.ViewId;
import dev.fleetdeck.ui.detail.NodeDetailView;
import dev.fleetdeck.ui.fleet.FleetFilter;
import dev.fleetdeck.ui.fleet.FleetTableView;
import dev.fleetdeck.ui.heatmap.HeatmapView;
import dev.fleetdeck.ui.market.MarketView;
import dev.fleetdeck.ui.overview.OverviewView;
import dev.fleetdeck.ui.search.QuickSearchOverlay;
import dev.fleetdeck.ui.search.SearchHit;
import dev.fleetdeck.ui.sources.SourcesView;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Theme;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The window's content: the view on screen (one per {@link ViewId}) above a status bar with the view switcher and one
 * status chip per provider, with the quick search (Ctrl+K) and the shortcut help (F1) as overlays. Every view renders
 * from the frame it is given; only the view on screen follows each frame, the others catch up from the latest one
 * when shown. FX thread only.
 */
public final class MainView implements Navigator {
    /** View names, as used by {@code snapshot --view} and saved window state, in Ctrl+1… order. */
    public static final List<String> VIEWS = ViewId.windowViews().stream().map(ViewId::key).toList();

    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final Map<ViewId, FleetView> views = new EnumMap<>(ViewId.class);
    private final ProviderStrip strip;
    private final QuickSearchOverlay search;
    private final HelpOverlay help = new HelpOverlay();
    private final ToggleGroup nav = new ToggleGroup();
    private final Map<ViewId, ToggleButton> buttons = new EnumMap<>(ViewId.class);
    private final Map<ViewId, Long> shownRevision = new EnumMap<>(ViewId.class);
    private ViewId current = ViewId.OVERVIEW;
    private ViewId beforeDetail = ViewId.FLEET;
    private Runnable onShowroom = () -> { };
    private Runnable onSettings = () -> { };
    private final ConfigBanner banner = new ConfigBanner();
    private final javafx.scene.layout.VBox bottom = new javafx.scene.layout.VBox();
    private final Button themeButton = new Button("Theme");
    private Scene scene;
    private FleetFrame latest;
    private final TypeScale typeScale;
    private final ViewContext context;

    /** A view whose heavy work runs on the FX thread, with no alert actions (tests). */
    public MainView(String sourceLabel, Clock clock, ZoneId zone) {
        this(new ViewContext(sourceLabel, clock, zone, Offload.sameThread(), Navigator.NONE, AlertActions.NONE));
    }

    /**
     * @param context what every view is built with; its navigator is replaced by this window
     */
    public MainView(ViewContext context) {
        ViewContext c = context.withNavigator(this);
        typeScale = c.typeScale();
        typeScale.attach(root);
        this.context = c;
        strip = new ProviderStrip(c.clock(), c.zone());
        search = new QuickSearchOverlay(c.offload(), () -> latest == null ? null : latest.snapshot());
        search.setOnChoose(this::go);
        frame.getStyleClass().add("main-view");
        frame.setCenter(view(current).node());
        bottom.getChildren().add(statusBar());
        frame.setBottom(bottom);
        frame.setTop(banner.node());
        root.getChildren().addAll(frame, search.node(), help.node());
    }

    private HBox statusBar() {
        HBox views = new HBox(4);
        for (ViewId view : ViewId.windowViews()) {
            // Shortcuts go in tooltips (and the F1 help): seven views, search, settings and the strip share one line.
            ToggleButton b = new ToggleButton(view.title());
            b.setTooltip(new Tooltip(view.title() + " · " + view.shortcut()));
            b.setId("nav-" + view.key());
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(nav);
            b.setOnAction(e -> show(view));
            b.setFocusTraversable(false);
            buttons.put(view, b);
            views.getChildren().add(b);
        }
        buttons.get(current).setSelected(true);
        Button searchButton = navButton("Search", "nav-search", this::openSearch);
        searchButton.setTooltip(new Tooltip("Quick search · Ctrl+K"));
        themeButton.setOnAction(e -> applyTheme(Palette.theme().next()));
        themeButton.setTooltip(new Tooltip(themeTip(Palette.theme())));
        themeButton.setId("nav-theme");
        themeButton.getStyleClass().add("nav-button");
        themeButton.setFocusTraversable(false);
        Button helpButton = navButton("?", "nav-help", help::toggle);
        Button settingsButton = navButton("Settings", "nav-settings", () -> onSettings.run());
        settingsButton.setTooltip(new Tooltip("Sources, alert thresholds, polling, theme · Ctrl+,"));
        Button showroomButton = navButton("Showroom", "nav-showroom", () -> onShowroom.run());
        showroomButton.setTooltip(new Tooltip("Full screen for customers · F11"));
        helpButton.setTooltip(new Tooltip("Every keyboard shortcut · F1 or ?"));
        views.getChildren().addAll(searchButton, settingsButton, themeButton, showroomButton, helpButton);
        // The buttons keep their width; the provider strip takes what is left and wraps its chips.
        for (var n : views.getChildren()) {
            ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        views.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        strip.node().setMinWidth(0);
        HBox bar = new HBox(14, views, new Separator(Orientation.VERTICAL), strip.node());
        HBox.setHgrow(strip.node(), Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static String themeTip(Theme theme) {
        return "Theme: " + theme.label() + " · click for " + theme.next().label();
    }

    private static Button navButton(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("nav-button");
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** What the Showroom button (and F11) does; the app switches to the full-screen showroom. */
    public void setOnShowroom(Runnable action) {
        onShowroom = action;
    }

    /** What the Settings button (and Ctrl+,) does; the app opens the settings dialog. */
    public void setOnSettings(Runnable action) {
        onSettings = action;
    }

    /** Reports a configuration reload that took effect (a note that goes away by itself). */
    public void configApplied(String text) {
        banner.applied(text);
    }

    /** Reports an edited configuration that was refused, with every error; the running one stays. */
    public void configRejected(String file, List<ConfigError> errors) {
        banner.rejected(file, errors);
    }

    public ConfigBanner banner() {
        return banner;
    }

    /** Ctrl+1…7 switch views, Ctrl +/−/0 zoom the type, Ctrl+K searches, F1 or ? shows the shortcuts, Esc / Alt+← go back, F11 showroom. */
    public void installShortcuts(Scene scene) {
        this.scene = scene;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> onShowroom.run());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), help::toggle);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::openSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                () -> onSettings.run());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), this::back);
        ZoomKeys.install(scene, typeScale);
        for (ViewId view : ViewId.windowViews()) {
            String digit = view.shortcut().substring(view.shortcut().length() - 1);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + digit),
                    KeyCombination.SHORTCUT_DOWN), () -> show(view));
        }
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                help.toggle();
                e.consume();
            }
        });
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ESCAPE) {
                return;
            }
            if (help.isShowing()) {
                help.hide();
            } else if (search.isShowing()) {
                search.hide();
            } else if (current == ViewId.DETAIL) {
                back();
            } else {
                return;
            }
            e.consume();
        });
    }

    /**
     * Switches the colour theme live: the scene's stylesheets (every view's CSS colours), the tiles' colours, the
     * heatmap's background. FX thread.
     */
    public void applyTheme(Theme theme) {
        Palette.use(theme);
        Scene s = scene != null ? scene : root.getScene();
        if (s != null) {
            s.getStylesheets().setAll(theme.stylesheets());
            s.setFill(theme.background());
        }
        themeButton.getTooltip().setText(themeTip(theme));
        if (views.containsKey(ViewId.OVERVIEW)) {
            overview().applyTheme();
        }
        if (views.containsKey(ViewId.HEATMAP)) {
            heatmap().applyTheme();
        }
        onThemeChange.accept(theme);
    }

    /** Called after the theme changed (the app remembers it). */
    public void setOnThemeChange(Consumer<Theme> action) {
        onThemeChange = action;
    }

    private Consumer<Theme> onThemeChange = t -> { };

    /** Switches to a view by name ({@link ViewId#key()}). */
    public void show(String view) {
        show(ViewId.byKey(view).filter(ViewId::inWindow).orElseThrow(() -> new IllegalArgumentException(
                "unknown view '" + view + "'; views: " + String.join(", ", VIEWS))));
    }

    /** Switches to a view. */
    @Override
    public void show(ViewId view) {
        if (!view.inWindow()) {
            onShowroom.run();
            return;
        }
        if (view == ViewId.DETAIL && current != ViewId.DETAIL) {
            beforeDetail = current;
        }
        current = view;
        Node content = view(view).node();
        if (frame.getCenter() != content) {
            frame.setCenter(content);
            typeScale.fit(content);
        }
        buttons.get(view).setSelected(true);
        catchUp();
    }

    /** Opens the node detail for a node key ({@code provider/host}) and GPU index (-1 for the whole node). */
    @Override
    public void openNode(String nodeKey, int gpu) {
        detail().show(nodeKey, gpu);
        shownRevision.remove(ViewId.DETAIL);
        show(ViewId.DETAIL);
    }

    /** Back from the node detail to where it was opened. */
    @Override
    public void back() {
        if (current == ViewId.DETAIL) {
            show(beforeDetail);
        }
    }

    @Override
    public void filterFleet(Set<String> tenants, Set<String> models, Set<String> regions) {
        fleet().setFilter(FleetFilter.NONE.withTenants(tenants).withModels(models).withRegions(regions));
        show(ViewId.FLEET);
    }

    /** Opens the quick search. */
    public void openSearch() {
        help.hide();
        search.show();
    }

    private void go(SearchHit hit) {
        switch (hit.kind()) {
            case NODE, GPU -> openNode(hit.nodeKey(), hit.gpu());
            case TENANT -> filterFleet(Set.of(hit.label()), Set.of(), Set.of());
            case MODEL -> filterFleet(Set.of(), Set.of(hit.label()), Set.of());
            case REGION -> filterFleet(Set.of(), Set.of(), Set.of(hit.label()));
        }
    }

    /** The newest snapshot shown, or null before the first. */
    public FleetSnapshot latest() {
        return latest == null ? null : latest.snapshot();
    }

    /** The newest frame shown, or null before the first. */
    public FleetFrame latestFrame() {
        return latest;
    }

    /** The key of the view on screen. */
    public String currentView() {
        return current.key();
    }

    /** Shows a snapshot alone: no alerts, idle GPUs, events or past (tests). */
    public void update(FleetSnapshot snap) {
        show(FleetFrame.of(snap));
    }

    /** Shows a frame in the strip and the visible view. */
    /** Puts the time-travel strip above the status bar. */
    public void setTimeline(javafx.scene.Node bar) {
        bottom.getChildren().addFirst(bar);
    }

    /** Shows a frame of the past: every view renders it, and the window wears the past's colour. */
    public void showPast(FleetFrame past) {
        if (!frame.getStyleClass().contains("time-travel")) {
            frame.getStyleClass().add("time-travel");
        }
        shownRevision.clear(); // a recorded revision may equal one already shown live
        show(past);
    }

    /** Back to now, with the newest live frame (if one came). */
    public void showLive(FleetFrame now) {
        frame.getStyleClass().remove("time-travel");
        shownRevision.clear();
        if (now != null) {
            show(now);
        }
    }

    public void show(FleetFrame next) {
        latest = next;
        strip.update(next.snapshot());
        catchUp();
    }

    /** Brings the view on screen up to the latest frame; hidden views catch up when shown. */
    private void catchUp() {
        FleetFrame f = latest;
        if (f == null) {
            return;
        }
        Long seen = shownRevision.get(current);
        if (seen != null && seen == f.revision()) {
            return;
        }
        shownRevision.put(current, f.revision());
        view(current).show(f);
        typeScale.fit(view(current).node());
    }

    public void startTicking() {
        strip.startTicking();
    }

    public void stopTicking() {
        strip.stopTicking();
    }

    public StackPane node() {
        return root;
    }

    /**
     * A view of the window by its id, built when first asked for: the window opens with the overview alone, and
     * the first frame with data is not kept waiting for six views nobody looks at yet.
     */
    public FleetView view(ViewId id) {
        return views.computeIfAbsent(id, k -> ViewCatalog.create(k, context));
    }

    public OverviewView overview() {
        return (OverviewView) view(ViewId.OVERVIEW);
    }

    public FleetTableView fleet() {
        return (FleetTableView) view(ViewId.FLEET);
    }

    public HeatmapView heatmap() {
        return (HeatmapView) view(ViewId.HEATMAP);
    }

    public NodeDetailView detail() {
        return (NodeDetailView) view(ViewId.DETAIL);
    }

    public MarketView market() {
        return (MarketView) view(ViewId.MARKET);
    }

    public AlertsView alerts() {
        return (AlertsView) view(ViewId.ALERTS);
    }

    public QuickSearchOverlay search() {
        return search;
    }

    public SourcesView sources() {
        return (SourcesView) view(ViewId.SOURCES);
    }

    public boolean helpShowing() {
        return help.isShowing();
    }

    /** The window's type scale (Ctrl + / Ctrl − / Ctrl 0). */
    public TypeScale typeScale() {
        return typeScale;
    }

    public ProviderStrip strip() {
        return strip;
    }
}
