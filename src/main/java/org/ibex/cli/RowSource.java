package org.ibex.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.store.CsvReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of an import file as column → text maps, from CSV (header line first) or JSON (an array of flat
 * objects). Streams: memory stays bounded whatever the file size. Bytes that are not UTF-8 are an error
 * with the row, never silently replaced.
 */
final class RowSource implements AutoCloseable {
    /** One row and where it stood in the file. */
    record Row(int number, Map<String, String> values) {
    }

    private final CsvReader csv;
    private final List<String> header;
    private final JsonParser json;
    private final ObjectMapper mapper;
    private int number;

    private RowSource(CsvReader csv, List<String> header, JsonParser json, ObjectMapper mapper) {
        this.csv = csv;
        this.header = header;
        this.json = json;
        this.mapper = mapper;
    }

    static RowSource open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".json")) {
                ObjectMapper mapper = new ObjectMapper();
                JsonParser parser = mapper.getFactory().createParser(reader);
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new ImportFileException("a JSON import file must be an array of objects");
                }
                return new RowSource(null, null, parser, mapper);
            }
            if (!name.endsWith(".csv")) {
                throw new ImportFileException("file name must end in .csv or .json (got " + file.getFileName() + ")");
            }
            CsvReader csv = new CsvReader(reader);
            List<String> header = csv.next();
            if (header == null || header.isEmpty()) {
                throw new ImportFileException("the CSV file is empty: a header line is required");
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            return new RowSource(csv, List.copyOf(header.stream().map(String::strip).toList()), null, null);
        } catch (CharacterCodingException e) {
            reader.close();
            throw new ImportFileException("the file is not UTF-8 text near the start: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** The CSV header; empty for JSON, whose rows name their own fields. */
    List<String> header() {
        return header == null ? List.of() : header;
    }

    /** The next row, or null at the end. Throws ImportFileException when the file cannot be read further. */
    Row next() throws IOException {
        try {
            return csv != null ? nextCsv() : nextJson();
        } catch (CharacterCodingException e) {
            throw new ImportFileException("row " + (number + 1) + ": bytes that are not UTF-8 (" + e.getMessage() + ")");
        } catch (CsvReader.CsvException e) {
            throw new ImportFileException("row " + (number + 1) + ": " + e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImportFileException("row " + (number + 1) + ": malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    private Row nextCsv() throws IOException {
        List<String> fields;
        do {
            fields = csv.next();
            if (fields == null) {
                return null;
            }
        } while (fields.isEmpty());
        number++;
        if (fields.size() != header.size()) {
            throw new RowException(number, "has " + fields.size() + " fields, the header has " + header.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), fields.get(i));
        }
        return new Row(number, values);
    }

    private Row nextJson() throws IOException {
        JsonToken token = json.nextToken();
        if (token == JsonToken.END_ARRAY || token == null) {
            return null;
        }
        number++;
        if (token != JsonToken.START_OBJECT) {
            json.skipChildren();
            throw new RowException(number, "is not a JSON object");
        }
        JsonNode node = mapper.readTree(json);
        Map<String, String> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            values.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
        }
        return new Row(number, values);
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        if (json != null) {
            json.close();
        }
    }

    /** The file as a whole cannot be imported (nothing of it is stored past what was committed). */
    static final class ImportFileException extends RuntimeException {
        ImportFileException(String message) {
            super(message);
        }
    }

    /** One row is unusable; the import goes on and reports it. */
    static final class RowException extends RuntimeException {
        final int row;

        RowException(int row, String message) {
            super("row " + row + " " + message);
            this.row = row;
        }
    }
}
