package org.ibex.watchlist;

import java.util.HashMap;
import java.util.Map;

/** What replacing a list's content does: entries before and after, and how many were added, removed or changed. */
public record ListChange(int before, int after, int added, int removed, int changed) {

    static ListChange between(ListSnapshot before, ListSnapshot after) {
        Map<String, Object> old = keyed(before);
        Map<String, Object> now = keyed(after);
        int added = 0;
        int changed = 0;
        for (Map.Entry<String, Object> entry : now.entrySet()) {
            Object earlier = old.get(entry.getKey());
            if (earlier == null) {
                added++;
            } else if (!earlier.equals(entry.getValue())) {
                changed++;
            }
        }
        int removed = (int) old.keySet().stream().filter(key -> !now.containsKey(key)).count();
        return new ListChange(old.size(), now.size(), added, removed, changed);
    }

    /** An import that empties a list, or removes more than half of it, needs the caller to confirm the number. */
    public boolean needsConfirmation() {
        return removed > 0 && (after == 0 || removed * 2 > before);
    }

    /** The counts as the access log and the CLI print them. */
    public String summary() {
        return "before=" + before + " after=" + after + " added=" + added + " removed=" + removed + " changed=" + changed;
    }

    private static Map<String, Object> keyed(ListSnapshot snapshot) {
        Map<String, Object> keyed = new HashMap<>();
        snapshot.persons().forEach(p -> keyed.put("person:" + p.entryId(), p));
        snapshot.documents().forEach(d -> keyed.put("document:" + d.entryId(), d));
        return keyed;
    }
}
