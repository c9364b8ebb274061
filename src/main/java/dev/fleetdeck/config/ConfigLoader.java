package dev.fleetdeck.config;

import dev.fleetdeck.model.AlertSettings;
import dev.fleetdeck.model.Redaction;
import dev.fleetdeck.model.ShowroomSettings;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderFactory;
import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.ProviderRegistry;
import dev.fleetdeck.provider.ProviderSpec;
import dev.fleetdeck.provider.input.BoundedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads and validates a FleetDeck YAML configuration. Every error found is reported at once, each with file,
 * line, column and key path; nothing is half-applied: either the whole configuration is valid or a
 * {@link ConfigException} lists why not.
 *
 * <p>Threads: call from a background or main thread, never the JavaFX thread (it reads files).
 */
public final class ConfigLoader {
    /** Source name of the built-in configuration (the simulated fleet). */
    public static final String DEFAULT_SOURCE = "<built-in simulated fleet>";
    /** Configuration files larger than this are refused. */
    public static final long MAX_BYTES = 1 << 20;
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_UNREACHABLE_AFTER = Duration.ofMinutes(5);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String DEFAULT_RESOURCE = "/dev/fleetdeck/config/default-fleet.yaml";

    private final ProviderRegistry registry;

    public ConfigLoader(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** Loads a configuration file. */
    public FleetDeckConfig load(Path file) throws ConfigException {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = BoundedFile.read(file, MAX_BYTES, "configuration file");
        } catch (BoundedFile.Refused e) {
            throw single(source, e.reason());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw single(source, "reading the file was interrupted");
        }
        return parse(decode(bytes, source), source);
    }

    /** The text of the built-in configuration (what the settings dialog starts from on first run). */
    public static String defaultText() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing from the application: " + DEFAULT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The built-in configuration: a simulated mid-size GPU cloud. */
    public FleetDeckConfig loadDefault() throws ConfigException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw single(DEFAULT_SOURCE, "missing from the application (" + DEFAULT_RESOURCE + ")");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_SOURCE);
        } catch (IOException e) {
            throw single(DEFAULT_SOURCE, "cannot read: " + e.getMessage());
        }
    }

    /** Parses configuration text; {@code source} names it in errors. */
    public FleetDeckConfig parse(String yaml, String source) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode root = new YamlTreeReader(source, errors).read(new StringReader(yaml));
        if (root == null) {
            throw new ConfigException(errors);
        }
        if (!(root instanceof ConfigNode.Mapping top)) {
            errors.add(new ConfigError(root.location(), "", "expected a mapping with a 'providers' list, found "
                    + root.kind()));
            throw new ConfigException(errors);
        }
        MappingOptions options = new MappingOptions(top, "", errors);
        Duration unreachableAfter = polling(options.section("polling"));
        ShowroomSettings showroom = ShowroomOptions.read(options.section("showroom"));
        dev.fleetdeck.provider.ProviderOptions alertSection = options.section("alerts");
        AlertSettings alerts = AlertOptions.read(alertSection);
        dev.fleetdeck.model.ServiceSettings service = ServiceOptions.read(options.section("service"),
                alertSection.section("send-to"), alertSection.section("receive-from"));
        dev.fleetdeck.model.RecordingSettings recording = RecorderOptions.read(options.section("recording"));
        Map<String, MappingOptions> sections = new HashMap<>();
        List<ConfiguredProvider> providers = readProviders(top, options, errors, sections);
        checkJoins(providers, sections);
        options.reportUnknownKeys();
        if (!errors.isEmpty()) {
            providers.forEach(p -> p.provider().close());
            errors.sort(Comparator.comparingInt((ConfigError e) -> e.location().line())
                    .thenComparingInt(e -> e.location().column()));
            throw new ConfigException(errors);
        }
        return new FleetDeckConfig(source, providers, unreachableAfter, showroom, alerts, recording, service);
    }

    private List<ConfiguredProvider> readProviders(ConfigNode.Mapping top, MappingOptions options,
                                                   List<ConfigError> errors, Map<String, MappingOptions> byName) {
        if (!top.entries().containsKey("providers")) {
            errors.add(new ConfigError(top.location(), "providers", "missing: list at least one provider"));
            return List.of();
        }
        List<ConfiguredProvider> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        List<ProviderOptions> sections = options.sectionList("providers");
        if (sections.isEmpty() && errors.isEmpty()) {
            options.error("providers", "the list is empty: list at least one provider");
        }
        for (int i = 0; i < sections.size(); i++) {
            MappingOptions section = (MappingOptions) sections.get(i);
            String path = "providers[" + i + "]";
            Common common = common(section);
            String name = common.name();
            String type = common.type();
            Duration interval = common.interval();
            Duration timeout = common.timeout();
            Duration backoffMax = common.backoffMax();
            int concurrency = common.concurrency();
            MappingOptions providerOptions = (MappingOptions) section.section("options");
            if (name == null) {
                section.error("name", "missing: every provider needs a unique name");
            } else if (!NAME.matcher(name).matches()) {
                section.error("name", Redaction.quote(name) + " is not a valid name: use 1-64 letters, digits, '.', '_' or '-'");
                name = null;
            } else if (names.putIfAbsent(name, i) != null) {
                section.error("name", Redaction.quote(name) + " is already the name of providers[" + names.get(name) + "]");
            }
            if (type == null) {
                section.error("type", "missing: one of " + String.join(", ", registry.types()));
                continue;
            }
            ProviderFactory factory = registry.find(type).orElse(null);
            if (factory == null) {
                section.error("type", "unknown provider type " + Redaction.quote(type) + "; known types: "
                        + String.join(", ", registry.types()));
                continue;
            }
            ProviderSpec spec = new ProviderSpec(name == null ? path : name, type, interval, timeout, backoffMax,
                    concurrency, providerOptions);
            try {
                FleetProvider provider = factory.create(spec);
                @SuppressWarnings("unchecked")
                String fingerprint = YamlText.document((Map<String, Object>) ConfigTree.of(section.mapping()));
                out.add(new ConfiguredProvider(spec, provider, fingerprint));
                byName.put(spec.name(), providerOptions);
            } catch (RuntimeException e) {
                section.error("options", "provider type " + Redaction.quote(type) + " rejected its options: " + e.getMessage());
            }
        }
        return out;
    }

    /** Every source named in another's {@code metrics-from} must exist. */
    private static void checkJoins(List<ConfiguredProvider> providers, Map<String, MappingOptions> sections) {
        java.util.Set<String> names = new java.util.HashSet<>();
        providers.forEach(p -> names.add(p.spec().name()));
        for (ConfiguredProvider p : providers) {
            for (String other : p.provider().metricsFrom()) {
                if (!names.contains(other)) {
                    sections.get(p.spec().name()).error("metrics-from", "no source is named '" + other
                            + "'; sources: " + String.join(", ", names.stream().sorted().toList()));
                }
            }
        }
    }

    /** Reads the {@code polling} section: how long a source may fail before its nodes show as unreachable. */
    static Duration polling(ProviderOptions polling) {
        return polling.getDuration("unreachable-after", DEFAULT_UNREACHABLE_AFTER);
    }

    /** The keys every provider entry has, beside its type-specific {@code options}. */
    record Common(String name, String type, Duration interval, Duration timeout, Duration backoffMax,
                  int concurrency) {
    }

    /** Reads the common keys of one {@code providers} entry (the settings dialog describes them the same way). */
    static Common common(ProviderOptions section) {
        String name = section.findString("name").orElse(null);
        String type = section.findString("type").orElse(null);
        Duration interval = section.getDuration("interval", DEFAULT_INTERVAL);
        Duration timeout = section.getDuration("timeout", DEFAULT_TIMEOUT);
        Duration backoffMax = section.getDuration("backoff-max", ProviderSpec.DEFAULT_BACKOFF_MAX);
        int concurrency = section.getInt("concurrency", ProviderSpec.DEFAULT_CONCURRENCY, 1, 256);
        if (backoffMax.compareTo(interval) < 0) {
            section.error("backoff-max", "must not be shorter than the interval (" + DurationText.format(interval)
                    + ")");
        }
        return new Common(name, type, interval, timeout, backoffMax, concurrency);
    }

    private static String decode(byte[] bytes, String source) throws ConfigException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw single(source, "not UTF-8 text");
        }
    }

    private static ConfigException single(String source, String message) {
        return new ConfigException(List.of(new ConfigError(new ConfigLocation(source, 0, 0), "", message)));
    }
}
