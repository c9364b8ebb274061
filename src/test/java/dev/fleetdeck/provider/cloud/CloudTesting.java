package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.config.ConfigException;
import dev.fleetdeck.config.ConfigLoader;
import dev.fleetdeck.config.FleetDeckConfig;
import dev.fleetdeck.model.Node;
import dev.fleetdeck.model.Offer;
import dev.fleetdeck.provider.FleetProvider;
import dev.fleetdeck.provider.ProviderRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds cloud providers the way users do: from YAML through their factories. */
final class CloudTesting {
    /** The token every test plants; it must never show up anywhere but the Authorization header. */
    static final String TOKEN = "fdk-planted-7f3a9c2e51b84d06";

    private CloudTesting() {
    }

    /** A file holding {@link #TOKEN}, for {@code api-key: file:PATH}. */
    static Path tokenFile(Path dir) throws IOException {
        Path f = dir.resolve("token");
        Files.writeString(f, TOKEN + "\n");
        return f;
    }

    /** The configured provider (the caller closes it). */
    static FleetProvider provider(String type, String optionsYaml) throws ConfigException {
        String yaml = "providers:\n  - name: " + type + "-test\n    type: " + type + "\n    timeout: 5s\n    options:\n"
                + optionsYaml.lines().map(l -> "      " + l + "\n").reduce("", String::concat);
        FleetDeckConfig config = new ConfigLoader(ProviderRegistry.load()).parse(yaml, type + ".yaml");
        return config.providers().getFirst().provider();
    }

    static Node node(List<Node> nodes, String host) {
        return nodes.stream().filter(n -> n.hostname().equals(host)).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + host + " in " + nodes.stream()
                        .map(Node::hostname).toList()));
    }

    static List<Offer> offers(List<Offer> offers, String model) {
        return offers.stream().filter(o -> o.model().equals(model)).toList();
    }
}
