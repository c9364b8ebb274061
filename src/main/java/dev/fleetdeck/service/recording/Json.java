package dev.fleetdeck.service.recording;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of the small parts of a frame: records as objects, absent numbers as {@code "NaN"}. Any thread. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, TypeReference<T> type, String where) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new RecordingException(where + ": unreadable " + type.getType().getTypeName() + ": "
                    + e.getOriginalMessage());
        }
    }
}
