package org.ibex.displacement;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** IOM's DTM exports in ../shared/data/dtm: read there, never copied into the repository (IOM's terms). */
final class DtmFiles {
    static final Path FOLDER = Path.of("../shared/data/dtm");
    static final String HEADER = "id,operation,admin0Name,admin0Pcode,admin1Name,admin1Pcode,admin2Name,admin2Pcode,"
            + "numPresentIdpInd,reportingDate,yearReportingDate,monthReportingDate,roundNumber,assessmentType";

    private DtmFiles() {
    }

    static Path file(String name) {
        Assumptions.assumeTrue(Files.isDirectory(FOLDER), "IOM DTM exports are not in " + FOLDER.toAbsolutePath()
                + " (see ../shared/README.md); the tests on real DTM data are skipped");
        return FOLDER.resolve(name);
    }

    /** A CSV row of an admin1 figure, for crafted files. */
    static String row(String operation, String pcode, String name, long displaced, String date, int round) {
        return "," + operation + ",Utopia,UTO," + name + "," + pcode + ",,," + displaced + "," + date + "T00:00:00,"
                + date.substring(0, 4) + "," + Integer.parseInt(date.substring(5, 7)) + "," + round + ",BA";
    }
}
