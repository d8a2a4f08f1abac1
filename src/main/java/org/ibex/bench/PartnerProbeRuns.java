package org.ibex.bench;

import org.ibex.access.Actor;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.FingerSet;
import org.ibex.biometrics.IdentificationCandidate;
import org.ibex.confirmation.PartnerProbe;
import org.ibex.confirmation.ProbeRequest;
import org.ibex.confirmation.Probes;
import org.ibex.node.Progress;
import org.ibex.store.Database;
import org.ibex.trust.NodeIdentity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The timed loop of {@code bench hitnohit}, one probe at a time: sent with {@link Probes#send} at the requester and
 * timed until the requester's row of it reads answered (polled every millisecond, a primary-key read); then the same
 * finger searched 1:N by the responder's national search ({@code lookup().candidates}, the call its answer uses), in
 * a transaction of the responder's store as an answer's search is. Both see the same moment of the machine.
 */
final class PartnerProbeRuns {
    static final String PURPOSE = "identity-confirmation";
    private static final long POLL_NANOS = 1_000_000L;
    private static final long GIVE_UP_NANOS = 120_000_000_000L;

    private final Probes probes;
    private final Database requester;
    private final BiometricService responderBiometrics;
    private final Database responder;
    private final NodeIdentity partner;
    private final Actor officer;
    private final Actor national;

    /** One probe's answer over the exchange beside the responder's own search of it. */
    record Answer(PartnerFingers.Probe probe, String probeId, String probeSha256, String outcome,
                  boolean nationalHit, Long nationalPerson, long endToEndNanos, long baselineNanos) {
        boolean hit() {
            return "hit".equals(outcome);
        }
    }

    PartnerProbeRuns(Probes probes, Database requester, BiometricService responderBiometrics, Database responder,
                     NodeIdentity partner, Actor officer, Actor national) {
        this.probes = probes;
        this.requester = requester;
        this.responderBiometrics = responderBiometrics;
        this.responder = responder;
        this.partner = partner;
        this.officer = officer;
        this.national = national;
    }

    List<Answer> run(String label, List<PartnerFingers.Probe> fingers) throws InterruptedException {
        List<Answer> answers = new ArrayList<>();
        Progress progress = new Progress(label, fingers.size());
        for (PartnerFingers.Probe probe : fingers) {
            ProbeRequest request = new ProbeRequest(partner, "identity", PURPOSE, List.of(probe.finger()), null, null,
                    "BENCH-" + probe.number(), null);
            long t0 = System.nanoTime();
            PartnerProbe sent = probes.send(request, officer);
            String[] answered = awaitAnswer(sent.id(), t0);
            long t1 = System.nanoTime();
            if (!PartnerProbe.State.ANSWERED.name().equals(answered[0])) {
                throw new IllegalStateException(probe + " was " + answered[0] + ", not answered: " + answered[2]);
            }
            long t2 = System.nanoTime();
            List<IdentificationCandidate> found = responder.inTransaction(c -> responderBiometrics.lookup()
                    .candidates(c, FingerSet.of(probe.template()), national, 1));
            long t3 = System.nanoTime();
            answers.add(new Answer(probe, sent.id(), sent.probeSha256(), answered[1], !found.isEmpty(),
                    found.isEmpty() ? null : found.get(0).personId(), t1 - t0, t3 - t2));
            progress.advance(1);
        }
        progress.done();
        return answers;
    }

    /** State, outcome and refusal of the requester's row once it is no longer pending. */
    private String[] awaitAnswer(String id, long sentAt) {
        while (true) {
            String[] row = requester.read(c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT state, outcome, refusal FROM partner_probe"
                        + " WHERE id = ?")) {
                    select.setString(1, id);
                    try (ResultSet r = select.executeQuery()) {
                        r.next();
                        return new String[] {r.getString(1), r.getString(2), r.getString(3)};
                    }
                }
            });
            if (!PartnerProbe.State.PENDING.name().equals(row[0])) {
                return row;
            }
            if (System.nanoTime() - sentAt > GIVE_UP_NANOS) {
                throw new IllegalStateException("probe " + id + " was not answered within "
                        + GIVE_UP_NANOS / 1_000_000_000L + " s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
