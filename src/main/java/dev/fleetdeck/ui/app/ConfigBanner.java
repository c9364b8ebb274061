package dev.fleetdeck.ui.app;

import dev.fleetdeck.config.ConfigError;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;

/**
 * A strip above every view that reports hot reloads of the configuration file: a short-lived note when an edit was
 * applied, and a lasting warning, with every error, when an edit was refused and the running configuration stays; and
 * a lasting warning while the flight recorder cannot record (a full disk), gone when it records again. FX thread.
 */
public final class ConfigBanner {
    private static final int ERRORS_SHOWN = 12;

    private final Label message = new Label();
    private final VBox details = new VBox(2);
    private final Button toggle = new Button("Details");
    private final VBox root;
    private final PauseTransition fade = new PauseTransition(Duration.seconds(8));

    ConfigBanner() {
        Button close = new Button("✕");
        close.setId("config-banner-close");
        close.getStyleClass().add("nav-button");
        close.setOnAction(e -> hide());
        toggle.getStyleClass().add("nav-button");
        toggle.setOnAction(e -> {
            details.setVisible(!details.isVisible());
            details.setManaged(details.isVisible());
            toggle.setText(details.isVisible() ? "Hide details" : "Details");
        });
        message.setId("config-banner-message");
        message.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox line = new HBox(10, message, gap, toggle, close);
        line.setAlignment(Pos.CENTER_LEFT);
        details.getStyleClass().add("config-banner-details");
        root = new VBox(4, line, details);
        root.setId("config-banner");
        root.getStyleClass().add("config-banner");
        fade.setOnFinished(e -> hide());
        hide();
    }

    Node node() {
        return root;
    }

    /** A reload that took effect. */
    void applied(String text) {
        recordingOnBanner = false;
        show(text, List.of(), "config-banner-ok");
        fade.playFromStart();
    }

    /** An edit that was refused: the running configuration stays until the file is fixed. */
    void rejected(String file, List<ConfigError> errors) {
        recordingOnBanner = false;
        fade.stop();
        show("⚠ " + file + " was changed but not applied: " + errors.size()
                + (errors.size() == 1 ? " problem" : " problems") + ". The running configuration stays until the "
                + "file is fixed.", errors, "config-banner-error");
        details.setVisible(true);
        details.setManaged(true);
        toggle.setText("Hide details");
    }

    private String recordingProblem;
    private boolean recordingOnBanner;

    /** Shows why recording is paused, or takes that warning away once it records again. */
    void recording(java.util.Optional<String> problem) {
        String next = problem.orElse(null);
        if (java.util.Objects.equals(next, recordingProblem)) {
            return;
        }
        recordingProblem = next;
        if (next != null) {
            fade.stop();
            show("⚠ Flight recorder: " + next + ". Polling and alerts go on; nothing is recorded until there is"
                    + " room again.", List.of(), "config-banner-error");
            recordingOnBanner = true;
        } else if (recordingOnBanner) {
            hide();
            recordingOnBanner = false;
        }
    }

    boolean isShowing() {
        return root.isVisible();
    }

    String text() {
        return message.getText();
    }

    private void show(String text, List<ConfigError> errors, String style) {
        message.setText(text);
        root.getStyleClass().removeAll("config-banner-ok", "config-banner-error");
        root.getStyleClass().add(style);
        details.getChildren().clear();
        for (ConfigError e : errors.subList(0, Math.min(ERRORS_SHOWN, errors.size()))) {
            Label l = new Label(e.toString());
            l.getStyleClass().add("config-banner-error-line");
            details.getChildren().add(l);
        }
        if (errors.size() > ERRORS_SHOWN) {
            details.getChildren().add(new Label("… and " + (errors.size() - ERRORS_SHOWN) + " more (run "
                    + "fleetdeck check-config for all of them)"));
        }
        toggle.setVisible(!errors.isEmpty());
        toggle.setManaged(!errors.isEmpty());
        details.setVisible(false);
        details.setManaged(false);
        root.setVisible(true);
        root.setManaged(true);
    }

    private void hide() {
        root.setVisible(false);
        root.setManaged(false);
    }
}
