package org.ibex.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.inquiry.Question;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A question as the asker's screens show it: its state in a word and a colour (overdue while still waiting after
 * {@code Inquiry.OVERDUE_AFTER}), and the answer taken apart into what the agreement released.
 */
public record QuestionView(Question question, boolean overdue, Answer answer) {
    /** A person an answer names (biographic). */
    public record Person(String surname, String givenNames, String birthDate, String nationality, String sex) {
    }

    /** A crossing an answer lists (travel history). */
    public record Crossing(String at, String direction, String post, String document) {
        /** When, as an instant when the answerer wrote one (it should); null shows the text as it came. */
        public Instant moment() {
            try {
                return Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    /** A listed entry a wanted question matched. */
    public record Listed(String list, String entry, String name, String action, long score) {
    }

    /** What came back, each part null or empty when the agreement did not release it. */
    public record Answer(boolean hit, Person person, List<Crossing> crossings, Boolean inCountry, Crossing lastEntry,
                         List<Listed> listed) {
    }

    static QuestionView of(Question question, Instant now, Duration overdueAfter) {
        return new QuestionView(question, question.overdue(now, overdueAfter), answer(question));
    }

    /** Still to land: the page keeps asking. */
    public boolean waiting() {
        return question.state() == Question.State.PENDING || question.state() == Question.State.WAITING;
    }

    /** The state's text key; an overdue question still reads as pending, with its own badge beside. */
    public String stateKey() {
        if (question.state() == Question.State.ANSWERED) {
            return "hit".equals(question.outcome()) ? "inquiry.state.hit" : "inquiry.state.noHit";
        }
        return "inquiry.state." + question.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    public String tone() {
        return switch (question.state()) {
            case ANSWERED -> "hit".equals(question.outcome()) ? "tag warn" : "tag ok";
            case REFUSED -> "tag error";
            case DELETED -> "tag";
            case PENDING, WAITING -> overdue ? "tag error" : "tag";
        };
    }

    private static Answer answer(Question question) {
        JsonNode data = question.answer();
        if (question.state() != Question.State.ANSWERED) {
            return null;
        }
        boolean hit = "hit".equals(question.outcome());
        if (data == null || !data.isObject()) {
            return new Answer(hit, null, List.of(), null, null, List.of());
        }
        JsonNode p = data.get("person");
        Person person = p == null || !p.isObject() ? null : new Person(text(p, "surname"), text(p, "givenNames"),
                text(p, "birthDate"), text(p, "nationality"), text(p, "sex"));
        List<Crossing> crossings = new ArrayList<>();
        if (data.get("crossings") != null) {
            data.get("crossings").forEach(c -> crossings.add(crossing(c)));
        }
        List<Listed> listed = new ArrayList<>();
        if (data.get("listed") != null) {
            data.get("listed").forEach(l -> listed.add(new Listed(text(l, "list"), text(l, "entry"), text(l, "name"),
                    text(l, "action"), l.path("score").asLong())));
        }
        Boolean inCountry = data.has("inCountry") ? data.get("inCountry").asBoolean() : null;
        JsonNode last = data.get("lastEntry");
        return new Answer(hit, person, crossings, inCountry, last == null || !last.isObject() ? null : crossing(last),
                listed);
    }

    private static Crossing crossing(JsonNode c) {
        return new Crossing(text(c, "at"), text(c, "direction"), text(c, "post"), text(c, "document"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
