package org.ibex.inquiry;

import org.ibex.agreement.Party;
import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.NodeIdentity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Which node answers for a party: its headquarters ({@code …/HQ}) when listed, else its first node in the directory. */
final class Counterparts {
    private final Supplier<List<DirectoryEntry>> directory;

    Counterparts(Supplier<List<DirectoryEntry>> directory) {
        this.directory = directory;
    }

    Optional<NodeIdentity> nodeFor(Party party) {
        List<NodeIdentity> covered = directory.get().stream().map(DirectoryEntry::node).filter(party::covers).toList();
        return covered.stream().filter(n -> "HQ".equals(n.unit())).findFirst().or(() -> covered.stream().findFirst());
    }

    boolean listed(NodeIdentity node) {
        return directory.get().stream().anyMatch(e -> e.node().equals(node));
    }
}
