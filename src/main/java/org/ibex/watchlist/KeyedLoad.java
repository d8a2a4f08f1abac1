package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Gathers every listed person with its keyed names for a start: each list from its keyed file when that file is
 * good for the list as the database holds it now, the others read from the database, keyed again (on every core)
 * and kept for the next start. Lists come in id order and persons in entry-id order whichever way they were
 * read, so a start from files builds the very index a start from the database builds.
 */
final class KeyedLoad {
    private final WatchlistRepository repository;
    private final KeyedListFiles files;
    private final Function<List<PersonEntry>, List<List<PersonIndex.Keyed>>> keyAll;

    KeyedLoad(WatchlistRepository repository, KeyedListFiles files,
              Function<List<PersonEntry>, List<List<PersonIndex.Keyed>>> keyAll) {
        this.repository = repository;
        this.files = files;
        this.keyAll = keyAll;
    }

    /** Every list's keyed persons, in list-id order. */
    List<KeyedList> lists(List<String> listIds) {
        // Stamps before rows: a change committed meanwhile leaves files stamped older than their content, never newer.
        Map<String, String> stamps = files.stamps();
        Map<String, KeyedList> byId = new TreeMap<>();
        Set<String> fromDatabase = new HashSet<>();
        for (String listId : listIds) {
            Optional<KeyedList> stored = files.read(listId, stamps.get(listId));
            if (stored.isPresent()) {
                byId.put(listId, stored.get());
            } else {
                fromDatabase.add(listId);
            }
        }
        if (!fromDatabase.isEmpty()) {
            List<PersonEntry> read = new ArrayList<>();
            repository.eachPerson(p -> {
                if (fromDatabase.contains(p.listId())) {
                    read.add(p);
                }
            });
            read.sort(Comparator.comparing(PersonEntry::listId).thenComparing(PersonEntry::entryId));
            List<List<PersonIndex.Keyed>> keyed = keyAll.apply(read);
            for (int start = 0; start < read.size(); ) {
                String listId = read.get(start).listId();
                int end = start;
                while (end < read.size() && read.get(end).listId().equals(listId)) {
                    end++;
                }
                byId.put(listId, new KeyedList(listId, stamps.get(listId), read.subList(start, end),
                        keyed.subList(start, end)));
                start = end;
            }
            for (String listId : fromDatabase) {
                KeyedList list = byId.computeIfAbsent(listId, id -> new KeyedList(id, stamps.get(id), List.of(), List.of()));
                files.write(listId, list.stamp(), list.entries(), list.keyed());
            }
        }
        files.prune(Set.copyOf(listIds));
        return List.copyOf(byId.values());
    }
}
