package dev.fleetdeck.ui.settings;

import dev.fleetdeck.app.ConnectionTests;
import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigFiles;
import dev.fleetdeck.config.OptionForms;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.ui.render.PngWriter;
import dev.fleetdeck.ui.theme.Stylesheets;
import dev.fleetdeck.ui.theme.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings dialog end to end: generated forms, Test connection, validation on save, atomic save with comments. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    private static final String FILE = """
            # Lab fleet -- edited by hand and by the dialog
            providers:
              # the rack in room 2
              - name: sim
                type: simulated
                options:
                  nodes: 3   # three nodes only
            """;

    private Path file;
    private SettingsDialog dialog;
    private final List<Theme> themes = new ArrayList<>();
    private final List<String> saved = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("fleetdeck-settings");
        file = dir.resolve("config.yaml");
        Files.writeString(file, FILE);
        OptionForms forms = new OptionForms(ProviderRegistry.load());
        dialog = new SettingsDialog(ConfigEdit.open(file, ""), forms, ConnectionTests.over(forms),
                saved::add, themes::add);
        Scene scene = new Scene(dialog.node(), 1280, 780);
        scene.getStylesheets().add(Stylesheets.dark());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        dialog.dispose();
    }

    private static <T extends Node> T await(FxRobot robot, String query, Class<T> type) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        return robot.lookup(query).queryAs(type);
    }

    private static void until(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::get);
    }

    private static void type(FxRobot robot, TextField field, String text) {
        robot.interact(() -> {
            field.setText(text);
            field.fireEvent(new javafx.event.ActionEvent());
        });
    }

    @Test
    void addTestAndSaveASourceKeepingTheFilesComments(FxRobot robot) throws Exception {
        TextField nodes = await(robot, "#field-options-nodes", TextField.class);
        assertEquals("3", nodes.getText(), "the form shows the file's value");
        assertTrue(robot.lookup("#field-options-regions").tryQuery().isPresent(), "generated from the factory");

        MenuButton add = robot.lookup("#settings-add").queryAs(MenuButton.class);
        robot.interact(() -> add.getItems().stream().filter(i -> "settings-add-simulated".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        until(() -> robot.lookup("#field-name").queryAs(TextField.class).getText().equals("simulated-1"));
        TextField newNodes = robot.lookup("#field-options-nodes").queryAs(TextField.class);
        assertEquals("", newNodes.getText(), "empty means the default, shown as a prompt");
        assertFalse(newNodes.getPromptText().isEmpty());
        type(robot, newNodes, "2");

        robot.interact(() -> robot.lookup("#settings-test").queryButton().fire());
        Label result = robot.lookup("#settings-test-result").queryAs(Label.class);
        until(() -> result.getText().startsWith("✔"));
        assertTrue(result.getText().startsWith("✔ Connected in "), result.getText());
        assertTrue(result.getText().contains("2 nodes, 16 GPUs"), result.getText());

        snapshot(robot, "settings-sources.png");

        // An invalid value: Save refuses, lists the problem and leaves the file alone.
        type(robot, robot.lookup("#field-interval").queryAs(TextField.class), "soon");
        robot.interact(dialog::save);
        Label status = robot.lookup("#settings-status").queryAs(Label.class);
        until(() -> status.getText().startsWith("Not saved"));
        assertTrue(robot.lookup("#settings-problems").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).anyMatch(t -> t.contains("providers[1].interval")));
        assertEquals(FILE, Files.readString(file));

        type(robot, robot.lookup("#field-interval").queryAs(TextField.class), "3s");
        robot.interact(dialog::save);
        until(() -> status.getText().startsWith("Saved"));
        assertEquals(List.of(file.toString()), saved);
        String written = Files.readString(file);
        assertTrue(written.startsWith(FILE), "the untouched source is copied with its comments:\n" + written);
        assertTrue(written.endsWith("""
                  - name: simulated-1
                    type: simulated
                    interval: 3s
                    options:
                      nodes: 2
                """), written);
        assertEquals(FILE, Files.readString(ConfigFiles.backupOf(file)));
    }

    @Test
    void alertThresholdEditsWriteARuleThatReplacesTheBuiltInOne(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#settings-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        @SuppressWarnings("unchecked")
        TableView<java.util.Map<String, Object>> rules = robot.lookup("#settings-rules").queryAs(TableView.class);
        until(() -> !rules.getItems().isEmpty());
        int hot = -1;
        for (int i = 0; i < rules.getItems().size(); i++) {
            if ("gpu-hot".equals(rules.getItems().get(i).get("name"))) {
                hot = i;
            }
        }
        assertTrue(hot >= 0, "the built-in rules are listed");
        int row = hot;
        @SuppressWarnings("unchecked")
        var threshold = (javafx.scene.control.TableColumn<java.util.Map<String, Object>, String>) rules.getColumns()
                .get(3);
        robot.interact(() -> threshold.getOnEditCommit().handle(new javafx.scene.control.TableColumn.CellEditEvent<>(
                rules, new javafx.scene.control.TablePosition<>(rules, row, threshold),
                javafx.scene.control.TableColumn.editCommitEvent(), "83")));
        until(() -> rules.getItems().stream().anyMatch(r -> "gpu-hot".equals(r.get("name"))
                && "83".equals(String.valueOf(r.get("above")))));
        snapshot(robot, "settings-alerts.png");
        robot.interact(dialog::save);
        Label status = robot.lookup("#settings-status").queryAs(Label.class);
        until(() -> status.getText().startsWith("Saved"));
        String written = Files.readString(file);
        assertTrue(written.startsWith(FILE), written);
        assertTrue(written.contains("alerts:\n  rules:\n    - name: gpu-hot\n      metric: gpu-temperature\n"
                + "      above: 83\n"), written);
    }

    @Test
    void aCloudSourceGetsItsFormFromItsFactoryAndTestConnectionExplainsWhatIsMissing(FxRobot robot) throws Exception {
        await(robot, "#field-options-nodes", TextField.class);
        MenuButton add = robot.lookup("#settings-add").queryAs(MenuButton.class);
        robot.interact(() -> add.getItems().stream().filter(i -> "settings-add-lambda".equals(i.getId()))
                .findFirst().orElseThrow().fire());
        TextField key = await(robot, "#field-options-api-key", TextField.class);
        assertEquals("env:NAME or file:PATH (never the secret itself)", key.getPromptText());
        assertTrue(robot.lookup("#field-options-request-spacing").tryQuery().isPresent());
        assertTrue(robot.lookup("#field-options-instances-as").tryQuery().isPresent());
        assertTrue(robot.lookup("#field-options-url").tryQuery().isPresent());

        robot.interact(() -> robot.lookup("#settings-test").queryButton().fire());
        Label result = robot.lookup("#settings-test-result").queryAs(Label.class);
        until(() -> result.getText().startsWith("✖"));
        assertTrue(result.getText().contains("options.api-key: missing: the API needs a key"), result.getText());
        snapshot(robot, "settings-lambda.png");
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Path out = Path.of("target", "ui-snapshots", name);
        Files.createDirectories(out.getParent());
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = dialog.node().snapshot(null, null));
        PngWriter.write(img[0], out);
    }
}
