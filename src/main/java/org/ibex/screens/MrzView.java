package org.ibex.screens;

import org.ibex.document.MrzIssue;
import org.ibex.document.MrzPosition;
import org.ibex.document.MrzReading;
import org.ibex.document.MrzRepair;
import org.ibex.document.MrzSuggestion;

import java.util.ArrayList;
import java.util.List;

/**
 * An MRZ as read, line by line, cut into runs of characters marked where the parser found an error, applied a
 * repair or has a suggestion, so the screen shows each problem at its place; and the fields with their errors.
 */
public record MrzView(MrzReading reading, List<List<Run>> lines) {
    /** Characters with one mark: "" (none), "error", "repair" or "suggestion"; {@code note} numbers the problem. */
    public record Run(String text, String mark, int note) {
    }

    static MrzView of(MrzReading reading) {
        List<List<Run>> lines = new ArrayList<>();
        for (int l = 0; l < reading.lines().size(); l++) {
            String line = reading.lines().get(l);
            String[] marks = new String[line.length()];
            int[] notes = new int[line.length()];
            int note = 0;
            for (MrzIssue issue : reading.errors()) {
                mark(marks, notes, issue.position(), l + 1, "error", ++note);
            }
            for (MrzSuggestion suggestion : reading.suggestions()) {
                mark(marks, notes, suggestion.position(), l + 1, "suggestion", ++note);
            }
            for (MrzRepair repair : reading.repairs()) {
                mark(marks, notes, repair.position(), l + 1, "repair", ++note);
            }
            lines.add(runs(line, marks, notes));
        }
        return new MrzView(reading, List.copyOf(lines));
    }

    /** The first mark of a character wins: an error over a suggestion over a repair. */
    private static void mark(String[] marks, int[] notes, MrzPosition at, int line, String mark, int note) {
        if (at == null || at.line() != line) {
            return;
        }
        int from = Math.max(0, at.column() - 1);
        int to = Math.min(marks.length, from + Math.max(1, at.length()));
        for (int i = from; i < to; i++) {
            if (marks[i] == null) {
                marks[i] = mark;
                notes[i] = note;
            }
        }
    }

    private static List<Run> runs(String line, String[] marks, int[] notes) {
        List<Run> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= line.length(); i++) {
            if (i == line.length() || notes[i] != notes[start]) {
                runs.add(new Run(line.substring(start, i), marks[start] == null ? "" : marks[start], notes[start]));
                start = i;
            }
        }
        return List.copyOf(runs);
    }

    /** The first error on a field of the reading (documentNumber, dateOfBirth…), or null. */
    public MrzIssue errorOf(String field) {
        return reading.errors().stream().filter(e -> e.field().equals(field)).findFirst().orElse(null);
    }

    /** The problem's number as the MRZ shows it: errors first, then suggestions, then repairs. */
    public int noteOf(Object problem) {
        List<Object> all = new ArrayList<>(reading.errors());
        all.addAll(reading.suggestions());
        all.addAll(reading.repairs());
        return all.indexOf(problem) + 1;
    }
}
