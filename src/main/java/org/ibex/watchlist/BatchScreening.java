package org.ibex.watchlist;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Screens a batch of travellers (the batch CSV, {@link BatchQueries}) row by row against the lists in the actor's
 * scope, handing each row's hits, or the reason it could not be read, to the caller in input order. Rows are
 * screened a block at a time in parallel, as the index allows readers to, so a manifest of thousands goes at the
 * speed of the cores. The batch is audited as one act (see {@link BatchAudit}), not one entry per row.
 */
public final class BatchScreening {
    /** Rows screened together: enough to keep the cores busy, few enough that output follows input closely. */
    private static final int BLOCK = 256;
    private final ScreeningIndex index;
    private final Consumer<List<AccessLog.Access>> log;

    /** Where the rows come from: each is handed over in order. */
    @FunctionalInterface
    interface Rows {
        void each(Consumer<BatchQueries.Row> row) throws IOException;
    }

    /** Batches against the node's index, each logged in the node's access log (in its own transaction). */
    BatchScreening(ScreeningIndex index, Database database, AccessLog accessLog) {
        this(index, accesses -> database.inTransaction(connection -> {
            for (AccessLog.Access access : accesses) {
                accessLog.record(connection, access);
            }
            return null;
        }));
    }

    private BatchScreening(ScreeningIndex index, Consumer<List<AccessLog.Access>> log) {
        this.index = index;
        this.log = log;
    }

    /**
     * Batches against an index built in memory from a file the operator holds (no node, no stored list): there is
     * no access log to write to and nothing of the node's is read.
     */
    public static BatchScreening inMemory(ScreeningIndex index) {
        return new BatchScreening(index, accesses -> { });
    }

    /** Reads the CSV from {@code in} (UTF-8; a byte that is not stops the batch there) and screens every row. */
    public BatchResult.Summary screen(InputStream in, String source, int limit, Actor actor, Consumer<BatchResult> out) {
        MessageDigest sha256 = sha256();
        DigestInputStream digesting = new DigestInputStream(in, sha256);
        InputStreamReader reader = new InputStreamReader(digesting, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return screen(each -> {
            try {
                BatchQueries.read(reader, each);
            } catch (CharacterCodingException e) {
                throw new BatchQueries.BatchFileException("the file is not UTF-8 text: a byte sequence after the"
                        + " last row read cannot be decoded");
            }
        }, source, () -> {
            try {
                // The digest covers the whole file, also what follows a point where reading stopped.
                digesting.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // The digest then covers what could be read; the summary says the batch stopped.
            }
            return HexFormat.of().formatHex(sha256.digest());
        }, limit, actor, out);
    }

    /** Screens rows already read, such as a manifest the API checked whole; {@code digest} is of its bytes. */
    BatchResult.Summary screen(Rows rows, String source, Supplier<String> digest, int limit, Actor actor,
                               Consumer<BatchResult> out) {
        BatchAudit audit = new BatchAudit(source, actor);
        record(List.of(audit.started()));
        Tally tally = new Tally();
        BatchResult.Summary summary = null;
        try {
            List<BatchQueries.Row> block = new ArrayList<>(BLOCK);
            rows.each(row -> {
                block.add(row);
                if (block.size() == BLOCK) {
                    screenBlock(block, limit, actor, tally, audit, out);
                    block.clear();
                }
            });
            screenBlock(block, limit, actor, tally, audit, out);
        } catch (IOException e) {
            tally.broken = "the input could not be read to its end: " + e.getMessage();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            tally.broken = e instanceof BatchQueries.BatchFileException ? e.getMessage() : "interrupted";
            throw e;
        } finally {
            summary = tally.summary(digest.get());
            record(audit.finished(summary));
        }
        return summary;
    }

    private void screenBlock(List<BatchQueries.Row> block, int limit, Actor actor, Tally tally, BatchAudit audit,
                             Consumer<BatchResult> out) {
        List<BatchResult> results = block.parallelStream()
                .map(row -> new BatchResult(row, row.ok() ? screen(row.query(), limit, actor) : List.of()))
                .toList();
        for (BatchResult result : results) {
            tally.add(result);
            audit.add(result);
            out.accept(result);
        }
    }

    private List<WatchlistHit> screen(ScreeningQuery query, int limit, Actor actor) {
        return actor.user().role().boundToPost() ? index.screenAtPost(query, limit, actor.user().postId())
                : index.screen(query, limit);
    }

    private void record(List<AccessLog.Access> accesses) {
        log.accept(accesses);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Counts as the rows go by. */
    private static final class Tally {
        int rows;
        int failed;
        int withHits;
        int hits;
        String broken;

        void add(BatchResult result) {
            rows++;
            if (!result.row().ok()) {
                failed++;
            } else if (!result.hits().isEmpty()) {
                withHits++;
                hits += result.hits().size();
            }
        }

        BatchResult.Summary summary(String digest) {
            return new BatchResult.Summary(rows, failed, withHits, hits, digest, broken);
        }
    }
}
