package org.ibex.agreement;

import java.time.Instant;
import java.util.List;

/**
 * One installed version as the store holds it. {@code agreement} is what the stored file says when it still reads
 * and verifies; otherwise it is null and {@code problem} says why (a file changed in the database, a signer revoked
 * since), and no question is asked or answered under it. {@code signers} names the node that signed for each party
 * (empty when the file does not verify).
 */
public record InstalledAgreement(String id, int version, AgreementState state, String digest, String installedBy,
                                 Instant installedAt, String endedBy, Instant endedAt, String endReason,
                                 Agreement agreement, String problem, List<Signer> signers) {
    public InstalledAgreement {
        signers = signers == null ? List.of() : List.copyOf(signers);
    }

    public String reference() {
        return Agreement.reference(id, version);
    }

    public boolean usable() {
        return state == AgreementState.IN_FORCE && agreement != null;
    }
}
