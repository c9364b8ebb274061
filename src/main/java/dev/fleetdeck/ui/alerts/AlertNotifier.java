package dev.fleetdeck.ui.alerts;

import dev.fleetdeck.model.Health;
import dev.fleetdeck.service.alerts.Alert;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.stage.Window;
import org.controlsfx.control.Notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Desktop notifications (ControlsFX) for alerts that start firing, at most one per {@code every}: alerts that fire
 * in between are summed up in the next one ("3 new alerts: …"), so a storm gives a few notifications, not hundreds.
 * {@link #fired} is called on the assembler thread; everything else on the FX thread.
 */
public final class AlertNotifier {
    private final Supplier<Window> owner;
    private final Duration every;
    private final List<Alert> waiting = new ArrayList<>();
    private final PauseTransition gap = new PauseTransition();
    private long lastShownNanos = Long.MIN_VALUE;
    private int shown;
    private String lastText = "";
    private java.util.function.Function<Alert, java.util.Optional<String>> advice = a -> java.util.Optional.empty();

    /** What to add to an alert's line (NVIDIA's action for the XIDs of its node); called on the FX thread. */
    public void setAdvice(java.util.function.Function<Alert, java.util.Optional<String>> what) {
        advice = what;
    }
    private boolean pending;
    private boolean ready = true;

    public AlertNotifier(Supplier<Window> owner, Duration every) {
        this.owner = owner;
        this.every = every;
        gap.setOnFinished(e -> flush());
    }

    /**
     * Holds every notification until {@link #ready()}: alerts that fire while the window is still coming up are
     * summed up in one notification once it is on screen (a popup shown before the window is drawn paints a black
     * rectangle over it). FX thread.
     */
    public void holdUntilReady() {
        ready = false;
    }

    /** The window is on screen with fleet data: what fired meanwhile is shown now, as one notification. FX thread. */
    public void ready() {
        if (!ready) {
            ready = true;
            flush();
        }
    }

    /** An alert started firing; callable from any thread. */
    public void fired(Alert alert) {
        Platform.runLater(() -> {
            if (waiting.stream().anyMatch(a -> a.key().equals(alert.key()))) {
                return;
            }
            waiting.add(alert);
            if (pending) {
                return;
            }
            pending = true;
            long since = System.nanoTime() - lastShownNanos;
            if (lastShownNanos == Long.MIN_VALUE || since >= every.toNanos()) {
                // Flush after the other alerts of the same snapshot (queued behind this one) have arrived.
                Platform.runLater(this::flush);
            } else {
                gap.setDuration(javafx.util.Duration.millis((every.toNanos() - since) / 1e6));
                gap.playFromStart();
            }
        });
    }

    private void flush() {
        pending = false;
        if (waiting.isEmpty() || !ready) {
            return;
        }
        Window window = owner.get();
        boolean crit = waiting.stream().anyMatch(a -> a.severity() == Health.CRIT);
        Alert first = waiting.getFirst();
        String title = waiting.size() == 1 ? (crit ? "✖ Critical alert: " : "▲ Alert: ") + first.rule()
                : (crit ? "✖ " : "▲ ") + waiting.size() + " new alerts";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(4, waiting.size()); i++) {
            Alert a = waiting.get(i);
            text.append(i == 0 ? "" : "\n").append(a.rule()).append(" · ").append(a.scope().key()).append(' ')
                    .append(a.group()).append(" · ").append(a.value());
            advice.apply(a).ifPresent(what -> text.append(" · ").append(what));
        }
        if (waiting.size() > 4) {
            text.append("\n… and ").append(waiting.size() - 4).append(" more (Ctrl+6)");
        }
        waiting.clear();
        lastShownNanos = System.nanoTime();
        shown++;
        lastText = title + "\n" + text;
        if (window == null || !window.isShowing()) {
            return;
        }
        Notifications n = Notifications.create().owner(window).title(title).text(text.toString()).darkStyle()
                .position(Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(10));
        if (crit) {
            n.showError();
        } else {
            n.showWarning();
        }
    }

    /** Notifications shown so far (tests). */
    public int shown() {
        return shown;
    }

    /** Title and text of the last one (tests). */
    public String lastText() {
        return lastText;
    }
}
