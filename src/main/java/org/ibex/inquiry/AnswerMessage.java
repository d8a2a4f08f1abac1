package org.ibex.inquiry;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The payload of an {@code agency.answer}: the question it answers, whether it was answered, is waiting for a
 * person to approve it, or was refused (with the code and why), hit or no hit, the categories released and their data.
 * A refusal and a waiting notice never carry data.
 */
record AnswerMessage(String questionId, String status, String outcome, String refusal, String reason,
                     List<String> categories, JsonNode data) {
    static final String TYPE = "agency.answer";
    static final String ANSWERED = "answered";
    static final String WAITING = "awaiting-approval";
    static final String REFUSED = "refused";
}
