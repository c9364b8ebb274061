package dev.fleetdeck.provider.cloud;

import dev.fleetdeck.provider.ProviderException;
import dev.fleetdeck.provider.http.HttpBody;
import dev.fleetdeck.provider.http.HttpFetcher;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Reading cloud API answers: the body (already size-bounded by {@link HttpFetcher}) parsed with nesting and string
 * limits, and the list of items found by JSON Pointer. A body that is not JSON, or lacks the list, is BAD_DATA naming
 * the URL and what was there instead ("has its API changed?"); fields of single items are read with
 * {@link ItemReader}, which never fails the poll.
 */
public final class CloudJson {
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                    .maxStringLength(1 << 20).build()).build()).build();

    private CloudJson() {
    }

    /** The body as a JSON tree. */
    public static JsonNode parse(HttpBody body, String provider) throws ProviderException {
        try {
            JsonNode root = JSON.readTree(body.bytes());
            if (root == null || root.isMissingNode()) {
                throw new ProviderException(ProviderException.Kind.BAD_DATA, provider,
                        HttpFetcher.describe(body.uri()) + " sent an empty body where JSON was expected");
            }
            return root;
        } catch (JacksonException e) {
            throw new ProviderException(ProviderException.Kind.BAD_DATA, provider, HttpFetcher.describe(body.uri())
                    + " sent malformed JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    /** Parses JSON text that is not an HTTP body (a request body we build, a test fixture). */
    public static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    /** Writes a value as JSON text (request bodies). */
    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    /**
     * The array at {@code pointer} ({@code ""} for the root); a missing or non-array value is BAD_DATA that lists what
     * the object holds instead.
     */
    public static JsonNode array(JsonNode root, String pointer, String provider, HttpBody from)
            throws ProviderException {
        return expect(root, pointer, JsonNode::isArray, "a list", provider, from);
    }

    /** The object at {@code pointer}; missing or not an object is BAD_DATA. */
    public static JsonNode object(JsonNode root, String pointer, String provider, HttpBody from)
            throws ProviderException {
        return expect(root, pointer, JsonNode::isObject, "an object", provider, from);
    }

    private static JsonNode expect(JsonNode root, String pointer, java.util.function.Predicate<JsonNode> sort,
                                   String what, String provider, HttpBody from) throws ProviderException {
        JsonNode at = pointer.isEmpty() ? root : root.at(pointer);
        if (sort.test(at)) {
            return at;
        }
        throw new ProviderException(ProviderException.Kind.BAD_DATA, provider, HttpFetcher.describe(from.uri())
                + " sent JSON without " + what + " at '" + pointer + "' (" + shape(pointer.isEmpty() ? root
                : parentOf(root, pointer)) + "): has its API changed?");
    }

    private static JsonNode parentOf(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? root : root.at(pointer.substring(0, slash));
    }

    /** "fields: a, b, c" or "found a list" — what is there, without values (which may be secrets). */
    static String shape(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing there";
        }
        if (node.isObject()) {
            List<String> names = List.copyOf(node.propertyNames());
            return names.isEmpty() ? "an empty object" : "fields: " + String.join(", ",
                    names.subList(0, Math.min(12, names.size()))) + (names.size() > 12 ? ", …" : "");
        }
        return "found " + (node.isArray() ? "a list" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
