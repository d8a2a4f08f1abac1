package org.ibex.bench;

import org.ibex.border.CrossingRecords.ReplicatedCrossing;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.Permit;
import org.ibex.border.Post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A realistic synthetic history of crossings, exactly {@code count} of them between two days, deterministic for a
 * seed, produced day by day in the order a national store receives them (so a consumer can store them as it goes):
 * traffic follows {@link HistoryCalendar} (seasons, holidays, the week); nationalities follow each post's corridors
 * ({@link Corridors}); visitors enter and leave again after a stay by purpose ({@link StayLengths}), the home state's
 * citizens leave and come back, some visitors overstay their permit or are never seen leaving, some travellers come
 * back for more trips ({@link SyntheticTravellers}); a few crossings are refused, a few arrive days late (a post
 * that was offline) and a few are superseded by a correction days later. The traffic of the {@value #WARMUP_DAYS}
 * days before the first is simulated but not kept, so the period opens with travellers already in the country.
 */
public final class SyntheticHistory {
    static final int WARMUP_DAYS = 120;
    private static final double REFUSED = 0.003;
    private static final double CORRECTED = 0.005;
    private static final Map<Post.Kind, Double> LATE = Map.of(Post.Kind.AIRPORT, 0.002, Post.Kind.LAND, 0.03,
            Post.Kind.SEAPORT, 0.02);
    private static final String LATE_REASON = "recorded at the post while it was offline; sent when the link came back";
    private static final double[] HOURS = {0.2, 0.1, 0.1, 0.1, 0.3, 0.8, 1.5, 2, 2.2, 2, 1.8, 1.7, 1.8, 1.8, 1.7, 1.8,
            2, 2.2, 2.1, 1.8, 1.4, 1.0, 0.7, 0.4};
    private static final double HOURS_TOTAL = java.util.Arrays.stream(HOURS).sum();

    /** What to generate: {@code count} crossings from {@code from} to {@code to} (inclusive) at {@code posts}. */
    public record Settings(long count, long seed, LocalDate from, LocalDate to, List<Post> posts) {
        public Settings {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1 (got " + count + ")");
            }
            if (from == null || to == null || to.isBefore(from)) {
                throw new IllegalArgumentException("from must be on or before to (got " + from + " .. " + to + ")");
            }
            if (posts == null || posts.isEmpty()) {
                throw new IllegalArgumentException("posts: at least one post is needed");
            }
            posts = List.copyOf(posts);
        }
    }

    /** What the history holds. */
    public record Summary(long crossings, long entries, long exits, long travellers, long repeatTrips,
                          long overstayers, long late, long corrections, long refused) {
    }

    /** A crossing waiting for the day it is recorded; {@code last}: the traveller's trip ends with it. */
    private record Scheduled(long recordedDay, long order, ReplicatedCrossing crossing,
                             SyntheticTravellers.Traveller traveller, boolean last, boolean overstays) {
    }

    private final Settings settings;
    private final Random random;
    private final Corridors corridors;
    private final SyntheticTravellers travellers;
    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>((a, b) -> a.recordedDay != b.recordedDay
            ? Long.compare(a.recordedDay, b.recordedDay) : Long.compare(a.order, b.order));
    private Consumer<ReplicatedCrossing> sink;
    private long made;
    private long emitted;
    private long entries;
    private long late;
    private long corrections;
    private long refused;
    private long overstayers;
    /** The travellers (by number) who cross in the period. */
    private final java.util.BitSet seen = new java.util.BitSet();

    /** {@code names}: the shared name pairs by script ({@link BenchNames#load}), or an empty map. */
    public SyntheticHistory(Settings settings, Map<String, List<BenchNames.Pair>> names) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.corridors = new Corridors(settings.posts(), settings.seed());
        this.travellers = new SyntheticTravellers(names);
    }

    /** Hands every crossing of the history to {@code sink}, in the order they are recorded; what it holds. */
    public Summary generate(Consumer<ReplicatedCrossing> sink) {
        this.sink = sink;
        HistoryCalendar calendar = new HistoryCalendar(settings.from(), settings.to());
        double perDay = settings.count() / 2.0 / calendar.days();
        for (LocalDate day = settings.from().minusDays(WARMUP_DAYS); day.isBefore(settings.from()); day = day.plusDays(1)) {
            drain(day);
            long starts = Math.round(perDay * HistoryCalendar.weight(day));
            for (long i = 0; i < starts; i++) {
                start(day, true);
            }
        }
        for (LocalDate day = settings.from(); !day.isAfter(settings.to()) && emitted < settings.count();
             day = day.plusDays(1)) {
            drain(day);
            long target = Math.round(settings.count() * calendar.shareUpTo(day));
            long lateToday = 0;
            while (emitted + lateToday < target && emitted < settings.count()) {
                lateToday += start(day, true) ? 0 : 1;
            }
        }
        // The last day takes what is still missing (a late crossing would fall after the period).
        while (emitted < settings.count()) {
            start(settings.to(), false);
        }
        return new Summary(emitted, entries, emitted - entries, seen.cardinality(), travellers.repeats(), overstayers,
                late, corrections, refused);
    }

    private void drain(LocalDate day) {
        while (!pending.isEmpty() && pending.peek().recordedDay() <= day.toEpochDay()) {
            Scheduled s = pending.poll();
            if (s.last()) {
                travellers.returned(s.traveller(), random);
            }
            offer(s.crossing(), s.overstays());
        }
    }

    /** Starts a trip on {@code day}; whether its first crossing was recorded at once. */
    private boolean start(LocalDate day, boolean mayBeLate) {
        Post post = corridors.post(random);
        String nationality = corridors.nationality(post, random);
        boolean home = Corridors.HOME.equals(nationality);
        SyntheticTravellers.Traveller traveller = travellers.next(nationality, day, random);
        String purpose = home ? null : Corridors.permitType(nationality, random);
        StayLengths.Trip trip = StayLengths.trip(purpose, home, day, random);
        boolean refusedHere = !home && random.nextDouble() < REFUSED;
        Direction first = home ? Direction.EXIT : Direction.ENTRY;
        Instant at = at(post, day);
        boolean isLate = mayBeLate && random.nextDouble() < LATE.get(post.kind());
        Instant recorded = isLate ? at.plusSeconds(86_400L * (1 + random.nextInt(6)) + random.nextInt(3600))
                : at.plusSeconds(5 + random.nextInt(120));
        boolean corrected = !isLate && random.nextDouble() < CORRECTED;
        boolean ends = refusedHere || trip.days() < 0;
        String keyedNationality = nationality;
        String keyedSex = traveller.sex();
        if (corrected && random.nextBoolean()) {
            keyedNationality = corridors.foreign(post, random);
        } else if (corrected) {
            keyedSex = "M".equals(traveller.sex()) ? "F" : "M";
        }
        ReplicatedCrossing crossing = crossing(first, post, at, recorded, isLate, traveller, keyedNationality,
                keyedSex, trip.permit(), refusedHere ? Decision.REFUSE : Decision.ADMIT, null, null);
        boolean now = !isLate;
        if (now) {
            if (ends && !trip.overstays()) {
                travellers.returned(traveller, random);
            }
            offer(crossing, trip.overstays());
        } else {
            pending.add(new Scheduled(recorded.atZone(post.zone()).toLocalDate().toEpochDay(), made, crossing,
                    traveller, ends && !trip.overstays(), trip.overstays()));
        }
        if (corrected) {
            Instant fixedAt = recorded.plusSeconds(86_400L * (1 + random.nextInt(3)));
            ReplicatedCrossing fix = crossing(first, post, at, fixedAt, true, traveller, nationality,
                    traveller.sex(), trip.permit(), crossing.decision(), crossing.uid(),
                    keyedNationality.equals(nationality) ? "sex keyed wrongly" : "nationality keyed wrongly");
            pending.add(new Scheduled(fixedAt.atZone(post.zone()).toLocalDate().toEpochDay(), made, fix, traveller,
                    false, false));
        }
        if (!ends) {
            LocalDate back = day.plusDays(trip.days());
            Post other = corridors.exitPost(post, random);
            Instant backAt = at(other, back);
            boolean backLate = random.nextDouble() < LATE.get(other.kind());
            Instant backRecorded = backLate ? backAt.plusSeconds(86_400L * (1 + random.nextInt(6)))
                    : backAt.plusSeconds(5 + random.nextInt(120));
            ReplicatedCrossing second = crossing(home ? Direction.ENTRY : Direction.EXIT, other, backAt, backRecorded,
                    backLate, traveller, nationality, traveller.sex(), trip.permit(), Decision.ADMIT, null, null);
            pending.add(new Scheduled(backRecorded.atZone(other.zone()).toLocalDate().toEpochDay(), made, second,
                    traveller, true, false));
        }
        return now;
    }

    /** Keeps a crossing of the period (the warm-up's are dropped) until the history is full. */
    private void offer(ReplicatedCrossing crossing, boolean overstays) {
        LocalDate day = crossing.occurredAt().atZone(java.time.ZoneId.of(crossing.zoneId())).toLocalDate();
        if (day.isBefore(settings.from()) || emitted >= settings.count()) {
            return;
        }
        emitted++;
        entries += crossing.direction() == Direction.ENTRY ? 1 : 0;
        late += crossing.late() && crossing.supersedesUid() == null ? 1 : 0;
        corrections += crossing.supersedesUid() != null ? 1 : 0;
        refused += crossing.decision() == Decision.REFUSE ? 1 : 0;
        overstayers += overstays ? 1 : 0;
        seen.set((int) Long.parseLong(crossing.document().documentNumber().substring(2)));
        sink.accept(crossing);
    }

    private Instant at(Post post, LocalDate day) {
        double u = random.nextDouble() * HOURS_TOTAL;
        int hour = 0;
        for (double sum = HOURS[0]; sum < u && hour < 23; sum += HOURS[++hour]) {
            // the hour whose running weight first reaches u
        }
        return day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(post.zone()).toInstant();
    }

    private ReplicatedCrossing crossing(Direction direction, Post post, Instant at, Instant recorded, boolean isLate,
                                        SyntheticTravellers.Traveller traveller, String nationality, String sex,
                                        Permit permit, Decision decision, String supersedes, String reason) {
        String uid = "syn-" + settings.seed() + "-" + (++made);
        return new ReplicatedCrossing(uid, direction, post.id(), post.name(), post.kind(), post.zone().getId(),
                "synthetic", at, traveller.document(nationality, sex), permit, List.of(), decision, List.of(),
                supersedes, reason, recorded, isLate, isLate ? (reason != null ? reason : LATE_REASON) : null, true,
                List.of());
    }
}
