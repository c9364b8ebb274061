package dev.fleetdeck.provider.cloud;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The fields of one item of a cloud's answer (an instance, an offer). Unknown fields are ignored; a required field
 * that is missing, null or of the wrong sort is written down as a problem naming the provider, the item and the
 * field ("lambda: instance 0920582c: missing field 'region.name'") and a fallback is used, so one bad item never
 * fails the poll: the provider shows DEGRADED with the problem.
 */
public final class ItemReader {
    private final String provider;
    private final String item;
    private final JsonNode node;
    private final List<String> problems;
    private boolean incomplete;

    /**
     * @param item     how the item is named in messages, e.g. {@code instance 0920582c}
     * @param problems where problems go (shared by the items of one poll)
     */
    public ItemReader(String provider, String item, JsonNode node, List<String> problems) {
        this.provider = provider;
        this.item = item;
        this.node = node;
        this.problems = problems;
    }

    /** Whether a required field was missing (the item is shown as incomplete). */
    public boolean incomplete() {
        return incomplete;
    }

    /** The last problem recorded for this item, for its health reason. */
    public String lastProblem() {
        return problems.isEmpty() ? "" : problems.getLast();
    }

    private JsonNode at(String pointer) {
        return node.at(pointer);
    }

    /** A field as text (numbers and booleans as written); empty when missing, null or a structure. */
    public Optional<String> text(String pointer) {
        JsonNode v = at(pointer);
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            String s = v.asString().strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        }
        return Optional.empty();
    }

    /** A required text field, or {@code fallback} with a problem recorded. */
    public String text(String pointer, String fallback) {
        Optional<String> v = text(pointer);
        if (v.isEmpty()) {
            problem(pointer, at(pointer).isMissingNode() ? "missing field" : "no usable value in field");
            return fallback;
        }
        return v.get();
    }

    /** A number (or a numeric string); empty when missing or null; a non-number is a problem. */
    public OptionalDouble number(String pointer) {
        JsonNode v = at(pointer);
        if (v.isNumber()) {
            return OptionalDouble.of(v.asDouble());
        }
        if (v.isString()) {
            try {
                double d = Double.parseDouble(v.asString().strip());
                if (Double.isFinite(d)) {
                    return OptionalDouble.of(d);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(pointer, "not a number ('" + abbreviate(v.asString()) + "') in field");
        }
        return OptionalDouble.empty();
    }

    /** A required number, or {@code fallback} with a problem recorded. */
    public double number(String pointer, double fallback) {
        OptionalDouble v = number(pointer);
        if (v.isEmpty()) {
            if (at(pointer).isMissingNode() || at(pointer).isNull()) {
                problem(pointer, at(pointer).isMissingNode() ? "missing field" : "null in field");
            }
            return fallback;
        }
        return v.getAsDouble();
    }

    /** A required whole number ≥ {@code min}, or {@code fallback} with a problem recorded. */
    public int count(String pointer, int min, int fallback) {
        double v = number(pointer, Double.NaN);
        if (Double.isNaN(v)) {
            return fallback;
        }
        if (v < min || v > 1_000_000 || v != Math.rint(v)) {
            problem(pointer, "implausible count " + v + " in field");
            return fallback;
        }
        return (int) v;
    }

    /** A boolean, or {@code dflt} when missing. */
    public boolean flag(String pointer, boolean dflt) {
        JsonNode v = at(pointer);
        return v.isBoolean() ? v.asBoolean() : dflt;
    }

    /** The node at a pointer (for lists inside the item). */
    public JsonNode node(String pointer) {
        return at(pointer);
    }

    /** Records a problem about a field of this item. */
    public void problem(String pointer, String what) {
        incomplete = true;
        problems.add(provider + ": " + item + ": " + what + " '" + field(pointer) + "'");
    }

    /** {@code /region/name} → {@code region.name}. */
    static String field(String pointer) {
        return pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 24) + "…";
    }
}
