package org.ibex.sync;

import java.time.Instant;
import java.util.List;

/** Headquarters' sync state: every post of the directory in force, stale ones counted. */
public record HeadquartersSync(String role, String node, long quietAfterHours, List<PostContact> posts,
                               long stalePosts, Instant checkedAt) {
    public static final String ROLE = "headquarters";

    public HeadquartersSync {
        posts = List.copyOf(posts);
    }
}
