package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.sync.HeadquartersSync;
import org.ibex.sync.PostContact;
import org.ibex.sync.PostSync;
import org.ibex.reference.ReferenceCopy;
import org.ibex.sync.ReferenceAge;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync page renders every state in all four languages with no key left untranslated. */
class SyncScreenTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void everyStateOfThePageHasItsWordsInEveryLanguage() {
        ReferenceAge expired = ReferenceAge.of(new ReferenceCopy("documents:lost-stolen", "documents", 3, "UTO/IMM/HQ",
                NOW.minus(Duration.ofHours(3)), NOW.minus(Duration.ofHours(2)), NOW.minusSeconds(1), 10),
                NOW, Duration.ofHours(24));
        ReferenceAge old = ReferenceAge.of(new ReferenceCopy("watchlist:national", "watchlist", 9, "UTO/IMM/HQ",
                NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)), 10),
                NOW, Duration.ofHours(24));
        ReferenceAge current = ReferenceAge.of(new ReferenceCopy("stay-rules", "stay-rules", 1, "UTO/IMM/HQ",
                NOW.minus(Duration.ofMinutes(5)), NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofDays(3)), 4),
                NOW, Duration.ofHours(24));
        PostSync quiet = new PostSync(PostSync.ROLE, "UTO/IMM/POST-LAND", "UTO/IMM/HQ", NOW.minus(Duration.ofHours(9)),
                9 * 3600L, true, 6, 40, 10, 30, 2, NOW.minus(Duration.ofDays(2)), 24, List.of(expired, old, current),
                2, NOW);
        PostSync never = new PostSync(PostSync.ROLE, "UTO/IMM/POST-LAND", "UTO/IMM/HQ", null, null, true, 6, 0, 0, 0,
                0, null, 24, List.of(), 0, NOW);
        PostSync fine = new PostSync(PostSync.ROLE, "UTO/IMM/POST-LAND", "UTO/IMM/HQ", NOW.minusSeconds(30), 30L,
                false, 6, 5, 5, 0, 0, null, 24, List.of(current), 0, NOW);
        HeadquartersSync hq = new HeadquartersSync(HeadquartersSync.ROLE, "UTO/IMM/HQ", 6, List.of(
                new PostContact("UTO/IMM/POST-LAND", NOW.minusSeconds(60), NOW.minusSeconds(60), 60L, 20L,
                        NOW.minus(Duration.ofHours(1)), 1000, 1000, false, null),
                new PostContact("UTO/IMM/POST-AIR", NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(3)),
                        3 * 86_400L, 0L, null, 50, 50, true, PostContact.QUIET),
                new PostContact("UTO/IMM/POST-SEA", null, null, null, null, null, 0, 0, true,
                        PostContact.NEVER_HEARD)), 2, NOW);
        HeadquartersSync empty = new HeadquartersSync(HeadquartersSync.ROLE, "UTO/IMM/HQ", 6, List.of(), 0, NOW);

        Map<Lang, Texts> texts = Texts.load();
        for (Lang lang : Lang.values()) {
            for (Object view : List.of(quiet, never, fine, hq, empty)) {
                assertThat(render(texts.get(lang), SyncView.of(view), null)).as("%s in %s", view, lang)
                        .doesNotContain("sync.", "{0}");
            }
            for (String none : new String[]{"sync.none.joined", "sync.none.role"}) {
                assertThat(render(texts.get(lang), null, none)).doesNotContain("sync.")
                        .contains(texts.get(lang).t(none));
            }
        }
        assertThat(render(texts.get(Lang.EN), SyncView.of(quiet), null))
                .contains("Out of date: expired", "Out of date: too old", "30 not yet in a batch", "9 h ago");
        assertThat(render(texts.get(Lang.EN), SyncView.of(fine), null)).contains("Up to date")
                .doesNotContain("sync-warning");
        assertThat(render(texts.get(Lang.EN), SyncView.of(hq), null)).contains("3 days ago", "Never heard from");
    }

    private static String render(Texts t, SyncView view, String none) {
        Page page = new Page(t, t.t("sync.title"), new User("admin", Role.ADMIN, null), "token", new Assets(), "/sync",
                null);
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        params.put("view", view);
        params.put("none", none);
        return new Render().html("sync/status.jte", params);
    }
}
