package org.ibex.screens;

import org.ibex.border.Crossing;
import org.ibex.border.PersonFile;
import org.ibex.inquiry.Disclosure;
import org.ibex.watchlist.StoredHit;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person's file as the person view shows it, with the purpose this look-up was logged under, and the person's
 * disclosure ledger for those who may see it (null for the others, and on a node outside a federation), and whether
 * the user may ask another agency about the person.
 */
public record PersonView(PersonFile file, String purpose, boolean mayReviewHits, List<Disclosure> disclosures,
                         boolean mayAsk) {
    /** When a crossing happened, at the post's clock. */
    public static ZonedDateTime at(Crossing crossing) {
        return crossing.occurredAt().atZone(ZoneId.of(crossing.zoneId()));
    }

    /** Where a hit's review is, for a supervisor, or null for others and for hits of crossings not in the file. */
    public String reviewPath(StoredHit hit) {
        return mayReviewHits ? HitScreens.reviewPath(hit.crossingId(), hit.id()) : null;
    }

    /** The crossings of the file by id, so a hit names the day it was made. */
    public Map<Long, Crossing> crossingsById() {
        return file.crossings().stream().collect(Collectors.toMap(Crossing::id, Function.identity(), (a, b) -> a));
    }
}
