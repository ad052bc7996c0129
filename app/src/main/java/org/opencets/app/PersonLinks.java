package org.opencets.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Stoplist;
import org.opencets.core.resolve.AttributeWeight;
import org.opencets.core.resolve.Judgement;
import org.opencets.core.resolve.PairExplanation;
import org.opencets.core.resolve.PersonAttribute;
import org.opencets.core.resolve.PersonRecord;
import org.opencets.core.resolve.PersonResolver;
import org.opencets.core.resolve.Resolution;
import org.opencets.core.resolve.ScoredPair;
import org.opencets.store.ingest.StoredMention;

/**
 * Person resolution over the store: the same person written differently in several cases becomes a
 * person link between those cases, seen through {@code cets links} and alerts like an identifier
 * link, under the same need-to-know rules.
 *
 * <p>A run loads every person-bearing record (one with a surname and at least one more fact: a given
 * name, a birth date, an address or a strong identifier), the strong identifiers each uses (e-mail,
 * phone, card hash — never a stoplisted or common one) and every stored judgement, and resolves
 * them all together with {@link PersonResolver}. For each person found in several cases it keeps one
 * link per pair of cases: an active link whose two records are still one person stays; otherwise
 * the best-scoring pair of records across the two cases becomes a new link, which alerts both
 * cases. An active person link whose records the run no longer puts in one person is withdrawn (and
 * both cases told): links are never silently deleted, because alerts already named them.
 *
 * <p>Link evidence holds the comparison levels and weights (e.g. {@code surname: exact, +7.9}),
 * never the attribute values: a user entitled to both cases reads the values with
 * {@code cets resolve explain}.
 */
final class PersonLinks {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Record fields read as each attribute, first present wins. */
    private static final Map<PersonAttribute, List<String>> FIELDS = new EnumMap<>(Map.of(
            PersonAttribute.GIVEN_NAME, List.of("given_name", "first_name", "forename", "cardholder_given_name"),
            PersonAttribute.SURNAME, List.of("surname", "last_name", "family_name", "cardholder_surname"),
            PersonAttribute.DATE_OF_BIRTH, List.of("dob", "date_of_birth", "birth_date"),
            PersonAttribute.STREET_NUMBER, List.of("street_number"),
            PersonAttribute.ADDRESS_LINE_1, List.of("address_1", "address", "street", "billing_address"),
            PersonAttribute.ADDRESS_LINE_2, List.of("address_2"),
            PersonAttribute.LOCALITY, List.of("city", "suburb", "town", "locality", "billing_city"),
            PersonAttribute.POSTCODE, List.of("postcode", "zip", "postal_code", "billing_postcode"),
            PersonAttribute.STATE, List.of("state", "region", "province"),
            PersonAttribute.NATIONAL_ID, List.of("national_id", "soc_sec_id")));

    /** Fields holding a whole name, split into given name and surname when those are absent. */
    private static final List<String> FULL_NAME_FIELDS = List.of("cardholder_name", "full_name", "name", "subject_name",
            "display_name");

    private static final Set<String> STRONG_TYPES = Set.of(IdentifierType.EMAIL.code(), IdentifierType.PHONE.code(),
            IdentifierType.CARD.code());

    private PersonLinks() {
    }

    /** A person-bearing record as loaded from the store. */
    record Loaded(long id, long caseId, String kind, Map<PersonAttribute, String> attributes) {
    }

    /** Loads every person-bearing record, with its strong identifiers, for resolution. */
    static Map<Long, PersonRecord> load(Handle h, Stoplist stoplist, Map<Long, Loaded> meta) {
        Map<Long, PersonRecord> out = new LinkedHashMap<>();
        // the identifier ids each record with a surname mentions (from its stored mentions)
        Map<Long, long[]> mentioned = new HashMap<>();
        h.createQuery("SELECT id, case_id, kind, data, mentions FROM record WHERE kind NOT IN ('media', 'event') ORDER BY id")
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    Map<String, Object> data;
                    try {
                        data = JSON.readValue(rs.getString("data"), new TypeReference<LinkedHashMap<String, Object>>() { });
                    } catch (JsonProcessingException e) {
                        return null;
                    }
                    Map<PersonAttribute, String> attributes = attributes(data);
                    if (!attributes.containsKey(PersonAttribute.SURNAME)) {
                        return null;
                    }
                    long[] ids = StoredMention.decode(rs.getLong("id"), rs.getString("mentions")).stream()
                            .mapToLong(StoredMention::identifierId).distinct().toArray();
                    if (ids.length > 0) {
                        mentioned.put(rs.getLong("id"), ids);
                    }
                    return new Loaded(rs.getLong("id"), rs.getLong("case_id"), rs.getString("kind"), attributes);
                })
                .forEach(l -> {
                    if (l != null) {
                        meta.put(l.id(), l);
                    }
                });
        // the strong ones among them: one pass over the strong identifiers, kept when some record names them
        long[] wanted = mentioned.values().stream().flatMapToLong(java.util.Arrays::stream).sorted().distinct().toArray();
        Map<Long, String> strongKey = new HashMap<>();
        h.createQuery("""
                        SELECT id, type, value, display FROM identifier
                        WHERE type IN ('email', 'phone', 'card') AND correlatable = 1 AND common = 0""")
                .setFetchSize(10_000)
                .map((rs, ctx) -> {
                    long id = rs.getLong(1);
                    if (java.util.Arrays.binarySearch(wanted, id) < 0 || !STRONG_TYPES.contains(rs.getString(2))) {
                        return null;
                    }
                    Identifier identifier = new Identifier(IdentifierType.fromCode(rs.getString(2)), rs.getString(3),
                            rs.getString(4), true);
                    return stoplist.isStopped(identifier) ? null : Map.entry(id, identifier.key());
                })
                .forEach(e -> {
                    if (e != null) {
                        strongKey.put(e.getKey(), e.getValue());
                    }
                });
        Map<Long, Set<String>> strong = new HashMap<>();
        mentioned.forEach((record, ids) -> {
            for (long id : ids) {
                String key = strongKey.get(id);
                if (key != null) {
                    strong.computeIfAbsent(record, k -> new HashSet<>()).add(key);
                }
            }
        });
        for (Loaded l : meta.values()) {
            Set<String> ids = strong.getOrDefault(l.id(), Set.of());
            if (l.attributes().size() >= 2 || !ids.isEmpty()) {
                out.put(l.id(), new PersonRecord(Long.toString(l.id()), l.attributes(), ids));
            }
        }
        meta.keySet().retainAll(out.keySet());
        return out;
    }

    /** One resolution over the whole store: the records resolved, their cases and kinds, and the result. */
    record Run(Map<Long, Loaded> meta, int records, int judgements, Resolution resolution) {
    }

    /** Loads every person-bearing record and every judgement, and resolves them together. */
    static Run resolveStore(org.opencets.store.sql.Database db, Stoplist stoplist) {
        Map<Long, Loaded> meta = new HashMap<>();
        Map<Long, PersonRecord> records = new LinkedHashMap<>();
        List<Judgement> judgements = new ArrayList<>();
        db.read(h -> {
            records.putAll(load(h, stoplist, meta));
            judgements.addAll(judgements(h));
            return null;
        });
        Resolution r = PersonResolver.withDefaults().dedupe(new ArrayList<>(records.values()), judgements);
        return new Run(meta, records.size(), judgements.size(), r);
    }

    static Map<PersonAttribute, String> attributes(Map<String, Object> record) {
        Map<String, Object> data = record;
        // a tip (tip-json) names its subjects in reported_persons; one subject is this record's person
        if (record.get("reported_persons") instanceof List<?> persons && persons.size() == 1
                && persons.get(0) instanceof Map<?, ?> person) {
            data = new LinkedHashMap<>(record);
            for (Map.Entry<?, ?> e : person.entrySet()) {
                data.putIfAbsent(String.valueOf(e.getKey()), e.getValue());
            }
        }
        Map<PersonAttribute, String> a = new EnumMap<>(PersonAttribute.class);
        for (Map.Entry<PersonAttribute, List<String>> e : FIELDS.entrySet()) {
            for (String f : e.getValue()) {
                Object v = data.get(f);
                if (v instanceof String s && !s.isBlank()) {
                    a.put(e.getKey(), s.trim());
                    break;
                }
            }
        }
        if (!a.containsKey(PersonAttribute.SURNAME)) {
            for (String f : FULL_NAME_FIELDS) {
                if (data.get(f) instanceof String s && !s.isBlank()) {
                    splitName(s.trim(), a);
                    break;
                }
            }
        }
        return a;
    }

    /** "John Q Smith" → given "John Q", surname "Smith"; "SMITH, John" → given "John", surname "SMITH". */
    static void splitName(String full, Map<PersonAttribute, String> into) {
        int comma = full.indexOf(',');
        if (comma > 0) {
            into.put(PersonAttribute.SURNAME, full.substring(0, comma).trim());
            String given = full.substring(comma + 1).trim();
            if (!given.isEmpty()) {
                into.putIfAbsent(PersonAttribute.GIVEN_NAME, given);
            }
            return;
        }
        int space = full.lastIndexOf(' ');
        if (space < 0) {
            return; // one word is not enough to tell a surname
        }
        into.put(PersonAttribute.SURNAME, full.substring(space + 1));
        into.putIfAbsent(PersonAttribute.GIVEN_NAME, full.substring(0, space).trim());
    }

    static List<Judgement> judgements(Handle h) {
        return h.createQuery("SELECT record_a, record_b, verdict FROM judgement ORDER BY id")
                .map((rs, ctx) -> new Judgement(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)),
                        verdict(rs.getString(3))))
                .list();
    }

    static Judgement.Verdict verdict(String code) {
        return switch (code) {
            case "same_person" -> Judgement.Verdict.SAME_PERSON;
            case "different_persons" -> Judgement.Verdict.DIFFERENT_PERSONS;
            default -> throw new IllegalStateException("unknown verdict in the store: " + code);
        };
    }

    static String code(Judgement.Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }

    /** The role a record plays in a person link, by its kind. */
    static String role(String kind) {
        return switch (kind) {
            case "arrest" -> "arrestee";
            case "transaction" -> "cardholder";
            case "tip" -> "tip_subject";
            case "message" -> "account_holder";
            default -> kind + "_subject";
        };
    }

    /** An active person link as stored. */
    private record Existing(long id, long caseA, long recordA, long caseB, long recordB) {
    }

    /** What applying one run to the store changed. */
    record Applied(int personsAcrossCases, int added, int kept, int withdrawn, int alerts, int skippedOverMaxCases) {
    }

    /**
     * Writes the run's person links: keeps those still supported, adds new ones with alerts,
     * withdraws the rest with alerts. Call inside the write transaction.
     */
    static Applied apply(Handle h, Resolution r, Map<Long, Loaded> meta, int maxCases, String now) {
        Map<String, String> personOf = new HashMap<>();
        for (Map.Entry<String, List<String>> p : r.persons().entrySet()) {
            for (String id : p.getValue()) {
                personOf.put(id, p.getKey());
            }
        }
        // best direct match between each pair of records' cases, per person
        Map<String, ScoredPair> best = new HashMap<>();
        for (ScoredPair sp : r.matches()) {
            String person = personOf.get(sp.firstId());
            if (person == null || !person.equals(personOf.get(sp.secondId()))) {
                continue;
            }
            long ca = meta.get(Long.parseLong(sp.firstId())).caseId();
            long cb = meta.get(Long.parseLong(sp.secondId())).caseId();
            if (ca == cb) {
                continue;
            }
            String key = person + ":" + Math.min(ca, cb) + ":" + Math.max(ca, cb);
            ScoredPair old = best.get(key);
            if (old == null || rank(sp) > rank(old)) {
                best.put(key, sp);
            }
        }
        List<Existing> existing = h.createQuery("""
                        SELECT id, case_a, record_a, case_b, record_b FROM link
                        WHERE kind = 'person' AND withdrawn_at IS NULL ORDER BY id""")
                .map((rs, ctx) -> new Existing(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
        Set<String> covered = new HashSet<>();
        int kept = 0;
        int withdrawn = 0;
        int alerts = 0;
        for (Existing e : existing) {
            String pa = personOf.get(Long.toString(e.recordA()));
            String pb = personOf.get(Long.toString(e.recordB()));
            if (pa != null && pa.equals(pb)) {
                String key = pa + ":" + e.caseA() + ":" + e.caseB();
                if (covered.add(key)) {
                    PairExplanation x = r.explain(Long.toString(e.recordA()), Long.toString(e.recordB()));
                    h.execute("UPDATE link SET strength = ?, evidence = ?, judgement = ? WHERE id = ?",
                            x.probability(), evidence(x, sourceOf(x)), x.judgement() == null ? null : code(x.judgement()), e.id());
                    kept++;
                    continue;
                }
            }
            h.execute("UPDATE link SET withdrawn_at = ? WHERE id = ?", now, e.id());
            String why = "a person link between this case and another was withdrawn: the latest resolution run "
                    + (pa == null || pb == null ? "no longer holds one of its records as a person"
                    : "no longer finds its two records to be one person") + " (person link #" + e.id() + ")";
            alerts += alertBoth(h, e.caseA(), e.caseB(), e.id(), now, why);
            withdrawn++;
        }
        int across = 0;
        int added = 0;
        int skipped = 0;
        for (Map.Entry<String, List<String>> p : r.persons().entrySet()) {
            Map<Long, List<String>> byCase = new LinkedHashMap<>();
            for (String id : p.getValue()) {
                byCase.computeIfAbsent(meta.get(Long.parseLong(id)).caseId(), k -> new ArrayList<>()).add(id);
            }
            if (byCase.size() < 2) {
                continue;
            }
            across++;
            if (byCase.size() > maxCases) {
                skipped++; // a "person" in more cases than an identifier may be is an over-merge, not a lead
                continue;
            }
            List<Long> cases = new ArrayList<>(byCase.keySet());
            cases.sort(null);
            for (int i = 0; i < cases.size(); i++) {
                for (int j = i + 1; j < cases.size(); j++) {
                    long ca = cases.get(i);
                    long cb = cases.get(j);
                    String key = p.getKey() + ":" + ca + ":" + cb;
                    if (!covered.add(key)) {
                        continue;
                    }
                    ScoredPair sp = best.get(key);
                    String ra = byCase.get(ca).get(0);
                    String rb = byCase.get(cb).get(0);
                    if (sp != null) {
                        boolean firstInA = meta.get(Long.parseLong(sp.firstId())).caseId() == ca;
                        ra = firstInA ? sp.firstId() : sp.secondId();
                        rb = firstInA ? sp.secondId() : sp.firstId();
                    }
                    PairExplanation x = r.explain(ra, rb);
                    Loaded la = meta.get(Long.parseLong(ra));
                    Loaded lb = meta.get(Long.parseLong(rb));
                    long linkId = h.createUpdate("""
                                    INSERT INTO link(kind, identifier_id, case_a, record_a, role_a, case_b, record_b, role_b,
                                                     strength, evidence, import_id, created_at, judgement)
                                    VALUES ('person', NULL, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)""")
                            .bind(0, ca).bind(1, la.id()).bind(2, role(la.kind()))
                            .bind(3, cb).bind(4, lb.id()).bind(5, role(lb.kind()))
                            .bind(6, x.probability()).bind(7, evidence(x, sourceOf(x))).bind(8, now)
                            .bind(9, x.judgement() == null ? null : code(x.judgement()))
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                    // each side is told of its own record only: the other case may not be readable by its
                    // users, now or after a change of sharing, and an alert's text is stored as written
                    String probability = String.format(Locale.ROOT, "%.3f", x.probability());
                    insertAlert(h, ca, cb, linkId, now, newLinkMessage(role(la.kind()), la.id(), probability, linkId));
                    insertAlert(h, cb, ca, linkId, now, newLinkMessage(role(lb.kind()), lb.id(), probability, linkId));
                    alerts += 2;
                    added++;
                }
            }
        }
        return new Applied(across, added, kept, withdrawn, alerts, skipped);
    }

    private static double rank(ScoredPair sp) {
        return sp.source() == ScoredPair.Source.INVESTIGATOR ? Double.MAX_VALUE : sp.matchWeight();
    }

    private static String sourceOf(PairExplanation x) {
        if (x.judgement() == Judgement.Verdict.SAME_PERSON) {
            return "investigator";
        }
        return x.candidate() && x.probability() >= 0.5 ? "model" : "model, through other records of the same person";
    }

    /** One alert, to both cases: the message must say nothing of either case's content. */
    static int alertBoth(Handle h, long caseA, long caseB, long linkId, String now, String message) {
        insertAlert(h, caseA, caseB, linkId, now, message);
        insertAlert(h, caseB, caseA, linkId, now, message);
        return 2;
    }

    private static void insertAlert(Handle h, long caseId, long otherCase, long linkId, String now, String message) {
        h.execute("INSERT INTO alert(case_id, other_case_id, link_id, import_id, created_at, message) VALUES (?, ?, ?, NULL, ?, ?)",
                caseId, otherCase, linkId, now, message);
    }

    /** What a new person link tells one of its cases: that case's own record and role, nothing of the other's. */
    static String newLinkMessage(String ownRole, long ownRecord, String probability, long linkId) {
        return "possibly the same person in another case: " + withArticle(ownRole.replace('_', ' ')) + " in this case (record "
                + ownRecord + ") matches a record there (probability " + probability + ", person link #" + linkId + ")";
    }

    /**
     * Versions before session 6 stored one message for both sides, naming both roles:
     * "possibly the same person: a arrestee in one case and a cardholder in the other (probability
     * 0.987)". Read back, such a message would tell a user the role of a record in a case they may
     * not read; it is shown instead as {@link #newLinkMessage} would have written it for the
     * reader's case, from the link's own side.
     */
    private static final java.util.regex.Pattern EARLIER_NEW_LINK = java.util.regex.Pattern.compile(
            "possibly the same person: an? \\S+ in one case and an? \\S+ in the other \\(probability ([0-9.]+)\\)");

    /** The message as it should be shown to the readers of {@code caseId}, for one stored by an earlier version. */
    static String shownMessage(String stored, long caseId, StoredLink link) {
        if (link == null || !link.kind().equals("person")) {
            return stored;
        }
        java.util.regex.Matcher m = EARLIER_NEW_LINK.matcher(stored);
        if (!m.matches()) {
            return stored;
        }
        boolean sideA = link.caseA() == caseId;
        return newLinkMessage(sideA ? link.roleA() : link.roleB(), sideA ? link.recordA() : link.recordB(), m.group(1), link.id());
    }

    /** "an arrestee", "a cardholder": the article a generated phrase needs before a word. */
    static String withArticle(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }

    /** Link evidence: levels and weights, never the values compared. */
    static String evidence(PairExplanation x, String source) {
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("rule", "person resolution");
        ev.put("source", source);
        ev.put("probability", round(x.probability()));
        ev.put("match_weight", round(x.matchWeight()));
        List<Map<String, Object>> parts = new ArrayList<>();
        for (AttributeWeight w : x.contributions()) {
            if ("missing".equals(w.level())) {
                continue;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("comparison", w.comparison());
            p.put("level", w.level());
            p.put("weight", round(w.weight()));
            parts.add(p);
        }
        ev.put("comparisons", parts);
        try {
            return JSON.writeValueAsString(ev);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static String now() {
        return Instant.now().toString();
    }

    /** A link as stored, with its records and roles: for the app's rules, never shown as it is. */
    record StoredLink(long id, String kind, long caseA, long recordA, String roleA, long caseB, long recordB, String roleB,
                      String withdrawnAt) {
        boolean active() {
            return withdrawnAt == null;
        }
    }

    private static final String STORED_LINK = "SELECT id, kind, case_a, record_a, role_a, case_b, record_b, role_b, withdrawn_at FROM link";

    private static StoredLink storedLink(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoredLink(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
                rs.getLong(7), rs.getString(8), rs.getString(9));
    }

    /** A link by id, or empty. */
    static java.util.Optional<StoredLink> link(Handle h, long id) {
        return h.createQuery(STORED_LINK + " WHERE id = ?").bind(0, id).map((rs, ctx) -> storedLink(rs)).findOne();
    }

    /** The person links, active or withdrawn, on exactly these two records, oldest first. */
    static List<StoredLink> linksOnPair(Handle h, long recordA, long recordB) {
        return h.createQuery(STORED_LINK + " WHERE kind = 'person' AND ((record_a = ? AND record_b = ?) OR (record_a = ? AND record_b = ?))"
                        + " ORDER BY id")
                .bind(0, recordA).bind(1, recordB).bind(2, recordB).bind(3, recordA)
                .map((rs, ctx) -> storedLink(rs)).list();
    }

    /** The case of a stored record, or empty. */
    static java.util.Optional<Long> caseOf(Handle h, long recordId) {
        return h.createQuery("SELECT case_id FROM record WHERE id = ?").bind(0, recordId).mapTo(Long.class).findOne();
    }
}
