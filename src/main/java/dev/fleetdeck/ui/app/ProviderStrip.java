package dev.fleetdeck.ui.app;

import dev.fleetdeck.model.FleetSnapshot;
import dev.fleetdeck.model.Health;
import dev.fleetdeck.model.ProviderStatus;
import dev.fleetdeck.ui.common.ProviderStatusText;
import dev.fleetdeck.ui.theme.Palette;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.FlowPane;
import javafx.util.Duration;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The status strip at the bottom of the window: one chip per provider with its state (symbol and colour), data age
 * and, on hover, the full status with the last error. Ages are refreshed every second against the clock, so a
 * source that stopped answering visibly ages even when no new snapshot comes. FX thread only.
 */
public final class ProviderStrip {
    /** Chips wrap onto another line when there are more sources than the bar is wide; none is cut. */
    private final FlowPane chips = new FlowPane(18, 2);
    private final List<Chip> shown = new ArrayList<>();
    private final Clock clock;
    private final ZoneId zone;
    private final javafx.animation.Timeline ticker;
    private FleetSnapshot current;

    private static final class Chip {
        final HBox box;
        final Label symbol = new Label();
        final Label name = new Label();
        final Label detail = new Label();
        final Label notice = new Label();
        final Tooltip tooltip = new Tooltip();

        Chip(String provider) {
            name.setText(provider);
            name.getStyleClass().add("provider-chip-name");
            detail.getStyleClass().add("provider-chip-detail");
            notice.getStyleClass().addAll("provider-chip-notice", "health-warn");
            box = new HBox(6, symbol, name, detail, notice);
            for (Label l : List.of(symbol, name, detail, notice)) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("provider-chip");
            box.setId("provider-chip-" + provider);
            tooltip.setShowDelay(Duration.millis(250));
            tooltip.setShowDuration(Duration.seconds(30));
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(640);
            Tooltip.install(box, tooltip);
        }
    }

    ProviderStrip(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        chips.getStyleClass().add("provider-strip");
        chips.setAlignment(Pos.CENTER_LEFT);
        ticker = new javafx.animation.Timeline(new javafx.animation.KeyFrame(Duration.seconds(1), e -> refresh()));
        ticker.setCycleCount(javafx.animation.Animation.INDEFINITE);
    }

    FlowPane node() {
        return chips;
    }

    /** Starts the once-a-second age refresh (the desktop window; snapshots for images do not need it). */
    void startTicking() {
        ticker.play();
    }

    void stopTicking() {
        ticker.stop();
    }

    void update(FleetSnapshot snap) {
        current = snap;
        List<ProviderStatus> providers = snap.providers();
        boolean same = providers.size() == shown.size();
        for (int i = 0; same && i < providers.size(); i++) {
            same = providers.get(i).name().equals(shown.get(i).name.getText());
        }
        if (!same) {
            shown.clear();
            chips.getChildren().clear();
            for (ProviderStatus p : providers) {
                Chip c = new Chip(p.name());
                shown.add(c);
                chips.getChildren().add(c.box);
            }
        }
        refresh();
    }

    /** Sets a node's style classes only when they differ: every change makes CSS run again for it, each second. */
    private static void setClasses(javafx.scene.Node n, String... classes) {
        if (!n.getStyleClass().equals(java.util.List.of(classes))) {
            n.getStyleClass().setAll(classes);
        }
    }

    private void refresh() {
        if (current == null) {
            return;
        }
        var now = clock.instant();
        List<ProviderStatus> providers = current.providers();
        for (int i = 0; i < providers.size() && i < shown.size(); i++) {
            ProviderStatus p = providers.get(i);
            Chip c = shown.get(i);
            Health h = Palette.healthOf(p.state());
            c.symbol.setText(Palette.symbol(h));
            setClasses(c.symbol, "label", "provider-chip-symbol", Palette.styleClass(h));
            c.detail.setText(p.state().label() + " · " + ProviderStatusText.dataAge(p, now));
            setClasses(c.detail, "label", "provider-chip-detail",
                    p.state().isTrouble() ? Palette.styleClass(h) : "cell-muted");
            c.notice.setText(p.notices().isEmpty() ? "" : "⚠ " + (p.notices().size() == 1 && p.notices().getFirst()
                    .startsWith("TLS") ? "TLS unverified" : p.notices().size() + (p.notices().size() == 1 ? " notice" : " notices")));
            c.notice.setVisible(!p.notices().isEmpty());
            c.notice.setManaged(!p.notices().isEmpty());
            c.tooltip.setText(ProviderStatusText.tooltip(p, now, zone));
            c.box.setAccessibleText(p.name() + ": " + p.state().label() + ", " + ProviderStatusText.dataAge(p, now)
                    + p.lastError().map(e -> ", " + e).orElse(""));
        }
    }

    /** The tooltip text of a provider's chip (tests). */
    public String tooltipOf(String provider) {
        return shown.stream().filter(c -> c.name.getText().equals(provider)).findFirst()
                .map(c -> c.tooltip.getText()).orElse(null);
    }
}
