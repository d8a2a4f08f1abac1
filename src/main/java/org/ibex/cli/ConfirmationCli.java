package org.ibex.cli;

import org.ibex.confirmation.Confirmation;
import org.ibex.input.FieldRuleException;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.node.Node;
import org.ibex.store.Json;

import java.util.List;

/** What the confirmation commands share: the node's pillar, JSON printing, and refusals as exit 1. */
final class ConfirmationCli {
    private ConfirmationCli() {
    }

    /** The pillar of a node joined to a federation; otherwise a bad-input exit saying how to join. */
    static Confirmation confirmation(Node node) {
        return node.services.confirmation().orElseThrow(() -> new IllegalArgumentException("this node has not"
                + " joined a federation: join it first with 'ibex exchange join' (see the README)"));
    }

    static void print(Object view) {
        System.out.println(Json.write(Json.mapper(), view));
    }

    /** Exit 1 with the agreement's refusal, as {@code ibex ask} does. */
    static int refused(QuestionRefusedException e) {
        System.err.println("ibex: refused by the agreements: " + e.reason().code() + ": " + e.getMessage());
        return 1;
    }

    /** The categories of a release option: 1 to 10 of them, or bad input naming the option. */
    static List<String> categories(String option, List<String> given) {
        if (given.size() > 10) {
            throw new IllegalArgumentException(option + ": at most ten categories");
        }
        return given.stream().map(String::strip).toList();
    }

    /** The domain's field rule as bad input naming the option the operator gave it with. */
    static IllegalArgumentException option(FieldRuleException e) {
        String field = e.field() == null ? "" : e.field();
        String option = switch (field.contains(".") ? field.substring(0, field.indexOf('.')) : field) {
            case "probeId" -> "--probe";
            case "identificationId" -> "--identification";
            case "fingers" -> "--nist or --identification";
            case "personId" -> "--person";
            case "" -> "input";
            default -> "--" + field.replaceAll("\\..*", "");
        };
        return new IllegalArgumentException(option + ": " + e.getMessage());
    }

    /** A tab-separated line, a dash for what is missing. */
    static String line(Object... cells) {
        StringBuilder line = new StringBuilder();
        for (Object cell : cells) {
            if (!line.isEmpty()) {
                line.append('\t');
            }
            line.append(cell == null ? "-" : cell.toString());
        }
        return line.toString();
    }
}
