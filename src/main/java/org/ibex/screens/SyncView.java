package org.ibex.screens;

import org.ibex.sync.HeadquartersSync;
import org.ibex.sync.PostSync;

/** What the sync page shows: a post's view or headquarters' view, whichever the node answered. */
public record SyncView(PostSync post, HeadquartersSync hq) {
    static SyncView of(Object view) {
        return view instanceof PostSync post ? new SyncView(post, null) : new SyncView(null, (HeadquartersSync) view);
    }

    /** An age as people say it: minutes under an hour, hours under two days, days beyond; null is "never". */
    public static String age(Texts t, Long seconds) {
        if (seconds == null) {
            return t.t("sync.never");
        }
        if (seconds < 3600) {
            return t.t("sync.age.minutes", seconds / 60);
        }
        if (seconds < 48 * 3600) {
            return t.t("sync.age.hours", seconds / 3600);
        }
        return t.t("sync.age.days", seconds / 86_400);
    }
}
