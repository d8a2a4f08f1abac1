package org.ibex.bench;

import org.ibex.confirmation.ProbeMessage;
import org.ibex.store.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Looks for the probes a node was sent, after it answered them: every cell of every table of its schema for a piece
 * of each probe's template (as the base64 the wire carries, and as the raw bytes it decodes to) and for the probe's
 * digest, and every file of its data folder for the template pieces. The digest is kept by design (the search log
 * and the signed receipt name it), so it is reported apart, not counted as a probe kept.
 */
final class ProbeTraces {
    /** Tables the confirmation design keeps the probe's digest in, for oversight and the reference. */
    static final List<String> DIGEST_KEPT = List.of("partner_search", "partner_reference");
    private static final int CHUNK = 8 << 20;
    private final NeedleScan text;
    private final NeedleScan raw;
    private final NeedleScan digest;
    private final int probes;

    /** What was found: per probe, and where. */
    record Found(BitSet probes, Map<String, BitSet> places) {
        static Found none() {
            return new Found(new BitSet(), new TreeMap<>());
        }

        void add(int probe, String place) {
            probes.set(probe);
            places.computeIfAbsent(place, p -> new BitSet()).set(probe);
        }

        /** Where, with how many probes each place holds. */
        String where() {
            StringBuilder out = new StringBuilder();
            places.forEach((place, held) -> out.append(out.length() == 0 ? "" : ", ").append(place).append(' ')
                    .append(held.cardinality()));
            return out.length() == 0 ? "nowhere" : out.toString();
        }

        /** The numbers of the probes found as ranges ("2-40, 45"), in the order sent (warm-up first, from 0). */
        String which() {
            StringBuilder out = new StringBuilder();
            for (int from = probes.nextSetBit(0); from >= 0; from = probes.nextSetBit(probes.nextClearBit(from))) {
                int to = probes.nextClearBit(from) - 1;
                out.append(out.length() == 0 ? "" : ", ").append(from).append(to > from ? "-" + to : "");
            }
            return out.length() == 0 ? "none" : out.toString();
        }
    }

    /** Each probe's template as sent (base64 of SourceAFIS's form) and its digest as the requester recorded it. */
    ProbeTraces(List<String> templates, List<String> digests) {
        List<byte[]> textNeedles = new ArrayList<>();
        List<byte[]> rawNeedles = new ArrayList<>();
        for (String base64 : templates) {
            byte[] bytes = Base64.getDecoder().decode(base64);
            // A piece from the inside: the template's first bytes are a header every template shares.
            textNeedles.add(base64.substring(base64.length() / 4, base64.length() / 4 + 60)
                    .getBytes(StandardCharsets.US_ASCII));
            rawNeedles.add(java.util.Arrays.copyOfRange(bytes, bytes.length / 4, bytes.length / 4 + 45));
        }
        this.text = new NeedleScan(textNeedles);
        this.raw = new NeedleScan(rawNeedles);
        this.digest = new NeedleScan(digests.stream().map(d -> d.getBytes(StandardCharsets.US_ASCII)).toList());
        this.probes = templates.size();
    }

    /** Probes whose template is in some row of the schema, by table. */
    Found templatesInTables(Database database) {
        return inTables(database, false);
    }

    /** Probes whose digest is in some row of a table other than {@link #DIGEST_KEPT}, by table. */
    Found digestsElsewhere(Database database) {
        return inTables(database, true);
    }

    /** Probe envelopes still holding content in the inbox (their wire not emptied). */
    static long unerasedProbeWires(Database database) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM exchange_inbox"
                    + " WHERE type = ? AND OCTET_LENGTH(wire) > 0")) {
                select.setString(1, ProbeMessage.TYPE);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /**
     * Probes whose template is in some file under {@code folder}, by file name relative to it and the form found:
     * base64 (as the probe's envelope carries it) or the bytes it decodes to.
     */
    Found templatesInFiles(Path folder) {
        Found found = Found.none();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        int overlap = Math.max(text.length(), raw.length());
        byte[] buffer = new byte[CHUNK + overlap];
        for (Path file : files) {
            String name = folder.relativize(file).toString();
            try (InputStream in = Files.newInputStream(file)) {
                int kept = 0;
                while (true) {
                    int read = in.readNBytes(buffer, kept, CHUNK);
                    int end = kept + read;
                    text.scan(buffer, end, n -> found.add(n, name + " (base64)"));
                    raw.scan(buffer, end, n -> found.add(n, name + " (bytes)"));
                    if (read < CHUNK) {
                        break;
                    }
                    // Keep the tail, so a needle across two chunks is still seen whole.
                    kept = Math.min(overlap - 1, end);
                    System.arraycopy(buffer, end - kept, buffer, 0, kept);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    int probes() {
        return probes;
    }

    private Found inTables(Database database, boolean digests) {
        return database.read(c -> {
            Found found = Found.none();
            for (String stored : tables(c)) {
                String table = stored.toLowerCase(Locale.ROOT);
                if (digests && DIGEST_KEPT.contains(table)) {
                    continue;
                }
                try (PreparedStatement select = c.prepareStatement("SELECT * FROM \"" + stored + "\"");
                     ResultSet row = select.executeQuery()) {
                    int columns = row.getMetaData().getColumnCount();
                    while (row.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] cell = bytes(row.getObject(i));
                            if (cell == null) {
                                continue;
                            }
                            if (digests) {
                                digest.scan(cell, cell.length, n -> found.add(n, table));
                            } else {
                                text.scan(cell, cell.length, n -> found.add(n, table));
                                raw.scan(cell, cell.length, n -> found.add(n, table));
                            }
                        }
                    }
                }
            }
            return found;
        });
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet t = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
            while (t.next()) {
                tables.add(t.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static byte[] bytes(Object cell) throws SQLException {
        if (cell instanceof Blob blob) {
            return blob.getBytes(1, (int) blob.length());
        }
        if (cell instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length()).getBytes(StandardCharsets.UTF_8);
        }
        if (cell instanceof byte[] bytes) {
            return bytes;
        }
        return cell == null ? null : cell.toString().getBytes(StandardCharsets.UTF_8);
    }
}
