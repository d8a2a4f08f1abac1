package org.ibex.watchlist;

import org.ibex.country.Countries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The passports and identity numbers lists give for listed persons, by number, so a traveller who shows one is
 * found by it whatever name he gives. Filed under the number with the characters OCR confuses folded, as
 * {@link DocumentIndex} does for lost and stolen documents; the issuing country must agree when both are known.
 */
final class ListedDocuments {
    private final Map<String, List<Filed>> byFolded = new HashMap<>();

    private record Filed(int entry, ListedDocument document) {
    }

    /**
     * A listed document the traveller showed: {@code exact} when the normalised numbers are equal, otherwise they
     * differ only by characters OCR confuses and an officer must compare them by eye.
     */
    record Match(int entry, ListedDocument document, String shown, boolean exact) {
        /** What the officer reads. */
        String explanation() {
            String listed = document.type() == null ? "document" : document.type();
            String issued = document.issuingCountry() == null ? "" : " issued by " + document.issuingCountry();
            return exact
                    ? listed + " " + shown + issued + " is listed for this person"
                    : "document " + shown + " differs from listed " + listed.toLowerCase(java.util.Locale.ROOT) + " "
                    + document.number() + issued + " only by characters OCR confuses: check the number by eye";
        }
    }

    void add(int entry, List<ListedDocument> documents) {
        for (ListedDocument document : documents) {
            byFolded.computeIfAbsent(DocumentIndex.fold(document.number()), k -> new ArrayList<>())
                    .add(new Filed(entry, document));
        }
    }

    /** Forgets the documents of entries withdrawn from the index. */
    void removeIf(IntPredicate withdrawn) {
        byFolded.values().forEach(filed -> filed.removeIf(f -> withdrawn.test(f.entry())));
        byFolded.values().removeIf(List::isEmpty);
    }

    /** The listed documents that {@code number} may be, exact ones first; none for a blank number. */
    List<Match> find(String number, String issuingState) {
        if (number == null || number.isBlank()) {
            return List.of();
        }
        String shown = DocumentEntry.normaliseNumber(number);
        if (shown.isEmpty()) {
            return List.of();
        }
        List<Match> matches = new ArrayList<>();
        for (Filed filed : byFolded.getOrDefault(DocumentIndex.fold(shown), List.of())) {
            String country = filed.document().issuingCountry();
            if (country != null && issuingState != null && !issuingState.isBlank()
                    && !Countries.sameCountry(country, issuingState.strip().toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            matches.add(new Match(filed.entry(), filed.document(), shown, filed.document().number().equals(shown)));
        }
        matches.sort((a, b) -> Boolean.compare(b.exact(), a.exact()));
        return matches;
    }
}
