package org.ibex.inquiry;

import java.util.List;

/**
 * The payload of an {@code agency.question}: which question, under which agreement (and the digest of the asker's
 * copy, so the answerer acts only on the same text), for which purpose, wanting which categories, about whom.
 */
record QuestionMessage(String questionId, String query, String purpose, List<String> categories, Subject subject,
                       String agreement, String digest) {
    static final String TYPE = "agency.question";
}
