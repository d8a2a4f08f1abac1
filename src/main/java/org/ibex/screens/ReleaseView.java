package org.ibex.screens;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.confirmation.PartnerRelease;

import java.util.ArrayList;
import java.util.List;

/**
 * A release as the requester's screens show it: its state in a word and a colour, and the data taken apart into the
 * person, the crossings and the documents, for as long as the data is kept.
 */
public record ReleaseView(PartnerRelease release, QuestionView.Person person, List<QuestionView.Crossing> crossings,
                          List<Document> documents) {
    /** A travel document a release lists (or a document listing, for a document hit). */
    public record Document(String issuingState, String number, String listed) {
    }

    static ReleaseView of(PartnerRelease release) {
        JsonNode data = release.data();
        if (data == null || !data.isObject()) {
            return new ReleaseView(release, null, List.of(), List.of());
        }
        JsonNode p = data.get("person");
        QuestionView.Person person = p == null || !p.isObject() ? null : new QuestionView.Person(text(p, "surname"),
                text(p, "givenNames"), text(p, "birthDate"), text(p, "nationality"), text(p, "sex"));
        List<QuestionView.Crossing> crossings = new ArrayList<>();
        data.path("crossings").forEach(c -> crossings.add(new QuestionView.Crossing(text(c, "at"),
                text(c, "direction"), text(c, "post"), text(c, "document"))));
        List<Document> documents = new ArrayList<>();
        data.path("documents").forEach(d -> documents.add(new Document(text(d, "issuingState"),
                d.has("number") ? text(d, "number") : text(d, "document"), text(d, "listed"))));
        return new ReleaseView(release, person, crossings, documents);
    }

    /** Waiting for the partner (sent, or held for its approver): the page keeps asking. */
    public boolean waiting() {
        return release.state() == PartnerRelease.State.PENDING || release.state() == PartnerRelease.State.WAITING;
    }

    public String stateKey() {
        return "confirm.release.state." + release.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    public String tone() {
        return switch (release.state()) {
            case RELEASED -> "tag ok";
            case PARTIAL -> "tag warn";
            case REFUSED -> "tag error";
            case PENDING, WAITING -> "tag";
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
