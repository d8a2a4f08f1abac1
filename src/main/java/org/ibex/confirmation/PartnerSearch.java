package org.ibex.confirmation;

import java.time.Instant;

/**
 * One probe a partner sent this node, as the oversight body sees it: who asked, under which agreement and purpose,
 * the probe's digest and size, the answer (and a hit the rule's exclusions turned into a no-hit), when it arrived,
 * was searched and was deleted, and the signed receipt. Never the probe itself.
 */
public record PartnerSearch(String id, String requester, String agreement, String purpose, String query,
                            String probeSha256, int fingers, String outcome, String excluded, String refusal,
                            Instant receivedAt, Instant searchedAt, Instant deletedAt, SignedReceipt receipt) {
}
