package org.ibex.agreement;

import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a question against the agreements in force, the same way at both ends: the asker before anything leaves,
 * the answerer before anything is looked up. Nothing an agreement does not say is allowed.
 */
public final class AgreementGate {
    private final AgreementBook book;

    public AgreementGate(AgreementBook book) {
        this.book = book;
    }

    /** A question: from whom to whom, what kind, for which purpose, wanting which categories back. */
    public record Question(NodeIdentity asker, NodeIdentity answerer, QueryType query, String purpose,
                           Set<Category> categories, Instant at) {
        public Question {
            categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        }
    }

    /** How many questions a rule of an agreement has already carried between two instants, as this end counts them. */
    @FunctionalInterface
    public interface Usage {
        long count(Connection connection, String agreementId, AgreementRule rule, Instant from, Instant to)
                throws SQLException;
    }

    /** The asker's check: the first agreement in force that allows the question, else the most telling refusal. */
    public Verdict forAsker(Connection connection, Question question, Usage usage) throws SQLException {
        List<InstalledAgreement> installed = book.all(connection);
        List<Verdict.Refused> refusals = new ArrayList<>();
        List<Verdict.Refused> ended = new ArrayList<>();
        for (InstalledAgreement candidate : installed) {
            if (candidate.agreement() == null || candidate.agreement().rulesBetween(question.asker(),
                    question.answerer()).isEmpty()) {
                if (candidate.agreement() == null && candidate.state() == AgreementState.IN_FORCE) {
                    refusals.add(unusable(candidate));
                }
                continue;
            }
            Verdict verdict = check(connection, candidate, question, usage);
            if (verdict instanceof Verdict.Allowed) {
                return verdict;
            }
            (candidate.state() == AgreementState.IN_FORCE ? refusals : ended).add((Verdict.Refused) verdict);
        }
        // What the version in force says tells the asker more than that an older version was superseded.
        if (refusals.isEmpty()) {
            refusals = ended;
        }
        return refusals.stream().max(java.util.Comparator.comparingInt(r -> rank(r.reason())))
                .<Verdict>map(r -> r).orElseGet(() -> new Verdict.Refused(Refusal.NO_AGREEMENT, "no agreement"
                        + " installed here lets " + question.asker() + " ask " + question.answerer() + " anything"));
    }

    /**
     * The answerer's check of a question that names its agreement ({@code ID@vN}) and the digest of the asker's copy:
     * the asker's copy must be the one installed here, in force, and it must allow the question.
     */
    public Verdict forAnswerer(Connection connection, Question question, String reference, String digest,
                               Usage usage) throws SQLException {
        Optional<InstalledAgreement> named = book.find(connection, reference);
        if (named.isEmpty()) {
            return new Verdict.Refused(Refusal.NO_AGREEMENT, "no agreement " + reference + " is installed at "
                    + question.answerer());
        }
        InstalledAgreement installed = named.get();
        if (installed.agreement() != null && !installed.digest().equals(digest)) {
            return new Verdict.Refused(Refusal.TAMPERED, "the asker's copy of " + reference + " differs from the one"
                    + " installed at " + question.answerer());
        }
        return check(connection, installed, question, usage);
    }

    private Verdict check(Connection connection, InstalledAgreement installed, Question question, Usage usage)
            throws SQLException {
        if (installed.state() == AgreementState.REVOKED) {
            return new Verdict.Refused(Refusal.REVOKED, installed.reference() + " was revoked on "
                    + installed.endedAt() + ": " + installed.endReason());
        }
        if (installed.state() == AgreementState.SUPERSEDED) {
            return new Verdict.Refused(Refusal.SUPERSEDED, installed.reference() + " was " + installed.endReason());
        }
        if (installed.agreement() == null) {
            return unusable(installed);
        }
        Agreement agreement = installed.agreement();
        LocalDate day = question.at().atZone(ZoneOffset.UTC).toLocalDate();
        if (day.isBefore(agreement.validFrom())) {
            return new Verdict.Refused(Refusal.NOT_YET_VALID, agreement.reference() + " is valid from "
                    + agreement.validFrom());
        }
        if (day.isAfter(agreement.validUntil())) {
            return new Verdict.Refused(Refusal.EXPIRED, agreement.reference() + " expired after "
                    + agreement.validUntil());
        }
        List<AgreementRule> rules = agreement.rulesBetween(question.asker(), question.answerer());
        List<AgreementRule> byQuery = rules.stream().filter(r -> r.queries().contains(question.query())).toList();
        if (byQuery.isEmpty()) {
            return new Verdict.Refused(Refusal.QUERY_NOT_ALLOWED, agreement.reference() + " does not let "
                    + question.asker() + " ask " + question.answerer() + " a " + question.query().code()
                    + " question");
        }
        List<AgreementRule> byPurpose = byQuery.stream().filter(r -> r.purposes().contains(question.purpose()))
                .toList();
        if (byPurpose.isEmpty()) {
            return new Verdict.Refused(Refusal.WRONG_PURPOSE, agreement.reference() + " allows "
                    + question.query().code() + " questions for " + byQuery.get(0).purposes() + ", not for '"
                    + question.purpose() + "'");
        }
        Set<Category> wanted = EnumSet.noneOf(Category.class);
        wanted.addAll(question.categories());
        wanted.remove(Category.HIT);
        List<AgreementRule> byCategory = byPurpose.stream().filter(r -> r.categories().containsAll(wanted)).toList();
        if (byCategory.isEmpty()) {
            return new Verdict.Refused(Refusal.CATEGORY_NOT_ALLOWED, agreement.reference() + " releases "
                    + codes(byPurpose.get(0).categories()) + " for this question, not " + codes(wanted));
        }
        AgreementRule rule = byCategory.get(0);
        Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        long today = usage.count(connection, agreement.id(), rule, dayStart,
                dayStart.plus(java.time.Duration.ofDays(1)));
        if (today >= rule.perDay()) {
            return new Verdict.Refused(Refusal.QUOTA_EXHAUSTED, agreement.reference() + " allows " + rule.perDay()
                    + " questions a day; " + today + " were asked today (UTC)");
        }
        Instant yearStart = LocalDate.of(day.getYear(), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long year = usage.count(connection, agreement.id(), rule, yearStart,
                LocalDate.of(day.getYear() + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        if (year >= rule.perYear()) {
            return new Verdict.Refused(Refusal.QUOTA_EXHAUSTED, agreement.reference() + " allows " + rule.perYear()
                    + " questions a year; " + year + " were asked in " + day.getYear());
        }
        return new Verdict.Allowed(agreement, rule);
    }

    private static Verdict.Refused unusable(InstalledAgreement installed) {
        String problem = installed.problem();
        Refusal reason = problem != null && problem.startsWith(AgreementBook.UNSIGNED) ? Refusal.UNSIGNED
                : Refusal.TAMPERED;
        return new Verdict.Refused(reason, installed.reference() + " cannot be acted on: " + problem);
    }

    /** The further a candidate got before it was refused, the more its reason tells the asker. */
    private static int rank(Refusal reason) {
        return reason.ordinal();
    }

    private static String codes(Set<Category> categories) {
        return categories.stream().sorted().map(Category::code).toList().toString();
    }
}
