package org.ibex.watchlist;

import org.ibex.names.NameKeyCodec;
import org.ibex.store.Database;
import org.ibex.store.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The keyed lists a node keeps in a folder of its data, one file per list ({@link KeyedListFile}): read at start
 * instead of keying every name again, rewritten after each change of a list. A file is used only when the
 * database gives its list the stamp it was written for and the matcher is the one that keyed it; anything else
 * (missing, stale, damaged) is logged and the list is keyed from the database again. {@link #none()} keeps
 * nothing, for indexes built in memory.
 */
public final class KeyedListFiles {
    private static final Logger LOG = LoggerFactory.getLogger(KeyedListFiles.class);
    private final Path folder;
    private final ListStamps stamps;
    private final KeyedListFile format;
    /** What became of each list's file at the last start: "read", or why it was not used. */
    private final Map<String, String> lastReads = new java.util.concurrent.ConcurrentHashMap<>();

    private KeyedListFiles(Path folder, ListStamps stamps, String fingerprint) {
        this.folder = folder;
        this.stamps = stamps;
        this.format = new KeyedListFile(fingerprint);
    }

    /** Files in {@code folder} (made if needed), valid against {@code database}'s lists and the running matcher. */
    public static KeyedListFiles in(Path folder, Database database) {
        return new KeyedListFiles(folder, new ListStamps(database), NameKeyCodec.fingerprint());
    }

    /** Keeps nothing on disk: every start keys every name. */
    public static KeyedListFiles none() {
        return new KeyedListFiles(null, null, "");
    }

    boolean kept() {
        return folder != null;
    }

    /** Every list's stamp as the database gives it now; empty when nothing is kept. Begins a start. */
    Map<String, String> stamps() {
        lastReads.clear();
        return kept() ? stamps.all() : Map.of();
    }

    /** For each list, at the last start: {@code read} when its keyed file was used, otherwise why it was not. */
    public Map<String, String> lastReads() {
        return Map.copyOf(lastReads);
    }

    /** The list as stored for {@code stamp}, or empty (and a log line saying why) when the file cannot be used. */
    Optional<KeyedList> read(String listId, String stamp) {
        if (!kept() || stamp == null) {
            lastReads.put(listId, "nothing kept");
            return Optional.empty();
        }
        Path file = file(listId);
        try {
            long t0 = System.nanoTime();
            KeyedListFile.Outcome outcome = format.read(file, listId, stamp);
            lastReads.put(listId, outcome.list() == null ? outcome.refusal() : "read");
            if (outcome.list() == null) {
                LOG.info("watchlist {}: keyed file {} not used ({}); keying its names from the database", listId,
                        file.getFileName(), outcome.refusal());
                return Optional.empty();
            }
            LOG.info("watchlist {}: {} persons read keyed from {} in {} ms", listId, outcome.list().entries().size(),
                    file.getFileName(), (System.nanoTime() - t0) / 1_000_000);
            return Optional.of(outcome.list());
        } catch (IOException e) {
            lastReads.put(listId, "unreadable: " + e.getMessage());
            LOG.warn("watchlist {}: keyed file {} unreadable ({}); keying its names from the database", listId, file,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Stores a list's keyed persons under the stamp the database gives it now: called once the change committed,
     * under the keeper's lock, so the stamp is that of this content. A failure to write is logged, not thrown:
     * the next start keys the list again.
     */
    void write(String listId, List<PersonEntry> entries, List<List<PersonIndex.Keyed>> keyed) {
        if (!kept()) {
            return;
        }
        String stamp;
        try {
            stamp = stamps.of(listId);
        } catch (RuntimeException e) {
            LOG.warn("watchlist {}: cannot read its stamp ({}); the next start keys it again", listId, e.toString());
            return;
        }
        write(listId, stamp, entries, keyed);
    }

    void write(String listId, String stamp, List<PersonEntry> entries, List<List<PersonIndex.Keyed>> keyed) {
        if (!kept() || stamp == null) {
            return;
        }
        Path file = file(listId);
        try {
            PrivateFiles.folder(folder);
            // Sorted by entry id, as a start from the database sorts them, so both give the same index.
            int[] order = IntStream.range(0, entries.size()).boxed()
                    .sorted(Comparator.comparing(i -> entries.get(i).entryId())).mapToInt(Integer::intValue).toArray();
            List<PersonEntry> sortedEntries = new ArrayList<>(order.length);
            List<List<PersonIndex.Keyed>> sortedKeyed = new ArrayList<>(order.length);
            for (int i : order) {
                sortedEntries.add(entries.get(i));
                sortedKeyed.add(keyed.get(i));
            }
            format.write(file, new KeyedList(listId, stamp, sortedEntries, sortedKeyed));
        } catch (IOException | RuntimeException e) {
            // The change has committed already: a file not kept costs the next start time, never the change.
            LOG.warn("watchlist {}: cannot keep its keyed names in {} ({}); the next start keys them again", listId,
                    file, e.toString());
        }
    }

    /** Removes the files of lists the database no longer holds, and temporary files a crash left behind. */
    void prune(Set<String> listIds) {
        if (!kept() || !Files.isDirectory(folder)) {
            return;
        }
        Set<String> wanted = listIds.stream().map(KeyedListFiles::fileName).collect(java.util.stream.Collectors.toSet());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("list-") && !wanted.contains(name)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot tidy the keyed lists in {}: {}", folder, e.getMessage());
        }
    }

    Path file(String listId) {
        return folder.resolve(fileName(listId));
    }

    /** A list id may hold any character: the file is named by its hash. */
    private static String fileName(String listId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(listId.getBytes(StandardCharsets.UTF_8));
            return "list-" + HexFormat.of().formatHex(hash, 0, 16) + ".keys";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
