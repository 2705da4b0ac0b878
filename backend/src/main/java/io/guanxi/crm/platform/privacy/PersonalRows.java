package io.guanxi.crm.platform.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.db.Rows;
import jakarta.persistence.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of an export read as JSON: a feature's repository selects {@code CAST(to_jsonb(t) AS text) AS row}, so every column
 * of its table is exported by name without a hand-kept list that could miss a column added later.
 */
public final class PersonalRows {

    /** The alias the JSON text of a row is selected as. */
    public static final String ROW = "row";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private PersonalRows() {
    }

    public static List<Map<String, Object>> of(List<Tuple> rows) {
        return rows.stream().map(r -> parse(Rows.string(r, ROW))).toList();
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export row is not JSON", e);
        }
    }
}
