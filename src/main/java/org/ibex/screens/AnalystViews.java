package org.ibex.screens;

import org.ibex.border.Overstayer;

import java.time.LocalDate;
import java.util.List;

/** What the analyst's pages show, computed before rendering so templates only lay it out. */
public final class AnalystViews {
    private AnalystViews() {
    }

    /** The headline numbers of the day, and the same by post. */
    public record Home(LocalDate today, long crossingsToday, long crossingsWeek, long overstayers, List<PostLine> posts,
                       List<AlertLine> alerts) {
    }

    /**
     * One overstay alert: the traveller, days over when raised, the day (UTC) raised and, once withdrawn, the day and
     * the reason (the node's words, in English, as the API gives them).
     */
    public record AlertLine(long personId, String name, boolean open, int overstayDays, LocalDate raised,
                            LocalDate withdrawn, String reason) {
    }

    /** One post's numbers: crossings today and in the last seven days, and overstayers who entered there. */
    public record PostLine(String id, String name, long crossingsToday, long crossingsWeek, long overstayers,
                           String overstayersLink) {
    }

    /** One page of overstayers for a query, with the links that page on and export the whole list. */
    public record Overstayers(OverstayerQuery query, List<Overstayer> rows, boolean more, String previousLink,
                              String nextLink, String csvLink) {
        public int first() {
            return query.offset() + 1;
        }

        public int last() {
            return query.offset() + rows.size();
        }
    }
}
