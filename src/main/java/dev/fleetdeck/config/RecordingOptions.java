package dev.fleetdeck.config;

import dev.fleetdeck.provider.ProviderOptions;
import dev.fleetdeck.provider.Secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ProviderOptions} that answers from a real section and writes down every option asked for: its path, sort,
 * default and range. Running a factory over it describes the factory's options, so forms follow the code that
 * reads them and a new provider needs no new dialog. Options read only in some cases (a token only for
 * {@code auth.type: bearer}) appear once the values that lead there are set.
 */
final class RecordingOptions implements ProviderOptions {
    private final ProviderOptions delegate;
    private final String prefix;
    private final Map<String, OptionField> sink;

    RecordingOptions(ProviderOptions delegate, String prefix, Map<String, OptionField> sink) {
        this.delegate = delegate;
        this.prefix = prefix;
        this.sink = sink;
    }

    /** The fields recorded, in the order first asked for. */
    static List<OptionField> fields(Map<String, OptionField> sink) {
        return new ArrayList<>(sink.values());
    }

    static Map<String, OptionField> newSink() {
        return new LinkedHashMap<>();
    }

    private void record(String key, OptionField.Kind kind, Object dflt, String range) {
        String path = prefix + key;
        for (OptionField f : sink.values()) {
            if (f.kind() == OptionField.Kind.MAP && path.startsWith(f.path() + ".")) {
                return; // part of a free-key section, edited as a whole
            }
        }
        // A section asked for keys() is a MAP; a later typed getter on the same key does not downgrade it.
        sink.putIfAbsent(path, new OptionField(path, kind, dflt == null ? "" : text(dflt), range));
    }

    private static String text(Object v) {
        if (v instanceof Duration d) {
            return DurationText.format(d);
        }
        if (v instanceof List<?> l) {
            return String.join(", ", l.stream().map(String::valueOf).toList());
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }

    private static String range(double min, double max) {
        boolean free = min <= -1e11 && max >= 1e11;
        return free ? "" : text(min) + ".." + text(max);
    }

    @Override
    public int getInt(String key, int dflt, int min, int max) {
        record(key, OptionField.Kind.INTEGER, dflt, min == Integer.MIN_VALUE && max == Integer.MAX_VALUE ? ""
                : min + ".." + max);
        return delegate.getInt(key, dflt, min, max);
    }

    @Override
    public double getDouble(String key, double dflt, double min, double max) {
        record(key, OptionField.Kind.NUMBER, dflt, range(min, max));
        return delegate.getDouble(key, dflt, min, max);
    }

    @Override
    public String getString(String key, String dflt) {
        record(key, OptionField.Kind.TEXT, dflt, "");
        return delegate.getString(key, dflt);
    }

    @Override
    public Optional<String> findString(String key) {
        record(key, OptionField.Kind.TEXT, null, "");
        return delegate.findString(key);
    }

    @Override
    public Duration getDuration(String key, Duration dflt) {
        record(key, OptionField.Kind.DURATION, dflt, "");
        return delegate.getDuration(key, dflt);
    }

    @Override
    public boolean getBoolean(String key, boolean dflt) {
        record(key, OptionField.Kind.BOOLEAN, dflt, "");
        return delegate.getBoolean(key, dflt);
    }

    @Override
    public long getByteSize(String key, long dflt, long min, long max) {
        record(key, OptionField.Kind.BYTE_SIZE, ByteSizeText.format(dflt), ByteSizeText.format(min) + ".."
                + ByteSizeText.format(max));
        return delegate.getByteSize(key, dflt, min, max);
    }

    @Override
    public Optional<Secret> findSecret(String key) {
        record(key, OptionField.Kind.SECRET, null, "");
        return delegate.findSecret(key);
    }

    @Override
    public List<String> getStringList(String key, List<String> dflt) {
        record(key, OptionField.Kind.TEXT_LIST, dflt, "");
        return delegate.getStringList(key, dflt);
    }

    @Override
    public ProviderOptions section(String key) {
        return new RecordingOptions(delegate.section(key), prefix + key + ".", sink);
    }

    @Override
    public List<ProviderOptions> sectionList(String key) {
        record(key, OptionField.Kind.SECTION_LIST, null, "");
        // Their own options are edited with the list as YAML, so they are not recorded one by one.
        Map<String, OptionField> discard = newSink();
        return delegate.sectionList(key).stream()
                .map(o -> (ProviderOptions) new RecordingOptions(o, "", discard)).toList();
    }

    /** A section read by its keys (e.g. model → weight) is one structured value: a MAP field replaces its parts. */
    @Override
    public List<String> keys() {
        if (!prefix.isEmpty()) {
            String self = prefix.substring(0, prefix.length() - 1);
            sink.keySet().removeIf(path -> path.startsWith(prefix));
            sink.putIfAbsent(self, new OptionField(self, OptionField.Kind.MAP, "", ""));
        }
        return delegate.keys();
    }

    @Override
    public void error(String key, String message) {
        delegate.error(key, message);
    }
}
