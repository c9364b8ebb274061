package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.ConfigTree;
import dev.fleetdeck.config.OptionForms;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/**
 * Settings → Service: {@code fleetdeck serve}'s endpoint ({@code service}), where alerts go ({@code alerts.send-to}:
 * Alertmanagers, webhooks) and whose alerts come in ({@code alerts.receive-from}), as forms generated from the code that
 * reads them. The window uses the Alertmanagers and the sources too; the endpoint is {@code serve}'s. Takes effect
 * when FleetDeck starts again. FX thread.
 */
final class ServiceTab {
    private final ConfigEdit edit;
    private final OptionForms forms;
    private final SettingsWorker worker;
    private final Tab tab = new Tab("Service");

    ServiceTab(ConfigEdit edit, OptionForms forms, SettingsWorker worker) {
        this.edit = edit;
        this.forms = forms;
        this.worker = worker;
        tab.setId("settings-tab-service");
        tab.setClosable(false);
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                load();
            }
        });
    }

    Tab tab() {
        return tab;
    }

    private void load() {
        Map<String, Object> alerts = section(edit.tree(), "alerts");
        Map<String, Object> service = section(edit.tree(), "service");
        Map<String, Object> sendTo = section(alerts, "send-to");
        Map<String, Object> receiveFrom = section(alerts, "receive-from");
        worker.run(() -> forms.describeService(service, sendTo, receiveFrom), this::build, e -> { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> root, String key) {
        return root.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) ConfigTree.copy(m) : Map.of();
    }

    private void build(List<OptionForms.Form> parts) {
        OptionGrid grid = new OptionGrid();
        grid.heading("Headless service (fleetdeck serve)");
        grid.fields(parts.get(0).options(), edit.tree(), "service.", () -> { });
        grid.heading("Alerts out: Alertmanager and webhooks");
        grid.fields(parts.get(1).options(), edit.tree(), "alerts.send-to.", () -> { });
        grid.heading("Alerts in: Prometheus and Alertmanager");
        grid.fields(parts.get(2).options(), edit.tree(), "alerts.receive-from.", () -> { });
        grid.showErrors(parts.get(0).errors());
        Label note = new Label("serve answers /metrics, /healthz, /readyz and /api/v1/frame on 'listen'. Firing alerts"
                + " go to every Alertmanager; acknowledging or silencing here silences them there too. Webhook URLs"
                + " are best given as env:NAME or file:PATH. A change takes effect when FleetDeck starts again.");
        note.getStyleClass().add("settings-hint");
        note.setWrapText(true);
        VBox box = new VBox(12, grid.node(), note);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        tab.setContent(scroll);
    }
}
