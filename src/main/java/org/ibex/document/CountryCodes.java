package org.ibex.document;

import java.util.Set;

/** The three-letter codes ICAO Doc 9303 allows for issuing states and nationalities. */
public final class CountryCodes {
    /** ISO 3166-1 alpha-3, all 249 officially assigned codes. */
    private static final String ISO_3166 = """
            ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE
            BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA
            CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE
            DEU DJI DMA DNK DOM DZA
            ECU EGY ERI ESH ESP EST ETH
            FIN FJI FLK FRA FRO FSM
            GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
            HKG HMD HND HRV HTI HUN
            IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA
            JAM JEY JOR JPN
            KAZ KEN KGZ KHM KIR KNA KOR KWT
            LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA
            MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT
            NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL
            OMN
            PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF
            QAT
            REU ROU RUS RWA
            SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR
            TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA
            UGA UKR UMI URY USA UZB
            VAT VCT VEN VGB VIR VNM VUT
            WLF WSM
            YEM
            ZAF ZMB ZWE
            """;

    /**
     * Codes Doc 9303 Part 3 adds: Germany's one-letter D, British nationals (GBD..GBS), United Nations (UNO, UNA, UNK),
     * other organisations (X..), stateless and refugees (XXA..XXC), unspecified (XXX), EU (EUE) and Kosovo (RKS).
     * UTO is the fictitious state "Utopia" that every Doc 9303 specimen uses; it is accepted so specimens validate.
     */
    private static final String ICAO = """
            D GBD GBN GBO GBP GBS UNO UNA UNK XBA XIM XCC XOM XPO XES XMP XDC XXA XXB XXC XXX EUE RKS UTO
            """;

    private static final Set<String> KNOWN = Set.of((ISO_3166 + ICAO).trim().split("\\s+"));

    private CountryCodes() {
    }

    /** Whether {@code code} is a known code; trailing fillers are ignored, so {@code D<<} is known. */
    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(Fillers.trimTrailing(code));
    }

    static int size() {
        return KNOWN.size();
    }
}
