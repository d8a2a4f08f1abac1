package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.audit.AuditLog;
import org.ibex.store.Database;
import org.ibex.store.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stay rules and posts changed at run time: every broken rule named on its field, each change logged. */
class StayRulesTest {
    private static final Actor ADMIN = new Actor(new User("admin.t", Role.ADMIN, null), "screen", "local");
    private static Database database;
    private static AccessLog accessLog;
    private static StayRules rules;
    private static Posts posts;

    @BeforeAll
    static void open() {
        database = TestDatabases.fresh();
        accessLog = new AccessLog(database, new AuditLog(Clock.systemUTC()), Clock.systemUTC());
        rules = new StayRules(database, accessLog);
        posts = new Posts(database, accessLog);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aRuleIsStoredUpperCasedReplacedAndRemovedWithAnAccessLogEntryEachTime() {
        StayRuleKey key = rules.put(ADMIN, new StayRules.Input(" tha ", "", "rolling", "30", "180"));
        assertThat(key).isEqualTo(new StayRuleKey("THA", null));
        assertThat(rules.stored()).containsEntry(key, StayRule.rolling(30, 180));
        rules.put(ADMIN, new StayRules.Input("THA", null, "FIXED_PER_ENTRY", "45", "ignored"));
        assertThat(rules.stored()).containsEntry(key, StayRule.fixedPerEntry(45)).hasSize(1);
        rules.put(ADMIN, new StayRules.Input("", "VISA-C", "VISA", "", ""));
        assertThat(rules.stored()).containsEntry(new StayRuleKey(null, "VISA-C"), StayPolicy.VISA_TERMS);
        rules.remove(ADMIN, "tha", "");
        assertThat(rules.stored()).doesNotContainKey(key);
        assertThat(accessLog.recent("stay-rule.", 10)).extracting(e -> e.access().action() + " " + e.access().subject())
                .contains("stay-rule.put stay-rule/THA/* ROLLING days=30 window=180",
                        "stay-rule.put stay-rule/*/VISA-C VISA days=1 window=0", "stay-rule.remove stay-rule/THA/*");
        assertThatThrownBy(() -> rules.remove(ADMIN, "THA", "")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everyBrokenRuleIsNamedOnItsFieldAndNothingIsStored() {
        assertThatThrownBy(() -> rules.put(ADMIN, new StayRules.Input("TH4I", "a b", "ROLLING", "9999", "x")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + "." + p.rule())
                        .containsExactly("nationality.format", "permitType.format", "days.range", "windowDays.range"));
        assertThatThrownBy(() -> rules.put(ADMIN, new StayRules.Input("ZZZ", "", "ROLLING", "100", "50")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + "." + p.rule()).containsExactly("windowDays.below-days"));
        assertThatThrownBy(() -> rules.put(ADMIN, new StayRules.Input("ZZZ", "", "FOREVER", "1", "1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThatThrownBy(() -> rules.put(ADMIN, new StayRules.Input("ZZZ", "", "FIXED_PER_ENTRY", "0", "")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("days"));
        assertThat(rules.stored()).doesNotContainKey(new StayRuleKey("ZZZ", null));
    }

    @Test
    void aPostIsAddedAndEditedCheckedAndLogged() {
        Post added = posts.add(ADMIN, "TST-1", " Test harbour ", "seaport", "Asia/Bangkok");
        assertThat(added).isEqualTo(new Post("TST-1", "Test harbour", Post.Kind.SEAPORT, ZoneId.of("Asia/Bangkok")));
        assertThatThrownBy(() -> posts.add(ADMIN, "TST-1", "Again", "land", "UTC"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("exists"));
        posts.edit(ADMIN, "TST-1", "Test port", "land", "Europe/Paris");
        assertThat(new PostRepository(database).find("TST-1")).contains(
                new Post("TST-1", "Test port", Post.Kind.LAND, ZoneId.of("Europe/Paris")));
        assertThatThrownBy(() -> posts.edit(ADMIN, "NOPE", "x", "land", "UTC")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> posts.add(ADMIN, "t", "", "boat", "+07:00"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + "." + p.rule())
                        .containsExactly("id.format", "name.required", "kind.unknown", "zone.unknown"));
        assertThat(accessLog.recent("post.", 10)).extracting(e -> e.access().action())
                .containsExactlyInAnyOrder("post.add", "post.edit");
    }
}
