package org.ibex.disclosure;

import java.util.Arrays;

/**
 * How far one suppressed figure can move, in one direction, while everything published stays true: the maximum flow
 * between its two ends over the other suppressed edges. An edge with true value a may change by any d with a + d >= 0,
 * so each suppressed edge offers its forward direction without limit and its backward direction up to a. Raising
 * figure e (tail u, head v) by t needs a flow of t from v back to u; lowering it needs a flow from u to v (and is
 * capped by its own value). This is the linear program's maximum and minimum of the figure, solved exactly as a
 * maximum flow (Edmonds-Karp), and stopped as soon as the flow reaches what protection needs. The flow found is kept
 * so that {@link ComplementSearch} can look for an augmenting path in its residual network. Scratch, not shared.
 */
final class FeasibleRange {
    static final long UNLIMITED = Long.MAX_VALUE / 4;
    private final TableNetwork network;
    /** Net flow of the last search along each edge's own direction; negative means the figure goes down. */
    private final long[] flow;
    private final int[] via;
    private final int[] queue;

    FeasibleRange(TableNetwork network) {
        this.network = network;
        this.flow = new long[network.edges];
        this.via = new int[network.nodes];
        this.queue = new int[network.nodes];
    }

    /**
     * The largest flow from source to sink over suppressed edges other than {@code skip}, up to {@code need}.
     */
    long push(int skip, int source, int sink, long need) {
        Arrays.fill(flow, 0);
        long total = 0;
        while (total < need) {
            long pushed = augment(skip, source, sink, need - total);
            if (pushed == 0) {
                break;
            }
            total += pushed;
        }
        return total;
    }

    /** What edge e can still carry when crossed from the given node, after the last search's flow. */
    long residual(int e, int from) {
        if (network.tail(e) == from) {
            return UNLIMITED;
        }
        return network.value(e) + flow[e];
    }

    private long augment(int skip, int source, int sink, long limit) {
        Arrays.fill(via, -1);
        int first = 0;
        int last = 0;
        queue[last++] = source;
        via[source] = skip;
        while (first < last && via[sink] < 0) {
            int node = queue[first++];
            for (int e : network.incident(node)) {
                int next = network.other(e, node);
                if (e != skip && via[next] < 0 && next != source && network.isSuppressed(e) && residual(e, node) > 0) {
                    via[next] = e;
                    queue[last++] = next;
                }
            }
        }
        if (via[sink] < 0) {
            return 0;
        }
        long bottleneck = limit;
        for (int node = sink; node != source; node = network.other(via[node], node)) {
            int e = via[node];
            bottleneck = Math.min(bottleneck, residual(e, network.other(e, node)));
        }
        for (int node = sink; node != source; node = network.other(via[node], node)) {
            int e = via[node];
            flow[e] += network.head(e) == node ? bottleneck : -bottleneck;
        }
        return bottleneck;
    }
}
