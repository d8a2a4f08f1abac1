package org.ibex.watchlist;

import java.util.HashMap;
import java.util.Map;

/** Each list's {@link NamesakePolicy}; lists not named here have the default, {@link NamesakePolicy#SHOW}. */
final class NamesakePolicies {
    private final Map<String, NamesakePolicy> byList = new HashMap<>();

    void set(String listId, NamesakePolicy policy) {
        if (policy == NamesakePolicy.SHOW) {
            byList.remove(listId);
        } else {
            byList.put(listId, policy);
        }
    }

    NamesakePolicy of(String listId) {
        return byList.getOrDefault(listId, NamesakePolicy.SHOW);
    }

    boolean anyAlerts() {
        return byList.containsValue(NamesakePolicy.ALERT);
    }

    boolean alerts(String listId) {
        return byList.get(listId) == NamesakePolicy.ALERT;
    }
}
