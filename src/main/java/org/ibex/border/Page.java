package org.ibex.border;

import java.util.List;

/** One page of a longer list: the items, and whether more follow after the last of them. */
public record Page<T>(List<T> items, boolean more) {
    public Page {
        items = List.copyOf(items);
    }

    /** The first {@code limit} of rows fetched as limit + 1: the extra row only says that more follow. */
    static <T> Page<T> of(List<T> rows, int limit) {
        return rows.size() > limit ? new Page<>(rows.subList(0, limit), true) : new Page<>(rows, false);
    }
}
