package io.bundlescope.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** jsonb columns that hold a list of strings (warnings, evidence record ids). */
final class JsonColumns {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private JsonColumns() {}

    static String toJson(List<String> strings) {
        try {
            return JSON.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<String> strings(String json, String column) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new StoreException(column + " column is not a JSON array of strings", e);
        }
    }
}
