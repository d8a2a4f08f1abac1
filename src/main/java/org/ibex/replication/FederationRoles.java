package org.ibex.replication;

import org.ibex.trust.DirectoryEntry;
import org.ibex.trust.NodeIdentity;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who is headquarters and who is a post, read from node names: {@code STATE/AGENCY/HQ} is the headquarters of every
 * other unit of its state and agency in the directory ({@code replication.headquarters} names another one).
 */
public final class FederationRoles {
    public static final String HQ_UNIT = "HQ";
    private final NodeIdentity self;
    private final Supplier<List<DirectoryEntry>> directory;
    private final NodeIdentity headquartersOverride;

    public FederationRoles(NodeIdentity self, Supplier<List<DirectoryEntry>> directory, NodeIdentity override) {
        this.self = self;
        this.directory = directory;
        this.headquartersOverride = override;
    }

    public NodeIdentity self() {
        return self;
    }

    /** Whether this node is a headquarters: it keeps the national store and publishes reference data. */
    public boolean isHeadquarters() {
        return headquartersOverride == null && HQ_UNIT.equals(self.unit());
    }

    /** The headquarters this node replicates to, when it is a post and its headquarters is in the directory. */
    public Optional<NodeIdentity> headquarters() {
        if (isHeadquarters()) {
            return Optional.empty();
        }
        NodeIdentity hq = headquartersOverride != null ? headquartersOverride
                : new NodeIdentity(self.state(), self.agency(), HQ_UNIT);
        return listed(hq) ? Optional.of(hq) : Optional.empty();
    }

    /** The posts of this headquarters in the directory in force; empty on a post. */
    public List<NodeIdentity> posts() {
        if (!isHeadquarters()) {
            return List.of();
        }
        return directory.get().stream().map(DirectoryEntry::node).filter(this::isPost).toList();
    }

    /** Whether {@code node} is one of this headquarters' posts (and listed), so its records are accepted. */
    public boolean isPostOf(NodeIdentity node) {
        return isHeadquarters() && isPost(node) && listed(node);
    }

    private boolean isPost(NodeIdentity node) {
        return node.state().equals(self.state()) && node.agency().equals(self.agency())
                && !HQ_UNIT.equals(node.unit());
    }

    private boolean listed(NodeIdentity node) {
        return directory.get().stream().anyMatch(e -> e.node().equals(node));
    }
}
