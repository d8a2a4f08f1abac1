package org.ibex.screens;

import org.ibex.biometrics.FingerPosition;
import org.ibex.biometrics.FingerScore;
import org.ibex.biometrics.Identification;
import org.ibex.biometrics.IdentificationCandidate;
import org.ibex.biometrics.IdentificationReview;
import org.ibex.biometrics.ReviewedIdentification;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the review of one search shows, numbers already in the user's language: the search's facts, each candidate
 * beside the probe finger by finger, the outcome once recorded, and whether the explicit enrolment is still open.
 */
public record ArrivalView(Identification identification, Optional<IdentificationReview> review, List<Candidate> candidates,
                   List<FingerPosition> probeFingers, String threshold, String targetFpir, String requestedAt,
                   String reviewedAt, Integer confirmedRank) {

    /** One candidate: its rank, who it is, its fused score against the threshold, and a row per probe finger. */
    public record Candidate(int rank, IdentificationCandidate candidate, String fused, String margin, List<Row> rows) {
        public String choice() {
            return "subject-" + candidate.subjectId();
        }
    }

    /** A probe finger and the candidate's score on it; null where the candidate has no such finger enrolled. */
    public record Row(FingerPosition position, String score) {
    }

    static ArrivalView of(ReviewedIdentification reviewed, Texts texts) {
        Identification identification = reviewed.identification();
        NumberFormat scores = NumberFormat.getNumberInstance(texts.lang().locale());
        scores.setMinimumFractionDigits(1);
        scores.setMaximumFractionDigits(1);
        List<Candidate> candidates = new ArrayList<>();
        Integer confirmed = null;
        for (IdentificationCandidate candidate : identification.candidates()) {
            List<Row> rows = new ArrayList<>();
            for (FingerPosition position : identification.probeFingers()) {
                rows.add(new Row(position, candidate.fingers().stream().filter(f -> f.position() == position)
                        .map(FingerScore::score).findFirst().map(scores::format).orElse(null)));
            }
            int rank = candidates.size() + 1;
            candidates.add(new Candidate(rank, candidate, scores.format(candidate.fusedScore()),
                    scores.format(candidate.margin()), rows));
            if (reviewed.review().flatMap(r -> Optional.ofNullable(r.subjectId()))
                    .filter(s -> s == candidate.subjectId()).isPresent()) {
                confirmed = rank;
            }
        }
        double threshold = identification.candidates().isEmpty() ? Double.NaN
                : identification.candidates().get(0).threshold();
        return new ArrivalView(identification, reviewed.review(), candidates, identification.probeFingers(),
                Double.isNaN(threshold) ? null : scores.format(threshold),
                texts.t("arrival.oneIn", texts.number(Math.round(1 / identification.targetFpir()))),
                texts.dateTime(identification.requestedAt().atZone(java.time.ZoneId.systemDefault())),
                reviewed.review().map(r -> texts.dateTime(r.reviewedAt().atZone(java.time.ZoneId.systemDefault()))).orElse(null), confirmed);
    }

    /** The officer's own case reference; none when the search kept the default label. */
    public String reference() {
        String label = identification.label();
        return label == null || label.equals(ArrivalScreens.DEFAULT_LABEL) ? null : label;
    }

    /** The outcome may be recorded once. */
    public boolean mayReview() {
        return review.isEmpty();
    }

    /** An unknown person may be enrolled once, and never one confirmed as a candidate already enrolled. */
    public boolean mayEnrol() {
        return identification.enrolledSubjectId() == null && review.map(r -> !r.matchConfirmed()).orElse(true);
    }

    public String outcomeTag() {
        return switch (identification.outcome()) {
            case IDENTIFIED -> "tag warn";
            case CANDIDATES -> "tag warn";
            case NO_HIT -> "tag";
        };
    }
}
