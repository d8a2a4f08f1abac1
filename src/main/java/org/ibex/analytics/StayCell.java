package org.ibex.analytics;

import java.time.LocalDate;

/**
 * The cell a stay counts in: the local month of its exit, the post of the exit, the nationality the exit records,
 * the purpose (the entry's permit type, {@code none} without one) and the band of its length in days.
 */
public record StayCell(LocalDate month, String postId, String nationality, String purpose, String lengthBand) {
    /** The length bands, shortest first, as the API names them. */
    public static final java.util.List<String> BANDS = java.util.List.of("0-7", "8-30", "31-90", "91-180", "181-365",
            "366+");

    /**
     * The band of a stay of {@code days} (exit's local date less the entry's, each at its own post); a stay that
     * looks negative (an entry far east and an exit far west within hours) is a short stay, {@code 0-7}.
     */
    public static String band(long days) {
        return days <= 7 ? "0-7" : days <= 30 ? "8-30" : days <= 90 ? "31-90" : days <= 180 ? "91-180"
                : days <= 365 ? "181-365" : "366+";
    }
}
