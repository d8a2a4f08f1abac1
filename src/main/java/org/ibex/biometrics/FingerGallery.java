package org.ibex.biometrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enrolled subjects in memory, templates deserialised once at start and kept current on every enrolment and
 * withdrawal, so 1:1 at the gate never waits on the database and 1:N never reads it. Safe for concurrent use.
 */
public final class FingerGallery {
    private final Map<Long, GallerySubject> subjects = new ConcurrentHashMap<>();
    private final Map<Long, Long> subjectByPerson = new ConcurrentHashMap<>();

    public void put(GallerySubject subject) {
        subjects.put(subject.id(), subject);
        if (subject.personId() != null) {
            Long previous = subjectByPerson.put(subject.personId(), subject.id());
            if (previous != null && previous != subject.id()) {
                subjects.remove(previous);
            }
        }
    }

    public void remove(long subjectId) {
        GallerySubject removed = subjects.remove(subjectId);
        if (removed != null && removed.personId() != null) {
            subjectByPerson.remove(removed.personId(), subjectId);
        }
    }

    /** The person's current enrolment, if any. */
    public Optional<GallerySubject> ofPerson(long personId) {
        Long id = subjectByPerson.get(personId);
        return id == null ? Optional.empty() : Optional.ofNullable(subjects.get(id));
    }

    public Optional<GallerySubject> subject(long subjectId) {
        return Optional.ofNullable(subjects.get(subjectId));
    }

    /** Subjects held, known and unknown. */
    public int size() {
        return subjects.size();
    }

    /** Enrolled fingers in all: the unit of gallery speed (gallery-fingers per second). */
    public int fingerCount() {
        return subjects.values().stream().mapToInt(s -> s.fingers().capturedPositions().size()).sum();
    }

    /**
     * Every subject scored against the probe on the positions both have, on all cores: the fused score is the sum
     * of finger scores, held to the threshold for that many fingers at the per-comparison FMR given. Ranked by
     * margin over the threshold; only those at or above it are returned, at most {@code limit}.
     */
    public List<IdentificationCandidate> search(FingerSet probe, ScoreThresholds thresholds, double fmr, long excludeSubject,
                                                int limit) {
        Map<FingerPosition, FingerProbe> probes = new java.util.EnumMap<>(FingerPosition.class);
        for (FingerPosition position : probe.capturedPositions()) {
            probes.put(position, new FingerProbe(probe.template(position).orElseThrow()));
        }
        List<IdentificationCandidate> found = subjects.values().parallelStream()
                .filter(subject -> subject.id() != excludeSubject)
                .map(subject -> score(subject, probes, thresholds, fmr))
                .filter(candidate -> candidate != null && candidate.margin() >= 0)
                .sorted(Comparator.comparingDouble(IdentificationCandidate::margin).reversed())
                .limit(limit)
                .toList();
        return new ArrayList<>(found);
    }

    private static IdentificationCandidate score(GallerySubject subject, Map<FingerPosition, FingerProbe> probes,
                                                 ScoreThresholds thresholds, double fmr) {
        List<FingerScore> scores = new ArrayList<>();
        double fused = 0;
        for (Map.Entry<FingerPosition, FingerProbe> probe : probes.entrySet()) {
            Optional<FingerTemplate> enrolled = subject.fingers().template(probe.getKey());
            if (enrolled.isPresent()) {
                double score = probe.getValue().score(enrolled.get());
                scores.add(new FingerScore(probe.getKey(), score));
                fused += score;
            }
        }
        if (scores.isEmpty()) {
            return null;
        }
        return new IdentificationCandidate(subject.id(), subject.personId(), subject.label(), fused,
                thresholds.thresholdAt(scores.size(), fmr), scores);
    }
}
