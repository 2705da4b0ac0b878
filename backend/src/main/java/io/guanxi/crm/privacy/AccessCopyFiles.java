package io.guanxi.crm.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.export.ExportFormat;
import io.guanxi.crm.platform.export.TableWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An access copy as a readable workbook: a sheet per section, a column per field (nested lists as JSON text). */
@ApplicationScoped
public class AccessCopyFiles {

    private static final TypeReference<LinkedHashMap<String, List<LinkedHashMap<String, Object>>>> SECTIONS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Inject
    GuanxiConfig config;

    public void writeXlsx(String copy, OutputStream out) throws IOException {
        Map<String, List<LinkedHashMap<String, Object>>> sections = json.readValue(copy, SECTIONS);
        try (TableWriter writer = TableWriter.open(ExportFormat.XLSX, out, ZoneId.of(config.zone()))) {
            for (Map.Entry<String, List<LinkedHashMap<String, Object>>> section : sections.entrySet()) {
                Set<String> columns = new LinkedHashSet<>();
                section.getValue().forEach(row -> columns.addAll(row.keySet()));
                List<String> headers = columns.isEmpty() ? List.of("-") : List.copyOf(columns);
                writer.table(section.getKey(), headers);
                for (Map<String, Object> row : section.getValue()) {
                    List<Object> cells = new ArrayList<>();
                    for (String column : headers) {
                        cells.add(cell(row.get(column)));
                    }
                    writer.row(cells);
                }
            }
        }
    }

    private Object cell(Object value) throws JsonProcessingException {
        if (value == null || value instanceof String || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        return json.writeValueAsString(value);
    }
}
