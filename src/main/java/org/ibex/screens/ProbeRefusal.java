package org.ibex.screens;

import org.ibex.inquiry.QuestionRefusedException;

/** A probe or release the agreements refused, as the question screens show it: in words, and the agreement's own sentence. */
public record ProbeRefusal(String words, String sentence) {
    static ProbeRefusal of(ScreenRequest r, QuestionRefusedException e) {
        return new ProbeRefusal(ConfirmWords.refusal(r.texts(), e.reason().code()), e.getMessage());
    }
}
