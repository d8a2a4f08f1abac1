package org.ibex.cli;

import org.ibex.inquiry.Inquiry;
import org.ibex.node.Node;

import java.util.function.Supplier;

/** What the question commands share: the node's questions pillar, and options read with their name in the error. */
final class InquiryCli {
    private InquiryCli() {
    }

    /** The pillar of a node joined to a federation; otherwise a bad-input exit saying how to join. */
    static Inquiry inquiry(Node node) {
        return node.services.inquiry().orElseThrow(() -> new IllegalArgumentException("this node has not joined a"
                + " federation: join it first with 'ibex exchange join' (see the README)"));
    }

    static <T> T parse(String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }
}
