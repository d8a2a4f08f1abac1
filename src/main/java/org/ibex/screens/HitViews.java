package org.ibex.screens;

import org.ibex.border.Crossing;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.StoredHit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/** What the hit screens show: a hit beside the crossing that made it, and the listed entry it matched. */
public final class HitViews {
    private HitViews() {
    }

    /** One hit awaiting review, with the crossing (and so the traveller's document) that made it. */
    public record Row(Crossing crossing, StoredHit hit) {
        public String reviewPath() {
            return HitScreens.reviewPath(crossing.id(), hit.id());
        }

        public ZonedDateTime occurredAt() {
            return crossing.occurredAt().atZone(java.time.ZoneId.of(crossing.zoneId()));
        }
    }

    /**
     * A hit under review: the crossing, the hit, the listed entry as the list holds it now (null when the entry left
     * the list or the list is not the reader's), and what this supervisor may still do with the hit.
     */
    public record Review(Row row, PersonEntry person, DocumentEntry document, boolean mayConfirm, boolean confirmedByMe,
                  boolean open) {
        public StoredHit hit() {
            return row.hit();
        }

        public Crossing crossing() {
            return row.crossing();
        }

        public List<StoredHit.Disposition> history() {
            return row.hit().history();
        }

        public String personPath() {
            return "/persons/" + row.crossing().personId() + "?purpose=" + PersonPurposes.hitReview(row.hit().id());
        }
    }

    /** A moment of the audit trail at UTC, as the access log and the dispositions store it. */
    public static ZonedDateTime utc(Instant at) {
        return at == null ? null : at.atZone(ZoneOffset.UTC);
    }

    /** The key of a hit status's words and the tag colour that goes with it. */
    public static String statusTag(StoredHit.Status status) {
        return switch (status) {
            case OPEN, CONFIRMATION_PENDING -> "tag warn";
            case CONFIRMED -> "tag error";
            case CLEARED -> "tag ok";
        };
    }
}
