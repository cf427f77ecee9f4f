package automl4j.serving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON body, an array of row objects, into rows for {@code ScoringModel}: strings stay strings, integers
 * become {@code Long} (beyond a long, {@code Double}), other numbers {@code Double}, booleans {@code Boolean}, null
 * null. Reading stops as soon as the row limit is passed.
 */
final class JsonRows {
    private static final JsonFactory JSON = new JsonFactory();

    private JsonRows() {
    }

    /**
     * The rows of {@code body}.
     *
     * @throws HttpProblem 400 for malformed JSON, a top level that is not an array, a row that is not an object, a
     *                     nested value or a repeated column (naming the row and column); 413 past {@code maxRows}
     */
    static List<Map<String, Object>> parse(String body, int maxRows) {
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new HttpProblem(400, "wrong_type", "the body must be a JSON array of row objects, such as"
                        + " [{\"age\": 41, \"plan\": \"basic\"}], but was " + describe(first)
                        + (first == JsonToken.START_OBJECT ? "; wrap one row in [ ]" : ""));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                int index = rows.size();
                if (index == maxRows) {
                    throw RowLimit.exceeded(maxRows);
                }
                if (t != JsonToken.START_OBJECT) {
                    throw new HttpProblem(400, "wrong_type", "row " + index + ": a row must be a JSON object of column"
                            + " names to cells, but was " + describe(t));
                }
                rows.add(row(p, index));
            }
            if (p.nextToken() != null) {
                throw new HttpProblem(400, "malformed_json", "malformed JSON: text after the closing ] at " + where(p.currentLocation()));
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "malformed_json", "malformed JSON at " + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new HttpProblem(400, "malformed_json", "malformed JSON: " + e.getMessage());
        }
    }

    private static Map<String, Object> row(JsonParser p, int index) throws IOException {
        Map<String, Object> row = new HashMap<>();
        for (String column = p.nextFieldName(); column != null; column = p.nextFieldName()) {
            Object cell = cell(p, p.nextToken(), index, column);
            if (row.containsKey(column)) {
                throw new HttpProblem(400, "wrong_type", "row " + index + ": column '" + column + "' appears twice");
            }
            row.put(column, cell);
        }
        return row;
    }

    private static Object cell(JsonParser p, JsonToken t, int index, String column) throws IOException {
        switch (t) {
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                JsonParser.NumberType type = p.getNumberType();
                return type == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new HttpProblem(400, "wrong_type", "row " + index + ": column '" + column + "': a cell must be a string,"
                        + " number, boolean or null, but was " + describe(t));
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "empty";
        }
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.toString();
        }
    }

    private static String where(JsonLocation at) {
        return at == null ? "an unknown place" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
