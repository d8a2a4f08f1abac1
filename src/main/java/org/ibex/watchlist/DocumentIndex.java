package org.ibex.watchlist;

import org.ibex.country.Countries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lost, stolen and revoked documents by number. Exact on the normalised number and issuing state; a second
 * key folds the characters OCR confuses (O/0, I/1, B/8, S/5, Z/2, G/6) so a misread number is still caught.
 */
final class DocumentIndex {
    private final Map<String, List<DocumentEntry>> byFolded = new HashMap<>();

    void add(DocumentEntry entry) {
        byFolded.computeIfAbsent(fold(DocumentEntry.normaliseNumber(entry.documentNumber())), k -> new ArrayList<>())
                .add(entry);
    }

    void removeList(String listId) {
        byFolded.values().forEach(entries -> entries.removeIf(e -> e.listId().equals(listId)));
        byFolded.values().removeIf(List::isEmpty);
    }

    /** Takes out the entries of {@code listId} whose ids are in {@code entryIds}. */
    void remove(String listId, java.util.Set<String> entryIds) {
        if (entryIds.isEmpty()) {
            return;
        }
        byFolded.values().forEach(entries -> entries.removeIf(e -> e.listId().equals(listId)
                && entryIds.contains(e.entryId())));
        byFolded.values().removeIf(List::isEmpty);
    }

    int size() {
        return byFolded.values().stream().mapToInt(List::size).sum();
    }

    List<WatchlistHit> screen(String number, String issuingState, LocalDate today) {
        if (number == null || number.isBlank()) {
            return List.of();
        }
        String normal = DocumentEntry.normaliseNumber(number);
        List<WatchlistHit> hits = new ArrayList<>();
        for (DocumentEntry entry : byFolded.getOrDefault(fold(normal), List.of())) {
            if (entry.issuingState() != null && issuingState != null
                    && !Countries.sameCountry(entry.issuingState(), issuingState)) {
                continue;
            }
            String listed = DocumentEntry.normaliseNumber(entry.documentNumber());
            boolean exact = listed.equals(normal);
            String why = exact
                    ? "document " + normal + " (" + issuingState + ") is listed as " + entry.status()
                    : "document " + normal + " differs from listed " + listed + " (" + entry.status()
                    + ") only by characters OCR confuses: check the number by eye";
            hits.add(new WatchlistHit(WatchlistHit.Kind.DOCUMENT, entry.listId(), entry.entryId(), exact ? 1.0 : 0.95,
                    EntryAction.REFER_TO_SECOND_LINE, null, why + "; reported " + entry.reportedOn() + " by "
                    + entry.source(), null, entry));
        }
        return hits;
    }

    static String fold(String number) {
        StringBuilder out = new StringBuilder(number.length());
        for (char c : number.toCharArray()) {
            out.append(switch (c) {
                case 'O', 'Q', 'D' -> '0';
                case 'I', 'L' -> '1';
                case 'Z' -> '2';
                case 'S' -> '5';
                case 'G' -> '6';
                case 'B' -> '8';
                default -> c;
            });
        }
        return out.toString();
    }
}
