package org.ibex.displacement;

/** How large a DTM file the node reads: refused by size before a byte is decoded, and by rows as they are read. */
public record DtmLimits(long maxBytes, int maxRows) {
    /** 50 MB and 200,000 rows: the whole Sudan admin1 history is 0.5 MB and 1,482 rows. */
    public static final DtmLimits STANDARD = new DtmLimits(50L * 1024 * 1024, 200_000);

    public DtmLimits {
        if (maxBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("DTM limits must be positive (got " + maxBytes + " bytes, " + maxRows
                    + " rows)");
        }
    }
}
