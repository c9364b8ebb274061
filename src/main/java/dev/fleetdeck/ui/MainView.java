package dev.fleetdeck.ui;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.service.events.EventLog;
import dev.fleetdeck.service.history.History;
import dev.fleetdeck.ui.detail.NodeDetailView;
import dev.fleetdeck.ui.fleet.FleetFilter;
import dev.fleetdeck.ui.fleet.FleetTableView;
import dev.fleetdeck.ui.heatmap.HeatmapView;
import dev.fleetdeck.ui.search.QuickSearchOverlay;
import dev.fleetdeck.ui.search.SearchHit;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The window's content: the current view (overview, fleet table, heatmap, node detail, sources) above a status bar
 * with the view switcher and one status chip per provider, with the quick search (Ctrl+K) and the shortcut help (F1)
 * as overlays. Only the view on screen follows each snapshot; the others catch up from the latest one when shown.
 * FX thread only.
 */
public final class MainView {
    /** View names, as used by {@code snapshot --view}, in Ctrl+1… order. */
    public static final List<String> VIEWS = List.of("overview", "fleet", "heatmap", "detail", "sources", "alerts",
            "market");
    private static final List<String> LABELS = List.of("Overview", "Fleet", "Heatmap", "Node", "Sources", "Alerts",
            "Market");

    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final OverviewView overview;
    private final FleetTableView fleet;
    private final HeatmapView heatmap;
    private final NodeDetailView detail;
    private final SourcesView sources;
    private final dev.fleetdeck.ui.alerts.AlertsView alertsView;
    private final dev.fleetdeck.ui.market.MarketView market = new dev.fleetdeck.ui.market.MarketView();
    private final dev.fleetdeck.ui.alerts.AlertSources alertSources;
    private final ProviderStrip strip;
    private final QuickSearchOverlay search;
    private final HelpOverlay help = new HelpOverlay();
    private final ToggleGroup nav = new ToggleGroup();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final Map<String, Long> shownSequence = new LinkedHashMap<>();
    private String current = "overview";
    private String beforeDetail = "fleet";
    private Runnable onShowroom = () -> { };
    private Runnable onSettings = () -> { };
    private final ConfigBanner banner = new ConfigBanner();
    private final Button themeButton = new Button("Theme: " + Palette.theme().label());
    private Scene scene;
    private FleetSnapshot latest;

    /** A view whose heavy work runs on the FX thread, over its own empty history (tests). */
    public MainView(String sourceLabel, EventLog events, Clock clock, ZoneId zone) {
        this(sourceLabel, events, new History(), clock, zone, Offload.sameThread());
    }

    /**
     * @param history per-GPU history for the node detail charts
     * @param offload where filtering, sorting, heatmap painting and search run
     */
    public MainView(String sourceLabel, EventLog events, History history, Clock clock, ZoneId zone, Offload offload) {
        this(sourceLabel, events, history, clock, zone, offload, dev.fleetdeck.ui.alerts.AlertSources.none());
    }

    /**
     * @param alertSources the alert engine and idle tracker of the running back end
     */
    public MainView(String sourceLabel, EventLog events, History history, Clock clock, ZoneId zone, Offload offload,
                    dev.fleetdeck.ui.alerts.AlertSources alertSources) {
        this.alertSources = alertSources;
        alertsView = new dev.fleetdeck.ui.alerts.AlertsView(alertSources.engine(), alertSources.idle(), clock, zone);
        overview = new OverviewView(sourceLabel, zone);
        fleet = new FleetTableView(offload);
        heatmap = new HeatmapView(offload);
        detail = new NodeDetailView(history, events, zone);
        sources = new SourcesView(events, clock, zone);
        strip = new ProviderStrip(clock, zone);
        search = new QuickSearchOverlay(offload, () -> latest);
        fleet.setOnOpen(this::openNode);
        heatmap.setOnOpen(this::openNode);
        detail.setOnBack(this::back);
        search.setOnChoose(this::go);
        frame.getStyleClass().add("main-view");
        frame.setCenter(overview.node());
        frame.setBottom(statusBar());
        frame.setTop(banner.node());
        root.getChildren().addAll(frame, search.node(), help.node());
    }

    private HBox statusBar() {
        HBox views = new HBox(4);
        for (int i = 0; i < VIEWS.size(); i++) {
            String view = VIEWS.get(i);
            // Shortcuts go in tooltips (and the F1 help): seven views, search, settings and the strip share one line.
            ToggleButton b = new ToggleButton(LABELS.get(i));
            b.setTooltip(new javafx.scene.control.Tooltip(LABELS.get(i) + " · Ctrl+" + (i + 1)));
            b.setId("nav-" + view);
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(nav);
            b.setOnAction(e -> show(view));
            b.setFocusTraversable(false);
            buttons.put(view, b);
            views.getChildren().add(b);
        }
        buttons.get(current).setSelected(true);
        Button searchButton = navButton("Search", "nav-search", this::openSearch);
        searchButton.setTooltip(new javafx.scene.control.Tooltip("Quick search · Ctrl+K"));
        themeButton.setOnAction(e -> applyTheme(Palette.theme().next()));
        themeButton.setId("nav-theme");
        themeButton.getStyleClass().add("nav-button");
        themeButton.setFocusTraversable(false);
        Button helpButton = navButton("?", "nav-help", help::toggle);
        Button settingsButton = navButton("Settings", "nav-settings", () -> onSettings.run());
        settingsButton.setTooltip(new javafx.scene.control.Tooltip("Sources, alert thresholds, polling, theme · Ctrl+,"));
        Button showroomButton = navButton("Showroom", "nav-showroom", () -> onShowroom.run());
        showroomButton.setTooltip(new javafx.scene.control.Tooltip("Full screen for customers · F11"));
        helpButton.setTooltip(new javafx.scene.control.Tooltip("Every keyboard shortcut · F1 or ?"));
        views.getChildren().addAll(searchButton, settingsButton, themeButton, showroomButton, helpButton);
        HBox bar = new HBox(14, views, new Separator(Orientation.VERTICAL), strip.node());
        HBox.setHgrow(strip.node(), Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
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
    public void configRejected(String file, List<dev.fleetdeck.config.ConfigError> errors) {
        banner.rejected(file, errors);
    }

    ConfigBanner banner() {
        return banner;
    }

    /** Ctrl+1…7 switch views, Ctrl+K searches, F1 or ? shows the shortcuts, Esc / Alt+← go back, F11 showroom. */
    public void installShortcuts(Scene scene) {
        this.scene = scene;
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), () -> onShowroom.run());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), help::toggle);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), this::openSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                () -> onSettings.run());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), this::back);
        for (int i = 0; i < VIEWS.size(); i++) {
            String view = VIEWS.get(i);
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)),
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
            } else if (current.equals("detail")) {
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
        themeButton.setText("Theme: " + theme.label());
        overview.applyTheme();
        heatmap.applyTheme();
        onThemeChange.accept(theme);
    }

    /** Called after the theme changed (the app remembers it). */
    public void setOnThemeChange(java.util.function.Consumer<Theme> action) {
        onThemeChange = action;
    }

    private java.util.function.Consumer<Theme> onThemeChange = t -> { };

    /** Switches to a view by name. */
    public void show(String view) {
        String v = view.toLowerCase(Locale.ROOT);
        if (!VIEWS.contains(v)) {
            throw new IllegalArgumentException("unknown view '" + view + "'; views: " + String.join(", ", VIEWS));
        }
        if (v.equals("detail") && !current.equals("detail")) {
            beforeDetail = current;
        }
        current = v;
        Node content = switch (v) {
            case "fleet" -> fleet.node();
            case "heatmap" -> heatmap.node();
            case "detail" -> detail.node();
            case "sources" -> sources.node();
            case "alerts" -> alertsView.node();
            case "market" -> market.node();
            default -> overview.node();
        };
        if (frame.getCenter() != content) {
            frame.setCenter(content);
        }
        buttons.get(v).setSelected(true);
        catchUp();
    }

    /** Opens the node detail for a node key ({@code provider/host}) and GPU index (-1 for the whole node). */
    public void openNode(String nodeKey, int gpu) {
        detail.show(nodeKey, gpu);
        shownSequence.remove("detail");
        show("detail");
    }

    /** Back from the node detail to where it was opened. */
    public void back() {
        if (current.equals("detail")) {
            show(beforeDetail);
        }
    }

    /** Opens the quick search. */
    public void openSearch() {
        help.hide();
        search.show();
    }

    private void go(SearchHit hit) {
        switch (hit.kind()) {
            case NODE, GPU -> openNode(hit.nodeKey(), hit.gpu());
            case TENANT -> filterFleet(FleetFilter.NONE.withTenants(Set.of(hit.label())));
            case MODEL -> filterFleet(FleetFilter.NONE.withModels(Set.of(hit.label())));
            case REGION -> filterFleet(FleetFilter.NONE.withRegions(Set.of(hit.label())));
        }
    }

    private void filterFleet(FleetFilter filter) {
        fleet.setFilter(filter);
        show("fleet");
    }

    /** The newest snapshot shown, or null before the first. */
    public FleetSnapshot latest() {
        return latest;
    }

    public String currentView() {
        return current;
    }

    /** Shows a snapshot in the strip and the visible view. */
    public void update(FleetSnapshot snap) {
        latest = snap;
        strip.update(snap);
        catchUp();
    }

    /** Brings the view on screen up to the latest snapshot; hidden views catch up when shown. */
    private void catchUp() {
        FleetSnapshot snap = latest;
        if (snap == null) {
            return;
        }
        Long seen = shownSequence.get(current);
        if (seen != null && seen == snap.sequence()) {
            return;
        }
        shownSequence.put(current, snap.sequence());
        switch (current) {
            case "overview" -> {
                overview.update(snap);
                overview.updateAlertsAndIdle(alertSources.engine().firing(), alertSources.idle().get(),
                        alertSources.settings().idleFor());
            }
            case "alerts" -> alertsView.refresh();
            case "fleet" -> fleet.update(snap);
            case "heatmap" -> heatmap.update(snap);
            case "market" -> market.update(snap);
            case "detail" -> detail.update(snap);
            case "sources" -> sources.update(snap);
            default -> { }
        }
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

    public OverviewView overview() {
        return overview;
    }

    public FleetTableView fleet() {
        return fleet;
    }

    public HeatmapView heatmap() {
        return heatmap;
    }

    public NodeDetailView detail() {
        return detail;
    }

    public dev.fleetdeck.ui.market.MarketView market() {
        return market;
    }

    public dev.fleetdeck.ui.alerts.AlertsView alerts() {
        return alertsView;
    }

    public QuickSearchOverlay search() {
        return search;
    }

    boolean helpShowing() {
        return help.isShowing();
    }

    SourcesView sources() {
        return sources;
    }

    ProviderStrip strip() {
        return strip;
    }
}
