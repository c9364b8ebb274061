package dev.fleetdeck.provider.prom;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a Prometheus HTTP API answer ({@code /api/v1/query} or {@code query_range}) as a stream: each series is
 * handed on as soon as it is read, so a large answer is never held as a tree. Vectors give one sample per series;
 * matrices one per point. {@code warnings} and {@code infos} are collected (a partial answer says so there).
 */
final class PromResponse {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What an answer said besides its samples. */
    record Outcome(String status, String resultType, List<String> warnings, String error) {
    }

    /** A point of a matrix: series labels, time (epoch ms) and value. */
    interface PointSink {
        void point(Map<String, String> labels, long epochMillis, double value);
    }

    private PromResponse() {
    }

    /** Reads an answer, giving every vector sample to {@code samples}. */
    static Outcome readVector(byte[] body, Consumer<PromSample> samples) throws JacksonException {
        return read(body, (labels, t, v) -> samples.accept(new PromSample(labels, v)));
    }

    /** Reads an answer, giving every sample or point to {@code sink}. */
    static Outcome read(byte[] body, PointSink sink) throws JacksonException {
        String status = null;
        String resultType = null;
        String error = null;
        List<String> warnings = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "an object");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "status" -> status = p.getValueAsString();
                    case "error" -> error = p.getValueAsString();
                    case "warnings", "infos" -> {
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                warnings.add(p.getValueAsString());
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "data" -> resultType = data(p, t, sink);
                    default -> p.skipChildren();
                }
            }
        }
        return new Outcome(status == null ? "" : status, resultType == null ? "" : resultType, warnings, error);
    }

    private static String data(JsonParser p, JsonToken t, PointSink sink) {
        expect(t, JsonToken.START_OBJECT, "\"data\" to be an object");
        String resultType = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("resultType")) {
                resultType = p.getValueAsString();
            } else if (field.equals("result") && v == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    series(p, sink);
                }
            } else {
                p.skipChildren();
            }
        }
        return resultType;
    }

    private static void series(JsonParser p, PointSink sink) {
        Map<String, String> labels = new HashMap<>();
        List<double[]> points = new ArrayList<>(1);
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "metric" -> {
                    expect(t, JsonToken.START_OBJECT, "\"metric\" to be an object");
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        labels.put(name, p.getValueAsString());
                    }
                }
                case "value" -> points.add(point(p, t));
                case "values" -> {
                    expect(t, JsonToken.START_ARRAY, "\"values\" to be a list");
                    JsonToken n;
                    while ((n = p.nextToken()) == JsonToken.START_ARRAY) {
                        points.add(point(p, n));
                    }
                }
                default -> p.skipChildren();
            }
        }
        for (double[] pt : points) {
            sink.point(labels, (long) (pt[0] * 1000), pt[1]);
        }
    }

    /** {@code [1435781451.781, "1"]}: the value is a string so that NaN and ±Inf survive JSON. */
    private static double[] point(JsonParser p, JsonToken t) {
        expect(t, JsonToken.START_ARRAY, "a [time, \"value\"] pair");
        p.nextToken();
        double time = p.getValueAsDouble();
        p.nextToken();
        String raw = p.getValueAsString();
        double value = switch (raw == null ? "" : raw) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(raw);
                } catch (NumberFormatException | NullPointerException e) {
                    throw new IllegalArgumentException("value '" + raw + "' is not a number");
                }
            }
        };
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        return new double[] {time, value};
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + what + ", found " + actual);
        }
    }
}
