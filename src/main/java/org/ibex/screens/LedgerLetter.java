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
                InquiryWords.categories(t, d.categories()), isolated(InquiryWords.node(t, d.counterpart())),
                InquiryWords.purpose(t, d.purpose()), isolated(d.agreement()));
    }

    /**
     * A code inside a sentence of another direction keeps its own (U+2068 first strong isolate … U+2069 pop): the
     * letter is text, not markup, so {@code <bdi>} cannot wrap it, and "UTO-POL-IMM@v1" would break in Arabic.
     */
    private static String isolated(String text) {
        return "\u2068" + text + "\u2069";
    }
}
