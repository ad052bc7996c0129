package org.opencets.formats.caseuco;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A structural check of a CASE/UCO JSON-LD document against facts taken from the UCO 1.x and CASE 1.x
 * SHACL shapes (ontology files {@code uco/core/core.ttl}, {@code uco/observable/observable.ttl},
 * {@code uco/types/types.ttl}, {@code case/investigation/investigation.ttl}) and the structure of the
 * published CASE examples. It is not a SHACL engine: no validator and no shapes file can be had on this
 * air-gapped machine (see docs/FORMATS.md, "Validation"), so the constraints that matter for what we
 * write are transcribed here as a table and checked directly:
 *
 * <ul>
 *   <li>the UCO and CASE prefixes name the 1.x namespaces, and every prefix used is defined;</li>
 *   <li>every node and every facet and hash has an {@code @id} (UcoThings may not be blank nodes) ending
 *       with a UUID (the advisory {@code core:UcoThing-identifier-regex-shape}), unique in the file (a
 *       facet belongs to one object: {@code core:hasFacet} is inverse-functional);</li>
 *   <li>every {@code @type} is a class of the ontology this project uses or reads;</li>
 *   <li>every property in a UCO/CASE namespace is a known one, with the datatype and maximum count of its
 *       shape ({@code xsd:dateTime} as a typed literal with a valid lexical form, {@code xsd:hexBinary},
 *       booleans, integers, strings; references as {@code {"@id"}});</li>
 *   <li>minimum counts: a Relationship has a source, exactly one target and {@code isDirectional}; a
 *       Hash has {@code hashMethod} and {@code hashValue}; Bundle, Investigation and ProvenanceRecord
 *       (compilations) hold at least one {@code core:object};</li>
 *   <li>every reference resolves to a node defined in the file.</li>
 * </ul>
 */
final class UcoStructure {
    private static final Pattern UUID_END = Pattern.compile("(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-5][0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})+");

    private static final Map<String, String> NAMESPACES = Map.of(
            "core", "https://ontology.unifiedcyberontology.org/uco/core/",
            "observable", "https://ontology.unifiedcyberontology.org/uco/observable/",
            "identity", "https://ontology.unifiedcyberontology.org/uco/identity/",
            "types", "https://ontology.unifiedcyberontology.org/uco/types/",
            "vocabulary", "https://ontology.unifiedcyberontology.org/uco/vocabulary/",
            "investigation", "https://ontology.caseontology.org/case/investigation/");

    private static final Set<String> NODE_CLASSES = Set.of("core:Bundle", "core:Relationship", "identity:Identity",
            "identity:Organization", "identity:Person", "investigation:Investigation", "investigation:ProvenanceRecord",
            "observable:EmailAddress", "observable:PhoneAccount", "observable:ApplicationAccount", "observable:Application",
            "observable:IPv4Address", "observable:IPv6Address", "observable:URL", "observable:DomainName",
            "observable:Device", "observable:ContentData", "observable:PaymentCard", "observable:Message",
            "observable:EmailMessage", "observable:Event", "observable:File", "observable:ObservableRelationship");
    private static final Set<String> FACET_CLASSES = Set.of("observable:EmailAddressFacet", "observable:PhoneAccountFacet",
            "observable:AccountFacet", "observable:ApplicationAccountFacet", "observable:ApplicationFacet",
            "observable:DigitalAccountFacet", "observable:IPv4AddressFacet", "observable:IPv6AddressFacet",
            "observable:URLFacet", "observable:DomainNameFacet", "observable:DeviceFacet", "observable:ContentDataFacet",
            "observable:MessageFacet", "observable:EmailMessageFacet", "observable:EventFacet", "observable:FileFacet");

    /** Literal kinds of the shapes: sh:datatype, or a reference (sh:class with sh:nodeKind IRI). */
    enum Kind { STRING, DATETIME, BOOLEAN, INTEGER, HEXBINARY, REF, FACET, HASH, VOCAB_OR_STRING }

    record Shape(Kind kind, int maxCount) {
    }

    private static final Map<String, Shape> PROPERTIES = new HashMap<>();

    static {
        p("core:name", Kind.STRING, 1);
        p("core:description", Kind.STRING, 0);
        p("core:objectCreatedTime", Kind.DATETIME, 1);
        p("core:createdBy", Kind.REF, 1);
        p("core:hasFacet", Kind.FACET, 0);
        p("core:object", Kind.REF, 0);
        p("core:source", Kind.REF, 0);
        p("core:target", Kind.REF, 1);
        p("core:kindOfRelationship", Kind.VOCAB_OR_STRING, 1);
        p("core:isDirectional", Kind.BOOLEAN, 1);
        p("observable:addressValue", Kind.STRING, 1);
        p("observable:displayName", Kind.STRING, 1);
        p("observable:phoneNumber", Kind.STRING, 1);
        p("observable:fullValue", Kind.STRING, 1);
        p("observable:value", Kind.STRING, 1);
        p("observable:accountIdentifier", Kind.STRING, 1);
        p("observable:application", Kind.REF, 1);
        p("observable:applicationIdentifier", Kind.STRING, 1);
        p("observable:manufacturer", Kind.REF, 1);
        p("observable:model", Kind.STRING, 1);
        p("observable:serialNumber", Kind.STRING, 1);
        p("observable:hash", Kind.HASH, 0);
        p("observable:messageText", Kind.STRING, 1);
        p("observable:body", Kind.STRING, 1);
        p("observable:subject", Kind.STRING, 1);
        p("observable:sentTime", Kind.DATETIME, 1);
        p("observable:from", Kind.REF, 1);
        p("observable:to", Kind.REF, 0);
        p("observable:cc", Kind.REF, 0);
        p("observable:bcc", Kind.REF, 0);
        p("observable:eventType", Kind.STRING, 1);
        p("observable:eventRecordText", Kind.STRING, 1);
        p("observable:startTime", Kind.DATETIME, 1);
        p("observable:fileName", Kind.STRING, 1);
        p("observable:sizeInBytes", Kind.INTEGER, 1);
        p("types:hashMethod", Kind.VOCAB_OR_STRING, 1);
        p("types:hashValue", Kind.HEXBINARY, 1);
        p("investigation:exhibitNumber", Kind.STRING, 1);
        p("investigation:investigationForm", Kind.VOCAB_OR_STRING, 1);
    }

    private static void p(String name, Kind kind, int max) {
        PROPERTIES.put(name, new Shape(kind, max));
    }

    private final Terms terms = new Terms();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> defined = new HashSet<>();
    private final Set<String> ids = new HashSet<>();
    private final List<String> references = new ArrayList<>();
    private final Set<String> prefixesUsed = new HashSet<>();

    /** The problems found; empty when the document conforms to the checks above. */
    static List<String> check(JsonNode doc) {
        UcoStructure s = new UcoStructure();
        s.run(doc);
        return s.problems;
    }

    private void run(JsonNode doc) {
        JsonNode context = doc.get("@context");
        if (context == null || !context.isObject()) {
            problems.add("no @context object");
            return;
        }
        terms.addContext(context);
        Iterator<Map.Entry<String, JsonNode>> it = context.fields();
        Set<String> prefixes = new HashSet<>();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            prefixes.add(e.getKey());
            String v = e.getValue().asText();
            for (Map.Entry<String, String> ns : NAMESPACES.entrySet()) {
                if (e.getKey().equals("uco-" + ns.getKey()) || e.getKey().equals("case-" + ns.getKey())) {
                    if (!v.equals(ns.getValue())) {
                        problems.add("prefix " + e.getKey() + " names " + v + ", not the 1.x namespace " + ns.getValue());
                    }
                }
            }
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (doc.has("@graph")) {
            doc.get("@graph").forEach(nodes::add);
        } else {
            nodes.add(doc);
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            JsonNode members = n.get("uco-core:object");
            if (members != null && members.isArray()) {
                for (JsonNode m : members) {
                    if (m.isObject() && m.size() > 1) {
                        nodes.add(m);
                    }
                }
            }
            node(n, "node " + n.path("@id").asText("(no @id)"));
        }
        for (String ref : references) {
            if (!defined.contains(ref)) {
                problems.add("reference to " + ref + " that no node in the file defines");
            }
        }
        for (String p : prefixesUsed) {
            if (!prefixes.contains(p)) {
                problems.add("prefix " + p + " is used but not defined in @context");
            }
        }
    }

    private void node(JsonNode n, String where) {
        String id = identity(n, where);
        if (id != null) {
            defined.add(terms.id(id));
        }
        List<String> types = types(n, where);
        for (String t : types) {
            if (!NODE_CLASSES.contains(t)) {
                problems.add(where + ": @type " + t + " is not a node class this check knows");
            }
        }
        properties(n, where, types);
        if (types.contains("core:Relationship") || types.contains("observable:ObservableRelationship")) {
            min(n, "core:source", 1, where);
            exactly(n, "core:target", where);
            exactly(n, "core:isDirectional", where);
        }
        if (types.contains("core:Bundle") || types.contains("investigation:Investigation")
                || types.contains("investigation:ProvenanceRecord")) {
            min(n, "core:object", 1, where);
        }
    }

    private String identity(JsonNode n, String where) {
        JsonNode id = n.get("@id");
        if (id == null || !id.isTextual()) {
            problems.add(where + ": no @id (UcoThings may not be blank nodes)");
            return null;
        }
        String s = id.asText();
        if (s.startsWith("_:")) {
            problems.add(where + ": blank node id " + s);
        }
        if (!UUID_END.matcher(s).matches()) {
            problems.add(where + ": @id " + s + " does not end with a UUID");
        }
        if (!ids.add(s)) {
            problems.add(where + ": @id " + s + " is defined twice");
        }
        prefix(s);
        return s;
    }

    private List<String> types(JsonNode n, String where) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : Node.values(n.get("@type"))) {
            prefix(t.asText());
            out.add(terms.canonical(t.asText()));
        }
        if (out.isEmpty()) {
            problems.add(where + ": no @type");
        }
        return out;
    }

    private void properties(JsonNode n, String where, List<String> types) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.startsWith("@")) {
                continue;
            }
            prefix(key);
            String name = terms.canonical(key);
            if (name.startsWith("opencets:")) {
                continue;
            }
            Shape shape = PROPERTIES.get(name);
            if (shape == null) {
                int colon = name.indexOf(':');
                if (colon > 0 && NAMESPACES.containsKey(name.substring(0, colon))) {
                    problems.add(where + ": " + key + " is not a property this check knows in the UCO/CASE namespaces");
                }
                continue;
            }
            List<JsonNode> values = Node.values(e.getValue());
            if (shape.maxCount() > 0 && values.size() > shape.maxCount()) {
                problems.add(where + ": " + key + " has " + values.size() + " values, at most " + shape.maxCount() + " allowed");
            }
            for (JsonNode v : values) {
                value(v, shape.kind(), where + ", " + key);
            }
        }
    }

    private void value(JsonNode v, Kind kind, String where) {
        switch (kind) {
            case STRING -> {
                if (!(v.isTextual() || (v.isObject() && v.path("@value").isTextual()
                        && (!v.has("@type") || v.path("@type").asText().equals("xsd:string"))))) {
                    problems.add(where + ": expected an xsd:string literal, found " + v);
                }
            }
            case VOCAB_OR_STRING -> {
                if (!(v.isTextual() || (v.isObject() && v.path("@value").isTextual()))) {
                    problems.add(where + ": expected a string or vocabulary literal, found " + v);
                }
            }
            case DATETIME -> {
                if (!(v.isObject() && terms.canonical(v.path("@type").asText()).equals("xsd:dateTime") && v.path("@value").isTextual())) {
                    problems.add(where + ": expected {\"@type\": \"xsd:dateTime\", \"@value\": …}, found " + v);
                } else if (!validDateTime(v.path("@value").asText())) {
                    problems.add(where + ": '" + v.path("@value").asText() + "' is not a valid xsd:dateTime");
                }
            }
            case HEXBINARY -> {
                if (!(v.isObject() && terms.canonical(v.path("@type").asText()).equals("xsd:hexBinary")
                        && HEX.matcher(v.path("@value").asText()).matches())) {
                    problems.add(where + ": expected an xsd:hexBinary literal, found " + v);
                }
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    problems.add(where + ": expected a JSON boolean, found " + v);
                }
            }
            case INTEGER -> {
                if (!v.isIntegralNumber()) {
                    problems.add(where + ": expected an integer, found " + v);
                }
            }
            case REF -> {
                if (!(v.isObject() && v.path("@id").isTextual())) {
                    problems.add(where + ": expected a reference {\"@id\": …}, found " + v);
                } else {
                    prefix(v.path("@id").asText());
                    references.add(terms.id(v.path("@id").asText()));
                    if (v.size() > 1 && !where.endsWith("uco-core:object")) {
                        node(v, where + " (embedded)");
                    }
                }
            }
            case FACET -> {
                if (!v.isObject()) {
                    problems.add(where + ": a facet must be an object");
                    return;
                }
                identity(v, where + " facet");
                for (String t : types(v, where + " facet")) {
                    if (!FACET_CLASSES.contains(t)) {
                        problems.add(where + ": facet type " + t + " is not a facet class this check knows");
                    }
                }
                properties(v, where + " facet", List.of());
            }
            case HASH -> {
                if (!v.isObject()) {
                    problems.add(where + ": a hash must be an object");
                    return;
                }
                identity(v, where + " hash");
                if (!types(v, where + " hash").contains("types:Hash")) {
                    problems.add(where + ": hash is not a types:Hash");
                }
                exactly(v, "types:hashMethod", where + " hash");
                exactly(v, "types:hashValue", where + " hash");
                properties(v, where + " hash", List.of());
            }
        }
    }

    private void min(JsonNode n, String canonical, int min, String where) {
        if (count(n, canonical) < min) {
            problems.add(where + ": " + canonical + " needs at least " + min + " value(s)");
        }
    }

    private void exactly(JsonNode n, String canonical, String where) {
        int c = count(n, canonical);
        if (c != 1) {
            problems.add(where + ": " + canonical + " needs exactly one value, has " + c);
        }
    }

    private int count(JsonNode n, String canonical) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (terms.canonical(e.getKey()).equals(canonical)) {
                return Node.values(e.getValue()).size();
            }
        }
        return 0;
    }

    private void prefix(String compact) {
        int colon = compact.indexOf(':');
        if (colon > 0 && !compact.startsWith("http") && !compact.startsWith("urn:")) {
            prefixesUsed.add(compact.substring(0, colon));
        }
    }

    /** XML Schema 1.1 dateTime: date, 'T', time with seconds, optional fraction and time zone. */
    static boolean validDateTime(String s) {
        if (!s.matches("-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?")) {
            return false;
        }
        try {
            if (s.endsWith("Z") || s.matches(".*[+-]\\d{2}:\\d{2}$")) {
                OffsetDateTime.parse(s);
            } else {
                LocalDateTime.parse(s);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
