package org.ibex.inquiry;

import org.ibex.agreement.Refusal;

/** A question no agreement allows, refused at the asker before anything left (audited). */
public final class QuestionRefusedException extends RuntimeException {
    private final Refusal reason;

    public QuestionRefusedException(Refusal reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Refusal reason() {
        return reason;
    }
}
