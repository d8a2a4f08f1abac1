package org.ibex.border;

import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.WatchlistHit;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import org.ibex.biometrics.Verification;
import org.ibex.biometrics.WantedMatch;
import org.ibex.biometrics.WantedPrint;

import java.util.ArrayList;
import java.util.List;

/**
 * The primary-inspection rules, as named steps: MRZ, document validity, permit validity, minor, watchlists,
 * stay.
 * Each step adds a check and, when it finds something, a reason that raises the decision. Pure: no I/O.
 */
public final class InspectionRules {
    private final int adultAge;
    private final StayCalculator stays = new StayCalculator();

    public InspectionRules(int adultAge) {
        this.adultAge = adultAge;
    }

    public InspectionOutcome evaluate(InspectionFacts facts) {
        List<Check> checks = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        mrz(facts, checks, reasons);
        documentValidity(facts, checks, reasons);
        permitValidity(facts, checks, reasons);
        minor(facts, checks, reasons);
        watchlists(facts, checks, reasons);
        suppressed(facts, checks, reasons);
        fingerprints(facts, checks, reasons);
        StayStatus stay = stay(facts, checks, reasons);
        Decision decision = Decision.ADMIT;
        for (Reason reason : reasons) {
            decision = decision.atLeast(reason.leadsTo());
        }
        return new InspectionOutcome(List.copyOf(checks), List.copyOf(reasons), decision, stay);
    }

    private static void mrz(InspectionFacts facts, List<Check> checks, List<Reason> reasons) {
        if (!facts.mrzPresent()) {
            checks.add(new Check("mrz", Check.Outcome.SKIPPED, "no machine readable zone: document keyed in"));
        } else if (facts.mrzErrors().isEmpty()) {
            checks.add(new Check("mrz", Check.Outcome.PASS, "all check digits and codes valid"));
        } else {
            String detail = String.join("; ", facts.mrzErrors());
            checks.add(new Check("mrz", Check.Outcome.FAIL, detail));
            reasons.add(new Reason("mrz-invalid", Decision.REFER, "MRZ invalid (" + detail
                    + "): examine the document at second line"));
        }
    }

    private static void documentValidity(InspectionFacts facts, List<Check> checks, List<Reason> reasons) {
        TravelDocument document = facts.document();
        LocalDate date = facts.date();
        if (document.dateOfExpiry() == null) {
            checks.add(new Check("document-expiry", Check.Outcome.WARN, "expiry date unreadable"));
            reasons.add(new Reason("document-expiry-unknown", Decision.REFER, "document expiry date unreadable"));
        } else if (document.dateOfExpiry().isBefore(date)) {
            checks.add(new Check("document-expiry", Check.Outcome.FAIL, "expired on " + document.dateOfExpiry()));
            // Leaving on an expired document is a matter for second line; entering on one is refused.
            Decision leadsTo = facts.direction() == Direction.ENTRY ? Decision.REFUSE : Decision.REFER;
            reasons.add(new Reason("document-expired", leadsTo, "document expired on " + document.dateOfExpiry()));
        } else {
            checks.add(new Check("document-expiry", Check.Outcome.PASS, "valid until " + document.dateOfExpiry()));
        }
        if (document.dateOfIssue() != null && document.dateOfIssue().isAfter(date)) {
            checks.add(new Check("document-issue", Check.Outcome.FAIL, "issued " + document.dateOfIssue()));
            reasons.add(new Reason("document-not-yet-valid", Decision.REFUSE,
                    "document not valid before its date of issue " + document.dateOfIssue()));
        }
    }

    private static void permitValidity(InspectionFacts facts, List<Check> checks, List<Reason> reasons) {
        Permit permit = facts.permit();
        if (permit == null || facts.direction() != Direction.ENTRY) {
            return;
        }
        if (permit.validFrom() != null && permit.validFrom().isAfter(facts.date())) {
            checks.add(new Check("permit-validity", Check.Outcome.FAIL, permit.type() + " valid from " + permit.validFrom()));
            reasons.add(new Reason("permit-not-yet-valid", Decision.REFUSE,
                    permit.type() + " not valid before " + permit.validFrom()));
        } else if (permit.validUntil() != null && permit.validUntil().isBefore(facts.date())) {
            checks.add(new Check("permit-validity", Check.Outcome.FAIL, permit.type() + " expired " + permit.validUntil()));
            reasons.add(new Reason("permit-expired", Decision.REFUSE, permit.type() + " expired on " + permit.validUntil()));
        } else {
            checks.add(new Check("permit-validity", Check.Outcome.PASS, permit.type() + " valid on " + facts.date()));
        }
    }

    private void minor(InspectionFacts facts, List<Check> checks, List<Reason> reasons) {
        LocalDate birth = facts.document().dateOfBirth();
        if (birth == null) {
            checks.add(new Check("minor", Check.Outcome.WARN, "birth date unreadable: age unknown"));
            return;
        }
        int age = Period.between(birth, facts.date()).getYears();
        if (age < adultAge) {
            checks.add(new Check("minor", Check.Outcome.WARN, "age " + age));
            reasons.add(new Reason("minor", Decision.REFER, "minor travelling (age " + age
                    + "): verify parental consent and accompanying adult"));
        } else {
            checks.add(new Check("minor", Check.Outcome.PASS, "age " + age));
        }
    }

    private static void watchlists(InspectionFacts facts, List<Check> checks, List<Reason> reasons) {
        if (facts.hits().isEmpty() && facts.suppressed().isEmpty()) {
            checks.add(new Check("watchlists", Check.Outcome.PASS, "no hit on persons or documents"));
            return;
        }
        for (WatchlistHit hit : facts.hits()) {
            checks.add(new Check("watchlists", Check.Outcome.FAIL, hit.listId() + "/" + hit.entryId() + " "
                    + String.format("%.2f", hit.score()) + ": " + hit.explanation()));
            reasons.add(new Reason(hit.kind() == WatchlistHit.Kind.DOCUMENT ? "document-listed" : "watchlist-hit",
                    leadsTo(hit.action(), facts.direction()), hit.action().name().toLowerCase().replace('_', ' ')
                    + ": " + hit.listId() + "/" + hit.entryId() + " (" + hit.explanation() + ")"));
        }
    }

    /** A suppressed hit no longer stops the traveller, but the officer sees it and whose clearance suppressed it. */
    private static void suppressed(InspectionFacts facts, List<Check> checks, List<Reason> reasons) {
        for (SuppressedHit s : facts.suppressed()) {
            WatchlistHit hit = s.hit();
            String note = "suppressed by " + s.clearedBy() + " on " + s.clearedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                    + " as a false alert for this person, until " + s.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate()
                    + " (clearance " + s.clearanceId() + ")";
            checks.add(new Check("watchlists", Check.Outcome.WARN, hit.listId() + "/" + hit.entryId() + " "
                    + String.format("%.2f", hit.score()) + ": " + note));
            reasons.add(new Reason("watchlist-hit-suppressed", Decision.ADMIT, hit.listId() + "/" + hit.entryId() + " "
                    + note + "; if in doubt, ask a supervisor to revoke the clearance"));
        }
    }

    /** A discreet-check alert lets the traveller pass; a travel ban refuses entry; everything else goes to second line. */
    private static Decision leadsTo(EntryAction action, Direction direction) {
        return switch (action) {
            case NOTIFY_AUTHORITY -> Decision.ADMIT;
            case REFUSE_ENTRY -> direction == Direction.ENTRY ? Decision.REFUSE : Decision.REFER;
            case REFER_TO_SECOND_LINE, DETAIN -> Decision.REFER;
        };
    }

    /** A traveller whose prints do not match the enrolled ones is referred, never refused on a score alone. */
    private static void fingerprints(InspectionFacts facts, List<Check> checks, List<Reason> reasons) {
        InspectionFacts.Fingerprints prints = facts.fingerprints();
        if (prints == null || !prints.captured()) {
            return;
        }
        wanted(prints, checks, reasons);
        Verification v = prints.verification();
        if (v == null) {
            checks.add(new Check("fingerprints", Check.Outcome.SKIPPED, "no prints enrolled for this person"));
            return;
        }
        String detail = v.scores().size() + " finger(s) fused " + String.format(java.util.Locale.ROOT, "%.1f", v.fusedScore())
                + " against threshold " + String.format(java.util.Locale.ROOT, "%.1f", v.threshold()) + " (FMR 1e-4)";
        switch (v.decision()) {
            case MATCH -> checks.add(new Check("fingerprints", Check.Outcome.PASS, detail));
            case NO_MATCH -> {
                checks.add(new Check("fingerprints", Check.Outcome.FAIL, detail));
                reasons.add(new Reason("fingerprints-mismatch", Decision.REFER,
                        "fingerprints do not match those enrolled: " + detail));
            }
            case INCONCLUSIVE -> {
                checks.add(new Check("fingerprints", Check.Outcome.WARN, "no finger captured on both sides"));
                reasons.add(new Reason("fingerprints-inconclusive", Decision.REFER,
                        "fingerprints could not be compared: none of the captured fingers is enrolled"));
            }
        }
    }

    /** Prints that match a wanted person's send the traveller to second line, whatever the document says. */
    private static void wanted(InspectionFacts.Fingerprints prints, List<Check> checks, List<Reason> reasons) {
        for (WantedMatch match : prints.wanted()) {
            String detail = match.reference() + " " + match.name() + " (" + (match.source()
                    == WantedPrint.Source.HEADQUARTERS ? "headquarters" : "this node") + "): " + match.reason() + "; "
                    + match.fingers() + " finger(s) fused " + String.format(java.util.Locale.ROOT, "%.1f",
                    match.fusedScore()) + " against threshold " + String.format(java.util.Locale.ROOT, "%.1f",
                    match.threshold());
            checks.add(new Check("wanted-prints", Check.Outcome.FAIL, detail));
            reasons.add(new Reason("wanted-prints", Decision.REFER, "fingerprints match a wanted person: " + detail));
        }
    }

    private StayStatus stay(InspectionFacts facts, List<Check> checks, List<Reason> reasons) {
        if (facts.stayRule() == null) {
            checks.add(new Check("stay", Check.Outcome.FAIL, facts.stayRuleProblem()));
            reasons.add(new Reason("stay-rule-missing", Decision.REFER, facts.stayRuleProblem()));
            return null;
        }
        List<Movement> after = new ArrayList<>(facts.history());
        after.add(new Movement(facts.direction(), facts.date()));
        if (facts.direction() == Direction.ENTRY) {
            EntryCheck entry = stays.checkEntry(facts.history(), facts.stayRule(), facts.date());
            if (entry.allowed()) {
                // Each rule's reason starts with the rule itself ("exempt: no stay limit", "90/180: ..."): say it once.
                checks.add(new Check("stay", Check.Outcome.PASS, entry.reason()));
            } else {
                checks.add(new Check("stay", Check.Outcome.FAIL, entry.reason()));
                reasons.add(new Reason("stay-exhausted", Decision.REFUSE, "authorised stay exceeded: " + entry.reason()));
            }
            return stays.status(after, facts.stayRule(), facts.date());
        }
        StayStatus before = stays.status(facts.history(), facts.stayRule(), facts.date());
        if (before.overstayer()) {
            checks.add(new Check("stay", Check.Outcome.FAIL, "overstayed by " + before.overstayDays() + " days"));
            reasons.add(new Reason("overstay", Decision.REFER, "overstayed " + facts.stayRule().describe() + " by "
                    + before.overstayDays() + " days: record the overstay at second line"));
        } else {
            checks.add(new Check("stay", Check.Outcome.PASS, "within " + facts.stayRule().describe()));
        }
        return stays.status(after, facts.stayRule(), facts.date());
    }
}
