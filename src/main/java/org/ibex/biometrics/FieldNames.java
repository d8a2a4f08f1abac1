package org.ibex.biometrics;

import java.util.HashMap;
import java.util.Map;

/**
 * Mnemonics of the fields ANSI/NIST-ITL 1-2011 defines (and 2000/2007 before it), per record type. Binary
 * records (types 3-8) have no tags; we number their header items in layout order and call the image 999,
 * as NIST's own tools do, so that every record reads the same way.
 */
final class FieldNames {
    private static final Map<Integer, String[]> NAMES = new HashMap<>();

    static {
        names(1, 1, "LEN", "VER", "CNT", "TOT", "DAT", "PRY", "DAI", "ORI", "TCN", "TCR", "NSR", "NTR", "DOM",
                "GMT", "DCS", "APS", "ANM", "GNS");
        names(2, 1, "LEN", "IDC");
        for (int type = 3; type <= 6; type++) {
            names(type, 1, "LEN", "IDC", "IMP", "FGP", "ISR", "HLL", "VLL", "GCA");
        }
        names(7, 1, "LEN", "IDC");
        names(8, 1, "LEN", "IDC", "SIG", "SRT", "ISR", "HLL", "VLL");
        names(9, 1, "LEN", "IDC", "IMP", "FMT", "OFR", "FGP", "FPC", "CRP", "DLT", "MIN", "RDG", "MRC");
        names(10, 1, "LEN", "IDC", "IMT", "SRC", "PHD", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "CSP", "SAP",
                "FIP", "FPFI", "SHPS", "SVPS", "DIST", "LAF", "POS", "POA", "PXS", "PAS", "SQS", "SPA", "SXS", "SEC",
                "SFP", "FFP", "DMM");
        names(13, 1, "LEN", "IDC", "IMP", "SRC", "LCD", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "BPX", "FGP",
                "SPD", "PPC", "SHPS", "SVPS", "RSP", "REM", "COM", null, null, null, "LQM");
        names(14, 1, "LEN", "IDC", "IMP", "SRC", "FCD", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "BPX", "FGP",
                "PPD", "PPC", "SHPS", "SVPS", "AMP", null, "COM", "SEG", "NQM", "SQM", "FQM", "ASEG", "SCF", "SIF",
                null, null, "DMM", "FAP");
        names(15, 1, "LEN", "IDC", "IMP", "SRC", "PCD", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "BPX", "PLP",
                null, null, "SHPS", "SVPS", "AMP", null, "COM", "SEG", null, null, "PQM");
        names(16, 1, "LEN", "IDC", "UDI", "SRC", "UTD", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "BPX", "CSP",
                null, null, "SHPS", "SVPS", null, null, "COM", null, null, null, "UQS");
        names(17, 1, "LEN", "IDC", "ELR", "SRC", "ICD", "HLL", "VLL", "SLC", "THPS", "TVPS", "CGA", "BPX", "CSP",
                "RAE", "RAU", "IPC", "DUI", null, "MMS", "ECL", "COM", "SHPS", "SVPS", "IQS");
        for (int type : new int[] {10, 13, 14, 15, 16, 17}) {
            NAMES.get(type)[999] = "DATA";
        }
        for (int type = 3; type <= 8; type++) {
            NAMES.get(type)[999] = "DATA";
        }
    }

    private FieldNames() {
    }

    private static void names(int type, int first, String... mnemonics) {
        String[] table = new String[1000];
        System.arraycopy(mnemonics, 0, table, first, mnemonics.length);
        NAMES.put(type, table);
    }

    /** The mnemonic, or an empty string where the standard leaves the field to the user or we have no entry. */
    static String name(int type, int number) {
        String[] table = NAMES.get(type);
        String name = table == null || number < 0 || number >= table.length ? null : table[number];
        if (name == null && number == 1) {
            return "LEN";
        }
        if (name == null && number == 2 && type != 1) {
            return "IDC";
        }
        return name == null ? "" : name;
    }

    /** The tag as the standard writes it: record type, a dot and three or more digits ("14.001"). */
    static String tag(int type, int number) {
        return type + "." + String.format("%03d", number);
    }

    /** Tag and name for messages: "14.001 LEN", or just the tag for user-defined fields. */
    static String label(int type, int number) {
        String name = name(type, number);
        return name.isEmpty() ? tag(type, number) : tag(type, number) + " " + name;
    }
}
