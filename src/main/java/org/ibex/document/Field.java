package org.ibex.document;

import java.util.List;

/** A fixed stretch of one MRZ line, named after the reading field that errors in it are reported against. */
record Field(String name, int line, int column, int length) {

    String in(List<String> lines) {
        return lines.get(line - 1).substring(column - 1, column - 1 + length);
    }

    char charIn(List<String> lines) {
        return lines.get(line - 1).charAt(column - 1);
    }

    MrzPosition position() {
        return new MrzPosition(line, column, length);
    }

    MrzPosition positionOf(int offset) {
        return new MrzPosition(line, column + offset, 1);
    }
}
