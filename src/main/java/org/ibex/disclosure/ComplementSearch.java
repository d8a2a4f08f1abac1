package org.ibex.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the cheapest published figures whose suppression widens a figure's feasible range: a shortest augmenting path
 * from one end of the figure to the other in the residual network of its last {@link FeasibleRange} search, where
 * crossing a suppressed edge (with residual capacity) costs nothing and crossing a published one costs its count.
 * Suppressing the published edges of that path makes it an augmenting path, so the range grows by at least one.
 * Costs compare first by the number of margins on the path (a path of cells beats any path through a row or column
 * total: the margins are what analysts need) and then by the sum of the counts (the information lost). Zero counts are
 * never complements (a published zero stays published) and neither is the grand total. The first complement of a
 * path always lies in the figure's row or column. Ties go to the lowest node, so the choice is deterministic.
 */
final class ComplementSearch {
    /** The cheapest path's published edges and its cost; an empty path when none exists. */
    record Path(List<Integer> complements, long margins, long counts) {
        boolean cheaperThan(Path other) {
            return margins != other.margins ? margins < other.margins : counts < other.counts;
        }
    }

    private final TableNetwork network;
    private final long[] margins;
    private final long[] counts;
    private final int[] via;
    private final boolean[] done;

    ComplementSearch(TableNetwork network) {
        this.network = network;
        this.margins = new long[network.nodes];
        this.counts = new long[network.nodes];
        this.via = new int[network.nodes];
        this.done = new boolean[network.nodes];
    }

    /** The cheapest path from source to sink avoiding edge {@code skip}, over the residual network of {@code range}. */
    Path cheapest(int skip, int source, int sink, FeasibleRange range) {
        Arrays.fill(margins, Long.MAX_VALUE);
        Arrays.fill(counts, Long.MAX_VALUE);
        Arrays.fill(via, -1);
        Arrays.fill(done, false);
        margins[source] = 0;
        counts[source] = 0;
        // Dense Dijkstra: the network has rows + columns + 2 nodes, few enough that a heap would not pay.
        for (int round = 0; round < network.nodes; round++) {
            int node = closest();
            if (node < 0 || node == sink) {
                break;
            }
            done[node] = true;
            for (int e : network.incident(node)) {
                int next = network.other(e, node);
                if (e == skip || done[next]) {
                    continue;
                }
                long margin;
                long count;
                if (network.isSuppressed(e)) {
                    if (range.residual(e, node) <= 0) {
                        continue;
                    }
                    margin = 0;
                    count = 0;
                } else if (network.value(e) > 0 && !network.isGrandTotal(e)) {
                    margin = network.isMargin(e) ? 1 : 0;
                    count = network.value(e);
                } else {
                    continue;
                }
                long nextMargins = margins[node] + margin;
                long nextCounts = counts[node] + count;
                if (nextMargins < margins[next] || nextMargins == margins[next] && nextCounts < counts[next]) {
                    margins[next] = nextMargins;
                    counts[next] = nextCounts;
                    via[next] = e;
                }
            }
        }
        if (via[sink] < 0) {
            return new Path(List.of(), Long.MAX_VALUE, Long.MAX_VALUE);
        }
        List<Integer> complements = new ArrayList<>();
        for (int node = sink; node != source; node = network.other(via[node], node)) {
            if (!network.isSuppressed(via[node])) {
                complements.add(via[node]);
            }
        }
        return new Path(complements, margins[sink], counts[sink]);
    }

    private int closest() {
        int best = -1;
        for (int node = 0; node < network.nodes; node++) {
            if (!done[node] && margins[node] != Long.MAX_VALUE && (best < 0 || margins[node] < margins[best]
                    || margins[node] == margins[best] && counts[node] < counts[best])) {
                best = node;
            }
        }
        return best;
    }
}
