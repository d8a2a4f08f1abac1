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
 * The listed entry a hit matched, read from its list as it stands now (by the hit's list and entry id) so a reviewer
 * sees it beside the traveller with everything the list holds: every name, birth date, nationality and document.
 * An entry that left the list, or a list the reviewer may not read, shows as absent. The read is logged by the list.
 */
final class ListedEntries {
    private final WatchlistService watchlists;

    ListedEntries(WatchlistService watchlists) {
        this.watchlists = watchlists;
    }

    Optional<PersonEntry> person(StoredHit hit, Actor actor) {
        if (hit.kind() != WatchlistHit.Kind.PERSON) {
            return Optional.empty();
        }
        return watchlists.entry(hit.listId(), EntryQuery.Kind.PERSON, hit.entryId(), actor).persons().stream()
                .findFirst();
    }

    Optional<DocumentEntry> document(StoredHit hit, Crossing crossing, Actor actor) {
        if (hit.kind() != WatchlistHit.Kind.DOCUMENT) {
            return Optional.empty();
        }
        return watchlists.entry(hit.listId(), EntryQuery.Kind.DOCUMENT, hit.entryId(), actor).documents().stream()
                .findFirst();
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
