package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.OptionForms;
import javafx.scene.control.Tab;

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
    private final Tab tab = FormTabs.reloading("Service", "settings-tab-service", this::load);

    ServiceTab(ConfigEdit edit, OptionForms forms, SettingsWorker worker) {
        this.edit = edit;
        this.forms = forms;
        this.worker = worker;
    }

    Tab tab() {
        return tab;
    }

    private void load() {
        Map<String, Object> alerts = FormTabs.section(edit.tree(), "alerts");
        Map<String, Object> service = FormTabs.section(edit.tree(), "service");
        Map<String, Object> sendTo = FormTabs.section(alerts, "send-to");
        Map<String, Object> receiveFrom = FormTabs.section(alerts, "receive-from");
        worker.run(() -> forms.describeService(service, sendTo, receiveFrom), this::build, e -> { });
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
        tab.setContent(FormTabs.page(grid, "serve answers /metrics, /healthz, /readyz and /api/v1/frame on"
                + " 'listen'. Firing alerts"
                + " go to every Alertmanager; acknowledging or silencing here silences them there too. Webhook URLs"
                + " are best given as env:NAME or file:PATH. A change takes effect when FleetDeck starts again."));
    }
}
