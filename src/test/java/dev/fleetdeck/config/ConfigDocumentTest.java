package dev.fleetdeck.config;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigDocumentTest {
    private static final String FILE = """
            # FleetDeck for the Frankfurt fleet -- owned by the ops team
            # (keep the partner source last)

            polling:
              unreachable-after: 5m   # pager threshold

            providers:
              # our own cluster, scraped by the central Prometheus
              - name: fra-prom
                type: prometheus
                interval: 15s
                options:
                  url: http://127.0.0.1:9090   # through the SSH tunnel
              # the partner's simulated capacity
              - name: partner
                type: simulated
                options:
                  nodes: 12   # as contracted

            # alerts tuned after the March incident
            alerts:
              idle-below: 5
            """;

    @Test
    void unchangedTreeRendersTheFileByteForByte() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(FILE, "fleet.yaml");
        assertEquals(FILE, doc.render(doc.tree()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void editingOneSourceKeepsEveryOtherCommentAndRewritesOnlyThatSource() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(FILE, "fleet.yaml");
        Map<String, Object> tree = doc.tree();
        Map<String, Object> partner = (Map<String, Object>) ((List<Object>) tree.get("providers")).get(1);
        ConfigTree.put(partner, "options.nodes", "24");
        String out = doc.render(tree);

        assertTrue(out.startsWith("# FleetDeck for the Frankfurt fleet -- owned by the ops team\n"), out);
        assertTrue(out.contains("unreachable-after: 5m   # pager threshold"), out);
        assertTrue(out.contains("  # our own cluster, scraped by the central Prometheus\n  - name: fra-prom"), out);
        assertTrue(out.contains("url: http://127.0.0.1:9090   # through the SSH tunnel"), out);
        assertTrue(out.contains("  # the partner's simulated capacity\n  - name: partner\n"), out);
        assertTrue(out.contains("      nodes: 24\n"), out);
        assertFalse(out.contains("as contracted"), "the edited source is written fresh");
        assertTrue(out.contains("# alerts tuned after the March incident\nalerts:\n  idle-below: 5"), out);
        assertEquals(tree, ConfigDocument.parse(out, "again").tree(), "reads back as the edited values");
    }

    @Test
    @SuppressWarnings("unchecked")
    void addedSourceIsAppendedAtTheListsIndentAndRemovedOnesDisappear() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(FILE, "fleet.yaml");
        Map<String, Object> tree = doc.tree();
        List<Object> providers = (List<Object>) tree.get("providers");
        providers.remove(1);
        Map<String, Object> added = new LinkedHashMap<>();
        added.put("name", "lab");
        added.put("type", "nvidia-smi");
        added.put("options", new LinkedHashMap<>(Map.of("hosts", List.of("gpu-01", "gpu-02"))));
        providers.add(added);
        String out = doc.render(tree);

        assertTrue(out.contains("  - name: lab\n    type: nvidia-smi\n    options:\n      hosts: [gpu-01, gpu-02]\n"),
                out);
        assertFalse(out.contains("name: partner") || out.contains("simulated capacity"), out);
        assertTrue(out.contains("# through the SSH tunnel"), out);
        assertEquals(tree, ConfigDocument.parse(out, "again").tree());
    }

    @Test
    void newTopLevelSectionIsAppendedAndChangedSectionKeepsTheCommentAboveIt() throws Exception {
        ConfigDocument doc = ConfigDocument.parse(FILE, "fleet.yaml");
        Map<String, Object> tree = doc.tree();
        ConfigTree.put(tree, "alerts.idle-below", "7.5");
        ConfigTree.put(tree, "showroom.title", "Capacity: live");
        String out = doc.render(tree);
        assertTrue(out.contains("# alerts tuned after the March incident\nalerts:\n  idle-below: 7.5\n"), out);
        assertTrue(out.endsWith("showroom:\n  title: 'Capacity: live'\n"), out);
        assertEquals(tree, ConfigDocument.parse(out, "again").tree());
    }

    @Test
    void scalarsThatNeedQuotesReadBackAsWritten() throws Exception {
        List<String> tricky = List.of("true", "no", "null", "~", "", " padded ", "a: b", "#not a comment", "- dash",
                "[x]", "{y}", "quote \" and \\ backslash", "tab\there", "line\nbreak", "env:FLEET_TOKEN",
                "http://127.0.0.1:9090/api?x=1&y=2", "1.9679999999999997", "-3", "0x1F", "1e5", "12:30", "*star",
                "&anchor", "!tag", "%percent", "@at", "`tick", "ünïcødé H100", "trailing:");
        Map<String, Object> tree = new LinkedHashMap<>();
        for (int i = 0; i < tricky.size(); i++) {
            tree.put("k" + i, tricky.get(i));
        }
        tree.put("list", List.of("a,b", "c]", "plain"));
        String text = YamlText.document(tree);
        assertEquals(tree, ConfigDocument.parse(text, "tricky").tree(), text);
    }

    @Test
    void flowStyleProviderListIsRewrittenWhole() throws Exception {
        String flow = "# top\nproviders: [{name: a, type: simulated}]\n";
        ConfigDocument doc = ConfigDocument.parse(flow, "flow.yaml");
        Map<String, Object> tree = doc.tree();
        ConfigTree.put(tree, "polling.unreachable-after", "2m");
        String out = doc.render(tree);
        assertTrue(out.startsWith("# top\nproviders: [{name: a, type: simulated}]\n"), out);
        assertEquals(tree, ConfigDocument.parse(out, "again").tree());
    }
}
