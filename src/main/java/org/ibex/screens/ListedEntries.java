package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.border.Crossing;
import org.ibex.input.FieldRuleException;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.StoredHit;
import org.ibex.watchlist.UnknownListException;
import org.ibex.watchlist.WatchlistHit;
import org.ibex.watchlist.WatchlistService;

import java.util.Optional;

/**
 * The listed entry a hit matched, read from its list as it stands now so a reviewer sees it beside the traveller.
 * A hit stores only the entry's id, so the entry is found by the name or number that matched and then by id; an
 * entry that left the list, or a list the reviewer may not read, shows as absent. The read is logged by the list.
 */
final class ListedEntries {
    private static final int PAGE = 50;
    private final WatchlistService watchlists;

    ListedEntries(WatchlistService watchlists) {
        this.watchlists = watchlists;
    }

    Optional<PersonEntry> person(StoredHit hit, Actor actor) {
        if (hit.kind() != WatchlistHit.Kind.PERSON) {
            return Optional.empty();
        }
        String explanation = hit.explanation() == null ? "" : hit.explanation();
        int start = explanation.indexOf('\u00ab');
        int end = explanation.indexOf('\u00bb', start + 1);
        if (start < 0 || end < 0) {
            return Optional.empty();
        }
        return read(hit, EntryQuery.Kind.PERSON, explanation.substring(start + 1, end))
                .flatMap(query -> watchlists.entries(query, actor).persons().stream()
                        .filter(e -> e.entryId().equals(hit.entryId())).findFirst());
    }

    Optional<DocumentEntry> document(StoredHit hit, Crossing crossing, Actor actor) {
        if (hit.kind() != WatchlistHit.Kind.DOCUMENT || crossing.document() == null) {
            return Optional.empty();
        }
        return read(hit, EntryQuery.Kind.DOCUMENT, crossing.document().documentNumber())
                .flatMap(query -> watchlists.entries(query, actor).documents().stream()
                        .filter(e -> e.entryId().equals(hit.entryId())).findFirst());
    }

    private static Optional<EntryQuery> read(StoredHit hit, EntryQuery.Kind kind, String search) {
        if (search == null || search.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new EntryQuery(hit.listId(), kind, search, null, PAGE));
    }

    /** Reads, with a list out of reach or a search the list refuses shown as no entry rather than an error page. */
    static <T> Optional<T> quietly(java.util.function.Supplier<Optional<T>> read) {
        try {
            return read.get();
        } catch (UnknownListException | FieldRuleException e) {
            return Optional.empty();
        }
    }
}
