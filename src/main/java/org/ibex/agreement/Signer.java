package org.ibex.agreement;

import org.ibex.trust.NodeIdentity;

/** Who signed for a party: the node whose certificate the federation anchor vouches for. */
public record Signer(Party party, NodeIdentity node) {
}
