package dev.fleetdeck.config;

import dev.fleetdeck.model.AlertRule;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSpec;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes configuration sections as form fields by running the code that reads them over
 * {@link RecordingOptions}: a provider's own factory for its {@code options}, the loader for the keys every source
 * has, {@link AlertOptions} for {@code alerts}. Also validates one source on its own for "Test connection".
 *
 * <p>Threads: any thread but the JavaFX one (secret references are checked, which may touch files).
 */
public final class OptionForms {
    private static final String SOURCE = "settings";

    private final ProviderRegistry registry;

    /**
     * A described section.
     *
     * @param common  keys outside {@code options} (a source's name, interval, timeout…); empty for other sections
     * @param options the section's own options, in the order they are read
     * @param errors  what is wrong with the current values, every problem at once
     */
    public record Form(List<OptionField> common, List<OptionField> options, List<ConfigError> errors) {
        public Form {
            common = List.copyOf(common);
            options = List.copyOf(options);
            errors = List.copyOf(errors);
        }
    }

    public OptionForms(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** The provider types there are, for an "Add source" choice. */
    public List<String> types() {
        return registry.types();
    }

    /** A type's one-line description. */
    public String description(String type) {
        return registry.find(type).map(ProviderFactory::description).orElse("unknown provider type");
    }

    /** Describes one {@code providers} entry with its current values. */
    public Form describeProvider(Map<String, Object> entry) {
        List<ConfigError> errors = new ArrayList<>();
        MappingOptions section = options(entry, errors);
        Map<String, OptionField> commonSink = RecordingOptions.newSink();
        ConfigLoader.Common common = ConfigLoader.common(new RecordingOptions(section, "", commonSink));
        commonSink.remove("type");
        Map<String, OptionField> optionSink = RecordingOptions.newSink();
        MappingOptions options = (MappingOptions) section.section("options");
        Optional<ProviderFactory> factory = Optional.ofNullable(common.type()).flatMap(registry::find);
        if (factory.isEmpty()) {
            section.error("type", "unknown provider type '" + common.type() + "'; known types: "
                    + String.join(", ", registry.types()));
        } else {
            ProviderSpec spec = new ProviderSpec(common.name() == null ? "new-source" : common.name(), common.type(),
                    common.interval(), common.timeout(), common.backoffMax(), common.concurrency(),
                    new RecordingOptions(options, "", optionSink));
            try {
                factory.get().create(spec).close(); // created only to learn what it reads
            } catch (RuntimeException e) {
                section.error("options", "provider type '" + common.type() + "' rejected its options: "
                        + e.getMessage());
            }
        }
        if (common.name() == null) {
            section.error("name", "missing: every source needs a unique name");
        }
        section.reportUnknownKeys();
        return new Form(RecordingOptions.fields(commonSink), RecordingOptions.fields(optionSink), errors);
    }

    /** Describes the {@code alerts} section (its general options; rules are edited as a table). */
    public Form describeAlerts(Map<String, Object> alerts) {
        List<ConfigError> errors = new ArrayList<>();
        MappingOptions section = options(alerts, errors);
        Map<String, OptionField> sink = RecordingOptions.newSink();
        AlertOptions.read(new RecordingOptions(section, "", sink));
        sink.remove("rules");
        section.reportUnknownKeys();
        return new Form(List.of(), RecordingOptions.fields(sink), errors);
    }

    /** Describes the {@code polling} section. */
    public Form describePolling(Map<String, Object> polling) {
        List<ConfigError> errors = new ArrayList<>();
        MappingOptions section = options(polling, errors);
        Map<String, OptionField> sink = RecordingOptions.newSink();
        ConfigLoader.polling(new RecordingOptions(section, "", sink));
        section.reportUnknownKeys();
        return new Form(List.of(), RecordingOptions.fields(sink), errors);
    }

    /** Describes the {@code recording} section (the flight recorder). */
    public Form describeRecording(Map<String, Object> recording) {
        List<ConfigError> errors = new ArrayList<>();
        MappingOptions section = options(recording, errors);
        Map<String, OptionField> sink = RecordingOptions.newSink();
        RecorderOptions.read(new RecordingOptions(section, "", sink));
        section.reportUnknownKeys();
        return new Form(List.of(), RecordingOptions.fields(sink), errors);
    }

    /**
     * The headless service's options as forms, generated from the code that reads them: the {@code service} section,
     * {@code alerts.send-to} (Alertmanagers, resend, webhooks as YAML, their rate) and {@code alerts.receive-from}.
     *
     * @return three forms, in that order; each field's path is relative to its section
     */
    public List<Form> describeService(Map<String, Object> service, Map<String, Object> sendTo,
                                      Map<String, Object> receiveFrom) {
        List<ConfigError> errors = new ArrayList<>();
        MappingOptions s = options(service, errors);
        MappingOptions to = options(sendTo, errors);
        MappingOptions from = options(receiveFrom, errors);
        Map<String, OptionField> a = RecordingOptions.newSink();
        Map<String, OptionField> b = RecordingOptions.newSink();
        Map<String, OptionField> c = RecordingOptions.newSink();
        ServiceOptions.read(new RecordingOptions(s, "", a), new RecordingOptions(to, "", b),
                new RecordingOptions(from, "", c));
        s.reportUnknownKeys();
        to.reportUnknownKeys();
        from.reportUnknownKeys();
        return List.of(new Form(List.of(), RecordingOptions.fields(a), errors),
                new Form(List.of(), RecordingOptions.fields(b), List.of()),
                new Form(List.of(), RecordingOptions.fields(c), List.of()));
    }

    /** The alert rules a given {@code alerts} section gives: built-in ones (unless turned off) and its own. */
    public List<AlertRule> effectiveRules(Map<String, Object> alerts) {
        return AlertOptions.read(options(alerts, new ArrayList<>())).rules();
    }

    /**
     * Validates a whole configuration as it would be saved, without keeping it: the same check as loading the file.
     */
    public List<ConfigError> validate(Map<String, Object> root, String source) {
        try {
            new ConfigLoader(registry).parse(YamlText.document(root), source).close(); // valid; not run
            return List.of();
        } catch (ConfigException e) {
            return e.errors();
        }
    }

    /**
     * One source on its own, ready to poll once (the caller closes it).
     *
     * @throws ConfigException when the entry is not valid
     */
    public ConfiguredProvider build(Map<String, Object> entry) throws ConfigException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("providers", List.of(entry));
        FleetDeckConfig config = new ConfigLoader(registry).parse(YamlText.document(root), SOURCE);
        return config.providers().getFirst();
    }

    private static MappingOptions options(Map<String, Object> values, List<ConfigError> errors) {
        ConfigNode node = new YamlTreeReader(SOURCE, errors).read(new StringReader(YamlText.document(values)));
        ConfigNode.Mapping mapping = node instanceof ConfigNode.Mapping m ? m
                : new ConfigNode.Mapping(Map.of(), new ConfigLocation(SOURCE, 0, 0));
        return new MappingOptions(mapping, "", errors);
    }
}
