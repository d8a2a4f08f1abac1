package org.ibex.watchlist;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one INDIVIDUAL or ENTITY element of the UN list, from its start tag to its end tag, keeping the text of
 * the elements the model uses. Element text is bounded by the field limit, its white space made single spaces;
 * stray text between elements is passed over.
 */
final class UnElementReader {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private final XMLStreamReader xml;
    private final ParseLimits limits;

    UnElementReader(XMLStreamReader xml, ParseLimits limits) {
        this.xml = xml;
        this.limits = limits;
    }

    /** A child element and its text (null if empty). */
    private record Child(String name, String text) {
    }

    /** Skips the element whose start tag was just read. */
    void skip() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** Reads the INDIVIDUAL whose start tag was just read. */
    UnIndividual individual() throws XMLStreamException {
        UnIndividual individual = new UnIndividual();
        while (nextElement()) {
            String name = xml.getLocalName();
            switch (name) {
                case "NATIONALITY" -> children().stream().filter(c -> c.name().equals("VALUE") && c.text() != null)
                        .forEach(c -> individual.nationality(c.text()));
                case "INDIVIDUAL_ALIAS" -> {
                    String alias = first(children(), "ALIAS_NAME");
                    if (alias != null) {
                        individual.alias(alias);
                    }
                }
                case "INDIVIDUAL_DATE_OF_BIRTH" -> {
                    List<Child> d = children();
                    individual.birthDate(new UnBirthDate(first(d, "DATE"), first(d, "YEAR"), first(d, "FROM_YEAR"),
                            first(d, "TO_YEAR"), first(d, "NOTE")));
                }
                case "INDIVIDUAL_DOCUMENT" -> {
                    List<Child> d = children();
                    individual.document(new UnDocument(first(d, "TYPE_OF_DOCUMENT"), first(d, "TYPE_OF_DOCUMENT2"),
                            first(d, "NUMBER"), first(d, "ISSUING_COUNTRY"), first(d, "COUNTRY_OF_ISSUE"),
                            first(d, "DATE_OF_ISSUE"), first(d, "CITY_OF_ISSUE"), first(d, "NOTE")));
                }
                case "INDIVIDUAL_PLACE_OF_BIRTH" -> {
                    List<Child> p = children();
                    individual.placeOfBirth(first(p, "CITY"), first(p, "STATE_PROVINCE"), first(p, "COUNTRY"),
                            first(p, "NOTE"));
                }
                default -> {
                    String text = text(name);
                    if (text != null) {
                        individual.field(name, text);
                    }
                }
            }
        }
        return individual;
    }

    /** The child elements of the element just started, with their texts; grandchildren are passed over. */
    private List<Child> children() throws XMLStreamException {
        List<Child> children = new ArrayList<>();
        while (nextElement()) {
            String name = xml.getLocalName();
            children.add(new Child(name, text(name)));
        }
        return children;
    }

    /** The text of the first child so named, or null. */
    private static String first(List<Child> children, String name) {
        for (Child child : children) {
            if (child.name().equals(name)) {
                return child.text();
            }
        }
        return null;
    }

    /** Moves to the next start tag (true) or to the end tag of the enclosing element (false). */
    private boolean nextElement() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
    }

    /**
     * The text of the element just started with each run of white space (line breaks and the indentation after
     * them included) made one space, stripped; null if empty. Child elements are skipped.
     */
    private String text(String element) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                if (text.length() + xml.getTextLength() > limits.maxFieldChars()) {
                    throw new TooLong(element, "line " + UnConsolidatedListXml.line(xml) + ": " + element
                            + " is longer than " + limits.maxFieldChars() + " characters");
                }
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
        String plain = SPACES.matcher(text).replaceAll(" ").strip();
        return plain.isEmpty() ? null : plain;
    }

    /** An element's text over the field limit: the file is refused. */
    static final class TooLong extends RuntimeException {
        private final String element;

        TooLong(String element, String message) {
            super(message);
            this.element = element;
        }

        String element() {
            return element;
        }
    }
}
