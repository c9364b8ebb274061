package dev.fleetdeck.config;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML into a {@link ConfigNode} tree with the location of every key and value. snakeyaml-engine composes the
 * document, so anchors and aliases resolve as YAML says ({@code regions: [&r us-west, *r]} is two regions
 * {@code us-west}), within billion-laughs limits: at most {@link #MAX_ALIASES} aliases of collections, no recursive
 * aliases, at most {@link #MAX_NODES} values after expansion, {@link #MAX_DEPTH} levels. Syntax errors become
 * {@link ConfigError}s at the line where the problem is, in words ({@link YamlErrors}); duplicate keys are errors.
 */
final class YamlTreeReader {
    static final int MAX_DEPTH = 64;
    static final int MAX_ALIASES = 50;
    static final int MAX_NODES = 100_000;

    private final String source;
    private final List<ConfigError> errors;
    private int nodes;

    YamlTreeReader(String source, List<ConfigError> errors) {
        this.source = source;
        this.errors = errors;
    }

    /** The document's root, or null (with an error recorded) when it cannot be read. */
    ConfigNode read(Reader reader) {
        LoadSettings settings = LoadSettings.builder().setLabel(source).setSchema(new CoreSchema())
                .setMaxAliasesForCollections(MAX_ALIASES).setAllowRecursiveKeys(false).setAllowDuplicateKeys(true)
                .setUseMarks(true).setCodePointLimit((int) ConfigLoader.MAX_BYTES).build();
        try {
            Optional<Node> root = new Compose(settings).composeReader(reader);
            if (root.isEmpty()) {
                errors.add(new ConfigError(new ConfigLocation(source, 1, 1), "", "the file is empty"));
                return null;
            }
            return convert(root.get(), "", 0);
        } catch (MarkedYamlEngineException e) {
            errors.add(YamlErrors.describe(source, e));
            return null;
        } catch (YamlEngineException e) {
            errors.add(new ConfigError(new ConfigLocation(source, 0, 0), "", YamlErrors.unmarked(e.getMessage())));
            return null;
        } catch (Refused e) {
            errors.add(new ConfigError(e.at, "", e.getMessage()));
            return null;
        } catch (StackOverflowError e) {
            errors.add(new ConfigError(new ConfigLocation(source, 0, 0), "", "nested too deeply to read"));
            return null;
        }
    }

    private ConfigNode convert(Node node, String path, int depth) {
        ConfigLocation at = location(node.getStartMark());
        if (depth > MAX_DEPTH) {
            throw new Refused(at, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (++nodes > MAX_NODES) {
            throw new Refused(at, "more than " + MAX_NODES + " values (aliases expanded); refused as a "
                    + "'billion laughs' document");
        }
        if (node.isRecursive()) {
            throw new Refused(at, "an alias refers to the collection it is in (a recursive alias)");
        }
        return switch (node) {
            case MappingNode m -> mapping(m, path, depth, at);
            case SequenceNode s -> {
                List<ConfigNode> items = new ArrayList<>(s.getValue().size());
                for (Node item : s.getValue()) {
                    items.add(convert(item, path + "[" + items.size() + "]", depth + 1));
                }
                yield new ConfigNode.Sequence(items, at);
            }
            case ScalarNode sc -> new ConfigNode.Scalar(Tag.NULL.equals(sc.getTag()) ? null : sc.getValue(), at);
            default -> throw new Refused(at, "a YAML node FleetDeck does not read");
        };
    }

    private ConfigNode mapping(MappingNode m, String path, int depth, ConfigLocation at) {
        Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            ConfigLocation keyAt = location(t.getKeyNode().getStartMark());
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new Refused(keyAt, "a key must be a plain word, not a list or mapping");
            }
            String key = k.getValue();
            String childPath = path.isEmpty() ? key : path + "." + key;
            ConfigNode value = convert(t.getValueNode(), childPath, depth + 1);
            if (entries.containsKey(key)) {
                errors.add(new ConfigError(keyAt, childPath, "duplicate key (first written at line "
                        + entries.get(key).keyLocation().line() + ")"));
            } else {
                entries.put(key, new ConfigNode.Entry(keyAt, value));
            }
        }
        return new ConfigNode.Mapping(entries, at);
    }

    private ConfigLocation location(Optional<Mark> mark) {
        return mark.map(m -> new ConfigLocation(source, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new ConfigLocation(source, 0, 0));
    }

    /** Unwinds the conversion when a document cannot be taken. */
    private static final class Refused extends RuntimeException {
        final transient ConfigLocation at;

        Refused(ConfigLocation at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
