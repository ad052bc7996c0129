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
 * <p>Design: records are buffered in chunks of {@value #CHUNK} and each chunk is written in the
 * order that keeps SQLite's B-trees cheap (measured: a row whose index key lands at a random place
 * costs three to four times one appended at the end, and every row costs about a microsecond):
 * <ol>
 *   <li>the chunk's identifiers not yet known to this import are sorted by type and value and
 *       inserted with fresh ids ({@code ON CONFLICT DO NOTHING}, one B-tree descent each whether the
 *       identifier is new or not); the fresh-id range read back tells which were new, and only the
 *       others are looked up, in the same sorted order, up to 500 of one type per query (one round
 *       trip for many on PostgreSQL);</li>
 *   <li>records are appended in file order, each with its mentions in its own {@code mentions}
 *       column ({@link StoredMention}): no row and no index entry per mention;</li>
 *   <li>the chunk's per-case identifier summaries ({@code identifier_case}: count, first record,
 *       roles, spellings) are written, sorted by identifier.</li>
 * </ol>
 * An identifier's id is remembered for the rest of the import through a bounded cache. Only
 * identifiers that existed before this import can link to another case, so only they are kept as
 * correlation candidates; at {@link #finish} each candidate's other holdings are read from the
 * {@code identifier_case} summary (one indexed look-up each) and handed to the
 * {@link ExactCorrelator}. Memory is bounded by the chunk size, the cache bound, the number of
 * distinct pre-existing identifiers in the import, its distinct PDQ hashes (kept for the
 * near-duplicate search) and one bit per identifier it made.
 */
public final class Ingest {
    /** Records per chunk. */
    static final int CHUNK = 20_000;
    /** Rows per JDBC batch of links. */
    private static final int BATCH = 5_000;
    /** A chunk is also written once its records' serialised fields pass this many characters. */
    static final long CHUNK_CHARS = 32L << 20;
    /** Identifiers whose ids are remembered between chunks; past it the memory is dropped and refilled. */
    static final int CACHE_LIMIT = 500_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPE_CODES = java.util.Arrays.stream(IdentifierType.values())
            .map(IdentifierType::code).toArray(String[]::new);

    private final Connection conn;
    private final int chunkSize;
    private final long chunkCharsLimit;
    /** Chunks written so far (tests check the bounds with it). */
    int chunksWritten;
    private final int cacheLimit;
    private final long caseId;
    private final long importId;
    private final PreparedStatement insertRecord;
    private final PreparedStatement insertIdentifier;
    private final PreparedStatement findIdentifiers;
    private final PreparedStatement freshIds;
    private final PreparedStatement insertHolding;
    private final PreparedStatement readHoldings;
    private final PreparedStatement updateHolding;
    private long nextRecordId;
    private long nextIdentifierId;
    /** The first identifier id this import may allocate: ids from here on were made by this import. */
    private final long firstIdentifierId;
    /** Identifiers this import added to the store. */
    private long newIdentifiers;
    private long records;
    /** This import's PDQ hashes by identifier id, for near-duplicates. */
    private final Map<Long, PdqSeen> pdqSeen = new HashMap<>();

    /** The chunk being gathered, in file order. */
    private final List<Prepared> chunk;
    private long chunkChars;

    /** Identifier key to {id, flags}; flags bit 0 = existed before this import, bit 1 = common. */
    private final Map<Key, long[]> cache = new HashMap<>();
    /** This import's holdings not yet written, by identifier id. */
    private final Map<Long, Tally> holdings = new HashMap<>();
    /** Identifiers whose summary for this case this import has written already, by id. */
    private final java.util.BitSet heldEarlier = new java.util.BitSet();
    /**
     * Whether the case held records before this import. When it did not, it held no summaries
     * either, so only those this import wrote itself need reading before they are added to.
     */
    private final boolean caseHadRecords;
    /** Pre-existing identifiers seen in this import: the correlation candidates. */
    private final Map<Long, Candidate> candidates = new LinkedHashMap<>();

    private record Candidate(Identifier identifier, boolean common, long record, String role) {
    }

    /** What identifies an identifier in the store: its type and canonical value. */
    public record Key(IdentifierType type, String value) {
        static Key of(Identifier id) {
            return new Key(id.type(), id.value());
        }
    }

    /**
     * A record made ready for writing: its fields serialised and its identifiers keyed. Made by
     * {@link #prepare} on any thread (the import's reader thread), so that work runs beside the
     * writes. It keeps what the store needs and drops the parsed field map, so a chunk waiting to be
     * written holds about half the memory the parsed records did.
     */
    public record Prepared(String kind, long line, long offset, String occurredAt, String json, List<Mention> mentions,
                           Key[] keys, String[] tails) {
        public Prepared {
            if (keys.length != mentions.size() || tails.length != mentions.size()) {
                throw new IllegalArgumentException("one key and one tail per mention: " + keys.length + " keys, " + tails.length
                        + " tails, " + mentions.size() + " mentions");
            }
        }
    }

    /** Prepares a record for {@link #add}; safe to call on any thread. */
    public static Prepared prepare(ParsedRecord r) {
        String json;
        try {
            json = JSON.writeValueAsString(r.fields());
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot store the record at line " + r.line() + ": " + e.getMessage(), e);
        }
        List<Mention> mentions = r.mentions();
        Key[] keys = new Key[mentions.size()];
        String[] tails = new String[mentions.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Key.of(mentions.get(i).identifier());
            tails[i] = StoredMention.tail(mentions.get(i));
        }
        return new Prepared(r.kind().code(), r.line(), r.offset(), r.occurredAt(), json, mentions, keys, tails);
    }

    public Ingest(Handle handle, long caseId, long importId) {
        this(handle, caseId, importId, CHUNK, CHUNK_CHARS, CACHE_LIMIT);
    }

    /** With a chunk size and cache bound of the caller's (tests use tiny ones to cross every boundary). */
    Ingest(Handle handle, long caseId, long importId, int chunkSize, int cacheLimit) {
        this(handle, caseId, importId, chunkSize, CHUNK_CHARS, cacheLimit);
    }

    /** With a chunk size, a bound on a chunk's serialised characters and a cache bound of the caller's. */
    Ingest(Handle handle, long caseId, long importId, int chunkSize, long chunkCharsLimit, int cacheLimit) {
        if (chunkSize < 1 || chunkCharsLimit < 1 || cacheLimit < 1) {
            throw new IllegalArgumentException("chunk size and cache limit must be positive");
        }
        this.conn = handle.getConnection();
        this.chunkSize = chunkSize;
        this.chunkCharsLimit = chunkCharsLimit;
        this.cacheLimit = cacheLimit;
        this.chunk = new ArrayList<>(Math.min(chunkSize, CHUNK));
        this.caseId = caseId;
        this.importId = importId;
        try {
            nextRecordId = maxId("record") + 1;
            nextIdentifierId = maxId("identifier") + 1;
            firstIdentifierId = nextIdentifierId;
            try (PreparedStatement any = conn.prepareStatement("SELECT 1 FROM record WHERE case_id = ? LIMIT 1")) {
                any.setLong(1, caseId);
                try (ResultSet rs = any.executeQuery()) {
                    caseHadRecords = rs.next();
                }
            }
            insertRecord = conn.prepareStatement("""
                    INSERT INTO record(id, case_id, import_id, kind, line, byte_offset, occurred_at, data, mentions)
                    VALUES (?,?,?,?,?,?,?,?,?)""");
            insertIdentifier = conn.prepareStatement("""
                    INSERT INTO identifier(id, type, value, display, correlatable, common) VALUES (?,?,?,?,?,0)
                    ON CONFLICT (type, value) DO NOTHING""");
            findIdentifiers = conn.prepareStatement(findIdentifiersSql(READ_BATCH));
            freshIds = conn.prepareStatement("SELECT id FROM identifier WHERE id >= ? AND id < ?");
            insertHolding = conn.prepareStatement("""
                    INSERT INTO identifier_case(identifier_id, case_id, mentions, first_record, first_role, roles, spellings)
                    VALUES (?,?,?,?,?,?,?)""");
            readHoldings = conn.prepareStatement(readHoldingsSql(READ_BATCH));
            updateHolding = conn.prepareStatement(
                    "UPDATE identifier_case SET mentions = ?, roles = ?, spellings = ? WHERE identifier_id = ? AND case_id = ?");
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
        add(prepare(r));
    }

    /** Buffers one prepared record for writing. */
    public void add(Prepared p) {
        chunk.add(p);
        chunkChars += p.json().length();
        records++;
        if (chunk.size() >= chunkSize || chunkChars >= chunkCharsLimit) {
            flushChunk();
        }
    }

    /** Writes the gathered chunk; a failure names the lines it held. */
    private void flushChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        long first = chunk.get(0).line();
        long last = chunk.get(chunk.size() - 1).line();
        try {
            flush();
        } catch (SQLException e) {
            throw new StoreException("cannot store the records of lines " + first + "-" + last + ": " + e.getMessage(), e);
        }
    }

    /** Writes the gathered chunk: identifiers, then records with their mentions, then summaries (see the class comment). */
    private void flush() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        chunksWritten++;
        if (cache.size() >= cacheLimit) {
            cache.clear(); // every cached identifier is in the table by now, so look-ups find it again
        }
        resolveIdentifiers();

        long recordId = nextRecordId;
        for (Prepared p : chunk) {
            List<Mention> recordMentions = p.mentions();
            long[] ids = new long[recordMentions.size()];
            for (int j = 0; j < ids.length; j++) {
                Mention m = recordMentions.get(j);
                long[] cached = cache.get(p.keys()[j]);
                long identifierId = cached[0];
                ids[j] = identifierId;
                if ((cached[1] & 1) != 0 && !candidates.containsKey(identifierId)) {
                    candidates.put(identifierId, new Candidate(m.identifier(), (cached[1] & 2) != 0, recordId, m.role()));
                }
                String spelling = StoredMention.spelling(m);
                Tally t = holdings.get(identifierId);
                if (t == null) {
                    holdings.put(identifierId, new Tally(recordId, m.role(), spelling));
                } else {
                    t.add(m.role(), spelling);
                }
                if (m.identifier().type() == IdentifierType.PDQ) {
                    PdqSeen seen = pdqSeen.get(identifierId);
                    if (seen == null) {
                        pdqSeen.put(identifierId, new PdqSeen(m.identifier().value(), recordId, m.role()));
                    } else if (BY_CODE_POINT.compare(m.role(), seen.role) < 0) {
                        seen.role = m.role();
                    }
                }
            }
            insertRecord.setLong(1, recordId++);
            insertRecord.setLong(2, caseId);
            insertRecord.setLong(3, importId);
            insertRecord.setString(4, p.kind());
            insertRecord.setLong(5, p.line());
            insertRecord.setLong(6, p.offset());
            insertRecord.setString(7, p.occurredAt());
            insertRecord.setString(8, p.json());
            insertRecord.setString(9, StoredMention.encode(ids, p.tails()));
            insertRecord.addBatch();
        }
        insertRecord.executeBatch();
        nextRecordId = recordId;
        chunk.clear();
        chunkChars = 0;
        flushHoldings();
    }

    /** A PDQ hash of this import: its first record, and the smallest role it had. */
    private static final class PdqSeen {
        final String hex;
        final long record;
        String role;

        PdqSeen(String hex, long record, String role) {
            this.hex = hex;
            this.record = record;
            this.role = role;
        }
    }

    /**
     * One identifier's mentions in this case within the chunk: how many, the first, the distinct roles
     * and the distinct spellings other than its display (at most {@link #SPELLINGS} of them, the
     * smallest, as look-up shows them).
     */
    static final class Tally {
        /** Spellings kept per identifier and case. */
        static final int SPELLINGS = 20;
        long mentions;
        final long firstRecord;
        final String firstRole;
        /** Null while the only role is the first one. */
        java.util.TreeSet<String> roles;
        /** Null while there is none. */
        java.util.TreeSet<String> spellings;

        Tally(long firstRecord, String firstRole, String spelling) {
            this.mentions = 1;
            this.firstRecord = firstRecord;
            this.firstRole = firstRole;
            addSpelling(spelling);
        }

        void add(String role, String spelling) {
            mentions++;
            addRole(role);
            addSpelling(spelling);
        }

        void addRole(String role) {
            if (roles == null) {
                if (role.equals(firstRole)) {
                    return;
                }
                roles = new java.util.TreeSet<>(BY_CODE_POINT);
                roles.add(firstRole);
            }
            roles.add(role);
        }

        void addSpelling(String spelling) {
            if (spelling == null) {
                return;
            }
            if (spellings == null) {
                spellings = new java.util.TreeSet<>(BY_CODE_POINT);
            }
            spellings.add(spelling);
            if (spellings.size() > SPELLINGS) {
                spellings.pollLast();
            }
        }

        /** Adds what a summary already stored holds (its count, roles and spellings). */
        void merge(long storedMentions, List<String> storedRoles, List<String> storedSpellings) {
            mentions += storedMentions;
            for (String r : storedRoles) {
                addRole(r);
            }
            for (String sp : storedSpellings) {
                addSpelling(sp);
            }
        }

        String rolesJson() {
            return roles == null ? jsonArray(List.of(firstRole)) : jsonArray(roles);
        }

        String spellingsJson() {
            return spellings == null ? null : jsonArray(spellings);
        }
    }

    /**
     * Strings in code-point order: the order of SQLite's BINARY collation and PostgreSQL's
     * {@code COLLATE "C"} on UTF-8 text (Java's own order differs for characters beyond U+FFFF),
     * so that roles, spellings and the spelling cap agree with what migration V4 wrote.
     */
    static final java.util.Comparator<String> BY_CODE_POINT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    static String jsonArray(Iterable<String> values) {
        StringBuilder b = new StringBuilder().append('[');
        for (String v : values) {
            if (b.length() > 1) {
                b.append(',');
            }
            StoredMention.quote(b, v);
        }
        return b.append(']').toString();
    }

    private static int byTypeThenValue(Identifier a, Identifier b) {
        int c = Integer.compare(a.type().ordinal(), b.type().ordinal());
        return c != 0 ? c : a.value().compareTo(b.value());
    }

    /**
     * Gives every identifier of the chunk an id in {@link #cache}: new ones are inserted, sorted by
     * type and value, with fresh ids; those that turn out to exist already are looked up.
     */
    private void resolveIdentifiers() throws SQLException {
        Map<Key, Identifier> unknown = new HashMap<>();
        for (Prepared p : chunk) {
            List<Mention> recordMentions = p.mentions();
            for (int j = 0; j < recordMentions.size(); j++) {
                Key key = p.keys()[j];
                if (!cache.containsKey(key)) {
                    unknown.putIfAbsent(key, recordMentions.get(j).identifier());
                }
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        // grouped by type, then in value order: each type's run walks the (type, value) index forwards
        // (types by enum order, values by Java's order; an engine's collation may differ, which costs
        // locality, never correctness)
        List<Identifier> sorted = new ArrayList<>(unknown.values());
        sorted.sort(Ingest::byTypeThenValue);
        long firstProposed = nextIdentifierId;
        for (Identifier id : sorted) {
            insertIdentifier.setLong(1, nextIdentifierId++);
            insertIdentifier.setString(2, TYPE_CODES[id.type().ordinal()]);
            insertIdentifier.setString(3, id.value());
            insertIdentifier.setString(4, id.shareable());
            insertIdentifier.setInt(5, id.correlatable() ? 1 : 0);
            insertIdentifier.addBatch();
        }
        insertIdentifier.executeBatch();
        // which proposed ids were taken: a range read of the table, the same on every engine
        java.util.BitSet taken = new java.util.BitSet(sorted.size());
        freshIds.setLong(1, firstProposed);
        freshIds.setLong(2, nextIdentifierId);
        try (ResultSet rs = freshIds.executeQuery()) {
            while (rs.next()) {
                taken.set((int) (rs.getLong(1) - firstProposed));
            }
        }
        newIdentifiers += taken.cardinality();
        List<Identifier> existing = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (taken.get(i)) {
                cache.put(Key.of(sorted.get(i)), new long[] {firstProposed + i, 0});
            } else {
                existing.add(sorted.get(i));
            }
        }
        findExisting(existing);
    }

    /**
     * Looks up identifiers that were in the store already (sorted by type, then value), up to
     * {@value #READ_BATCH} of one type per query, and caches their ids and flags.
     */
    private void findExisting(List<Identifier> identifiers) throws SQLException {
        int from = 0;
        while (from < identifiers.size()) {
            IdentifierType type = identifiers.get(from).type();
            int to = from;
            while (to < identifiers.size() && to - from < READ_BATCH && identifiers.get(to).type() == type) {
                to++;
            }
            int n = to - from;
            Map<String, long[]> found = new HashMap<>(n * 2);
            PreparedStatement find = n == READ_BATCH ? findIdentifiers : conn.prepareStatement(findIdentifiersSql(n));
            try {
                find.setString(1, TYPE_CODES[type.ordinal()]);
                for (int i = 0; i < n; i++) {
                    find.setString(2 + i, identifiers.get(from + i).value());
                }
                try (ResultSet rs = find.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        // one this import made earlier (its cache entry was dropped) is still new to the store
                        boolean before = id < firstIdentifierId;
                        found.put(rs.getString(2), new long[] {id, (before ? 1 : 0) | (before && rs.getInt(3) != 0 ? 2 : 0)});
                    }
                }
            } finally {
                if (find != findIdentifiers) {
                    find.close();
                }
            }
            for (int i = from; i < to; i++) {
                Identifier id = identifiers.get(i);
                long[] entry = found.get(id.value());
                if (entry == null) {
                    throw new StoreException("identifier " + id.label() + " was neither inserted nor found");
                }
                cache.put(Key.of(id), entry);
            }
            from = to;
        }
    }

    private static String findIdentifiersSql(int n) {
        return "SELECT id, value, common FROM identifier WHERE type = ? AND value IN (" + placeholders(n) + ")";
    }

    /** {@code ?,?,…} with n parameters, for an IN list. */
    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * Writes the chunk's per-case summaries in identifier order. A summary that cannot exist yet (an
     * identifier this import made, or any identifier of a case that had no records, first held in
     * this chunk) is inserted; any other is read (in batches), merged and updated, or inserted when
     * the case did not hold the identifier.
     */
    private void flushHoldings() throws SQLException {
        long[] ids = holdings.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] mayExist = java.util.Arrays.stream(ids)
                .filter(id -> caseHadRecords && id < firstIdentifierId || heldEarlier(id))
                .toArray();
        Map<Long, Stored> stored = storedHoldings(mayExist);
        int inserts = 0;
        int updates = 0;
        for (long id : ids) {
            Tally t = holdings.get(id);
            Stored before = stored.get(id);
            if (before != null) {
                t.merge(before.mentions(), StoredMention.strings(before.roles()), StoredMention.strings(before.spellings()));
                updateHolding.setLong(1, t.mentions);
                updateHolding.setString(2, t.rolesJson());
                updateHolding.setString(3, t.spellingsJson());
                updateHolding.setLong(4, id);
                updateHolding.setLong(5, caseId);
                updateHolding.addBatch();
                updates++;
                continue;
            }
            if (id <= Integer.MAX_VALUE) {
                heldEarlier.set((int) id);
            }
            insertHolding.setLong(1, id);
            insertHolding.setLong(2, caseId);
            insertHolding.setLong(3, t.mentions);
            insertHolding.setLong(4, t.firstRecord);
            insertHolding.setString(5, t.firstRole);
            insertHolding.setString(6, t.rolesJson());
            insertHolding.setString(7, t.spellingsJson());
            insertHolding.addBatch();
            inserts++;
        }
        if (inserts > 0) {
            insertHolding.executeBatch();
        }
        if (updates > 0) {
            updateHolding.executeBatch();
        }
        holdings.clear();
    }

    /** Whether this import may have written the identifier's summary for this case (ids past the bit set: assume so). */
    private boolean heldEarlier(long id) {
        return id > Integer.MAX_VALUE || heldEarlier.get((int) id);
    }

    /** A summary as stored: its count, roles and spellings (JSON). */
    private record Stored(long mentions, String roles, String spellings) {
    }

    /** Ids per read of stored summaries: one round trip for many on PostgreSQL, well under either engine's parameter limit. */
    private static final int READ_BATCH = 500;

    /** This case's stored summaries of these identifiers (sorted ids), read {@value #READ_BATCH} at a time. */
    private Map<Long, Stored> storedHoldings(long[] ids) throws SQLException {
        Map<Long, Stored> out = new HashMap<>();
        for (int from = 0; from < ids.length; from += READ_BATCH) {
            int n = Math.min(READ_BATCH, ids.length - from);
            PreparedStatement read = n == READ_BATCH ? readHoldings : conn.prepareStatement(readHoldingsSql(n));
            try {
                read.setLong(1, caseId);
                for (int i = 0; i < n; i++) {
                    read.setLong(2 + i, ids[from + i]);
                }
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new Stored(rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            } finally {
                if (read != readHoldings) {
                    read.close();
                }
            }
        }
        return out;
    }

    private static String readHoldingsSql(int n) {
        return "SELECT identifier_id, mentions, roles, spellings FROM identifier_case WHERE case_id = ? AND identifier_id IN ("
                + placeholders(n) + ")";
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
            flushChunk();
            flushHoldings();
            long correlationStart = System.nanoTime();
            List<NewLink> links = new ArrayList<>();
            List<Identifier> becameCommon = new ArrayList<>();
            java.util.Set<Long> commonNow = new java.util.HashSet<>();
            Map<ExactCorrelator.Outcome, Integer> outcomes = new java.util.EnumMap<>(ExactCorrelator.Outcome.class);
            String now = Instant.now().toString();
            // 1. the summaries of every candidate that may link, read in identifier order (the summary
            //    table is clustered by identifier, so the reads walk it forwards)
            long[] mayLink = candidates.entrySet().stream()
                    .filter(e -> e.getValue().identifier().correlatable() && !e.getValue().common())
                    .mapToLong(Map.Entry::getKey).sorted().toArray();
            Map<Long, List<Holding>> heldElsewhere = new HashMap<>();
            Map<Long, Long> ownMentions = new HashMap<>();
            try (PreparedStatement summaries = conn.prepareStatement(
                    "SELECT case_id, mentions, first_record, first_role FROM identifier_case WHERE identifier_id = ?")) {
                for (long id : mayLink) {
                    summaries.setLong(1, id);
                    try (ResultSet rs = summaries.executeQuery()) {
                        while (rs.next()) {
                            if (rs.getLong(1) == caseId) {
                                ownMentions.put(id, rs.getLong(2)); // counts this import: its summaries are written
                            } else {
                                heldElsewhere.computeIfAbsent(id, k -> new ArrayList<>())
                                        .add(new Holding(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
                            }
                        }
                    }
                }
            }
            // 2. decisions, in the order the import first met each identifier
            List<PlannedLink> planned = new ArrayList<>();
            try (PreparedStatement markCommon = conn.prepareStatement("UPDATE identifier SET common = 1 WHERE id = ?")) {
                for (Map.Entry<Long, Candidate> e : candidates.entrySet()) {
                    Candidate c = e.getValue();
                    List<Holding> held = heldElsewhere.getOrDefault(e.getKey(), List.of());
                    ExactCorrelator.Decision d = correlator.decide(c.identifier(), c.common(), caseId, held);
                    outcomes.merge(d.outcome(), 1, Integer::sum);
                    if (d.outcome() == ExactCorrelator.Outcome.BECOMES_COMMON) {
                        markCommon.setLong(1, e.getKey());
                        markCommon.addBatch();
                        becameCommon.add(c.identifier());
                        commonNow.add(e.getKey());
                    }
                    long own = ownMentions.getOrDefault(e.getKey(), 0L);
                    for (Holding h : d.linkTo()) {
                        planned.add(new PlannedLink(e.getKey(), c, h, own));
                    }
                }
                markCommon.executeBatch();
            }
            // 3. the links, in that order, in batches; their ids read back as the ids above the
            //    largest before (imports are serialised, so every such link is this import's)
            links.addAll(writeLinks(planned, now));
            links.addAll(nearDuplicates(correlator.maxCases(), now, commonNow));
            long correlationMillis = (System.nanoTime() - correlationStart) / 1_000_000;
            // every identifier the import mentions is either one it added or a pre-existing candidate
            long distinct = newIdentifiers + candidates.size();
            return new Result(records, distinct, links, becameCommon, outcomes, correlationMillis);
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot finish the import: " + e.getMessage(), e);
        }
    }

    /** An identifier link this import decided to make, not yet written. */
    private record PlannedLink(long identifierId, Candidate candidate, Holding other, long ownMentions) {
        boolean otherFirst(long caseId) {
            return other.caseId() < caseId;
        }
    }

    /**
     * Writes the planned links in their order; returns those that were new (a link an earlier import
     * made already is kept as it was).
     */
    private List<NewLink> writeLinks(List<PlannedLink> planned, String now) throws SQLException, JsonProcessingException {
        if (planned.isEmpty()) {
            return List.of();
        }
        long before = maxId("link");
        try (PreparedStatement insertLink = conn.prepareStatement("""
                INSERT INTO link(kind, identifier_id, case_a, record_a, role_a, case_b, record_b, role_b,
                                 strength, evidence, import_id, created_at)
                VALUES ('identifier', ?, ?, ?, ?, ?, ?, ?, 1.0, ?, ?, ?)
                ON CONFLICT (kind, identifier_id, case_a, case_b) DO NOTHING""")) {
            int pendingLinks = 0;
            for (PlannedLink p : planned) {
                Candidate c = p.candidate();
                Holding h = p.other();
                boolean otherFirst = p.otherFirst(caseId);
                long caseA = otherFirst ? h.caseId() : caseId;
                long caseB = otherFirst ? caseId : h.caseId();
                insertLink.setLong(1, p.identifierId());
                insertLink.setLong(2, caseA);
                insertLink.setLong(3, otherFirst ? h.firstRecord() : c.record());
                insertLink.setString(4, otherFirst ? h.firstRole() : c.role());
                insertLink.setLong(5, caseB);
                insertLink.setLong(6, otherFirst ? c.record() : h.firstRecord());
                insertLink.setString(7, otherFirst ? c.role() : h.firstRole());
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("identifier", c.identifier().label());
                evidence.put("rule", "exact identifier match");
                evidence.put("mentions_" + caseA, otherFirst ? h.mentions() : p.ownMentions());
                evidence.put("mentions_" + caseB, otherFirst ? p.ownMentions() : h.mentions());
                insertLink.setString(8, JSON.writeValueAsString(evidence));
                insertLink.setLong(9, importId);
                insertLink.setString(10, now);
                insertLink.addBatch();
                if (++pendingLinks == BATCH) {
                    insertLink.executeBatch();
                    pendingLinks = 0;
                }
            }
            insertLink.executeBatch();
        }
        Map<String, Long> made = new HashMap<>();
        try (PreparedStatement p = conn.prepareStatement(
                "SELECT id, identifier_id, case_a, case_b FROM link WHERE id > ? AND kind = 'identifier'")) {
            p.setLong(1, before);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    made.put(rs.getLong(2) + ":" + rs.getLong(3) + ":" + rs.getLong(4), rs.getLong(1));
                }
            }
        }
        List<NewLink> links = new ArrayList<>(made.size());
        for (PlannedLink p : planned) {
            Holding h = p.other();
            boolean otherFirst = p.otherFirst(caseId);
            Long id = made.get(p.identifierId() + ":" + (otherFirst ? h.caseId() : caseId) + ":" + (otherFirst ? caseId : h.caseId()));
            if (id != null) {
                Candidate c = p.candidate();
                links.add(new NewLink(id, c.identifier(), h.caseId(), h.firstRecord(), h.firstRole(), c.record(), c.role(),
                        "identifier"));
            }
        }
        return links;
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
    private List<NewLink> nearDuplicates(int maxCases, String now, java.util.Set<Long> becameCommon)
            throws SQLException, JsonProcessingException {
        if (pdqSeen.isEmpty()) {
            return List.of();
        }
        // this import's hashes in identifier order, less those common now: only an identifier that
        // existed before this import can be common, or become so in it
        List<long[]> own = new ArrayList<>();
        List<String> ownHex = new ArrayList<>();
        List<String> ownRole = new ArrayList<>();
        for (long id : pdqSeen.keySet().stream().mapToLong(Long::longValue).sorted().toArray()) {
            Candidate c = candidates.get(id);
            if (c != null && (c.common() || becameCommon.contains(id))) {
                continue;
            }
            PdqSeen seen = pdqSeen.get(id);
            own.add(new long[] {id, seen.record});
            ownHex.add(seen.hex);
            ownRole.add(seen.role);
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

    public long records() {
        return records;
    }
}
