package org.ibex.displacement;

import java.time.LocalDate;

/**
 * One DTM figure: the displaced individuals present in an area of an operation at a reporting date and round.
 * Admin1 and admin2 are null where the row is for a coarser area; {@link #pcode()} is the finest present.
 */
public record DtmRow(Long dtmId, String operation, String admin0Name, String admin0Pcode, String admin1Name,
                     String admin1Pcode, String admin2Name, String admin2Pcode, long displaced,
                     LocalDate reportingDate, int round, String assessmentType) {

    /** 0, 1 or 2: the finest admin level the row names. */
    public int level() {
        return admin2Pcode != null ? 2 : admin1Pcode != null ? 1 : 0;
    }

    /** The p-code of the area the figure is for. */
    public String pcode() {
        return admin2Pcode != null ? admin2Pcode : admin1Pcode != null ? admin1Pcode : admin0Pcode;
    }

    /** The name of the area the figure is for. */
    public String name() {
        return admin2Pcode != null ? admin2Name : admin1Pcode != null ? admin1Name : admin0Name;
    }

    /** What identifies the figure: a re-import of the same key replaces it. */
    public Key key() {
        return new Key(operation, pcode(), reportingDate, round);
    }

    /** (operation, p-code, reporting date, round): DTM reuses round numbers, so the date is part of it. */
    public record Key(String operation, String pcode, LocalDate reportingDate, int round) {
        @Override
        public String toString() {
            return operation + "/" + pcode + "/" + reportingDate + "/round " + round;
        }
    }
}
