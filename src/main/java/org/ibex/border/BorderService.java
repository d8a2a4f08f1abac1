package org.ibex.border;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.biometrics.BiometricService;
import org.ibex.biometrics.FingerSet;
import org.ibex.identity.PersonFacts;
import org.ibex.identity.PersonRegistry;
import org.ibex.journal.RecordJournal;
import org.ibex.journal.RecordKinds;
import org.ibex.store.ConflictException;
import org.ibex.store.Database;
import org.ibex.store.StoreException;
import org.ibex.store.UniqueRaces;
import org.ibex.watchlist.Clearance;
import org.ibex.watchlist.Clearances;
import org.ibex.watchlist.HitRepository;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.WatchlistHit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Records crossings: read the document, link the person, run the inspection rules, store the crossing
 * and the access in one transaction, answer with the decision and the stay.
 */
public final class BorderService {
    /**
     * Each lost race for a unique key (the uid, a new document) means another transaction committed it, so the next
     * attempt finds it; more attempts than racing keys in one crossing is only a bound against a bug looping.
     */
    private static final int RACE_ATTEMPTS = 4;
    private final Database database;
    private final DocumentReader documents;
    private final InspectionRules rules;
    private final Supplier<StayPolicy> policy;
    private final PersonRegistry persons;
    private final CrossingRepository crossings;
    private final PostRepository posts;
    private final AccessLog accessLog;
    private final Clock clock;
    private final CrossingTime time;
    private final HolderScreening screening;
    private final BiometricService biometrics;
    private final HitRepository hits = new HitRepository();
    private final RecordJournal journal = new RecordJournal();
    private final Clearances clearances = new Clearances();
    private final PersonStays stays;
    private final ReferenceFreshness freshness;
    private final AgencyChecks agencies;

    public BorderService(Database database, org.ibex.document.MrzParser parser, InspectionRules rules,
                         Supplier<StayPolicy> policy, PostRepository posts, AccessLog accessLog, ScreeningIndex screening,
                         BiometricService biometrics, Clock clock) {
        this(database, parser, rules, policy, posts, accessLog, screening, biometrics, clock,
                new CrossingTime(CrossingTime.DEFAULT_SKEW), ReferenceFreshness.NONE, AgencyChecks.NONE);
    }

    /**
     * With {@code freshness}, every decision says which reference copies from headquarters are not current; with
     * {@code agencies}, every inspection also asks the agencies its agreements name, and their answers weigh.
     */
    public BorderService(Database database, org.ibex.document.MrzParser parser, InspectionRules rules,
                         Supplier<StayPolicy> policy, PostRepository posts, AccessLog accessLog, ScreeningIndex screening,
                         BiometricService biometrics, Clock clock, CrossingTime time, ReferenceFreshness freshness,
                         AgencyChecks agencies) {
        this.agencies = agencies;
        this.freshness = freshness;
        this.time = time;
        this.database = database;
        this.documents = new DocumentReader(parser);
        this.rules = rules;
        this.policy = policy;
        this.stays = new PersonStays(policy);
        this.persons = new PersonRegistry();
        this.crossings = new CrossingRepository();
        this.posts = posts;
        this.accessLog = accessLog;
        this.clock = clock;
        this.screening = new HolderScreening(screening);
        this.biometrics = biometrics;
    }

    public RecordedCrossing record(CrossingRequest request, Actor actor) {
        return record(request, null, actor);
    }

    /**
     * Records a crossing with the officer's decision when it differs from the rules' proposal: the proposal's reasons
     * stay with the crossing, and the override is one more reason, with the officer's words, that sets the decision.
     */
    public RecordedCrossing record(CrossingRequest request, OfficerDecision override, Actor actor) {
        Prepared prepared = prepare(request, null, null, actor, false, override);
        return inTransactionWinningRaces(connection -> store(connection, prepared));
    }

    /**
     * What recording this crossing would find, with nothing stored: the same reading, linking, screening, 1:1 and
     * rules as {@link #record}, run in a transaction that is rolled back, so the officer sees the proposed decision
     * before confirming it. A uid already recorded answers with that crossing. The look is access-logged.
     */
    public Assessment assess(CrossingRequest request, Actor actor) {
        Prepared p = prepare(request, null, null, actor, false, null);
        Assessment assessment;
        try {
            database.inTransaction(connection -> {
                throw new DiscardedAssessment(assessment(connection, p));
            });
            throw new IllegalStateException("an assessment is always rolled back");
        } catch (DiscardedAssessment discarded) {
            assessment = discarded.assessment();
        }
        TravelDocument d = p.read().document();
        accessLog.record(AccessLog.Access.by(actor, "crossing.assess", "document " + d.issuingState() + " "
                + d.documentNumber() + " post/" + p.post().id()));
        return assessment;
    }

    private Assessment assessment(Connection connection, Prepared p) throws SQLException {
        Optional<Crossing> existing = crossings.findByUid(connection, p.post().id(), p.uid());
        if (existing.isPresent()) {
            Crossing c = existing.get();
            return new Assessment(c.document(), null, List.of(), List.of(), c, c.localDate());
        }
        Evaluated e = evaluate(connection, p);
        return new Assessment(e.document(), e.outcome(), e.standing(), e.suppressed(), null,
                p.occurredAt().atZone(p.post().zone()).toLocalDate());
    }

    /**
     * Records many crossings in one transaction: all or none are stored, so an import killed midway leaves
     * whole batches only. Requests that break a rule are returned as rejections and not stored. This is the import
     * path: its crossings are marked imported, and late without a reason asked when they lie in the past.
     */
    public BatchResult recordBatch(List<CrossingRequest> requests, Actor actor) {
        List<Prepared> prepared = new ArrayList<>();
        List<BatchResult.Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                prepared.add(prepare(requests.get(i), null, null, actor, true, null));
            } catch (InvalidInputException | AccessDeniedException | org.ibex.document.MrzInputException e) {
                rejected.add(new BatchResult.Rejection(i, e.getMessage()));
            }
        }
        int stored = inTransactionWinningRaces(connection -> {
            int count = 0;
            for (Prepared p : prepared) {
                count += store(connection, p).duplicate() ? 0 : 1;
            }
            return count;
        });
        return new BatchResult(stored, prepared.size() - stored, rejected);
    }

    /** Records a correction: a new crossing superseding {@code supersededId}; the old one stays visible. */
    public RecordedCrossing correct(long supersededId, CrossingRequest request, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "required", "a correction needs a reason");
        }
        Crossing old = database.read(c -> crossings.find(c, supersededId))
                .orElseThrow(() -> InvalidInputException.of("id", "exists", "no crossing " + supersededId));
        actor.requirePost(old.postId());
        if (old.supersededBy() != null) {
            throw InvalidInputException.of("id", "latest", "crossing " + supersededId + " was already corrected by "
                    + old.supersededBy() + ": correct that one");
        }
        // A correction of yesterday's crossing is late by nature: its reason serves when no lateReason is given.
        CrossingRequest withReason = request.lateReason() != null && !request.lateReason().isBlank() ? request
                : withLateReason(request, reason);
        Prepared prepared = prepare(withReason, supersededId, reason, actor, false, null);
        return inTransactionWinningRaces(connection -> store(connection, prepared));
    }

    /**
     * Runs the store in a transaction, again when a concurrent one committed the same uid or the same new document
     * first: a client's retry over a bad link then answers as the first request did, with the stored record, and
     * a traveller's first crossings at two desks link to one person. The failed attempt is rolled back whole.
     */
    private <T> T inTransactionWinningRaces(Database.SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.inTransaction(work);
            } catch (StoreException e) {
                if (attempt >= RACE_ATTEMPTS || !UniqueRaces.lost(e)) {
                    throw e;
                }
            }
        }
    }

    public Crossing get(long id, Actor actor) {
        Crossing crossing = database.read(c -> crossings.findVisible(c, id, actor));
        accessLog.record(AccessLog.Access.by(actor, "crossing.read", "crossing/" + id));
        return crossing;
    }

    public List<Crossing> list(CrossingRepository.Filter filter, Actor actor) {
        return page(filter, actor).items();
    }

    /** A page of crossings newest first by id; officers and supervisors see their own post's only. */
    public Page<Crossing> page(CrossingRepository.Filter filter, Actor actor) {
        CrossingRepository.Filter query = filter;
        if (actor.user().role().boundToPost()) {
            if (filter.postId() != null && !filter.postId().equals(actor.user().postId())) {
                throw new AccessDeniedException(actor.user().role().label() + " " + actor.username()
                        + " may list crossings of post " + actor.user().postId() + " only");
            }
            query = filter.atPost(actor.user().postId());
        }
        CrossingRepository.Filter fetch = query.oneMore();
        Page<Crossing> found = Page.of(database.read(c -> crossings.list(c, fetch)), query.limit());
        accessLog.record(AccessLog.Access.by(actor, "crossing.list", query.describe() + " count=" + found.items().size()));
        return found;
    }

    /**
     * How many crossings stand in [from, to), by post (posts without any are absent); officers and supervisors
     * count their own post's only. Logged as a read of the crossings counted, not of any person.
     */
    public Map<String, Long> countsByPost(Instant from, Instant to, Actor actor) {
        if (!from.isBefore(to)) {
            throw InvalidInputException.of("to", "range", "to must be after from");
        }
        String post = actor.user().role().boundToPost() ? actor.user().postId() : null;
        Map<String, Long> counts = database.read(c -> crossings.countByPost(c, from, to, post));
        accessLog.record(AccessLog.Access.by(actor, "crossing.count", "from=" + from + " to=" + to + " post=" + post
                + " posts=" + counts.size()));
        return counts;
    }

    /** A request checked and read, ready to store: everything that needs no database. */
    private record Prepared(CrossingRequest request, Post post, String uid, String officer, CrossingTime.Timing timing,
                            Instant now, DocumentReader.Read read, StayPolicy.Resolved stayRule,
                            List<WatchlistHit> candidates, FingerSet probe, Long supersedes, String reason, Actor actor,
                            boolean imported, OfficerDecision override, List<AgencyCheck> agencyAnswers) {
        Instant occurredAt() {
            return timing.occurredAt();
        }
    }

    private static CrossingRequest withLateReason(CrossingRequest r, String reason) {
        return new CrossingRequest(r.uid(), r.direction(), r.postId(), r.occurredAt(), r.mrz(), r.document(), r.permit(),
                r.nameOriginal(), r.officer(), r.fingers(), reason);
    }

    private Prepared prepare(CrossingRequest request, Long supersedes, String reason, Actor actor, boolean imported,
                             OfficerDecision override) {
        if (request == null) {
            throw InvalidInputException.of("crossing", "required", "a crossing is required");
        }
        if (request.direction() == null) {
            throw InvalidInputException.of("direction", "required", "direction must be ENTRY or EXIT");
        }
        if (request.postId() == null) {
            throw InvalidInputException.of("postId", "required", "postId is required");
        }
        Post post = posts.find(request.postId())
                .orElseThrow(() -> InvalidInputException.of("postId", "exists", "unknown post '" + request.postId() + "'"));
        actor.requirePost(post.id());
        String uid = request.uid() == null || request.uid().isBlank() ? UUID.randomUUID().toString() : request.uid();
        if (uid.length() > 64) {
            throw InvalidInputException.of("uid", "length", "uid must be at most 64 characters");
        }
        String officer = actor.username();
        if (request.officer() != null && !request.officer().equals(officer)) {
            if (actor.user().role() != org.ibex.access.Role.ADMIN) {
                throw InvalidInputException.of("officer", "self", "officers record crossings in their own name only");
            }
            officer = request.officer();
        }
        Instant now = clock.instant();
        CrossingTime.Timing timing = timing(request, post.id(), uid, now, actor, imported);
        DocumentReader.Read read = documents.read(request);
        StayPolicy.Resolved stayRule = policy.get().resolve(read.document().nationality(), request.permit());
        List<WatchlistHit> candidates = screening.screen(read.document(), post.id());
        FingerSet probe = request.fingers().isEmpty() ? null : biometrics.probe(request.fingers());
        // Asked before the transaction: the answer travels over the exchange while nothing is locked here.
        List<AgencyCheck> answers = imported ? List.of() : agencies.check(read.document(), uid, actor);
        return new Prepared(request, post, uid, officer, timing, now, read, stayRule, candidates, probe, supersedes,
                reason, actor, imported, override, answers);
    }

    /**
     * The crossing's time checked against the clock skew. A retry of a stored crossing is answered as the first
     * time even when it arrives after the skew has passed: a bad link must not turn a record into a refusal.
     */
    private CrossingTime.Timing timing(CrossingRequest request, String postId, String uid, Instant now, Actor actor,
                                       boolean imported) {
        try {
            return time.check(request.occurredAt(), request.lateReason(), now, actor, imported);
        } catch (InvalidInputException refused) {
            Optional<Crossing> stored = database.read(c -> crossings.findByUid(c, postId, uid));
            if (stored.isPresent() && request.occurredAt().equals(stored.get().occurredAt())) {
                return new CrossingTime.Timing(stored.get().occurredAt(), stored.get().late(), stored.get().lateReason());
            }
            throw refused;
        }
    }

    private RecordedCrossing store(Connection connection, Prepared p) throws SQLException {
        Optional<Crossing> existing = crossings.findByUid(connection, p.post().id(), p.uid());
        if (existing.isPresent()) {
            if (!Retries.sameCrossing(existing.get(), p.request(), p.read().document(), p.supersedes())) {
                // Says nothing of the stored crossing: the key may have been guessed.
                throw new ConflictException("uid-reused", "uid", "uid '" + p.uid() + "' was already used at post "
                        + p.post().id() + " for a different crossing; send a new uid for a new crossing");
            }
            Crossing first = existing.get();
            return new RecordedCrossing(first, stays.compute(connection, first.personId(), first.localDate()).status(),
                    true, hits.forCrossing(connection, first.id()));
        }
        Evaluated e = evaluate(connection, p);
        TravelDocument document = e.document();
        long personId = e.personId();
        List<WatchlistHit> standing = e.standing();
        List<SuppressedHit> suppressed = e.suppressed();
        InspectionOutcome outcome = p.override() == null ? e.outcome() : p.override().applyTo(e.outcome(), p.officer());
        Crossing crossing = new Crossing(0, p.uid(), p.request().direction(), p.post().id(), p.officer(),
                p.occurredAt(), p.post().zone().getId(), personId, document, p.request().permit(), outcome.checks(),
                outcome.decision(), outcome.reasons(), p.supersedes(), p.reason(), null, p.now(), p.timing().late(),
                p.timing().lateReason(), p.imported());
        long id = crossings.insert(connection, crossing);
        String action = p.supersedes() == null ? "crossing.record" : "crossing.correct";
        accessLog.record(connection, AccessLog.Access.by(p.actor(), action, "crossing/" + id + " person/" + personId
                + (p.timing().late() ? " late occurredAt=" + p.occurredAt() : "")
                + (p.override() == null ? "" : " override " + e.outcome().decision() + "->" + p.override().decision())));
        for (WatchlistHit hit : standing) {
            hits.insert(connection, id, personId, hit, p.now());
        }
        // A suppressed hit is still stored and shown, with the clearance that kept it from stopping the traveller.
        for (SuppressedHit hit : suppressed) {
            clearances.suppress(connection, hits.insert(connection, id, personId, hit.hit(), p.now()), hit.clearanceId());
        }
        Crossing stored = crossings.find(connection, id).orElseThrow();
        List<org.ibex.watchlist.StoredHit> storedHits = hits.forCrossing(connection, id);
        String supersedesUid = p.supersedes() == null ? null
                : crossings.find(connection, p.supersedes()).map(Crossing::uid).orElse(null);
        // In this transaction: headquarters gets the crossing exactly when it stands here.
        journal.append(connection, RecordKinds.CROSSING, p.post().id(), p.now(),
                CrossingRecords.payload(stored, p.post(), supersedesUid, storedHits));
        // The stay as GET /api/persons/{id}/stay will show it: a refused crossing is no movement.
        StayStatus stay = stays.compute(connection, personId, stored.localDate()).status();
        return new RecordedCrossing(stored, stay, false, storedHits);
    }

    /** The person linked, the hits that stand or a clearance suppresses, and the rules' outcome: nothing stored yet. */
    private record Evaluated(long personId, TravelDocument document, List<WatchlistHit> standing,
                             List<SuppressedHit> suppressed, InspectionOutcome outcome) {
    }

    private Evaluated evaluate(Connection connection, Prepared p) throws SQLException {
        TravelDocument document = p.read().document();
        long personId = persons.link(connection, new PersonFacts(document.surname(), document.givenNames(),
                document.dateOfBirth(), document.nationality(), document.sex(), document.issuingState(),
                document.documentNumber()), p.now());
        List<Movement> history = movements(connection, personId, p.supersedes());
        Map<String, Clearance> cleared = clearances.inForce(connection, personId, p.now());
        List<WatchlistHit> standing = new ArrayList<>();
        List<SuppressedHit> suppressed = new ArrayList<>();
        for (WatchlistHit hit : p.candidates()) {
            Clearance clearance = cleared.get(Clearances.key(hit.listId(), hit.entryId()));
            if (clearance == null) {
                standing.add(hit);
            } else {
                suppressed.add(new SuppressedHit(hit, clearance.id(), clearance.clearedBy(), clearance.clearedAt(),
                        clearance.expiresAt()));
            }
        }
        InspectionFacts facts = new InspectionFacts(p.request().direction(),
                p.occurredAt().atZone(p.post().zone()).toLocalDate(), document, p.read().mrzErrors(),
                p.read().mrzPresent(), p.request().permit(), p.stayRule().rule(), p.stayRule().problem(), history, standing,
                p.probe() == null ? InspectionFacts.Fingerprints.NOT_CAPTURED : new InspectionFacts.Fingerprints(true,
                        biometrics.verify(connection, personId, p.probe(), p.actor()).orElse(null),
                        biometrics.wanted().matches(connection, p.probe(), p.actor())), suppressed);
        return new Evaluated(personId, document, standing, suppressed, AgencyWarnings.add(FreshnessWarnings.add(
                rules.evaluate(facts), freshness.staleAt(p.now())), p.agencyAnswers()));
    }

    private List<Movement> movements(Connection connection, long personId, Long excluded) throws SQLException {
        List<Movement> history = new ArrayList<>();
        for (Crossing c : crossings.movementsOf(connection, personId)) {
            if (excluded == null || c.id() != excluded) {
                history.add(new Movement(c.direction(), c.localDate()));
            }
        }
        return history;
    }
}
