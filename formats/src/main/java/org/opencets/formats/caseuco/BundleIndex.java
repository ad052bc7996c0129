package org.opencets.formats.caseuco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.identifier.InvalidIdentifierException;
import org.opencets.formats.read.RecordSink;

/**
 * What the first pass over a document keeps: the small nodes that carry identifiers (addresses,
 * accounts, phones, devices, hashes, cards), the names of applications and organisations they point
 * at, and the relationships. Messages and events — the large nodes, with their text — are not kept;
 * the second pass reads them one at a time and resolves their references here.
 *
 * <p>Design note (bounded memory). A CASE document may define a message before the account it is
 * from, so a single streaming pass cannot resolve references without holding the messages back. Two
 * passes over the stored evidence ({@code ReadSource.open()} twice) keep memory proportional to the
 * number of identifier nodes and relationships — what the store will hold anyway — and never to the
 * text of the document. Identifier nodes are normalised here, in the first pass, so a card number in a
 * foreign bundle is hashed the moment it is read and never kept.
 */
final class BundleIndex {
    /** A node that carries identifiers, as far as the node alone tells. */
    static final class Entry {
        final String id;
        final String writtenId;
        final String type;
        final long line;
        final long offset;
        final List<Identifier> identifiers = new ArrayList<>(1);
        final List<String> raws = new ArrayList<>(1);
        String handle;
        String appRef;
        String issuerRef;
        String issuerName;
        String emailRef;
        String makeRef;
        String make;
        String model;
        String serial;
        String cardMasked;
        String cardHmac;
        boolean platformFound;

        Entry(String id, String writtenId, String type, long line, long offset) {
            this.id = id;
            this.writtenId = writtenId;
            this.type = type;
            this.line = line;
            this.offset = offset;
        }

        boolean empty() {
            return identifiers.isEmpty() && handle == null && emailRef == null && serial == null && cardHmac == null;
        }
    }

    /** A relationship as written. */
    record Relationship(List<String> sources, List<String> targets, String kind, String field, String raw, int start,
                        int end) {
    }

    /** An identifier with the text it was written as. */
    record Resolved(Identifier identifier, String raw) {
    }

    private static final Pattern CARD_DIGITS = Pattern.compile("\\d(?:[ -]?\\d){11,18}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Terms terms;
    private final IdentifierContext ctx;
    private final RecordSink sink;
    private final String ourKeyCheck;
    final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final List<Relationship> relationships = new ArrayList<>();
    /** Record-side id to the relationships that attach identifier nodes to it; built by {@link #resolve()}. */
    private final Map<String, List<Relationship>> attached = new HashMap<>();
    String keyCheck;
    int recordNodes;
    int separateFacets;
    int unsupportedHashes;
    int cardsOtherKey;
    private int blank;

    BundleIndex(Terms terms, IdentifierContext ctx, RecordSink sink, String ourKeyCheck) {
        this.terms = terms;
        this.ctx = ctx;
        this.sink = sink;
        this.ourKeyCheck = ourKeyCheck;
    }

    // ------------------------------------------------------------------ pass 1

    void add(ObjectNode json, long line, long offset) {
        add(new Node(json, terms), line, offset, 0);
    }

    private void add(Node n, long line, long offset, int depth) {
        if (n.json().has("@context")) {
            terms.addContext(n.json().get("@context"));
        }
        String check = n.literal("opencets:cardKeyCheck");
        if (check != null) {
            keyCheck = check;
        }
        if (n.isReferenceOnly()) {
            return;
        }
        List<String> types = n.types();
        if (types.contains("core:Relationship") || types.contains("observable:ObservableRelationship")
                || (n.has("core:source") && n.has("core:target"))) {
            relationships.add(new Relationship(n.refs("core:source"), n.refs("core:target"),
                    lower(n.literal("core:kindOfRelationship")), n.literal("opencets:field"), n.literal("opencets:raw"),
                    integer(n.literal("opencets:start")), integer(n.literal("opencets:end"))));
        } else if (isRecord(n)) {
            recordNodes++;
        } else {
            String name = nameOf(n, types);
            if (name != null && n.id() != null) {
                names.put(n.id(), name);
            }
            Entry e = extract(n, types, line, offset);
            if (e != null) {
                entries.putIfAbsent(e.id, e);
            }
        }
        if (depth < 4) {
            embedded(n, line, offset, depth);
        }
    }

    /** Nodes written inside another node's properties (a message's {@code from} given in full, say). */
    private void embedded(Node n, long line, long offset, int depth) {
        for (Map.Entry<String, JsonNode> p : n.properties()) {
            boolean facets = p.getKey().equals("core:hasFacet");
            for (JsonNode v : Node.values(p.getValue())) {
                if (!v.isObject()) {
                    continue;
                }
                Node inner = new Node(v, terms);
                if (facets) {
                    embedded(inner, line, offset, depth + 1); // look inside facets, but a facet is not a node
                } else if (v.has("@type") && v.has("@id") && !v.has("@value") && !inner.is("types:Hash")) {
                    add(inner, line, offset, depth + 1);
                }
            }
        }
    }

    static boolean isRecord(Node n) {
        if (n.has("opencets:recordKind")) {
            return true;
        }
        for (Node f : n.objects("core:hasFacet")) {
            for (String t : f.types()) {
                if (t.equals("observable:MessageFacet") || t.equals("observable:EmailMessageFacet")
                        || t.equals("observable:EventFacet")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nameOf(Node n, List<String> types) {
        for (String t : types) {
            if (t.equals("observable:Application") || t.startsWith("identity:") || t.equals("observable:OnlineService")) {
                String name = n.literal("core:name");
                if (name == null) {
                    for (Node f : n.objects("core:hasFacet")) {
                        name = name != null ? name : f.literal("core:name");
                        name = name != null ? name : f.literal("observable:applicationIdentifier");
                    }
                }
                return name == null || name.isBlank() ? null : name.strip();
            }
        }
        return null;
    }

    /** The identifier facts of a node, or null when it carries none. */
    Entry extract(Node n, List<String> types, long line, long offset) {
        String id = n.id() != null ? n.id() : "_:blank-" + (++blank);
        Entry e = new Entry(id, n.writtenId(), types.isEmpty() ? "?" : types.get(0), line, offset);
        boolean card = types.contains("observable:PaymentCard");
        for (Node f : n.objects("core:hasFacet")) {
            if (f.isReferenceOnly()) {
                separateFacets++;
                continue;
            }
            for (String ft : f.types()) {
                switch (ft) {
                    case "observable:EmailAddressFacet" -> add(e, IdentifierType.EMAIL, f, "observable:addressValue");
                    case "observable:EmailAccountFacet" -> {
                        JsonNode v = f.get("observable:emailAddress");
                        String literal = Node.literal(v);
                        if (literal != null && literal.indexOf('@') > 0 && !literal.contains(":")) {
                            add(e, IdentifierType.EMAIL, f, "observable:emailAddress");
                        } else if (!f.refs("observable:emailAddress").isEmpty()) {
                            e.emailRef = f.refs("observable:emailAddress").get(0);
                        }
                    }
                    case "observable:PhoneAccountFacet" -> add(e, IdentifierType.PHONE, f, "observable:phoneNumber");
                    case "observable:MobileAccountFacet" -> add(e, IdentifierType.PHONE, f, "observable:MSISDN");
                    case "observable:IPv4AddressFacet", "observable:IPv6AddressFacet", "observable:IPAddressFacet" ->
                            add(e, IdentifierType.IP, f, "observable:addressValue");
                    case "observable:URLFacet" -> add(e, IdentifierType.URL, f, "observable:fullValue");
                    case "observable:DomainNameFacet" -> add(e, IdentifierType.DOMAIN, f, "observable:value");
                    case "observable:AccountFacet" -> {
                        String ident = f.literal("observable:accountIdentifier");
                        if (card && ident != null) {
                            if (CARD_DIGITS.matcher(ident).find()) {
                                add(e, IdentifierType.CARD, f, "observable:accountIdentifier");
                            } else {
                                e.cardMasked = ident.strip();
                            }
                        } else if (ident != null && !ident.isBlank()) {
                            e.handle = ident;
                        }
                        String issuer = Node.literal(f.get("observable:accountIssuer"));
                        if (issuer != null && !issuer.contains(":")) {
                            e.issuerName = issuer;
                        } else if (!f.refs("observable:accountIssuer").isEmpty()) {
                            e.issuerRef = f.refs("observable:accountIssuer").get(0);
                        }
                    }
                    case "observable:DigitalAccountFacet" -> {
                        if (e.handle == null && !card) {
                            String login = f.literal("observable:accountLogin");
                            e.handle = login == null || login.isBlank() ? null : login;
                        }
                    }
                    case "observable:ApplicationAccountFacet" -> {
                        List<String> apps = f.refs("observable:application");
                        e.appRef = apps.isEmpty() ? e.appRef : apps.get(0);
                    }
                    case "observable:DeviceFacet" -> {
                        String maker = Node.literal(f.get("observable:manufacturer"));
                        if (maker != null && !maker.contains(":")) {
                            e.make = maker;
                        } else if (!f.refs("observable:manufacturer").isEmpty()) {
                            e.makeRef = f.refs("observable:manufacturer").get(0);
                        }
                        e.model = f.literal("observable:model");
                        String serial = f.literal("observable:serialNumber");
                        e.serial = serial == null || serial.isBlank() ? null : serial;
                    }
                    case "observable:ContentDataFacet", "observable:FileFacet", "observable:AlternateDataStreamFacet" ->
                            hashes(e, f, card);
                    default -> {
                    }
                }
            }
        }
        return e.empty() ? null : e;
    }

    private void hashes(Entry e, Node facet, boolean card) {
        List<Node> hs = new ArrayList<>(facet.objects("observable:hash"));
        hs.addAll(facet.objects("observable:hashes"));
        for (Node h : hs) {
            String method = h.literal("types:hashMethod");
            String value = h.literal("types:hashValue");
            if (method == null || value == null) {
                continue;
            }
            String m = method.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
            switch (m) {
                case "MD5", "SHA1", "SHA256" -> addValue(e, IdentifierType.FILE_HASH, m.toLowerCase(Locale.ROOT) + ":" + value.strip(),
                        value.strip(), "types:hashValue");
                case "PDQ" -> addValue(e, IdentifierType.PDQ, value.strip(), value.strip(), "types:hashValue");
                case "HMACSHA256" -> {
                    if (card && HEX64.matcher(value.strip()).matches()) {
                        e.cardHmac = value.strip().toLowerCase(Locale.ROOT);
                    }
                }
                default -> unsupportedHashes++;
            }
        }
    }

    private void add(Entry e, IdentifierType type, Node facet, String property) {
        for (String raw : facet.literals(property)) {
            if (!raw.isBlank()) {
                addValue(e, type, raw, raw, property);
            }
        }
    }

    private void addValue(Entry e, IdentifierType type, String value, String raw, String property) {
        try {
            Identifier id = Identifiers.normalise(type, value, ctx);
            e.identifiers.add(id);
            e.raws.add(type == IdentifierType.CARD ? id.display() : raw);
        } catch (InvalidIdentifierException ex) {
            sink.reject(e.line, "node " + (e.writtenId == null ? "(no @id)" : e.writtenId) + ", " + property + ": "
                    + ex.getMessage());
        }
    }

    // ------------------------------------------------------------------ between the passes

    /** Ties relationships to the record side; call once after pass 1. */
    void resolve() {
        for (Relationship r : relationships) {
            for (String s : r.sources()) {
                for (String t : r.targets()) {
                    boolean si = entries.containsKey(s);
                    boolean ti = entries.containsKey(t);
                    if (si && !ti) {
                        attached.computeIfAbsent(t, k -> new ArrayList<>()).add(
                                new Relationship(List.of(s), List.of(t), r.kind(), r.field(), r.raw(), r.start(), r.end()));
                    } else if (ti && !si) {
                        attached.computeIfAbsent(s, k -> new ArrayList<>()).add(
                                new Relationship(List.of(t), List.of(s), r.kind(), r.field(), r.raw(), r.start(), r.end()));
                    }
                }
            }
        }
        relationships.clear();
    }

    List<Relationship> attachedTo(String recordId) {
        return recordId == null ? List.of() : attached.getOrDefault(recordId, List.of());
    }

    String name(String id) {
        return id == null ? null : names.get(id);
    }

    /** Accounts that never got a platform, from their own node or from a message that used them. */
    int accountsWithoutPlatform() {
        int n = 0;
        for (Entry e : entries.values()) {
            if (e.handle != null && !e.platformFound) {
                n++;
            }
        }
        return n;
    }

    boolean keyMatches() {
        return keyCheck != null && keyCheck.equalsIgnoreCase(ourKeyCheck);
    }

    /**
     * The identifiers a node stands for, its references followed (an e-mail account to its address, an
     * account to its application's name). An account without any platform takes the one given (the
     * application of the message that uses it), else yields nothing and is counted.
     */
    List<Resolved> identifiers(Entry e, String fallbackPlatform, java.util.Set<String> countedOnce) {
        List<Resolved> out = new ArrayList<>(e.identifiers.size() + 1);
        for (int i = 0; i < e.identifiers.size(); i++) {
            out.add(new Resolved(e.identifiers.get(i), e.raws.get(i)));
        }
        if (e.emailRef != null) {
            Entry target = entries.get(e.emailRef);
            if (target != null && target != e && target.emailRef == null) {
                out.addAll(identifiers(target, fallbackPlatform, countedOnce));
            }
        }
        if (e.handle != null) {
            String platform = name(e.appRef);
            platform = platform != null ? platform : name(e.issuerRef);
            platform = platform != null ? platform : e.issuerName;
            platform = platform != null ? platform : fallbackPlatform;
            if (platform != null) {
                e.platformFound = true;
                Identifier acc = account(platform, e.handle, e, countedOnce);
                if (acc != null) {
                    out.add(new Resolved(acc, e.handle));
                }
            }
        }
        if (e.serial != null) {
            String make = e.make != null ? e.make : name(e.makeRef);
            try {
                out.add(new Resolved(Identifiers.device(make, e.model, e.serial), e.serial));
            } catch (InvalidIdentifierException ex) {
                if (countedOnce.add("device:" + e.id)) {
                    sink.reject(e.line, "node " + e.writtenId + ", observable:DeviceFacet: " + ex.getMessage());
                }
            }
        }
        if (e.cardHmac != null && e.cardMasked != null) {
            if (keyMatches()) {
                out.add(new Resolved(new Identifier(IdentifierType.CARD, e.cardHmac, e.cardMasked, true), e.cardMasked));
            } else if (countedOnce.add("card:" + e.id)) {
                cardsOtherKey++;
            }
        }
        return out;
    }

    private Identifier account(String platform, String handle, Entry e, java.util.Set<String> countedOnce) {
        try {
            return Identifiers.account(platform, handle);
        } catch (InvalidIdentifierException first) {
            String plain = platform.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                    .replaceAll("^-+|-+$", "");
            try {
                return Identifiers.account(plain.isEmpty() ? "unknown" : plain, handle);
            } catch (InvalidIdentifierException ex) {
                if (countedOnce.add("account:" + e.id)) {
                    sink.reject(e.line, "node " + e.writtenId + ", observable:AccountFacet: " + ex.getMessage());
                }
                return null;
            }
        }
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? "related" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static int integer(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
