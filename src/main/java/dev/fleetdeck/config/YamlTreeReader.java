package dev.fleetdeck.config;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into a {@link ConfigNode} tree with the location of every key and value, in one streaming pass.
 * Syntax errors and duplicate keys become {@link ConfigError}s with their location.
 */
final class YamlTreeReader {
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    private static final int MAX_DEPTH = 64;

    private final String source;
    private final List<ConfigError> errors;

    YamlTreeReader(String source, List<ConfigError> errors) {
        this.source = source;
        this.errors = errors;
    }

    /** The document's root, or null (with an error recorded) when it cannot be read. */
    ConfigNode read(Reader reader) {
        try (JsonParser parser = MAPPER.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                errors.add(new ConfigError(new ConfigLocation(source, 1, 1), "", "the file is empty"));
                return null;
            }
            return readValue(parser, "", 0);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            ConfigLocation where = at == null ? new ConfigLocation(source, 0, 0)
                    : new ConfigLocation(source, at.getLineNr(), at.getColumnNr());
            errors.add(new ConfigError(where, "", "not valid YAML: " + firstLine(e.getOriginalMessage())));
            return null;
        } catch (TooDeep e) {
            errors.add(new ConfigError(e.at, "", "nested deeper than " + MAX_DEPTH + " levels"));
            return null;
        }
    }

    private ConfigNode readValue(JsonParser p, String path, int depth) {
        ConfigLocation at = location(p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new TooDeep(at);
        }
        JsonToken token = p.currentToken();
        return switch (token) {
            case START_OBJECT -> readMapping(p, path, depth, at);
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, path + "[" + items.size() + "]", depth + 1));
                }
                yield new ConfigNode.Sequence(items, at);
            }
            case VALUE_NULL -> new ConfigNode.Scalar(null, at);
            default -> new ConfigNode.Scalar(p.getText(), at);
        };
    }

    private ConfigNode readMapping(JsonParser p, String path, int depth, ConfigLocation at) {
        Map<String, ConfigNode.Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = p.currentName();
            ConfigLocation keyAt = location(p.currentTokenLocation());
            p.nextToken();
            String childPath = path.isEmpty() ? key : path + "." + key;
            ConfigNode value = readValue(p, childPath, depth + 1);
            if (entries.containsKey(key)) {
                errors.add(new ConfigError(keyAt, childPath, "duplicate key (first written at line "
                        + entries.get(key).keyLocation().line() + ")"));
            } else {
                entries.put(key, new ConfigNode.Entry(keyAt, value));
            }
        }
        return new ConfigNode.Mapping(entries, at);
    }

    private ConfigLocation location(TokenStreamLocation l) {
        return new ConfigLocation(source, l.getLineNr(), l.getColumnNr());
    }

    /** Unwinds the recursion when a document nests too deep. */
    private static final class TooDeep extends RuntimeException {
        final transient ConfigLocation at;

        TooDeep(ConfigLocation at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
