package dev.fleetdeck.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A configuration file as text, for editing: {@link #tree()} gives its values to edit, and {@link #render} writes
 * the edited values back <em>into the original text</em>. Jackson's YAML reader drops comments, so instead of
 * re-serialising the whole file the document splices: a top-level section whose value did not change is copied
 * byte for byte, comments included; inside {@code providers}, every unchanged source is copied the same way; a
 * changed section or source is written fresh by {@link YamlText}, keeping the comment lines just above it. Comments
 * inside a changed section are the only ones lost.
 */
public final class ConfigDocument {
    private final String[] lines;
    private final Map<String, Object> original;
    private final List<Segment> sections;
    private final List<Segment> providerItems;
    private final int providerIndent;

    /** Lines {@code [start, end)} of the text, with the line of its key (or list item). */
    private record Segment(String key, int start, int keyLine, int end) {
    }

    private ConfigDocument(String[] lines, Map<String, Object> original, List<Segment> sections,
                           List<Segment> providerItems, int providerIndent) {
        this.lines = lines;
        this.original = original;
        this.sections = sections;
        this.providerItems = providerItems;
        this.providerIndent = providerIndent;
    }

    /** A document for a file that does not exist yet. */
    public static ConfigDocument empty() {
        return new ConfigDocument(new String[0], new LinkedHashMap<>(), List.of(), List.of(), -1);
    }

    /**
     * Reads a document. Only YAML syntax is checked here (semantics are {@link ConfigLoader}'s job).
     *
     * @throws ConfigException when the text is not a YAML mapping
     */
    @SuppressWarnings("unchecked")
    public static ConfigDocument parse(String text, String source) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode root = new YamlTreeReader(source, errors).read(new StringReader(text));
        if (root == null && text.isBlank()) {
            return empty();
        }
        if (root == null) {
            throw new ConfigException(errors);
        }
        if (!(root instanceof ConfigNode.Mapping top)) {
            throw new ConfigException(List.of(new ConfigError(root.location(), "", "expected a mapping, found "
                    + root.kind())));
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        if (lines.length > 0 && lines[lines.length - 1].isEmpty()) {
            lines = Arrays.copyOf(lines, lines.length - 1);
        }
        List<Segment> sections = segments(lines, top.entries().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().keyLocation().line() - 1)).toList(), 0, lines.length);
        List<Segment> items = List.of();
        int indent = -1;
        ConfigNode.Entry providers = top.entries().get("providers");
        if (providers != null && providers.value() instanceof ConfigNode.Sequence seq && !seq.items().isEmpty()) {
            Segment section = sections.stream().filter(s -> s.key().equals("providers")).findFirst().orElseThrow();
            List<Map.Entry<String, Integer>> starts = new ArrayList<>();
            boolean block = true;
            int previous = section.keyLine();
            for (ConfigNode item : seq.items()) {
                int line = item.location().line() - 1;
                if (line <= previous || line >= section.end()) {
                    block = false;
                    break;
                }
                if (!lines[line].stripLeading().startsWith("-") && lines[line - 1].strip().equals("-")) {
                    line--;
                }
                if (!lines[line].stripLeading().startsWith("-")) {
                    block = false;
                    break;
                }
                starts.add(Map.entry(String.valueOf(starts.size()), line));
                previous = line;
            }
            if (block) {
                items = segments(lines, starts, section.keyLine() + 1, section.end());
                indent = lines[starts.getFirst().getValue()].indexOf('-');
            }
        }
        return new ConfigDocument(lines, (Map<String, Object>) ConfigTree.of(top), sections, items, indent);
    }

    /** Splits lines at the given key lines; comment lines directly above a key go with it. */
    private static List<Segment> segments(String[] lines, List<Map.Entry<String, Integer>> keys, int from, int to) {
        List<Segment> out = new ArrayList<>();
        int[] starts = new int[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            int keyLine = keys.get(i).getValue();
            int floor = i == 0 ? from : keys.get(i - 1).getValue() + 1;
            int start = keyLine;
            while (start - 1 >= floor && lines[start - 1].stripLeading().startsWith("#")) {
                start--;
            }
            starts[i] = start;
        }
        for (int i = 0; i < keys.size(); i++) {
            int end = i + 1 < keys.size() ? starts[i + 1] : to;
            out.add(new Segment(keys.get(i).getKey(), starts[i], keys.get(i).getValue(), end));
        }
        return out;
    }

    /** The file's values, as a deep copy to edit. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> tree() {
        return (Map<String, Object>) ConfigTree.copy(original);
    }

    /** The edited values as file text, keeping every unchanged part of the original as it was written. */
    public String render(Map<String, Object> edited) {
        StringBuilder out = new StringBuilder();
        int headerEnd = sections.isEmpty() ? lines.length : sections.getFirst().start();
        append(out, 0, headerEnd);
        for (Map.Entry<String, Object> e : edited.entrySet()) {
            String key = e.getKey();
            Segment seg = sections.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
            if (seg == null) {
                out.append(YamlText.entry(key, e.getValue()));
            } else if (Objects.equals(original.get(key), e.getValue())) {
                append(out, seg.start(), seg.end());
            } else if (key.equals("providers") && providerIndent >= 0 && e.getValue() instanceof List<?> list
                    && !list.isEmpty()) {
                append(out, seg.start(), seg.keyLine() + 1);
                renderProviders(out, list);
                appendTrailingBlank(out, seg);
            } else {
                append(out, seg.start(), seg.keyLine());
                out.append(YamlText.entry(key, e.getValue()));
                appendTrailingBlank(out, seg);
            }
        }
        return out.toString();
    }

    private void renderProviders(StringBuilder out, List<?> edited) {
        List<?> before = original.get("providers") instanceof List<?> l ? l : List.of();
        boolean[] used = new boolean[providerItems.size()];
        for (Object item : edited) {
            int match = -1;
            for (int i = 0; i < providerItems.size() && i < before.size(); i++) {
                if (!used[i] && Objects.equals(before.get(i), item)) {
                    match = i;
                    break;
                }
            }
            if (match >= 0) {
                used[match] = true;
                Segment seg = providerItems.get(match);
                append(out, seg.start(), trimBlank(seg));
            } else {
                // A changed source keeps the comment lines above it (matched by name).
                for (int i = 0; i < providerItems.size() && i < before.size(); i++) {
                    if (before.get(i) instanceof Map<?, ?> was && item instanceof Map<?, ?> now
                            && was.get("name") != null && was.get("name").equals(now.get("name"))) {
                        append(out, providerItems.get(i).start(), providerItems.get(i).keyLine());
                        break;
                    }
                }
                out.append(YamlText.listItem(item, providerIndent));
            }
        }
    }

    /** The end of a segment without its trailing blank lines. */
    private int trimBlank(Segment seg) {
        int end = seg.end();
        while (end > seg.keyLine() + 1 && lines[end - 1].isBlank()) {
            end--;
        }
        return end;
    }

    private void appendTrailingBlank(StringBuilder out, Segment seg) {
        out.append("\n".repeat(seg.end() - trimBlank(seg)));
    }

    private void append(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(lines[i]).append('\n');
        }
    }
}
