package dev.fleetdeck.ui.settings;

import dev.fleetdeck.config.ConfigEdit;
import dev.fleetdeck.config.OptionForms;
import javafx.scene.control.Tab;

import java.util.Map;

/**
 * Settings → Recording: the flight recorder's {@code recording} section as a form generated from the code that reads
 * it (on/off, resolution, retention, size limit, location). Takes effect when FleetDeck starts again. FX thread.
 */
final class RecordingTab {
    private final ConfigEdit edit;
    private final OptionForms forms;
    private final SettingsWorker worker;
    private final Tab tab = FormTabs.reloading("Recording", "settings-tab-recording", this::load);

    RecordingTab(ConfigEdit edit, OptionForms forms, SettingsWorker worker) {
        this.edit = edit;
        this.forms = forms;
        this.worker = worker;
    }

    Tab tab() {
        return tab;
    }

    private void load() {
        Map<String, Object> recording = FormTabs.section(edit.tree(), "recording");
        worker.run(() -> forms.describeRecording(recording), this::build, e -> { });
    }

    private void build(OptionForms.Form form) {
        OptionGrid grid = new OptionGrid();
        grid.heading("Flight recorder");
        grid.fields(form.options(), edit.tree(), "recording.", () -> { });
        grid.showErrors(form.errors());
        tab.setContent(FormTabs.page(grid, "Every frame is kept (one per resolution step) in hourly DuckDB files"
                + " that other tools can open once an hour is sealed; the oldest go when the retention or the size"
                + " limit is reached."
                + " A change takes effect when FleetDeck starts again."));
    }
}
