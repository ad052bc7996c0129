package org.opencets.formats.read;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/** What every XML reader shares: a StAX factory safe for hostile files, and its errors made readable. */
public final class XmlInput {
    private XmlInput() {
    }

    /** The JDK's StAX factory with DTDs, external entities and external DTD access off. */
    public static XMLInputFactory secureFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /**
     * The first throwable of the given type in e's chain, following both causes and StAX's nested
     * exceptions (the parser wraps what its reader threw); null if there is none.
     */
    public static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        ArrayDeque<Throwable> unvisited = new ArrayDeque<>();
        unvisited.add(e);
        while (!unvisited.isEmpty()) {
            Throwable t = unvisited.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() != null) {
                unvisited.add(t.getCause());
            }
            if (t instanceof XMLStreamException x && x.getNestedException() != null) {
                unvisited.add(x.getNestedException());
            }
        }
        return null;
    }

    /** The parser's own words about a well-formedness error, without its location preamble or any long digit run. */
    public static String problem(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = m.indexOf("Message: ");
        if (at >= 0) {
            m = m.substring(at + "Message: ".length());
        }
        return Redaction.digits(m.strip());
    }
}
