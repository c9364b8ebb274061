package dev.fleetdeck.provider;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The provider factories on the class path, collected once with {@link ServiceLoader}. A factory that fails to
 * load is recorded and skipped, so one broken provider does not stop the others.
 */
public final class ProviderRegistry {
    private static final System.Logger LOG = System.getLogger(ProviderRegistry.class.getName());

    private final Map<String, ProviderFactory> factories;

    private ProviderRegistry(Map<String, ProviderFactory> factories) {
        this.factories = Collections.unmodifiableMap(factories);
    }

    /** Loads every factory visible to this class's loader. Call once at start. */
    public static ProviderRegistry load() {
        Map<String, ProviderFactory> found = new TreeMap<>();
        var iterator = ServiceLoader.load(ProviderFactory.class, ProviderRegistry.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                ProviderFactory factory = iterator.next();
                ProviderFactory previous = found.putIfAbsent(factory.type(), factory);
                if (previous != null) {
                    LOG.log(System.Logger.Level.WARNING, "two provider factories for type ''{0}'': {1} and {2}; using the first",
                            factory.type(), previous.getClass().getName(), factory.getClass().getName());
                }
            } catch (ServiceConfigurationError e) {
                LOG.log(System.Logger.Level.WARNING, "a provider factory failed to load and is skipped: " + e.getMessage());
            }
        }
        return new ProviderRegistry(found);
    }

    /** A registry over the given factories (for tests and embedding). */
    public static ProviderRegistry of(List<ProviderFactory> list) {
        Map<String, ProviderFactory> map = new TreeMap<>();
        list.forEach(f -> map.put(f.type(), f));
        return new ProviderRegistry(map);
    }

    /** The factory for a type. */
    public Optional<ProviderFactory> find(String type) {
        return Optional.ofNullable(factories.get(type));
    }

    /** Known type names, sorted. */
    public List<String> types() {
        return List.copyOf(factories.keySet());
    }
}
