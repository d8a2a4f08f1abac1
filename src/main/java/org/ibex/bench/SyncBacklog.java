package org.ibex.bench;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.node.Progress;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.WatchlistInfo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A post's week offline, built the way a post builds it: travellers cross at the post's desks through its
 * {@code BorderService} (MRZ read, person linked, screened against a loaded watchlist, stay computed, crossing, hits
 * and journal record stored in one transaction each). Travellers come back (entry, then exit), some share a name
 * with others, and a few are on the list, so headquarters links persons and receives hits as it would in service.
 */
public final class SyncBacklog {
    public static final String POST_ID = "UTO-LAND-7";
    private static final String[] SURNAMES = {"OKAFOR", "MARTIN", "NGUYEN", "KOWALSKI", "HASSAN", "SILVA", "IVANOVA",
            "MULLER", "ROSSI", "HANSEN", "TANAKA", "SOMCHAI", "DIALLO", "PETROV", "GARCIA", "LEBLANC", "MENSAH",
            "KAPOOR", "YILMAZ", "ANDERSSON", "NOVAK", "OLIVEIRA", "HAIDARI", "WANG", "KIM", "FISCHER", "MORENO",
            "BENALI", "OSEI", "LINDQVIST"};
    private static final String[] GIVEN = {"AMINA", "JEAN", "MAI", "PIOTR", "OMAR", "ANA", "OLGA", "LUKAS", "GIULIA",
            "ERIK", "YUKI", "NIRAN", "FATOU", "DMITRI", "LUCIA", "CLAIRE", "KWAME", "PRIYA", "EMRE", "INGRID", "TOMAS",
            "BEATRIZ", "FARID", "LI", "MINJI", "SOPHIE", "PABLO", "NADIA", "ABENA", "KARIN"};
    private static final String[] NATIONALITIES = {"FRA", "DEU", "NGA", "VNM", "POL", "EGY", "BRA", "THA", "IND",
            "TUR", "SWE", "GHA", "MAR", "ESP", "JPN"};
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private final int crossings;
    private final int travellers;
    private final int listed;
    private final int threads;
    private final boolean imported;
    private static final int IMPORT_BATCH = 250;
    private static final java.time.Duration WEEK = java.time.Duration.ofDays(7);

    /** What was built: how many crossings were stored and how long building took. */
    public record Built(int crossings, double seconds, int listedTravellers) {
    }

    /** One traveller with the passport they show at every crossing. */
    private record Traveller(String surname, String given, LocalDate born, String nationality, String sex,
                             String document) {
        String mrz() {
            return MrzWriter.td3(nationality, surname, given, document, nationality, born, sex,
                    LocalDate.now().plusYears(5), null);
        }
    }

    /**
     * {@code imported}: the desks hand the week in as imports ({@code recordBatch}, a transaction per 250, dated
     * over the past seven days); otherwise one crossing per transaction as a desk records it now.
     */
    public SyncBacklog(int crossings, int travellers, int listed, int threads, boolean imported) {
        this.imported = imported;
        this.crossings = crossings;
        this.travellers = travellers;
        this.listed = listed;
        this.threads = threads;
    }

    /** Records the backlog at {@code post}, whose exchange is not started: the records wait in its journal. */
    public Built build(Node post) throws Exception {
        post.services.posts().add(new Post(POST_ID, "Land post 7", Post.Kind.LAND, ZoneId.of("Europe/Vilnius")));
        post.stayRules.put(new StayRuleKey(null, null), StayRule.rolling(90, 180));
        List<Traveller> people = travellers(new Random(16));
        post.screening.replaceList(new WatchlistInfo("bench-wanted", "Bench wanted persons", "bench", "none", 80),
                watchlist(people), List.of());
        Actor officer = new Actor(new User("officer.land7", Role.OFFICER, POST_ID), "inspection", "bench");
        AtomicInteger next = new AtomicInteger();
        Progress progress = new Progress("backlog at the post", crossings);
        long t0 = System.nanoTime();
        Instant start = Instant.now().minus(WEEK);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> desks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                desks.add(pool.submit(() -> {
                    int step = imported ? IMPORT_BATCH : 1;
                    for (int i = next.getAndAdd(step); i < crossings; i = next.getAndAdd(step)) {
                        List<CrossingRequest> requests = new ArrayList<>();
                        for (int k = i; k < Math.min(crossings, i + step); k++) {
                            requests.add(request(people, k, start));
                        }
                        if (imported) {
                            var result = post.services.border().recordBatch(requests, officer);
                            if (!result.rejected().isEmpty()) {
                                throw new IllegalStateException("the post refused a backlog crossing: "
                                        + result.rejected().get(0));
                            }
                        } else {
                            post.services.border().record(requests.get(0), officer);
                        }
                        synchronized (progress) {
                            progress.advance(requests.size());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> desk : desks) {
                desk.get();
            }
        } finally {
            pool.shutdownNow();
        }
        progress.done();
        return new Built(crossings, (System.nanoTime() - t0) / 1e9, Math.min(listed, people.size()));
    }

    /** Crossing {@code i}: traveller i % n crossing for the (i / n)-th time, so entries and exits alternate. */
    private CrossingRequest request(List<Traveller> people, int i, Instant weekStart) {
        Traveller who = people.get(i % people.size());
        Direction direction = (i / people.size()) % 2 == 0 ? Direction.ENTRY : Direction.EXIT;
        Instant at = imported ? weekStart.plusMillis(WEEK.toMillis() * i / crossings) : Instant.now();
        return new CrossingRequest("wk-" + i, direction, POST_ID, at, who.mrz(), null, null, null, null);
    }

    private List<Traveller> travellers(Random random) {
        List<Traveller> out = new ArrayList<>(travellers);
        for (int i = 0; i < travellers; i++) {
            StringBuilder document = new StringBuilder();
            document.append(LETTERS.charAt(random.nextInt(LETTERS.length())))
                    .append(LETTERS.charAt(random.nextInt(LETTERS.length())))
                    .append(String.format("%07d", i));
            out.add(new Traveller(SURNAMES[random.nextInt(SURNAMES.length)], GIVEN[random.nextInt(GIVEN.length)],
                    LocalDate.of(1945, 1, 1).plusDays(random.nextInt(60 * 365)),
                    NATIONALITIES[random.nextInt(NATIONALITIES.length)], random.nextBoolean() ? "M" : "F",
                    document.toString()));
        }
        return out;
    }

    /** Every k-th traveller is listed by name, birth date and nationality, so their crossings store hits. */
    private List<PersonEntry> watchlist(List<Traveller> people) {
        List<PersonEntry> entries = new ArrayList<>();
        int step = Math.max(1, people.size() / Math.max(1, listed));
        for (int i = 0; i < people.size() && entries.size() < listed; i += step) {
            Traveller t = people.get(i);
            entries.add(new PersonEntry("bench-wanted", "W" + i, List.of(t.given() + " " + t.surname()),
                    PartialDate.of(t.born()), t.nationality(), null, "benchmark", "benchmark", null, null,
                    EntryAction.REFER_TO_SECOND_LINE));
        }
        return entries;
    }
}
