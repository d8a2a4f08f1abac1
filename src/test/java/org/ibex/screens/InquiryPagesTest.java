package org.ibex.screens;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.agreement.Refusal;
import org.ibex.identity.Person;
import org.ibex.inquiry.AgencyRequest;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.Question;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state of the questions pillar's pages has its words in every language: each question state, each refusal,
 * each direction of the ledger, a node outside a federation, and the letter, with no key or placeholder left showing.
 */
class InquiryPagesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Question question(Question.State state, String outcome, String answer, String refusal,
                                     Instant askedAt) throws Exception {
        return new Question("6f1c0a52-5d0e-4a8e-9b53-0a1f4f6f2a11", "UTO/IMM/HQ", "UTO-POL-IMM@v1", "crossings",
                "criminal-investigation", List.of("hit", "travel-history"), "ERIKSSON, ANNA MARIA (1974-08-12)", null,
                null, "UTO-AIR", "officer.air", askedAt, state, outcome, answer == null ? null : JSON.readTree(answer),
                refusal, state == Question.State.ANSWERED ? NOW : null, NOW.plus(Duration.ofDays(30)),
                state == Question.State.DELETED ? NOW : null);
    }

    @Test
    void everyStateOfEveryPageHasItsWordsInEveryLanguage() throws Exception {
        List<QuestionView> views = new ArrayList<>();
        views.add(QuestionView.of(question(Question.State.PENDING, null, null, null, NOW), NOW, Inquiry.OVERDUE_AFTER));
        views.add(QuestionView.of(question(Question.State.WAITING, null, null, null, NOW.minus(Duration.ofHours(1))),
                NOW, Inquiry.OVERDUE_AFTER));
        views.add(QuestionView.of(question(Question.State.ANSWERED, "hit", "{\"person\":{\"surname\":\"ERIKSSON\","
                + "\"givenNames\":\"ANNA\",\"birthDate\":\"1974-08-12\",\"nationality\":\"UTO\",\"sex\":\"F\"},"
                + "\"crossings\":[{\"at\":\"2026-11-30T08:15:00Z\",\"direction\":\"ENTRY\",\"post\":\"UTO-AIR\","
                + "\"document\":\"UTO L898902C3\"},{\"at\":\"not a date\",\"direction\":\"EXIT\",\"post\":\"UTO-AIR\","
                + "\"document\":\"UTO L898902C3\"}],\"inCountry\":true,\"lastEntry\":{\"at\":\"2026-11-30T08:15:00Z\","
                + "\"direction\":\"ENTRY\",\"post\":\"UTO-AIR\",\"document\":\"UTO L898902C3\"},\"listed\":[{\"list\":"
                + "\"national\",\"entry\":\"e-1\",\"name\":\"ANNA ERIKSSON\",\"action\":\"ARREST\",\"score\":97}]}",
                null, NOW), NOW, Inquiry.OVERDUE_AFTER));
        views.add(QuestionView.of(question(Question.State.ANSWERED, "no-hit", "{}", null, NOW), NOW,
                Inquiry.OVERDUE_AFTER));
        views.add(QuestionView.of(question(Question.State.DELETED, "hit", null, null, NOW), NOW,
                Inquiry.OVERDUE_AFTER));
        for (Refusal refusal : Refusal.values()) {
            views.add(QuestionView.of(question(Question.State.REFUSED, null, null, refusal.code()
                    + ": the agreement's sentence", NOW), NOW, Inquiry.OVERDUE_AFTER));
        }
        assertThat(views.get(1).overdue()).isTrue();
        assertThat(views.get(0).overdue()).isFalse();
        List<AgencyRequest> requests = List.of(
                new AgencyRequest("r-1", "UTO/IMM/HQ", "UTO-POL-IMM@v1", "wanted", "border-control", List.of("hit"),
                        "SMITH (1990-01-01)", NOW, AgencyRequest.State.AWAITING_APPROVAL, null, null, null, null,
                        NOW, null),
                new AgencyRequest("r-2", "UTO/IMM/HQ", "UTO-POL-IMM@v1", "wanted", "border-control", List.of("hit"),
                        "SMITH (1990-01-01)", NOW, AgencyRequest.State.REFUSED, null, "declined: no warrant", "sup",
                        NOW, NOW, null),
                new AgencyRequest("r-3", "UTO/IMM/HQ", "UTO-POL-IMM@v1", "wanted", "border-control", List.of("hit"),
                        "SMITH (1990-01-01)", NOW, AgencyRequest.State.ANSWERED, "hit", null, "sup", NOW, NOW, null));
        List<Disclosure> ledger = new ArrayList<>();
        for (Disclosure.Direction direction : Disclosure.Direction.values()) {
            for (Disclosure.Kind kind : Disclosure.Kind.values()) {
                ledger.add(new Disclosure(ledger.size(), 7L, "ERIKSSON, ANNA MARIA (1974-08-12)", direction,
                        "UTO/POL/HQ", "UTO-POL-IMM@v1", "criminal-investigation", List.of("hit", "biographic",
                        "travel-history", "biometric"), "q", kind, NOW));
            }
        }
        Person anna = new Person(7, "ERIKSSON", "ANNA MARIA", LocalDate.of(1974, 8, 12), "UTO", "F");

        Map<Lang, Texts> texts = Texts.load();
        for (Lang lang : Lang.values()) {
            Texts t = texts.get(lang);
            List<String> pages = new ArrayList<>();
            Map<String, Map<String, String>> purposes = new LinkedHashMap<>(Map.of("crossings",
                    Map.of("criminal-investigation", "x")));
            AskOptions options = new AskOptions(Map.of("", "any"), Map.of("crossings", "c"), purposes,
                    List.of("biographic", "travel-history", "biometric"));
            pages.add(render(t, "inquiry/questions.jte", Role.OFFICER, "options", null, "questions", views,
                    "refusal", null, "sentence", null));
            pages.add(render(t, "inquiry/questions.jte", Role.OFFICER, "options", options, "questions", List.of(),
                    "refusal", t.t("inquiry.refusal.wrong-purpose"), "sentence", "x"));
            pages.add(render(t, "inquiry/questions.jte", Role.OFFICER, "options", new AskOptions(Map.of(), Map.of(),
                    Map.of(), List.of()), "questions", List.of(), "refusal", null, "sentence", null));
            for (QuestionView view : views) {
                pages.add(render(t, "inquiry/question.jte", Role.OFFICER, "view", view));
            }
            for (boolean approver : new boolean[]{true, false}) {
                pages.add(render(t, "inquiry/requests.jte", Role.SUPERVISOR, "joined", approver, "queue",
                        requests.subList(0, 1), "recent", requests, "approver", approver, "done", null));
            }
            pages.add(render(t, "inquiry/requests.jte", Role.ADMIN, "joined", false, "queue", List.of(), "recent",
                    List.of(), "approver", false, "done", null));
            pages.add(render(t, "inquiry/disclosures.jte", Role.ANALYST, "joined", true, "found", ledger, "limited",
                    true));
            pages.add(render(t, "inquiry/disclosures.jte", Role.ADMIN, "joined", false, "found", List.of(), "limited",
                    false));
            pages.add(render(t, "inquiry/letter.jte", Role.SUPERVISOR, "letter", new LedgerLetter(t, anna, ledger,
                    NOW)));
            pages.add(render(t, "inquiry/letter.jte", Role.SUPERVISOR, "letter", new LedgerLetter(t, anna,
                    List.of(), NOW)));
            for (String html : pages) {
                assertThat(html).as("a page in %s", lang).doesNotContain("inquiry.", "{0}", "{1}", "{4}");
            }
        }
        assertThat(render(texts.get(Lang.EN), "inquiry/question.jte", Role.OFFICER, "view", views.get(1)))
                .contains("Waiting for approval", "Overdue", "hx-trigger=\"every 3s\"");
        assertThat(render(texts.get(Lang.EN), "inquiry/question.jte", Role.OFFICER, "view", views.get(2)))
                .contains("ERIKSSON", "30 Nov 2026", "not a date", "In the country now", "ANNA ERIKSSON", "ARREST")
                .doesNotContain("hx-trigger");
        assertThat(render(texts.get(Lang.EN), "inquiry/letter.jte", Role.SUPERVISOR, "letter",
                new LedgerLetter(texts.get(Lang.EN), anna, ledger, NOW)))
                .contains("Dear ANNA MARIA ERIKSSON,", "we gave \u2068Police (UTO/POL/HQ)\u2069 this data about you",
                        "a criminal investigation", "fingerprints");
    }

    private static String render(Texts t, String template, Role role, Object... namesAndValues) {
        Page page = new Page(t, "title", new User("user", role, role.boundToPost() ? "UTO-AIR" : null), "token",
                new Assets(), "/questions", Form.empty());
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Render().html(template, params);
    }
}
