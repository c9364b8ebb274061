package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigError;
import dev.fleetdeck.config.OptionForms;
import dev.fleetdeck.ui.theme.Palette;
import dev.fleetdeck.ui.theme.Theme;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Consumer;

/**
 * The settings window: sources (a form per provider type, generated from its own options), alert rules and
 * thresholds, poll intervals, and the theme. Nothing touches the file until Save, which validates the whole
 * configuration exactly as loading it would and then writes it atomically (the previous file kept as {@code .bak});
 * the running dashboard picks the saved file up through hot reload. FX thread; file and network work runs on the
 * dialog's own {@link SettingsWorker}, closed with the window.
 */
public final class SettingsDialog {
    private final ConfigEdit edit;
    private final OptionForms forms;
    private final SettingsWorker worker = new SettingsWorker();
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final VBox problems = new VBox(3);
    private final Button save = new Button("Save");
    private final Consumer<String> onSaved;
    private final Consumer<Theme> onTheme;
    private Stage stage;

    /**
     * @param edit    the file being edited, already read
     * @param onSaved told where the file was saved (after a successful save)
     * @param onTheme applies a theme chosen here, live
     */
    /**
     * @param tester what Test connection runs (the composition root builds and polls the provider)
     */
    public SettingsDialog(ConfigEdit edit, OptionForms forms, ConnectionTester tester, Consumer<String> onSaved,
                          Consumer<Theme> onTheme) {
        this.edit = edit;
        this.forms = forms;
        this.onSaved = onSaved;
        this.onTheme = onTheme;
        tabs.getTabs().addAll(new SourcesTab(edit, forms, tester, worker).tab(), new AlertsTab(edit, forms, worker).tab(),
                new PollingTab(edit, forms, worker).tab(), new RecordingTab(edit, forms, worker).tab(),
                new ServiceTab(edit, forms, worker).tab(), appearance());
        tabs.setId("settings-tabs");
        root.getStyleClass().add("settings");
        root.setCenter(tabs);
        root.setBottom(bottom());
    }

    /** The dialog's content (tests and snapshots render it without a window). */
    public Parent node() {
        return root;
    }

    /** Opens the dialog over {@code owner}, with the owner's stylesheets. */
    /** Sets the dialog's type to the window's zoom (its stylesheet sizes are in em of its root). */
    public SettingsDialog zoomed(double zoom) {
        root.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 14 * zoom));
        return this;
    }

    public void show(Window owner) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("FleetDeck settings — " + edit.target());
        Scene scene = new Scene(root, 1280, 780);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setOnHidden(e -> worker.close());
        stage.show();
    }

    /** Stops the dialog's thread (when shown in a window, closing it does this). */
    public void dispose() {
        worker.close();
    }

    private Tab appearance() {
        ChoiceBox<Theme> theme = new ChoiceBox<>();
        theme.getItems().addAll(Theme.values());
        theme.setValue(Palette.theme());
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : t.label();
            }

            @Override
            public Theme fromString(String s) {
                return Theme.of(s);
            }
        });
        theme.setId("settings-theme");
        theme.setOnAction(e -> {
            onTheme.accept(theme.getValue());
            if (stage != null) {
                stage.getScene().getStylesheets().setAll(theme.getValue().stylesheets());
            }
        });
        Label note = new Label("Applies at once to every view, tile and chart. Remembered on this computer with the "
                + "window size and position (not in the configuration file).");
        note.getStyleClass().add("settings-hint");
        note.setWrapText(true);
        HBox row = new HBox(12, new Label("Theme"), theme);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, row, note);
        box.setPadding(new Insets(16));
        Tab tab = new Tab("Appearance", box);
        tab.setClosable(false);
        return tab;
    }

    private VBox bottom() {
        save.setId("settings-save");
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        Button cancel = new Button("Cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (stage != null) {
                stage.close();
            }
        });
        status.setId("settings-status");
        status.getStyleClass().add("settings-hint");
        status.setText("Editing " + edit.target() + " · nothing is written until Save");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, status, gap, cancel, save);
        buttons.setAlignment(Pos.CENTER_LEFT);
        problems.setId("settings-problems");
        ScrollPane problemScroll = new ScrollPane(problems);
        problemScroll.setFitToWidth(true);
        problemScroll.setMaxHeight(140);
        problemScroll.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(problems.getChildren()));
        problemScroll.managedProperty().bind(problemScroll.visibleProperty());
        VBox box = new VBox(8, problemScroll, buttons);
        box.setPadding(new Insets(10, 14, 12, 14));
        box.getStyleClass().add("settings-bottom");
        return box;
    }

    /** Validates everything, then writes the file; on errors nothing is written and every error is listed. */
    void save() {
        save.setDisable(true);
        status.setText("Checking…");
        worker.run(() -> {
            List<ConfigError> errors = edit.validate(forms);
            if (errors.isEmpty()) {
                edit.save();
            }
            return errors;
        }, errors -> {
            save.setDisable(false);
            problems.getChildren().clear();
            if (errors.isEmpty()) {
                status.setText("Saved to " + edit.target() + " (previous version kept as .bak)");
                onSaved.accept(edit.target().toString());
                if (stage != null) {
                    stage.close();
                }
                return;
            }
            status.setText("Not saved: " + errors.size() + (errors.size() == 1 ? " problem" : " problems"));
            for (ConfigError err : errors) {
                Label l = new Label("✖ " + (err.path().isEmpty() ? "" : err.path() + ": ") + err.message());
                l.getStyleClass().add("settings-error");
                l.setWrapText(true);
                problems.getChildren().add(l);
            }
        }, e -> {
            save.setDisable(false);
            status.setText("Not saved: " + e.getMessage());
        });
    }
}
