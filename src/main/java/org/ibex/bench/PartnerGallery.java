package org.ibex.bench;

import org.ibex.biometrics.BiometricRepository;
import org.ibex.biometrics.FingerSet;
import org.ibex.biometrics.FingerTemplate;
import org.ibex.node.Progress;
import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Enrols the responder's gallery straight into its store, as batches of persons and one-finger subjects (what a
 * bulk import leaves), before the node opens and loads its gallery as it does at every start. The store numbers the
 * persons; in a fresh store person {@code i + 1} holds gallery finger {@code i}, which {@link #enrol} checks. They
 * are nationals of a third state, so no exclusion of the agreement applies.
 */
final class PartnerGallery {
    private static final int BATCH = 2000;

    private PartnerGallery() {
    }

    static void enrol(Database database, List<byte[]> gallery) {
        BiometricRepository repository = new BiometricRepository();
        Instant now = Instant.now();
        BiometricRepository.Provenance provenance = new BiometricRepository.Provenance(null, "bench", now);
        Progress progress = new Progress("enrol", gallery.size());
        for (int from = 0; from < gallery.size(); from += BATCH) {
            int start = from;
            int end = Math.min(gallery.size(), from + BATCH);
            database.inTransaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO person(surname,"
                        + " given_names, date_of_birth, nationality, sex, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    for (int i = start; i < end; i++) {
                        Sql.bindAll(insert, "GALLERY", "PERSON " + (i + 1),
                                LocalDate.of(1950, 1, 1).plusDays(i % 20000), "XXC", i % 2 == 0 ? "F" : "M", now);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        for (int i = start; i < end; i++) {
                            if (!keys.next() || keys.getLong(1) != i + 1) {
                                throw new IllegalStateException("the responder's store numbered gallery person "
                                        + (i + 1) + " otherwise: the benchmark needs a fresh store");
                            }
                        }
                    }
                }
                List<BiometricRepository.NewSubject> subjects = new ArrayList<>(end - start);
                for (int i = start; i < end; i++) {
                    subjects.add(new BiometricRepository.NewSubject((long) i + 1, "gallery " + (i + 1),
                            FingerSet.of(FingerTemplate.fromBytes(PartnerFingers.POSITION, gallery.get(i))),
                            provenance));
                }
                repository.enrolAll(connection, subjects);
                return null;
            });
            progress.advance(end - start);
        }
        progress.done();
    }
}
