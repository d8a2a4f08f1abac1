package org.ibex.biometrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enrolled subjects in memory, templates deserialised once at start and kept current on every enrolment and
 * withdrawal, so 1:1 at the gate never waits on the database and 1:N never reads it. 1:N goes through the
 * minutia-pair index, which shares the template objects rather than copying them. Safe for concurrent use.
 */
public final class FingerGallery {
    private final Map<Long, GallerySubject> subjects = new ConcurrentHashMap<>();
    private final Map<Long, Long> subjectByPerson = new ConcurrentHashMap<>();
    private final FingerprintIndex index;

    public FingerGallery(IndexParameters parameters) {
        this.index = new FingerprintIndex(parameters);
    }

    public void put(GallerySubject subject) {
        for (FingerPosition position : subject.fingers().capturedPositions()) {
            index.add(subject.id(), position.code(), subject.fingers().template(position).orElseThrow().afis());
        }
        subjects.put(subject.id(), subject);
        if (subject.personId() != null) {
            Long previous = subjectByPerson.put(subject.personId(), subject.id());
            if (previous != null && previous != subject.id()) {
                remove(previous);
            }
        }
    }

    public void remove(long subjectId) {
        GallerySubject removed = subjects.remove(subjectId);
        index.remove(subjectId);
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
     * Subjects most like the probe: each probe finger's short list from the index (SourceAFIS-rescored), then every
     * listed subject scored on all positions both have. The fused score is the sum of finger scores, held to the
     * threshold for that many fingers at the per-comparison FMR given. Ranked by margin over the threshold; only
     * those at or above it are returned, at most {@code limit}.
     */
    public List<IdentificationCandidate> search(FingerSet probe, ScoreThresholds thresholds, double fmr, long excludeSubject,
                                                int limit) {
        Map<FingerPosition, FingerProbe> probes = probes(probe);
        Set<Long> listed = new LinkedHashSet<>();
        for (FingerPosition position : probe.capturedPositions()) {
            for (Candidate candidate : index.identify(probe.template(position).orElseThrow().afis(),
                    index.parameters().shortList())) {
                listed.add(candidate.id());
            }
        }
        return rank(listed.stream().map(subjects::get), probes, thresholds, fmr, excludeSubject, limit);
    }

    /** The same over every subject with no index: the baseline that {@link #search} is measured against. */
    public List<IdentificationCandidate> searchAll(FingerSet probe, ScoreThresholds thresholds, double fmr,
                                                   long excludeSubject, int limit) {
        return rank(subjects.values().parallelStream(), probes(probe), thresholds, fmr, excludeSubject, limit);
    }

    private static Map<FingerPosition, FingerProbe> probes(FingerSet probe) {
        Map<FingerPosition, FingerProbe> probes = new EnumMap<>(FingerPosition.class);
        for (FingerPosition position : probe.capturedPositions()) {
            probes.put(position, new FingerProbe(probe.template(position).orElseThrow()));
        }
        return probes;
    }

    private static List<IdentificationCandidate> rank(Stream<GallerySubject> subjects, Map<FingerPosition, FingerProbe> probes,
                                                      ScoreThresholds thresholds, double fmr, long excludeSubject,
                                                      int limit) {
        return new ArrayList<>(subjects
                .filter(subject -> subject != null && subject.id() != excludeSubject)
                .map(subject -> score(subject, probes, thresholds, fmr))
                .filter(candidate -> candidate != null && candidate.margin() >= 0)
                .sorted(Comparator.comparingDouble(IdentificationCandidate::margin).reversed())
                .limit(limit)
                .toList());
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
