package com.streamflix.league.realtime.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;

/** A pushed message's fields, to compare with an expected map whole (every field, none extra). */
final class JsonFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFields() {
    }

    static Map<String, Object> fields(JsonNode message) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = JSON.convertValue(message, Map.class);
        return fields;
    }

    /** Map.of takes no nulls: "-" stands for a null value. */
    static Map<String, Object> withNulls(Map<String, Object> fields) {
        Map<String, Object> withNulls = new HashMap<>();
        fields.forEach((key, value) -> withNulls.put(key, "-".equals(value) ? null : value));
        return withNulls;
    }
}
