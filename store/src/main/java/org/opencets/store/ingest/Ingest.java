package org.opencets.store.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.opencets.core.correlate.ExactCorrelator;
import org.opencets.core.correlate.Holding;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.media.match.PdqIndex;
import org.opencets.media.pdq.PdqHash;
import org.opencets.store.StoreException;

/**
 * One import's writes, inside the caller's write transaction (which holds the store-wide writer
 * lock, so ids can be allocated here and correlation sees everything committed before).
 *
 * <p>Design: records, mentions and new identifiers are written with JDBC batches of a few thousand
 * rows; an identifier's id is looked up once per import through a bounded cache. Only identifiers
 * that existed before this import can link to another case, so only they are remembered as
 * correlation candidates; at {@link #finish} each candidate's other holdings are read from the
 * {@code identifier_case} summary (one indexed look-up each) and handed to the
 * {@link ExactCorrelator}. Memory is bounded by the batch size, the cache bound and the number of
 * distinct pre-existing identifiers in the import.
 */
public final class Ingest {
    private static final int BATCH = 5_000;
    private static final int CACHE_LIMIT = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection conn;
    private final long caseId;
    private final long importId;
    private final PreparedStatement insertRecord;
    private final PreparedStatement insertMention;
    private final PreparedStatement insertIdentifier;
    private final PreparedStatement findIdentifier;
    private final PreparedStatement upsertHolding;
    private long nextRecordId;
    private long nextIdentifierId;
    private int pending;
    private long records;
    /** Whether this import brought any PDQ hash (only then are near-duplicates looked for). */
    private boolean sawPdq;

    /** Identifier key to {id, flags}; flags bit 0 = existed before this import, bit 1 = common. */
    private final Map<String, long[]> cache = new HashMap<>();
    /** This import's holdings not yet written, by identifier id. */
    private final Map<Long, long[]> holdings = new HashMap<>();
    private final Map<Long, String> holdingRoles = new HashMap<>();
    /** Pre-existing identifiers seen in this import: the correlation candidates. */
    private final Map<Long, Candidate> candidates = new LinkedHashMap<>();
    private long firstRecordId;

    private record Candidate(Identifier identifier, boolean common, long record, String role) {
    }

    public Ingest(Handle handle, long caseId, long importId) {
        this.conn = handle.getConnection();
        this.caseId = caseId;
        this.importId = importId;
        try {
            nextRecordId = maxId("record") + 1;
            nextIdentifierId = maxId("identifier") + 1;
            firstRecordId = nextRecordId;
            insertRecord = conn.prepareStatement(
                    "INSERT INTO record(id, case_id, import_id, kind, line, byte_offset, occurred_at, data) VALUES (?,?,?,?,?,?,?,?)");
            insertMention = conn.prepareStatement(
                    "INSERT INTO mention(record_id, identifier_id, case_id, role, raw, field, start_pos, end_pos) VALUES (?,?,?,?,?,?,?,?)");
            insertIdentifier = conn.prepareStatement(
                    "INSERT INTO identifier(id, type, value, display, correlatable, common) VALUES (?,?,?,?,?,0)");
            findIdentifier = conn.prepareStatement("SELECT id, common FROM identifier WHERE type = ? AND value = ?");
            upsertHolding = conn.prepareStatement("""
                    INSERT INTO identifier_case(identifier_id, case_id, mentions, first_record, first_role) VALUES (?,?,?,?,?)
                    ON CONFLICT (identifier_id, case_id) DO UPDATE SET mentions = identifier_case.mentions + excluded.mentions""");
        } catch (SQLException e) {
            throw new StoreException("cannot prepare the import: " + e.getMessage(), e);
        }
    }

    private long maxId(String table) throws SQLException {
        try (var s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Buffers one record for writing. */
    public void add(ParsedRecord r) {
        try {
            long recordId = nextRecordId++;
            insertRecord.setLong(1, recordId);
            insertRecord.setLong(2, caseId);
            insertRecord.setLong(3, importId);
            insertRecord.setString(4, r.kind().code());
            insertRecord.setLong(5, r.line());
            insertRecord.setLong(6, r.offset());
            insertRecord.setString(7, r.occurredAt());
            insertRecord.setString(8, JSON.writeValueAsString(r.fields()));
            insertRecord.addBatch();
            for (Mention m : r.mentions()) {
                if (m.identifier().type() == IdentifierType.PDQ) {
                    sawPdq = true;
                }
                long identifierId = identifierId(m, recordId);
                insertMention.setLong(1, recordId);
                insertMention.setLong(2, identifierId);
                insertMention.setLong(3, caseId);
                insertMention.setString(4, m.role());
                insertMention.setString(5, m.raw().equals(m.identifier().display()) ? null : m.raw());
                insertMention.setString(6, m.field());
                insertMention.setInt(7, m.start());
                insertMention.setInt(8, m.end());
                insertMention.addBatch();
                long[] h = holdings.get(identifierId);
                if (h == null) {
                    holdings.put(identifierId, new long[] {1, recordId});
                    holdingRoles.put(identifierId, m.role());
                } else {
                    h[0]++;
                }
            }
            records++;
            if (++pending >= BATCH) {
                flush();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot store record at line " + r.line() + ": " + e.getMessage(), e);
        }
    }

    private long identifierId(Mention m, long recordId) throws SQLException {
        Identifier id = m.identifier();
        String key = id.key();
        long[] cached = cache.get(key);
        if (cached == null) {
            if (cache.size() >= CACHE_LIMIT) {
                flush(); // new identifiers must be in the table before the cache forgets them
                cache.clear();
            }
            findIdentifier.setString(1, id.type().code());
            findIdentifier.setString(2, id.value());
            try (ResultSet rs = findIdentifier.executeQuery()) {
                if (rs.next()) {
                    cached = new long[] {rs.getLong(1), 1 | (rs.getInt(2) != 0 ? 2 : 0)};
                } else {
                    cached = new long[] {nextIdentifierId++, 0};
                    insertIdentifier.setLong(1, cached[0]);
                    insertIdentifier.setString(2, id.type().code());
                    insertIdentifier.setString(3, id.value());
                    insertIdentifier.setString(4, id.shareable());
                    insertIdentifier.setInt(5, id.correlatable() ? 1 : 0);
                    insertIdentifier.addBatch();
                    // written before any look-up can miss it: the batch runs at flush, and look-ups of
                    // the same key hit this cache entry until then
                }
            }
            cache.put(key, cached);
        }
        if ((cached[1] & 1) != 0 && !candidates.containsKey(cached[0])) {
            candidates.put(cached[0], new Candidate(id, (cached[1] & 2) != 0, recordId, m.role()));
        }
        return cached[0];
    }

    private void flush() throws SQLException {
        insertIdentifier.executeBatch();
        insertRecord.executeBatch();
        insertMention.executeBatch();
        pending = 0;
        if (holdings.size() >= CACHE_LIMIT / 4) {
            flushHoldings();
        }
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // entries are all written now, so look-ups find them in the table
        }
    }

    private void flushHoldings() throws SQLException {
        for (Map.Entry<Long, long[]> e : holdings.entrySet()) {
            upsertHolding.setLong(1, e.getKey());
            upsertHolding.setLong(2, caseId);
            upsertHolding.setLong(3, e.getValue()[0]);
            upsertHolding.setLong(4, e.getValue()[1]);
            upsertHolding.setString(5, holdingRoles.get(e.getKey()));
            upsertHolding.addBatch();
        }
        upsertHolding.executeBatch();
        holdings.clear();
        holdingRoles.clear();
    }

    /**
     * A link made by this import.
     *
     * @param kind {@code identifier} (the same identifier in both cases) or {@code media} (a PDQ hash
     *             of this import within the near-duplicate threshold of one in the other case)
     */
    public record NewLink(long linkId, Identifier identifier, long otherCase, long otherRecord, String otherRole,
                          long ownRecord, String ownRole, String kind) {
    }

    /** PDQ hashes within this many bits of each other are near-duplicates (PDQ's published default). */
    public static final int PDQ_THRESHOLD = 31;

    /** What the import wrote and linked. */
    public record Result(long records, long identifiers, List<NewLink> links, List<Identifier> becameCommon,
                         Map<ExactCorrelator.Outcome, Integer> outcomes, long correlationMillis) {
    }

    /**
     * Writes what is buffered, correlates the candidates, writes the links. Call once, inside the
     * same transaction.
     */
    public Result finish(ExactCorrelator correlator) {
        try {
            flush();
            flushHoldings();
            long correlationStart = System.nanoTime();
            List<NewLink> links = new ArrayList<>();
            List<Identifier> becameCommon = new ArrayList<>();
            Map<ExactCorrelator.Outcome, Integer> outcomes = new java.util.EnumMap<>(ExactCorrelator.Outcome.class);
            String now = Instant.now().toString();
            try (PreparedStatement others = conn.prepareStatement(
                         "SELECT case_id, mentions, first_record, first_role FROM identifier_case WHERE identifier_id = ? AND case_id <> ?");
                 PreparedStatement markCommon = conn.prepareStatement("UPDATE identifier SET common = 1 WHERE id = ?");
                 PreparedStatement ownCount = conn.prepareStatement(
                         "SELECT mentions FROM identifier_case WHERE identifier_id = ? AND case_id = ?");
                 PreparedStatement insertLink = conn.prepareStatement("""
                         INSERT INTO link(kind, identifier_id, case_a, record_a, role_a, case_b, record_b, role_b,
                                          strength, evidence, import_id, created_at)
                         VALUES ('identifier', ?, ?, ?, ?, ?, ?, ?, 1.0, ?, ?, ?)
                         ON CONFLICT (kind, identifier_id, case_a, case_b) DO NOTHING""", new String[] {"id"})) {
                for (Map.Entry<Long, Candidate> e : candidates.entrySet()) {
                    Candidate c = e.getValue();
                    List<Holding> held = new ArrayList<>();
                    if (c.identifier().correlatable() && !c.common()) {
                        others.setLong(1, e.getKey());
                        others.setLong(2, caseId);
                        try (ResultSet rs = others.executeQuery()) {
                            while (rs.next()) {
                                held.add(new Holding(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                            }
                        }
                    }
                    ExactCorrelator.Decision d = correlator.decide(c.identifier(), c.common(), caseId, held);
                    outcomes.merge(d.outcome(), 1, Integer::sum);
                    if (d.outcome() == ExactCorrelator.Outcome.BECOMES_COMMON) {
                        markCommon.setLong(1, e.getKey());
                        markCommon.executeUpdate();
                        becameCommon.add(c.identifier());
                    }
                    long own = d.linkTo().isEmpty() ? 0 : holdingsCount(ownCount, e.getKey());
                    for (Holding h : d.linkTo()) {
                        boolean otherFirst = h.caseId() < caseId;
                        long caseA = otherFirst ? h.caseId() : caseId;
                        long caseB = otherFirst ? caseId : h.caseId();
                        insertLink.setLong(1, e.getKey());
                        insertLink.setLong(2, caseA);
                        insertLink.setLong(3, otherFirst ? h.firstRecord() : c.record());
                        insertLink.setString(4, otherFirst ? h.firstRole() : c.role());
                        insertLink.setLong(5, caseB);
                        insertLink.setLong(6, otherFirst ? c.record() : h.firstRecord());
                        insertLink.setString(7, otherFirst ? c.role() : h.firstRole());
                        Map<String, Object> evidence = new LinkedHashMap<>();
                        evidence.put("identifier", c.identifier().label());
                        evidence.put("rule", "exact identifier match");
                        evidence.put("mentions_" + caseA, otherFirst ? h.mentions() : own);
                        evidence.put("mentions_" + caseB, otherFirst ? own : h.mentions());
                        insertLink.setString(8, JSON.writeValueAsString(evidence));
                        insertLink.setLong(9, importId);
                        insertLink.setString(10, now);
                        if (insertLink.executeUpdate() == 1) {
                            try (ResultSet keys = insertLink.getGeneratedKeys()) {
                                keys.next();
                                links.add(new NewLink(keys.getLong(1), c.identifier(), h.caseId(), h.firstRecord(),
                                        h.firstRole(), c.record(), c.role(), "identifier"));
                            }
                        }
                    }
                }
            }
            links.addAll(nearDuplicates(correlator.maxCases(), now));
            long correlationMillis = (System.nanoTime() - correlationStart) / 1_000_000;
            long distinct;
            try (PreparedStatement p = conn.prepareStatement(
                    "SELECT COUNT(DISTINCT identifier_id) FROM mention WHERE record_id >= ? AND record_id < ?")) {
                p.setLong(1, firstRecordId);
                p.setLong(2, nextRecordId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    distinct = rs.getLong(1);
                }
            }
            return new Result(records, distinct, links, becameCommon, outcomes, correlationMillis);
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot finish the import: " + e.getMessage(), e);
        }
    }

    /** A PDQ hash held by another case. */
    private record PdqHolding(long identifierId, long caseId, long record, String role) {
    }

    /**
     * Near-duplicate images across cases: each PDQ hash this import brought is compared with every
     * PDQ hash other cases hold (an in-memory multi-index over them, exact as brute force); one
     * within {@link #PDQ_THRESHOLD} bits, but not equal (equal hashes are one identifier and were
     * linked exactly), makes a {@code media} link per pair of cases with the distance as evidence.
     * A hash near-duplicated in more cases than the common-identifier limit links none: it is a
     * widely circulated picture, not a lead.
     */
    private List<NewLink> nearDuplicates(int maxCases, String now) throws SQLException, JsonProcessingException {
        if (!sawPdq) {
            return List.of();
        }
        List<long[]> own = new ArrayList<>();
        List<String> ownHex = new ArrayList<>();
        List<String> ownRole = new ArrayList<>();
        try (PreparedStatement p = conn.prepareStatement("""
                SELECT m.identifier_id, i.value, MIN(m.record_id), MIN(m.role) FROM mention m JOIN identifier i ON i.id = m.identifier_id
                WHERE m.record_id >= ? AND m.record_id < ? AND i.type = 'pdq' AND i.common = 0
                GROUP BY m.identifier_id, i.value""")) {
            p.setLong(1, firstRecordId);
            p.setLong(2, nextRecordId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    own.add(new long[] {rs.getLong(1), rs.getLong(3)});
                    ownHex.add(rs.getString(2));
                    ownRole.add(rs.getString(4));
                }
            }
        }
        if (own.isEmpty()) {
            return List.of();
        }
        List<PdqHash> hashes = new ArrayList<>();
        List<List<PdqHolding>> holders = new ArrayList<>();
        Map<Long, Integer> indexOf = new HashMap<>();
        try (PreparedStatement p = conn.prepareStatement("""
                SELECT i.id, i.value, ic.case_id, ic.first_record, ic.first_role FROM identifier i
                JOIN identifier_case ic ON ic.identifier_id = i.id
                WHERE i.type = 'pdq' AND i.common = 0 AND ic.case_id <> ?""")) {
            p.setLong(1, caseId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Integer k = indexOf.get(id);
                    if (k == null) {
                        k = hashes.size();
                        indexOf.put(id, k);
                        hashes.add(PdqHash.fromHex(rs.getString(2)));
                        holders.add(new ArrayList<>());
                    }
                    holders.get(k).add(new PdqHolding(id, rs.getLong(3), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        if (hashes.isEmpty()) {
            return List.of();
        }
        PdqIndex index = PdqIndex.build(hashes);
        List<NewLink> made = new ArrayList<>();
        try (PreparedStatement insertLink = conn.prepareStatement("""
                INSERT INTO link(kind, identifier_id, case_a, record_a, role_a, case_b, record_b, role_b,
                                 strength, evidence, import_id, created_at)
                VALUES ('media', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (kind, identifier_id, case_a, case_b) DO NOTHING""", new String[] {"id"})) {
            for (int k = 0; k < own.size(); k++) {
                long ownId = own.get(k)[0];
                long ownRecord = own.get(k)[1];
                PdqHash q = PdqHash.fromHex(ownHex.get(k));
                Map<Long, PdqHolding> closest = new LinkedHashMap<>();
                Map<Long, Integer> distance = new HashMap<>();
                for (PdqIndex.Neighbour n : index.query(q, PDQ_THRESHOLD)) {
                    if (n.distance() == 0) {
                        continue;
                    }
                    for (PdqHolding h : holders.get(n.id())) {
                        Integer best = distance.get(h.caseId());
                        if (best == null || n.distance() < best) {
                            distance.put(h.caseId(), n.distance());
                            closest.put(h.caseId(), h);
                        }
                    }
                }
                if (closest.size() > maxCases) {
                    continue;
                }
                Identifier ownIdentifier = Identifier.of(IdentifierType.PDQ, ownHex.get(k), true);
                for (PdqHolding h : closest.values()) {
                    int d = distance.get(h.caseId());
                    boolean otherFirst = h.caseId() < caseId;
                    insertLink.setLong(1, ownId);
                    insertLink.setLong(2, otherFirst ? h.caseId() : caseId);
                    insertLink.setLong(3, otherFirst ? h.record() : ownRecord);
                    insertLink.setString(4, otherFirst ? h.role() : ownRole.get(k));
                    insertLink.setLong(5, otherFirst ? caseId : h.caseId());
                    insertLink.setLong(6, otherFirst ? ownRecord : h.record());
                    insertLink.setString(7, otherFirst ? ownRole.get(k) : h.role());
                    insertLink.setDouble(8, 1.0 - d / (double) PdqHash.BITS);
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("rule", "PDQ near-duplicate image");
                    evidence.put("distance", d);
                    evidence.put("threshold", PDQ_THRESHOLD);
                    insertLink.setString(9, JSON.writeValueAsString(evidence));
                    insertLink.setLong(10, importId);
                    insertLink.setString(11, now);
                    if (insertLink.executeUpdate() == 1) {
                        try (ResultSet keys = insertLink.getGeneratedKeys()) {
                            keys.next();
                            made.add(new NewLink(keys.getLong(1), ownIdentifier, h.caseId(), h.record(), h.role(), ownRecord,
                                    ownRole.get(k), "media"));
                        }
                    }
                }
            }
        }
        return made;
    }

    /** How often this case mentions the identifier, counting this import (its holdings are written by now). */
    private long holdingsCount(PreparedStatement ownCount, long identifierId) throws SQLException {
        ownCount.setLong(1, identifierId);
        ownCount.setLong(2, caseId);
        try (ResultSet rs = ownCount.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    public long records() {
        return records;
    }
}
