package org.ibex.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.border.CrossingRecords;
import org.ibex.border.CrossingRecords.ReplicatedCrossing;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.journal.RecordKinds;
import org.ibex.node.Progress;
import org.ibex.store.Database;
import org.ibex.store.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stores a synthetic history the way headquarters stores the crossings its posts send: as crossing records applied
 * in batches ({@link CrossingRecords#applyAll}), one transaction each, so travellers are linked to persons, posts
 * are created when missing and corrections name what they supersede exactly as for real records, and whatever the
 * store maintains on a crossing insert is maintained. A crossing already held (the same uid) is skipped, so running
 * the same seed again stores nothing twice.
 */
public final class HistoryWriter implements Consumer<ReplicatedCrossing> {
    /** Crossings per transaction: large enough that linking and inserting run as a few statements. */
    public static final int BATCH = 2000;
    private static final String ORIGIN = "synthetic-history";
    private final Database database;
    private final Progress progress;
    private final CrossingRecords records = new CrossingRecords();
    private final ObjectMapper json = Json.mapper();
    private final List<JournalRecord> batch = new ArrayList<>(BATCH);
    private long seq;
    private long stored;
    private long held;

    public HistoryWriter(Database database, Progress progress) {
        this.database = database;
        this.progress = progress;
    }

    @Override
    public void accept(ReplicatedCrossing crossing) {
        batch.add(new JournalRecord(++seq, RecordKinds.CROSSING, crossing.postId(), crossing.recordedAt(),
                Json.write(json, crossing)));
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    /** Stores what is pending; call once the history is generated. */
    public void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<RecordApplier.Applied> applied = database.inTransaction(c -> records.applyAll(c, ORIGIN, batch));
        for (RecordApplier.Applied a : applied) {
            if (a.outcome().startsWith(RecordApplier.UNREADABLE)) {
                throw new IllegalStateException("a generated crossing was not readable: " + a.outcome());
            }
            if (a.outcome().startsWith("already held")) {
                held++;
            } else {
                stored++;
            }
        }
        progress.advance(batch.size());
        batch.clear();
    }

    /** Crossings stored by this writer. */
    public long stored() {
        return stored;
    }

    /** Crossings skipped because the store held them already. */
    public long alreadyHeld() {
        return held;
    }
}
