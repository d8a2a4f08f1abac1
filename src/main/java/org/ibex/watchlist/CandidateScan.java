package org.ibex.watchlist;

import java.time.LocalDate;

/**
 * One query's walk over postings of the person index: the birth dates it accepts, and the names it met, each
 * once, with a mask of the query tokens that reached them ({@link #SAME_DATE} when met under the traveller's own
 * date or listed without a full one).
 */
final class CandidateScan {
    /** Bit set on a candidate found under the traveller's own birth date (or listed without a full one). */
    static final int SAME_DATE = 1 << 30;
    static final int TOKENS = SAME_DATE - 1;

    /** Per-thread marks for de-duplicating candidates; a stamp avoids clearing the arrays per query. */
    static final class Marks {
        private int[] seen = new int[0];
        private int[] mask = new int[0];
        private int stamp;
    }

    private final int[] exact;
    private final int[] near;
    private final Marks marks;
    private final int stamp;
    private final IntList candidates = new IntList();
    private final IntList found = new IntList();

    CandidateScan(LocalDate birth, Marks marks, int nameCount) {
        this.exact = birth == null ? null : new int[]{(int) birth.toEpochDay()};
        this.near = birth == null ? null : BirthDates.neighbours(birth);
        if (marks.seen.length < nameCount) {
            marks.seen = new int[nameCount + nameCount / 4 + 16];
            marks.mask = new int[marks.seen.length];
        }
        this.marks = marks;
        this.stamp = ++marks.stamp;
    }

    /** Marks the names of {@code posting} whose dates the query accepts with the bits of the token that met them. */
    void read(Posting posting, int bits) {
        if (posting == null) {
            return;
        }
        found.clear();
        if (exact == null) {
            posting.all(found);
            mark(bits);
        } else {
            posting.compatible(exact, true, found);
            mark(bits | SAME_DATE);
            found.clear();
            posting.compatible(near, false, found);
            mark(bits);
        }
    }

    private void mark(int bits) {
        for (int i = 0; i < found.size(); i++) {
            int name = found.get(i);
            if (marks.seen[name] != stamp) {
                marks.seen[name] = stamp;
                marks.mask[name] = 0;
                candidates.add(name);
            }
            marks.mask[name] |= bits;
        }
    }

    /** The names met, in the order first met. */
    IntList candidates() {
        return candidates;
    }

    /** The token bits (and {@link #SAME_DATE}) a met name was reached by. */
    int mask(int name) {
        return marks.mask[name];
    }
}
