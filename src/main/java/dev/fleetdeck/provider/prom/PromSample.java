package dev.fleetdeck.provider.prom;

import dev.fleetdeck.provider.prom.expo.LabelKey;
import dev.fleetdeck.provider.prom.expo.Sample;

import java.util.Map;

/** A sample from a PromQL JSON answer: {@code __name__} and the other labels in a map. */
record PromSample(Map<String, String> labels, double value) implements Sample {

    @Override
    public boolean nameIs(LabelKey key) {
        return key.name().equals(labels.get("__name__"));
    }

    @Override
    public String name() {
        return labels.getOrDefault("__name__", "");
    }

    @Override
    public String label(LabelKey key) {
        return labels.get(key.name());
    }
}
