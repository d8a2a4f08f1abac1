package org.ibex.border;

import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistHit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Screens a document's holder against the lists a post may screen: by the name as printed and, when given, in its
 * original script; the stronger hit per entry counts. CPU work that needs no connection, so it runs before the
 * crossing's transaction. Namesakes that the list's policy shows without alerting are left out here: a
 * crossing keeps only the hits that stop the traveller.
 */
final class HolderScreening {
    private final ScreeningIndex index;

    HolderScreening(ScreeningIndex index) {
        this.index = index;
    }

    List<WatchlistHit> screen(TravelDocument d, String postId) {
        String latin = (d.givenNames() == null ? "" : d.givenNames() + " ") + d.surname();
        Map<String, WatchlistHit> best = new LinkedHashMap<>();
        List<String> names = d.nameOriginal() == null ? List.of(latin) : List.of(latin, d.nameOriginal());
        for (String name : names) {
            for (WatchlistHit hit : index.screenAtPost(new ScreeningQuery(name, d.dateOfBirth(), d.nationality(),
                    d.sex(), d.documentNumber(), d.issuingState()), 10, postId)) {
                if (!hit.alerts()) {
                    // A namesake on a list that does not alert on namesakes neither stops nor is stored with the crossing.
                    continue;
                }
                best.merge(hit.kind() + hit.listId() + '\u0000' + hit.entryId(), hit,
                        (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        return List.copyOf(best.values());
    }
}
