package dev.fleetdeck.config;

import dev.fleetdeck.provider.ProviderRegistry;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionFormsTest {
    private final OptionForms forms = new OptionForms(ProviderRegistry.load());

    private static Map<String, Object> entry(String name, String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", name);
        e.put("type", type);
        return e;
    }

    private static OptionField field(OptionForms.Form form, String path) {
        return form.options().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(path + " not in " + form.options()));
    }

    @Test
    void simulatedProviderDescribesItsOwnOptionsWithSortsDefaultsAndRanges() {
        OptionForms.Form form = forms.describeProvider(entry("sim", "simulated"));
        assertEquals(List.of(), form.errors());
        assertEquals(new OptionField("nodes", OptionField.Kind.INTEGER, field(form, "nodes").defaultValue(),
                "0..50000"), field(form, "nodes"));
        assertEquals(OptionField.Kind.TEXT_LIST, field(form, "regions").kind());
        assertEquals(OptionField.Kind.NUMBER, field(form, "time-scale").kind());
        assertEquals(List.of("name", "interval", "timeout", "backoff-max", "concurrency"),
                form.common().stream().map(OptionField::path).toList());
        assertEquals("5s", form.common().get(1).defaultValue());
    }

    @Test
    void aSectionReadByItsKeysIsOneMapField() {
        Map<String, Object> e = entry("sim", "simulated");
        ConfigTree.put(e, "options.models", new LinkedHashMap<>(Map.of("H100", "3", "B200", "1")));
        OptionForms.Form form = forms.describeProvider(e);
        assertEquals(OptionField.Kind.MAP, field(form, "models").kind());
        assertTrue(form.options().stream().noneMatch(f -> f.path().startsWith("models.")), form.options().toString());
    }

    @Test
    void optionsThatDependOnOthersAppearOnceTheyApply() {
        Map<String, Object> e = entry("prom", "prometheus");
        ConfigTree.put(e, "options.url", "http://127.0.0.1:9090");
        OptionForms.Form plain = forms.describeProvider(e);
        assertEquals(OptionField.Kind.TEXT, field(plain, "auth.type").kind());
        assertTrue(plain.options().stream().noneMatch(f -> f.path().equals("auth.token")));
        assertEquals(OptionField.Kind.DURATION, field(plain, "http.read-timeout").kind());

        ConfigTree.put(e, "options.auth.type", "bearer");
        OptionForms.Form bearer = forms.describeProvider(e);
        assertEquals(OptionField.Kind.SECRET, field(bearer, "auth.token").kind());
        assertTrue(bearer.errors().stream().anyMatch(x -> x.path().equals("options.auth.token")), bearer.errors()
                .toString());
    }

    @Test
    void errorsOfTheCurrentValuesComeWithTheFormIncludingTypos() {
        Map<String, Object> e = entry("prom", "prometheus");
        ConfigTree.put(e, "options.url", "ftp://nowhere");
        ConfigTree.put(e, "options.selectr", "job=\"dcgm\"");
        ConfigTree.put(e, "interval", "soon");
        OptionForms.Form form = forms.describeProvider(e);
        List<String> messages = form.errors().stream().map(x -> x.path() + ": " + x.message()).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("options.url: 'ftp://nowhere' is not")), messages
                .toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("options.selectr: unknown key; did you mean "
                + "'selector'?")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("interval: expected a positive duration")),
                messages.toString());
    }

    @Test
    void unknownTypeIsAnErrorNotACrash() {
        OptionForms.Form form = forms.describeProvider(entry("x", "no-such-cloud"));
        assertTrue(form.options().isEmpty());
        assertFalse(form.errors().isEmpty());
        assertTrue(form.errors().getFirst().message().contains("known types"), form.errors().toString());
    }

    @Test
    void alertsAndPollingSectionsAreDescribedByTheCodeThatReadsThem() {
        OptionForms.Form alerts = forms.describeAlerts(Map.of());
        List<String> paths = alerts.options().stream().map(OptionField::path).toList();
        assertTrue(paths.containsAll(List.of("idle-below", "idle-for", "clear-after", "notify-every",
                "history-max-size", "default-rules")), paths.toString());
        assertFalse(paths.contains("rules"));
        OptionForms.Form polling = forms.describePolling(Map.of());
        assertEquals(List.of(new OptionField("unreachable-after", OptionField.Kind.DURATION, "5m", "")),
                polling.options());
    }

    @Test
    void validateReportsWhatLoadingWouldAndBuildMakesOneSource() throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("providers", new java.util.ArrayList<>(List.of(entry("sim", "simulated"), entry("sim", "simulated"))));
        List<ConfigError> errors = forms.validate(root, "edited.yaml");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.getFirst().message().contains("already the name"), errors.toString());

        ConfiguredProvider one = forms.build(entry("sim", "simulated"));
        try {
            assertEquals("sim", one.provider().name());
        } finally {
            one.provider().close();
        }
    }

    @Test
    void theServiceFormsComeFromTheCodeThatReadsThemAndShowItsErrors() {
        Map<String, Object> service = new LinkedHashMap<>(Map.of("listen", "nowhere"));
        List<OptionForms.Form> parts = forms.describeService(service, Map.of(), Map.of());
        assertEquals(3, parts.size());
        assertEquals(List.of("listen", "tenant-metrics", "desktop-endpoint"), parts.get(0).options().stream().map(OptionField::path).toList());
        assertTrue(parts.get(1).options().stream().map(OptionField::path).toList().containsAll(List.of("alertmanager",
                "resend-every", "webhooks", "webhook-every")), parts.get(1).options().toString());
        assertEquals(List.of("prometheus", "alertmanager"),
                parts.get(2).options().stream().map(OptionField::path).toList());
        assertTrue(parts.get(0).errors().stream().anyMatch(e -> e.toString().contains("HOST:PORT")),
                parts.get(0).errors().toString());
    }
}
