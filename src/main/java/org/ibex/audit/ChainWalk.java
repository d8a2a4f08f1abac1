package org.ibex.audit;

import org.ibex.audit.AuditVerifier.Break;
import org.ibex.audit.AuditVerifier.Kind;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Follows the chain one entry at a time and notes each place it breaks. Each entry is judged against the
 * stored hash of the one before, so one changed row is reported once, at its own seq.
 */
final class ChainWalk {
    private final List<Break> breaks;
    private final Map<Long, List<Checkpoint>> checkpoints;
    private final Set<Long> compared = new HashSet<>();
    private long lastSeq;
    private String lastHash;
    private long checked;

    ChainWalk(long anchorSeq, String anchorHash, List<Checkpoint> checkpoints, List<Break> breaks) {
        this.breaks = breaks;
        this.checkpoints = checkpoints.stream().collect(Collectors.groupingBy(Checkpoint::seq));
        this.lastSeq = anchorSeq;
        this.lastHash = anchorHash;
    }

    void accept(AuditEntry entry) {
        long expectedSeq = lastSeq + 1;
        if (entry.seq() != expectedSeq) {
            breaks.add(new Break(Kind.MISSING_ENTRIES, expectedSeq, "seq " + expectedSeq, "seq " + entry.seq(),
                    "entries " + range(expectedSeq, entry.seq() - 1) + " missing: seq " + lastSeq + " is followed by seq "
                            + entry.seq()));
        } else if (!lastHash.equals(entry.prevHash())) {
            breaks.add(new Break(Kind.PREVIOUS_LINK_BROKEN, entry.seq(), lastHash, entry.prevHash(),
                    "prev_hash does not match the hash of seq " + lastSeq));
        }
        String computed = ChainDigest.entryHash(entry);
        if (!computed.equals(entry.hash())) {
            breaks.add(new Break(Kind.ENTRY_CHANGED, entry.seq(), computed, entry.hash(),
                    "the stored hash does not match the entry's contents"));
        }
        anchor(entry.seq(), entry.hash(), "entry");
        checked++;
    }

    /** Continues from a point vouched for elsewhere (an archive record), checking any checkpoint signed there. */
    void anchor(long seq, String hash, String source) {
        for (Checkpoint checkpoint : checkpoints.getOrDefault(seq, List.of())) {
            compared.add(seq);
            if (!checkpoint.hash().equals(hash)) {
                breaks.add(new Break(Kind.CHECKPOINT_MISMATCH, seq, checkpoint.hash(), hash,
                        "checkpoint by " + checkpoint.signer() + " does not match the " + source + " at this seq"));
            }
        }
        lastSeq = seq;
        lastHash = hash;
    }

    /** Jumps over entries that cannot be read (archived, no file at hand): their checkpoints are taken on record. */
    void skipTo(long seq, String hash, String source) {
        checkpoints.keySet().stream().filter(at -> at > lastSeq && at < seq).forEach(compared::add);
        anchor(seq, hash, source);
    }

    boolean comparedCheckpointAt(long seq) {
        return compared.contains(seq);
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    long checked() {
        return checked;
    }

    private static String range(long from, long to) {
        return from == to ? "seq " + from + " is" : "seq " + from + ".." + to + " are";
    }
}
