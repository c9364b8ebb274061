package dev.fleetdeck.config;

import dev.fleetdeck.provider.ProviderRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** YAML as YAML means it: aliases resolve, hostile documents are refused, errors point at the right line in words. */
class YamlReadingTest {
    private final ConfigLoader loader = new ConfigLoader(ProviderRegistry.load());

    private List<String> errors(String yaml) {
        return assertThrows(ConfigException.class, () -> loader.parse(yaml, "fleet.yaml")).errors().stream()
                .map(ConfigError::toString).toList();
    }

    private static String only(List<String> errors) {
        assertEquals(1, errors.size(), errors.toString());
        return errors.getFirst();
    }

    @Test
    void anchorsAndAliasesResolveToTheirValues() throws Exception {
        FleetDeckConfig c = loader.parse("""
                providers:
                  - name: lab
                    type: simulated
                    interval: &iv 3s
                    timeout: *iv
                    options:
                      nodes: 4
                      regions: [&r1 us-west, *r1, eu-central]
                """, "fleet.yaml");
        try (c) {
            assertEquals(java.time.Duration.ofSeconds(3), c.providers().getFirst().spec().timeout());
            assertThat(c.providers().getFirst().spec().options().getStringList("regions", List.of()))
                    .containsExactly("us-west", "us-west", "eu-central");
        }
    }

    @Test
    void anUndefinedAliasAndABillionLaughsAreRefusedClearly() {
        assertThat(only(errors("providers:\n  - name: lab\n    type: *nope\n")))
                .startsWith("fleet.yaml:3:11: the alias *nope is not defined");
        StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            laughs.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *")
                    .append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        laughs.append("providers: *j\n");
        assertThat(only(errors(laughs.toString()))).contains("billion laughs");
    }

    @Test
    void aMissingColonIsReportedOnItsOwnLineInWords() {
        List<String> e = errors("""
                providers:
                  - name: lab
                    type: simulated
                    interval 2s
                    timeout: 5s
                """);
        assertEquals(List.of("fleet.yaml:4:5: missing ':' after 'interval 2s' (write key: value)"), e);
        assertThat(only(errors("providers:\n  - name: lab\n\ttype: simulated\n")))
                .isEqualTo("fleet.yaml:3:1: a tab character: YAML is indented with spaces only");
        assertThat(only(errors("providers:\n  - name: lab\n    type: simulated\n    options: {regions: [a, b}\n")))
                .startsWith("fleet.yaml:4:").doesNotContain("while scanning");
        assertThat(only(errors("providers:\n  - name: a: b\n    type: simulated\n")))
                .startsWith("fleet.yaml:2:").contains("unexpected ':' here");
    }

    @Test
    void complexKeysAreRefusedNotGuessed() {
        assertThat(only(errors("providers:\n  - ? [a, b]\n    : x\n")))
                .contains("a key must be a plain word");
    }
}
