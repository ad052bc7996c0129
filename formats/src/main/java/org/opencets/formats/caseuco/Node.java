package org.opencets.formats.caseuco;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One JSON-LD node object (or facet, or hash) with its property names in canonical form
 * ({@link Terms}), and the few ways JSON-LD writes a value: a plain string, number or boolean, a value
 * object {@code {"@type": …, "@value": …}}, a reference {@code {"@id": …}} (or, as some tools write it,
 * the id as a plain string), or an array of any of those.
 */
final class Node {
    private final JsonNode json;
    private final Map<String, JsonNode> props;
    private final Terms terms;

    Node(JsonNode json, Terms terms) {
        this.json = json;
        this.terms = terms;
        this.props = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            props.put(terms.canonical(e.getKey()), e.getValue());
        }
    }

    JsonNode json() {
        return json;
    }

    /** The node's id with its prefix expanded, or null for a blank node. */
    String id() {
        JsonNode id = json.get("@id");
        return id != null && id.isTextual() ? terms.id(id.asText()) : null;
    }

    /** The id as written, for messages and fields. */
    String writtenId() {
        JsonNode id = json.get("@id");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    /** Canonical type names. */
    List<String> types() {
        List<String> out = new ArrayList<>(2);
        for (JsonNode t : values(json.get("@type"))) {
            if (t.isTextual()) {
                out.add(terms.canonical(t.asText()));
            }
        }
        return out;
    }

    boolean is(String canonicalType) {
        return types().contains(canonicalType);
    }

    /** True for an object that only points at a node defined elsewhere. */
    boolean isReferenceOnly() {
        return json.size() == 1 && json.has("@id");
    }

    JsonNode get(String canonicalProperty) {
        return props.get(canonicalProperty);
    }

    boolean has(String canonicalProperty) {
        return props.containsKey(canonicalProperty);
    }

    Iterable<Map.Entry<String, JsonNode>> properties() {
        return props.entrySet();
    }

    /** The first literal of a property, as text; null when absent or not a literal. */
    String literal(String canonicalProperty) {
        for (JsonNode v : values(props.get(canonicalProperty))) {
            String s = literal(v);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** Every literal of a property. */
    List<String> literals(String canonicalProperty) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : values(props.get(canonicalProperty))) {
            String s = literal(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Ids referred to by a property (expanded), in order. */
    List<String> refs(String canonicalProperty) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : values(props.get(canonicalProperty))) {
            if (v.isObject() && v.path("@id").isTextual()) {
                out.add(terms.id(v.path("@id").asText()));
            } else if (v.isTextual()) {
                out.add(terms.id(v.asText()));
            }
        }
        return out;
    }

    /** The object values of a property (facets, hashes, embedded nodes). */
    List<Node> objects(String canonicalProperty) {
        List<Node> out = new ArrayList<>();
        for (JsonNode v : values(props.get(canonicalProperty))) {
            if (v.isObject()) {
                out.add(new Node(v, terms));
            }
        }
        return out;
    }

    static List<JsonNode> values(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return List.of();
        }
        if (v.isArray()) {
            List<JsonNode> out = new ArrayList<>(v.size());
            v.forEach(out::add);
            return out;
        }
        return List.of(v);
    }

    static String literal(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asText();
        }
        if (v.isObject() && v.has("@value")) {
            JsonNode inner = v.get("@value");
            return inner.isValueNode() && !inner.isNull() ? inner.asText() : null;
        }
        return null;
    }
}
