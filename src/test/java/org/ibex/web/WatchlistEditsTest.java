package org.ibex.web;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.audit.AccessLog;
import org.ibex.input.FieldRuleException;
import org.ibex.watchlist.ConfirmationRequiredException;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.DocumentStatus;
import org.ibex.watchlist.EntryAction;
import org.ibex.watchlist.EntryQuery;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.ListKeeper;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.WatchlistService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One entry changed by hand (the screens' add, edit, expire and remove): each a new version under the rules of an
 * import, refused to whoever may not change the list, and audited with what it did and why.
 */
class WatchlistEditsTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Actor MANAGER = new Actor(new User("list.manager", Role.LIST_MANAGER, null), "test", "local");
    private static final Actor SUPERVISOR = new Actor(new User("supervisor.a", Role.SUPERVISOR, "POST-A"), "test",
            "local");
    private static TestNode node;
    private static WatchlistService lists;

    @BeforeAll
    static void startNodeWithANationalList() {
        node = new TestNode(Clock.fixed(NOW, ZoneOffset.UTC));
        lists = node.services.watchlists();
        lists.replace(new ListImport("alerts", "Alerts", "National police", null, null, null),
                List.of(person("alerts", "A1", "GRIMSTAVEL ORONQUE"), person("alerts", "A2", "HELVANTRIS POLUDE")),
                List.of(new DocumentEntry("alerts", "D1", "ZZ998877", "UTO", "P", DocumentStatus.STOLEN, null, "test")),
                MANAGER);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static PersonEntry person(String list, String id, String name) {
        return new PersonEntry(list, id, List.of(name), null, null, null, "test", "test", null, null,
                EntryAction.REFER_TO_SECOND_LINE);
    }

    private static List<String> audit(String action) {
        return node.services.accessLog().recent(action, 20).stream().map(AccessLog.Entry::access)
                .map(AccessLog.Access::subject).toList();
    }

    @Test
    void anAddedEntryIsANewVersionScreenedAtOnceAndAudited() {
        ListKeeper.Outcome outcome = lists.edits().addPerson(person("alerts", "A3", "TRELLOQUIN MASTEVAR"), MANAGER);
        assertThat(outcome.version().change()).isEqualTo("edit");
        assertThat(outcome.change().added()).isEqualTo(1);
        assertThat(lists.screen(ScreeningQuery.byName("TRELLOQUIN MASTEVAR"), 5, MANAGER))
                .anyMatch(hit -> hit.entryId().equals("A3"));
        assertThat(audit("watchlist.edit")).anyMatch(s -> s.contains("list/alerts") && s.contains("add person/A3")
                && s.contains("added=1"));
        assertThatThrownBy(() -> lists.edits().addPerson(person("alerts", "A3", "ANOTHER"), MANAGER))
                .isInstanceOf(FieldRuleException.class).hasMessageContaining("already has an entry 'A3'");
    }

    @Test
    void anEditReplacesTheEntryOfItsIdOnly() {
        lists.edits().updatePerson(person("alerts", "A2", "HELVANTRIS POLUDE NOVAK"), MANAGER);
        assertThat(lists.entry("alerts", EntryQuery.Kind.PERSON, "A2", MANAGER).persons().get(0).primaryName())
                .isEqualTo("HELVANTRIS POLUDE NOVAK");
        assertThatThrownBy(() -> lists.edits().updatePerson(person("alerts", "NONE", "X"), MANAGER))
                .isInstanceOf(FieldRuleException.class).hasMessageContaining("no such entry");
    }

    @Test
    void anExpiredPersonStaysListedNoLongerMatchesAndTheReasonIsOnRecord() {
        lists.edits().addPerson(person("alerts", "A9", "QUORVATEL BINSKAR"), MANAGER);
        assertThatThrownBy(() -> lists.edits().expirePerson("alerts", "A9", " ", MANAGER))
                .isInstanceOf(FieldRuleException.class).extracting("field").isEqualTo("reason");
        lists.edits().expirePerson("alerts", "A9", "cleared\nby the court", MANAGER);
        PersonEntry expired = lists.entry("alerts", EntryQuery.Kind.PERSON, "A9", MANAGER).persons().get(0);
        assertThat(expired.validUntil()).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(lists.screen(ScreeningQuery.byName("QUORVATEL BINSKAR"), 5, MANAGER))
                .noneMatch(hit -> hit.entryId().equals("A9"));
        assertThat(audit("watchlist.edit")).anyMatch(s -> s.contains("expire person/A9 reason=cleared by the court"));
    }

    @Test
    void aSupervisorMayNotChangeANationalListAndTheRefusalIsLogged() {
        assertThatThrownBy(() -> lists.edits().expirePerson("alerts", "A1", "not mine", SUPERVISOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audit("watchlist.edit.refused")).anyMatch(s -> s.equals("list/alerts forbidden"));
        assertThat(lists.entry("alerts", EntryQuery.Kind.PERSON, "A1", MANAGER).persons().get(0).validUntil()).isNull();
        lists.replace(new ListImport("post-a", "Post A list", null, null, null, null),
                List.of(person("post-a", "P1", "VELMORAN TISQUE")), List.of(), SUPERVISOR);
        assertThat(lists.edits().addPerson(person("post-a", "P2", "OSTRAVEL KUNDRIM"), SUPERVISOR).version().version())
                .isEqualTo(2);
        assertThatThrownBy(() -> lists.edits().addPerson(person("post-a", "P3", "X"), MANAGER))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void removingTheLastDocumentNeedsTheNumberConfirmed() {
        lists.replace(new ListImport("docs", "Docs", "Passport office", null, null, null), List.of(),
                List.of(new DocumentEntry("docs", "D1", "YY123", "UTO", "P", DocumentStatus.LOST, null, "test")), MANAGER);
        assertThatThrownBy(() -> lists.edits().removeDocument("docs", "D1", "found", null, MANAGER))
                .isInstanceOf(ConfirmationRequiredException.class).extracting("removed").isEqualTo(1);
        assertThat(lists.documentCount("docs")).isEqualTo(1);
        lists.edits().removeDocument("docs", "D1", "found", 1, MANAGER);
        assertThat(lists.documentCount("docs")).isZero();
        assertThat(lists.versions("docs", MANAGER)).hasSize(2);
    }
}
