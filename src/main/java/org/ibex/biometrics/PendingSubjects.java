package org.ibex.biometrics;

import org.ibex.store.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subjects headquarters copied from its posts inside the exchange's transaction, waiting to join the gallery. They
 * join only once their rows are seen committed, before the next search, so a rolled-back batch never leaves a
 * template searchable; one whose row never appears is forgotten after {@link #PATIENCE}.
 */
final class PendingSubjects {
    static final Duration PATIENCE = Duration.ofMinutes(10);
    private final Map<Long, Waiting> waiting = new ConcurrentHashMap<>();
    private final Database database;
    private final BiometricRepository repository;
    private final FingerGallery gallery;
    private final Clock clock;

    private record Waiting(GallerySubject subject, Instant since) {
    }

    PendingSubjects(Database database, BiometricRepository repository, FingerGallery gallery, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.gallery = gallery;
        this.clock = clock;
    }

    void add(GallerySubject subject) {
        waiting.put(subject.id(), new Waiting(subject, clock.instant()));
    }

    /** Takes a subject out of the gallery at once (withdrawn), and out of the waiting ones. */
    void withdraw(long subjectId) {
        waiting.remove(subjectId);
        gallery.remove(subjectId);
    }

    /** Puts into the gallery every waiting subject whose row committed in force; cheap when none waits. */
    void settle() {
        if (waiting.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        database.read(connection -> {
            for (Waiting w : waiting.values()) {
                Optional<BiometricRepository.StoredSubject> row = repository.subject(connection, w.subject().id());
                if (row.isPresent()) {
                    if (row.get().inForce()) {
                        gallery.put(w.subject());
                    }
                    waiting.remove(w.subject().id());
                } else if (w.since().plus(PATIENCE).isBefore(now)) {
                    waiting.remove(w.subject().id());
                }
            }
            return null;
        });
    }
}
