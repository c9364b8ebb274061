package dev.fleetdeck.provider.prom.expo;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A label (or metric) name prepared for fast comparison with the bytes of an exposition. */
public record LabelKey(String name, byte[] bytes) {
    public LabelKey {
        Objects.requireNonNull(name, "name");
    }

    public static LabelKey of(String name) {
        return new LabelKey(name, name.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelKey k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
