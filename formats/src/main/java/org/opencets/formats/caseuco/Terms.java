package org.opencets.formats.caseuco;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names in a CASE/UCO document, read the way a JSON-LD processor would read them, reduced to one
 * canonical spelling: {@code module:localName} for UCO and CASE terms ({@code observable:messageText},
 * {@code core:hasFacet}, {@code investigation:Investigation}, {@code types:hashValue}), {@code xsd:…}
 * for XML Schema datatypes, {@code opencets:…} for this project's extension terms.
 *
 * <p>Design note. JSON-LD 1.1 (W3C Recommendation, section 4.1 "Advanced Context Usage" and 6.2 "IRI
 * expansion") lets a document name a term by compact IRI ({@code uco-observable:messageText}, the
 * prefix defined in {@code @context}), by absolute IRI, or by a bare term resolved through
 * {@code @vocab} or a term definition. Producers differ: the CASE examples use the prefixes
 * {@code uco-core}, {@code uco-observable}, …; older documents use the UCO 0.x namespaces
 * ({@code https://unifiedcyberontology.org/ontology/uco/core#}); some tools use {@code observable:}
 * without defining it. Expanding each name with the document's own context and then recognising the
 * namespace by its shape ({@code …unifiedcyberontology.org/…/uco/MODULE/} or {@code …#}) reads all of
 * them alike without a full JSON-LD processor (no remote contexts: the machine is air-gapped, and a
 * document whose {@code @context} is only a URL is read by its prefixes' usual names). Expansions are
 * cached: a document repeats the same few hundred names.
 */
final class Terms {
    /** UCO 1.x and CASE 1.x namespaces as this project writes them. */
    static final Map<String, String> WRITTEN_PREFIXES = writtenPrefixes();

    static final String OPENCETS_NS = "urn:opencets:exchange:";
    private static final String XSD_NS = "http://www.w3.org/2001/XMLSchema#";

    private static final Pattern UCO_IRI = Pattern.compile(
            "^https?://(?:ontology\\.)?(?:unifiedcyberontology\\.org|caseontology\\.org)/(?:ontology/)?"
                    + "(?:(?:uco|case)/)?([a-z][a-z-]*)[/#]([^/#]+)$");
    private static final Set<String> MODULES = Set.of("core", "observable", "types", "identity", "location",
            "action", "tool", "vocabulary", "investigation", "role", "marking", "pattern", "time", "victim",
            "analysis", "configuration");

    private final Map<String, String> prefixes = new HashMap<>();
    private final Map<String, String> terms = new HashMap<>();
    private final Map<String, String> cache = new HashMap<>();
    private String vocab;

    /** Adds the definitions of a {@code @context} value (an object, an array of them; URLs are skipped). */
    void addContext(JsonNode context) {
        if (context == null) {
            return;
        }
        if (context.isArray()) {
            for (JsonNode c : context) {
                addContext(c);
            }
            return;
        }
        if (!context.isObject()) {
            return; // a remote context URL: cannot be fetched here
        }
        Iterator<Map.Entry<String, JsonNode>> it = context.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("@vocab") && v.isTextual()) {
                vocab = v.asText();
            } else if (!key.startsWith("@")) {
                if (v.isTextual()) {
                    prefixes.put(key, v.asText());
                } else if (v.isObject() && v.path("@id").isTextual()) {
                    terms.put(key, v.path("@id").asText());
                }
            }
        }
        cache.clear();
    }

    /** True when the document defined any prefix at all (a bare JSON file has none). */
    boolean hasDefinitions() {
        return !prefixes.isEmpty() || !terms.isEmpty() || vocab != null;
    }

    /** The canonical name of a key or type name; names from no known namespace come back as written. */
    String canonical(String name) {
        if (name.isEmpty() || name.charAt(0) == '@') {
            return name;
        }
        String c = cache.get(name);
        if (c == null) {
            c = canonicalUncached(name);
            if (cache.size() < 100_000) {
                cache.put(name, c);
            }
        }
        return c;
    }

    private String canonicalUncached(String name) {
        String iri = expand(name, 0);
        if (iri != null) {
            String known = recognise(iri);
            if (known != null) {
                return known;
            }
        }
        int colon = name.indexOf(':');
        if (colon > 0) {
            // an undefined prefix: uco-observable, case-investigation, observable, …
            String prefix = name.substring(0, colon);
            String module = prefix.startsWith("uco-") ? prefix.substring(4)
                    : prefix.startsWith("case-") ? prefix.substring(5) : prefix;
            if (MODULES.contains(module) && !prefixes.containsKey(prefix)) {
                return module + ":" + name.substring(colon + 1);
            }
        }
        return name;
    }

    /** An {@code @id} with its prefix expanded, so {@code kb:x} and its full IRI are one node. */
    String id(String raw) {
        int colon = raw.indexOf(':');
        if (colon > 0 && !(colon + 2 < raw.length() && raw.charAt(colon + 1) == '/' && raw.charAt(colon + 2) == '/')) {
            String base = prefixes.get(raw.substring(0, colon));
            if (base != null) {
                return base + raw.substring(colon + 1);
            }
        }
        return raw;
    }

    private String expand(String name, int depth) {
        if (depth > 4) {
            return null;
        }
        String term = terms.get(name);
        if (term != null) {
            return expand(term, depth + 1);
        }
        int colon = name.indexOf(':');
        if (colon > 0) {
            String prefix = name.substring(0, colon);
            String rest = name.substring(colon + 1);
            if (rest.startsWith("//")) {
                return name; // already an absolute IRI
            }
            String base = prefixes.get(prefix);
            if (base != null) {
                return base + rest;
            }
            return prefix.equals("urn") ? name : null;
        }
        return vocab == null ? null : vocab + name;
    }

    private static String recognise(String iri) {
        if (iri.startsWith(OPENCETS_NS)) {
            return "opencets:" + iri.substring(OPENCETS_NS.length());
        }
        if (iri.startsWith(XSD_NS)) {
            return "xsd:" + iri.substring(XSD_NS.length());
        }
        Matcher m = UCO_IRI.matcher(iri);
        if (m.matches() && MODULES.contains(m.group(1))) {
            return m.group(1) + ":" + m.group(2);
        }
        return null;
    }

    private static Map<String, String> writtenPrefixes() {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("kb", "urn:opencets:kb:");
        p.put("case-investigation", "https://ontology.caseontology.org/case/investigation/");
        p.put("uco-core", "https://ontology.unifiedcyberontology.org/uco/core/");
        p.put("uco-identity", "https://ontology.unifiedcyberontology.org/uco/identity/");
        p.put("uco-observable", "https://ontology.unifiedcyberontology.org/uco/observable/");
        p.put("uco-types", "https://ontology.unifiedcyberontology.org/uco/types/");
        p.put("uco-vocabulary", "https://ontology.unifiedcyberontology.org/uco/vocabulary/");
        p.put("xsd", XSD_NS);
        p.put("opencets", OPENCETS_NS);
        return java.util.Collections.unmodifiableMap(p);
    }
}
