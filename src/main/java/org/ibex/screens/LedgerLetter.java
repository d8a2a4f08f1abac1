package org.ibex.screens;

import org.ibex.identity.Person;
import org.ibex.inquiry.Disclosure;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The disclosure ledger as a letter to the person it is about, in their language: one short sentence per
 * disclosure (when, to or from whom, why, what kind of data, under which agreement), and how to ask for more.
 */
public record LedgerLetter(Texts t, Person person, List<Disclosure> ledger, Instant writtenAt) {
    public String name() {
        return person.givenNames() == null ? person.surname() : person.givenNames() + " " + person.surname();
    }

    public String date() {
        return t.date(writtenAt.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** The sentences of the letter, oldest disclosure first. */
    public List<String> sentences() {
        return ledger.stream().map(this::sentence).toList();
    }

    private String sentence(Disclosure d) {
        String key = "inquiry.letter." + d.direction().name().toLowerCase(Locale.ROOT) + "."
                + d.kind().name().toLowerCase(Locale.ROOT);
        return t.t(key, t.date(d.disclosedAt().atZone(ZoneOffset.UTC).toLocalDate()),
                InquiryWords.categories(t, d.categories()), InquiryWords.node(t, d.counterpart()),
                InquiryWords.purpose(t, d.purpose()), d.agreement());
    }
}
