package dev.fleetdeck.config;

import dev.fleetdeck.model.Redaction;

import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ProviderOptions} over one YAML mapping. Errors go to a shared list with the value's location and key path;
 * the keys that were asked for are remembered so the rest can be reported as unknown.
 */
final class MappingOptions implements ProviderOptions {
    private final ConfigNode.Mapping mapping;
    private final String path;
    private final List<ConfigError> errors;
    private final Set<String> used = new HashSet<>();
    private final List<MappingOptions> children = new ArrayList<>();

    MappingOptions(ConfigNode.Mapping mapping, String path, List<ConfigError> errors) {
        this.mapping = mapping;
        this.path = path;
        this.errors = errors;
    }

    /** The mapping these options read. */
    ConfigNode.Mapping mapping() {
        return mapping;
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private ConfigNode value(String key) {
        used.add(key);
        ConfigNode.Entry e = mapping.entries().get(key);
        return e == null ? null : e.value();
    }

    private String scalar(String key) {
        ConfigNode v = value(key);
        if (v == null) {
            return null;
        }
        if (v instanceof ConfigNode.Scalar s && s.text() != null) {
            return s.text();
        }
        errors.add(new ConfigError(v.location(), pathOf(key), "expected a single value, found " + v.kind()));
        return null;
    }

    private ConfigLocation at(String key) {
        ConfigNode.Entry e = mapping.entries().get(key);
        return e == null ? mapping.location() : e.value().location();
    }

    @Override
    public int getInt(String key, int dflt, int min, int max) {
        String text = scalar(key);
        if (text == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text.strip());
            if (v < min || v > max) {
                errors.add(new ConfigError(at(key), pathOf(key), text + " is outside " + min + ".." + max));
                return dflt;
            }
            return (int) v;
        } catch (NumberFormatException e) {
            errors.add(new ConfigError(at(key), pathOf(key), "expected a whole number, found " + Redaction.quote(text)));
            return dflt;
        }
    }

    @Override
    public double getDouble(String key, double dflt, double min, double max) {
        String text = scalar(key);
        if (text == null) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (!(v >= min && v <= max)) {
                errors.add(new ConfigError(at(key), pathOf(key), text + " is outside " + min + ".." + max));
                return dflt;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new ConfigError(at(key), pathOf(key), "expected a number, found " + Redaction.quote(text)));
            return dflt;
        }
    }

    @Override
    public String getString(String key, String dflt) {
        return findString(key).orElse(dflt);
    }

    @Override
    public Optional<String> findString(String key) {
        return Optional.ofNullable(scalar(key));
    }

    @Override
    public Duration getDuration(String key, Duration dflt) {
        String text = scalar(key);
        if (text == null) {
            return dflt;
        }
        Optional<Duration> d = DurationText.parse(text);
        if (d.isEmpty() || d.get().isZero()) {
            errors.add(new ConfigError(at(key), pathOf(key), "expected a positive duration such as 500ms, 2s, 5m "
                    + "or 1h, found " + Redaction.quote(text)));
            return dflt;
        }
        return d.get();
    }

    @Override
    public boolean getBoolean(String key, boolean dflt) {
        String text = scalar(key);
        if (text == null) {
            return dflt;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                errors.add(new ConfigError(at(key), pathOf(key), "expected true or false, found " + Redaction.quote(text)));
                yield dflt;
            }
        };
    }

    @Override
    public long getByteSize(String key, long dflt, long min, long max) {
        String text = scalar(key);
        if (text == null) {
            return dflt;
        }
        Optional<Long> v = ByteSizeText.parse(text);
        if (v.isEmpty()) {
            errors.add(new ConfigError(at(key), pathOf(key), "expected a size such as 512KiB, 32MiB or 1GiB, found "
                    + Redaction.quote(text)));
            return dflt;
        }
        if (v.get() < min || v.get() > max) {
            errors.add(new ConfigError(at(key), pathOf(key), text + " is outside " + ByteSizeText.format(min) + ".."
                    + ByteSizeText.format(max)));
            return dflt;
        }
        return v.get();
    }

    @Override
    public Optional<Secret> findSecret(String key) {
        String text = scalar(key);
        if (text == null) {
            return Optional.empty();
        }
        Optional<Secret> secret = Secret.parse(text);
        if (secret.isEmpty()) {
            // Never echo the value: it may be the secret itself, pasted in by mistake.
            errors.add(new ConfigError(at(key), pathOf(key), "expected a reference such as env:API_TOKEN or "
                    + "file:/path/to/token; secrets are not written into the configuration file"));
            return Optional.empty();
        }
        Optional<String> problem = secret.get().problem();
        if (problem.isPresent()) {
            errors.add(new ConfigError(at(key), pathOf(key), problem.get()));
        }
        return secret;
    }

    @Override
    public List<String> getStringList(String key, List<String> dflt) {
        ConfigNode v = value(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof ConfigNode.Sequence seq)) {
            errors.add(new ConfigError(v.location(), pathOf(key), "expected a list, found " + v.kind()));
            return dflt;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            ConfigNode item = seq.items().get(i);
            if (item instanceof ConfigNode.Scalar s && s.text() != null) {
                out.add(s.text());
            } else {
                errors.add(new ConfigError(item.location(), pathOf(key) + "[" + i + "]",
                        "expected a single value, found " + item.kind()));
            }
        }
        return out;
    }

    @Override
    public ProviderOptions section(String key) {
        ConfigNode v = value(key);
        if (v instanceof ConfigNode.Mapping m) {
            return child(m, pathOf(key));
        }
        if (v != null) {
            errors.add(new ConfigError(v.location(), pathOf(key), "expected a mapping, found " + v.kind()));
        }
        return child(new ConfigNode.Mapping(Map.of(), at(key)), pathOf(key));
    }

    @Override
    public List<ProviderOptions> sectionList(String key) {
        ConfigNode v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof ConfigNode.Sequence seq)) {
            errors.add(new ConfigError(v.location(), pathOf(key), "expected a list, found " + v.kind()));
            return List.of();
        }
        List<ProviderOptions> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            ConfigNode item = seq.items().get(i);
            String itemPath = pathOf(key) + "[" + i + "]";
            if (item instanceof ConfigNode.Mapping m) {
                out.add(child(m, itemPath));
            } else {
                errors.add(new ConfigError(item.location(), itemPath, "expected a mapping, found " + item.kind()));
            }
        }
        return out;
    }

    private MappingOptions child(ConfigNode.Mapping m, String childPath) {
        MappingOptions c = new MappingOptions(m, childPath, errors);
        children.add(c);
        return c;
    }

    @Override
    public List<String> keys() {
        used.addAll(mapping.entries().keySet());
        return List.copyOf(mapping.entries().keySet());
    }

    @Override
    public void error(String key, String message) {
        errors.add(new ConfigError(at(key), pathOf(key), message));
    }

    /** Records an error for every key that nobody asked for, here and in the sections handed out. */
    void reportUnknownKeys() {
        for (Map.Entry<String, ConfigNode.Entry> e : mapping.entries().entrySet()) {
            if (!used.contains(e.getKey())) {
                List<String> known = new ArrayList<>(used);
                known.sort(null);
                String guess = closest(e.getKey(), known);
                errors.add(new ConfigError(e.getValue().keyLocation(), pathOf(e.getKey()), "unknown key"
                        + (guess == null ? "" : "; did you mean '" + guess + "'?")
                        + (known.isEmpty() ? "" : " (known here: " + String.join(", ", known) + ")")));
            }
        }
        children.forEach(MappingOptions::reportUnknownKeys);
    }

    /** The known key nearest to a typo (at most 2 edits, or a third of its length), or null. */
    static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = Math.max(2, key.length() / 3) + 1;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /** Edit distance with transpositions (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
