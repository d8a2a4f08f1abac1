package org.ibex.watchlist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Reads a list file in one of the known formats, named or recognised from the file's name and first bytes. */
public final class WatchlistFiles {
    /** The format names {@link #parse} accepts. */
    public static final List<String> FORMATS = List.of("csv", "json", "un-xml", "opensanctions");
    private static final int SNIFF_BYTES = 4096;

    private WatchlistFiles() {
    }

    /**
     * Never throws for a bad file or format name: those come back as a file-level error.
     *
     * @param format csv, json, un-xml or opensanctions (any case); null to recognise it
     */
    public static ParsedEntries parse(Path file, String listId, String format, Consumer<Integer> progress) {
        if (format != null && !FORMATS.contains(format.toLowerCase(Locale.ROOT))) {
            return failed(RowError.FORMAT, "format '" + format + "' is not one of " + FORMATS
                    + "; leave it out to recognise the format from the file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            String chosen = format != null ? format.toLowerCase(Locale.ROOT) : recognise(file, in);
            if (chosen == null) {
                return failed(RowError.FORMAT, "cannot tell the format of " + file.getFileName() + "; name it: "
                        + FORMATS);
            }
            return parser(chosen).parse(in, listId, progress);
        } catch (IOException e) {
            return failed(RowError.IO, "cannot read " + file + ": " + e);
        }
    }

    static WatchlistParser parser(String format) {
        return switch (format) {
            case "csv" -> new WatchlistCsv();
            case "json" -> new WatchlistJson();
            case "un-xml" -> new UnConsolidatedListXml();
            case "opensanctions" -> new OpenSanctionsSimpleCsv();
            default -> throw new IllegalArgumentException("format '" + format + "' is not one of " + FORMATS);
        };
    }

    /**
     * The format from the first bytes ([ is JSON, &lt; is XML, an OpenSanctions header is that CSV), else from the
     * extension; null if neither tells. The stream is left at its start.
     */
    static String recognise(Path file, InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        // Lenient decoding is fine for a guess; the parser chosen decodes strictly and reports bad bytes.
        String text = new String(head, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").stripLeading();
        if (text.startsWith("[")) {
            return "json";
        }
        if (text.startsWith("<")) {
            return "un-xml";
        }
        // Real exports quote every header field ("id","schema",...): the quotes say nothing about the format.
        if (text.replace("\"", "").toLowerCase(Locale.ROOT).startsWith("id,schema,")) {
            return "opensanctions";
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? "csv" : name.endsWith(".json") ? "json" : name.endsWith(".xml") ? "un-xml" : null;
    }

    private static ParsedEntries failed(String rule, String message) {
        return new ParsedEntries(List.of(), List.of(), List.of(new RowError(0, "file", rule, message)), 0);
    }
}
