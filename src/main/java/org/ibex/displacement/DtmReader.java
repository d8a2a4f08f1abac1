package org.ibex.displacement;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a DTM export, CSV or JSON (told apart by the first character), into rows: bounded in bytes before it is
 * decoded and in rows as it is read; every row checked, and then the file as a whole (one figure per key, one
 * name per p-code). Any problem refuses the whole file.
 */
public final class DtmReader {
    private final DtmLimits limits;

    public DtmReader(DtmLimits limits) {
        this.limits = limits;
    }

    /** The rows of a file, its size checked before it is read. */
    public List<DtmRow> read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxBytes()) {
            throw tooLarge(size + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) limits.maxBytes() + 1);
            return read(bytes);
        }
    }

    /** The rows of a body already held (an upload bounded as it arrived). */
    public List<DtmRow> read(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw tooLarge("more than " + limits.maxBytes() + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw DtmFileException.one("line 1: field file: is not UTF-8 text; save the export as UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        Problems problems = new Problems();
        List<Located> rows = start.startsWith("{") || start.startsWith("[")
                ? DtmJson.read(text, limits, problems) : DtmCsv.read(text, limits, problems);
        wholeFile(rows, problems);
        problems.throwIfAny();
        if (rows.isEmpty()) {
            throw DtmFileException.one("line 2: field row: the file holds no DTM rows");
        }
        return rows.stream().map(Located::row).toList();
    }

    private DtmFileException tooLarge(String what) {
        return DtmFileException.limit("line 1: field file: the file has " + what + "; at most " + limits.maxBytes()
                + " bytes are imported at once: split it");
    }

    /** One figure per key, and a p-code named the same on every row. */
    private static void wholeFile(List<Located> rows, Problems problems) {
        Map<DtmRow.Key, String> keys = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> firstNamed = new HashMap<>();
        for (Located located : rows) {
            DtmRow row = located.row();
            String earlier = keys.putIfAbsent(row.key(), located.where());
            if (earlier != null) {
                problems.add(located.where(), "roundNumber", "a second figure for " + row.key() + " (first at "
                        + earlier + ")");
            }
            String level = "admin" + row.level();
            String code = level + ":" + row.pcode();
            String name = names.putIfAbsent(code, row.name());
            if (name != null && !name.equals(row.name())) {
                problems.add(located.where(), level + "Name", "p-code " + row.pcode() + " is named '" + name + "' at "
                        + firstNamed.get(code) + " but '" + DtmRowRules.shown(row.name()) + "' here");
            }
            firstNamed.putIfAbsent(code, located.where());
        }
    }
}
