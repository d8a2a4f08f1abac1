package org.ibex.demo;

import org.ibex.node.Node;
import org.ibex.displacement.UtopiaDtm;
import org.ibex.node.Operator;
import org.ibex.node.Progress;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.bench.HistoryWriter;
import org.ibex.bench.SyntheticHistory;
import org.ibex.border.PostLocations;
import org.ibex.border.BatchResult;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Permit;
import org.ibex.border.Post;
import org.ibex.border.StayPolicy;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.document.MrzParser;
import org.ibex.document.MrzReading;
import org.ibex.document.MrzWriter;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.DocumentStatus;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ListImport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.ibex.screens.CommonScreens;
import java.util.Map;
import java.util.Random;

/**
 * Seeds a small fictitious country, Utopia (UTO, the state of the ICAO specimens): three posts, a user per
 * role, stay rules, and travellers who come and go over the last months — some of whom overstay.
 */
public final class DemoSeeder {
    public static final List<Post> POSTS = List.of(
            new Post("UTO-AIR", "Utopia International Airport", Post.Kind.AIRPORT, ZoneId.of("Europe/Vilnius")),
            new Post("UTO-LAND", "Northern Highway Land Crossing", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")),
            new Post("UTO-SEA", "Port of Utopia", Post.Kind.SEAPORT, ZoneId.of("Europe/Vilnius")));
    /** Demo logins: username, password, role, post. Printed by the demo; never use these anywhere else. */
    public static final List<String[]> LOGINS = List.of(
            new String[]{"admin", "demo-admin-pass", "admin", null},
            new String[]{"analyst", "demo-analyst-pass", "analyst", null},
            new String[]{"officer.air", "demo-officer-pass", "officer", "UTO-AIR"},
            new String[]{"officer.land", "demo-officer-pass", "officer", "UTO-LAND"},
            new String[]{"officer.sea", "demo-officer-pass", "officer", "UTO-SEA"},
            new String[]{"supervisor.air", "demo-supervisor-pass", "supervisor", "UTO-AIR"},
            new String[]{"listmanager", "demo-listmanager-pass", "list-manager", null});
    /** The demo users as the login page lists them. */
    public static List<CommonScreens.DemoLogin> demoLogins() {
        return LOGINS.stream().map(login -> new CommonScreens.DemoLogin(login[0], login[1], login[2])).toList();
    }

    private static final String[] OFFICERS = {"officer.air", "officer.land", "officer.sea"};
    private final Node node;
    private final Random random;
    private final LocalDate today;
    private final MrzParser parser;

    public DemoSeeder(Node node, Random random, LocalDate today) {
        this.node = node;
        this.random = random;
        this.today = today;
        this.parser = new MrzParser(java.time.Clock.systemUTC());
    }

    public boolean alreadySeeded() {
        return !node.services.posts().all().isEmpty();
    }

    public void seedReferenceData() {
        POSTS.forEach(node.services.posts()::add);
        DemoPostPositions.place(new PostLocations(node.database, node.services.accessLog()));
        for (String[] login : LOGINS) {
            node.services.accounts().seed(Operator.actor("demo data"), new User(login[0], Role.parse(login[2]), login[3]),
                    login[1]);
        }
        Map<StayRuleKey, StayRule> rules = new LinkedHashMap<>();
        rules.put(new StayRuleKey("UTO", null), StayRule.exempt());
        for (String visaFree : List.of("D", "FRA", "ITA", "ESP", "SWE", "GBR", "JPN", "ISR", "BRA")) {
            rules.put(new StayRuleKey(visaFree, null), StayRule.rolling(90, 180));
        }
        rules.put(new StayRuleKey(null, "VISA-C"), StayPolicy.VISA_TERMS);
        rules.put(new StayRuleKey(null, "WORK"), StayRule.fixedPerEntry(365));
        rules.put(new StayRuleKey("THA", null), StayRule.fixedPerEntry(30));
        node.stayRules.putAll(rules);
        // Utopia's synthetic DTM rounds (IOM's real exports may not ship): the analysts' map and its one surge.
        node.services.displacement().importBytes(UtopiaDtm.csv(), UtopiaDtm.RESOURCE, Operator.actor("demo data"));
    }

    /**
     * Records about {@code target} crossings through the real inspection flow, oldest first, after listing a
     * few of the travellers (by their name in its original script) and some of their passports as stolen, so
     * the demo shows watchlist hits with their explanations.
     */
    public int seedCrossings(DemoNames names, int target, Progress progress) {
        List<CrossingRequest> all = new ArrayList<>();
        List<PersonEntry> listed = new ArrayList<>();
        List<DocumentEntry> stolen = new ArrayList<>();
        int traveller = 0;
        while (all.size() < target) {
            List<CrossingRequest> trips = traveller(names, traveller++);
            all.addAll(trips);
            MrzReading passport = parser.parse(trips.get(0).mrz());
            if (traveller % 97 == 0) {
                listed.add(new PersonEntry("national-alerts", "NA-" + traveller, List.of(trips.get(0).nameOriginal()),
                        new PartialDate(passport.dateOfBirth().getYear(), null, null, null), passport.nationality(), null,
                        "subject of an investigation (demo)", "Utopia police", null, null, EntryAction.REFER_TO_SECOND_LINE));
            } else if (traveller % 151 == 0) {
                stolen.add(new DocumentEntry("lost-stolen", "LS-" + traveller, passport.documentNumber(),
                        passport.issuingState(), "P", DocumentStatus.STOLEN, today.minusDays(400), "issuing authority (demo)"));
            }
        }
        // National lists, loaded as the operator acting as list manager: versioned and audited like any import.
        Actor listManager = Operator.listManager("demo data");
        node.services.watchlists().replace(new ListImport("national-alerts", "National alerts", "Utopia police",
                "national", null, null), listed, List.of(), listManager);
        node.services.watchlists().replace(new ListImport("lost-stolen", "Lost and stolen documents",
                "Utopia passport office", "national", 100, null), List.of(), stolen, listManager);
        all.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
        Actor importer = Operator.actor("demo data");
        int stored = 0;
        for (int from = 0; from < all.size(); from += 250) {
            List<CrossingRequest> batch = all.subList(from, Math.min(all.size(), from + 250));
            BatchResult result = node.services.border().recordBatch(batch, importer);
            stored += result.stored();
            progress.advance(batch.size());
        }
        return stored;
    }

    /**
     * A year of synthetic history at the demo posts ({@link SyntheticHistory}: seasons, corridors, stays, overstays,
     * late arrivals, corrections), up to yesterday, stored as headquarters stores its posts' crossings, so the
     * analyst dashboard has a year to show. Names are built from syllables: quick, and plainly synthetic.
     */
    public SyntheticHistory.Summary seedHistory(long count, long seed, Progress progress) {
        HistoryWriter writer = new HistoryWriter(node.database, progress);
        SyntheticHistory.Summary summary = new SyntheticHistory(new SyntheticHistory.Settings(count, seed,
                today.minusYears(1), today.minusDays(1), POSTS), Map.of()).generate(writer);
        writer.flush();
        return summary;
    }

    private List<CrossingRequest> traveller(DemoNames names, int index) {
        DemoNames.Name surname = names.pick(random);
        DemoNames.Name given = names.pickOfNationality(random, surname.nationality());
        String nationality = random.nextInt(6) == 0 ? "UTO" : surname.nationality();
        LocalDate birth = today.minusYears(random.nextInt(70) + 1).minusDays(random.nextInt(365));
        String sex = random.nextBoolean() ? "F" : "M";
        String number = String.format("%s%07d", (char) ('A' + random.nextInt(26)) + "" + (char) ('A' + random.nextInt(26)), index);
        LocalDate expiry = today.plusDays(random.nextInt(3000) - 120);
        String mrz = MrzWriter.td3(nationality, surname.latin(), given.latin(), number, nationality, birth, sex, expiry, null);
        String original = surname.original() + " " + given.original();
        Permit permit = permitFor(nationality);
        List<CrossingRequest> trips = new ArrayList<>();
        LocalDate day = today.minusDays(20 + random.nextInt(220));
        int visits = 1 + random.nextInt(3);
        for (int v = 0; v < visits && day.isBefore(today); v++) {
            String post = POSTS.get(random.nextInt(POSTS.size())).id();
            int stay = random.nextInt(10) == 0 ? 60 + random.nextInt(80) : 2 + random.nextInt(25);
            trips.add(request(Direction.ENTRY, post, day, mrz, permit, original));
            LocalDate exit = day.plusDays(stay);
            // About one traveller in twelve is not seen leaving: some of them are tomorrow's overstayers.
            if (exit.isBefore(today) && random.nextInt(12) != 0) {
                trips.add(request(Direction.EXIT, POSTS.get(random.nextInt(POSTS.size())).id(), exit, mrz, null, original));
            } else {
                break;
            }
            day = exit.plusDays(5 + random.nextInt(60));
        }
        return trips;
    }

    private Permit permitFor(String nationality) {
        if (List.of("RUS", "EGY", "CHN", "UKR", "JOR", "SYR", "VNM", "NGA", "MMR").contains(nationality)) {
            if (random.nextInt(5) == 0) {
                return new Permit("WORK", null, null, null, null);
            }
            LocalDate from = today.minusDays(260);
            return new Permit("VISA-C", from, from.plusDays(365), random.nextBoolean() ? null : 2, 90);
        }
        return null;
    }

    private CrossingRequest request(Direction direction, String post, LocalDate day, String mrz, Permit permit, String original) {
        Instant at = day.atTime(6 + random.nextInt(16), random.nextInt(60)).toInstant(ZoneOffset.ofHours(2));
        return new CrossingRequest(null, direction, post, at, mrz, null, permit, original,
                OFFICERS[random.nextInt(OFFICERS.length)]);
    }
}
