package org.ibex.replication;

import org.ibex.delivery.DirectoryPull;
import org.ibex.delivery.ExchangeNode;
import org.ibex.trust.NodeIdentity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When a headquarters starts, it asks each of its posts for their directory once. A post's sender backs off from a
 * headquarters that was down (up to a minute between tries) and retries at once when it hears from it: this is
 * how a post with a backlog learns that headquarters is back, rather than at its next try. Measured with
 * {@code ibex bench sync}: the wait before the first records arrive.
 */
public final class PostsWakeUp {
    private final FederationRoles roles;
    private final ExchangeNode exchange;
    private final AtomicBoolean done = new AtomicBoolean();
    private final Map<String, DirectoryPull.Outcome> outcomes = new ConcurrentHashMap<>();

    PostsWakeUp(FederationRoles roles, ExchangeNode exchange) {
        this.roles = roles;
        this.exchange = exchange;
    }

    /** The first pass contacts every post (an unreachable one is only noted); later passes do nothing. */
    void run() {
        if (done.getAndSet(true)) {
            return;
        }
        for (NodeIdentity post : roles.posts()) {
            outcomes.put(post.toString(), exchange.directory().pullFrom(post.toString()).outcome());
        }
    }

    /** How each post answered the wake-up (CURRENT or ADOPTED: it heard; UNREACHABLE: it is away). */
    public Map<String, DirectoryPull.Outcome> outcomes() {
        return Map.copyOf(outcomes);
    }
}
