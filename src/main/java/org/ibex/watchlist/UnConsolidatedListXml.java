package org.ibex.watchlist;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * The UN Security Council Consolidated List (XML, root CONSOLIDATED_LIST): each INDIVIDUAL becomes a person to
 * refuse entry (the list is a travel ban), identified by REFERENCE_NUMBER (else DATAID), valid from LISTED_ON.
 * ENTITIES are counted and skipped. Read with StAX; a DOCTYPE is refused, so no entity is ever expanded.
 */
public final class UnConsolidatedListXml implements WatchlistParser {
    private final ParseLimits limits;
    private final XMLInputFactory factory;

    public UnConsolidatedListXml() {
        this(ParseLimits.DEFAULT);
    }

    UnConsolidatedListXml(ParseLimits limits) {
        this.limits = limits;
        // The JDK's own StAX, whatever else is on the class path, so the hardening below is known to hold.
        this.factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    @Override
    public ParsedEntries parse(InputStream in, String listId, Consumer<Integer> progress) {
        return ParseRun.run(in, listId, limits, progress, (reader, sink) -> {
            XMLStreamReader xml = factory.createXMLStreamReader(reader);
            try {
                boolean rootSeen = false;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw sink.stop(RowError.STRUCTURE, "the file has a DOCTYPE declaration; the UN list has none,"
                                + " and DTDs are refused so that no external entity is ever read");
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = xml.getLocalName();
                    if (!rootSeen && !name.equals("CONSOLIDATED_LIST")) {
                        throw sink.stop(RowError.STRUCTURE, "the root element is " + name + "; the UN list's is"
                                + " CONSOLIDATED_LIST");
                    }
                    rootSeen = true;
                    if (name.equals("INDIVIDUAL") || name.equals("ENTITY")) {
                        reader.startRow();
                        RowChecks checks = new RowChecks(sink, sink.startRow(), line(xml));
                        if (name.equals("ENTITY")) {
                            new UnElementReader(xml, limits).skip();
                            sink.skipped();
                        } else {
                            UnIndividual individual = new UnElementReader(xml, limits).individual();
                            PersonEntry entry = individual.toEntry(listId, checks);
                            if (entry != null) {
                                sink.person(entry);
                            }
                        }
                        reader.startRow();
                    }
                }
                if (!rootSeen) {
                    throw sink.stop(RowError.STRUCTURE, "the file has no CONSOLIDATED_LIST element");
                }
            } finally {
                xml.close();
            }
        }, UnConsolidatedListXml::describe);
    }

    static int line(XMLStreamReader xml) {
        Location at = xml.getLocation();
        return at == null ? 0 : at.getLineNumber();
    }

    private static RowError describe(Exception e) {
        if (e instanceof UnElementReader.TooLong tooLong) {
            return new RowError(0, tooLong.element(), RowError.FIELD_TOO_LONG, tooLong.getMessage());
        }
        if (e instanceof XMLStreamException xml) {
            Location at = xml.getLocation();
            String message = xml.getMessage() == null ? "" : xml.getMessage().replaceFirst("(?s)^ParseError at \\[.*?\\]\\s*"
                    + "Message: ", "");
            return new RowError(0, "file", RowError.SYNTAX, (at == null ? "" : "line " + at.getLineNumber() + ", column "
                    + at.getColumnNumber() + ": ") + "not well-formed XML: " + message.strip());
        }
        return CsvFiles.describe(e);
    }
}
