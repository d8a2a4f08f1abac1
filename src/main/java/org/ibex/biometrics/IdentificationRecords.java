package org.ibex.biometrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.store.Json;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 1:N identifications as they travel from a post to headquarters: outcome and candidates with their scores, no
 * images and no templates. Headquarters has no table of other posts' searches: the national store's row is the
 * record, and its outcome names headquarters' copies of the candidates where it holds them.
 */
public final class IdentificationRecords implements RecordApplier {
    private static final ObjectMapper JSON = Json.mapper();

    /** A candidate as the post saw it: the post's subject id, its label, and how it scored. */
    public record ReplicatedCandidate(long subjectId, String label, double fusedScore, double threshold) {
    }

    /** An identification as it leaves its post. */
    public record ReplicatedIdentification(long identificationId, String postId, String label,
                                           Identification.Outcome outcome, List<ReplicatedCandidate> candidates,
                                           double targetFpir, int gallerySize, List<FingerPosition> probeFingers,
                                           String requestedBy, Instant requestedAt) {
    }

    static ReplicatedIdentification payload(Identification i) {
        return new ReplicatedIdentification(i.id(), i.postId(), i.label(), i.outcome(), i.candidates().stream()
                .map(c -> new ReplicatedCandidate(c.subjectId(), c.label(), c.fusedScore(), c.threshold())).toList(),
                i.targetFpir(), i.gallerySize(), i.probeFingers(), i.requestedBy(), i.requestedAt());
    }

    static ReplicatedIdentification read(JournalRecord record) {
        ReplicatedIdentification i;
        try {
            i = JSON.readValue(record.payload(), ReplicatedIdentification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record " + record.seq() + " is not an identification: "
                    + e.getOriginalMessage(), e);
        }
        if (i == null || i.outcome() == null || i.candidates() == null || i.requestedBy() == null
                || i.requestedAt() == null || i.candidates().contains(null)) {
            throw new IllegalArgumentException("record " + record.seq() + " is not an identification: outcome,"
                    + " candidates, requestedBy and requestedAt are required");
        }
        return i;
    }

    @Override
    public Applied apply(Connection connection, String originNode, JournalRecord record) throws SQLException {
        ReplicatedIdentification i = read(record);
        List<String> named = new ArrayList<>();
        for (ReplicatedCandidate c : i.candidates()) {
            Optional<Long> copy = EnrolmentRecords.copyOf(connection, originNode, c.subjectId());
            named.add(copy.map(s -> "subject/" + s).orElse("post subject " + c.subjectId()));
        }
        return Applied.kept("identification " + i.identificationId() + " " + i.outcome()
                + (named.isEmpty() ? "" : " candidates " + String.join(", ", named)));
    }
}
