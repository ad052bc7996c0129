package org.opencets.store.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.audit.AuditChain;
import org.opencets.core.audit.AuditEntry;
import org.opencets.store.StoreException;
import org.opencets.store.keys.OwnerOnlyFiles;
import org.opencets.store.sql.Database;

/**
 * The audit log in the database, chained by {@link AuditChain}, with its head (last sequence number
 * and hash) also kept in {@code CETS_HOME/audit.head} so that entries removed from the end are
 * detected too.
 *
 * <p>The head file is one ASCII line, {@code seq SP hash LF} ({@code hash} 64 lower-case hex
 * digits), owner-only (0600). It is first written with the log's first entry, which {@code cets
 * init} appends, and replaced atomically after every later commit; so from the end of {@code cets
 * init} on, the head always exists.
 *
 * <p>Design note, a missing head. Once the head has been written, its absence is itself evidence:
 * whoever cut entries off the end of the log would delete it too, and a head written afresh from
 * the shortened log would certify the cut. So a lost head is never re-created. {@link #verify}
 * reports it as a problem, and an entry recording a success ({@code outcome} "ok") is refused with a
 * message telling the administrator to run {@code cets audit verify}: a command does not go on
 * working, or hand out data, on a log whose completeness can no longer be shown. An entry recording
 * a failure or a refusal is still written to the database, so that the failed verification and
 * every attempt refused meanwhile stay on record, but the head stays missing. The administrator
 * restores {@code audit.head} from a backup (a restored head older than the log still checks the
 * entry it names); one who has satisfied themselves that no entry was lost may instead write the
 * last entry's {@code seq} and {@code hash} into it, by hand and deliberately.
 *
 * <p>The same holds for a head that disagrees with the log: one that cannot be read, one naming an
 * entry the log no longer has (entries were cut from its end), or one whose hash is not that of the
 * entry it names. Before, every later command overwrote such a head with the log's new last entry,
 * so a cut became invisible after as many commands as entries were cut. Now the head is compared
 * with the log before an action and before the head is replaced: while they disagree, successes are
 * refused, failures are recorded, and the head is left as it is, as evidence.
 */
public final class AuditLog {
    private final Database db;
    private final AuditChain chain;
    private final Path headFile;
    /** Whether the head file has been written, so that its absence means it was lost. */
    private volatile boolean headWritten;

    /**
     * The log of an existing deployment, whose head file was written when it was created;
     * {@code newLog} for the log of a deployment being created, whose first entry writes it.
     */
    public AuditLog(Database db, AuditChain chain, Path headFile, boolean newLog) {
        this.db = db;
        this.chain = chain;
        this.headFile = headFile;
        this.headWritten = !newLog;
    }

    /** The log of an existing deployment (see {@link #AuditLog(Database, AuditChain, Path, boolean)}). */
    public AuditLog(Database db, AuditChain chain, Path headFile) {
        this(db, chain, headFile, false);
    }

    /** What to record: everything but the sequence, time and hashes. */
    public record Event(String actor, String action, Long caseId, String target, String reason, String outcome,
                        String detail) {
        /**
         * The text fields with card numbers masked: a reason, a target or an error's detail is typed or
         * quoted from input, and the audit log keeps it for ever, so a card number in it must not be kept
         * whole (the masked form, BIN…last four, still lets a reader see what was meant).
         */
        public Event {
            target = TextExtractor.redactCards(target);
            reason = TextExtractor.redactCards(reason);
            detail = TextExtractor.redactCards(detail);
        }
    }

    /**
     * Appends an entry in its own transaction.
     *
     * @throws StoreException if the head file was lost and the entry records a success (see the
     *     class's design note)
     */
    public AuditEntry append(Event e) {
        AuditEntry entry = db.inWriteTransaction(h -> append(h, e));
        committed(entry);
        return entry;
    }

    /**
     * Appends inside the caller's write transaction (so an import and its audit entry commit together);
     * the caller calls {@link #committed} after the commit.
     */
    public AuditEntry append(Handle h, Event e) {
        if ("ok".equals(e.outcome())) {
            String problem = headProblem(h);
            if (problem != null) {
                throw notRecordable(e.action(), problem);
            }
        }
        var last = h.createQuery("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).findOne();
        long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
        String prev = last.map(r -> (String) r[1]).orElse(AuditChain.GENESIS);
        String at = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        String hash = chain.hash(prev, seq, at, e.actor(), e.action(), e.caseId(), e.target(), e.reason(), e.outcome(),
                e.detail());
        h.createUpdate("""
                        INSERT INTO audit(seq, at, actor, action, case_id, target, reason, outcome, detail, prev_hash, hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .bind(0, seq).bind(1, at).bind(2, e.actor()).bind(3, e.action()).bind(4, e.caseId())
                .bind(5, e.target()).bind(6, e.reason()).bind(7, e.outcome()).bind(8, e.detail()).bind(9, prev)
                .bind(10, hash).execute();
        return new AuditEntry(seq, at, e.actor(), e.action(), e.caseId(), e.target(), e.reason(), e.outcome(),
                e.detail(), prev, hash);
    }

    /**
     * Records the head after the transaction holding {@code entry} committed; a lost head stays lost,
     * and a head that disagrees with the log stays as it is (see the class note).
     */
    public void committed(AuditEntry entry) {
        if (db.read(this::headProblem) == null) {
            writeHead(entry);
        }
    }

    /**
     * Refuses an action whose success could not be recorded (the head is lost or disagrees with the
     * log: see the class note). Called before the action's work, so that nothing is changed or shown
     * that the log cannot hold.
     */
    public void requireRecordable(String action) {
        String problem = db.read(this::headProblem);
        if (problem != null) {
            throw notRecordable(action, problem);
        }
    }

    private StoreException notRecordable(String action, String problem) {
        return new StoreException("cannot record '" + action + "' in the audit log: " + problem
                + "; an administrator must restore " + headFile + " from the backup, then run 'cets audit verify'");
    }

    /**
     * Why the head file and the log disagree, or null when they agree: the head (once written) is
     * missing or unreadable, or names an entry the log does not have, or another hash than that
     * entry's. One read of the head file and one look-up by sequence number.
     */
    private String headProblem(Handle h) {
        if (!headWritten) {
            return null; // a log being created: its first entry writes the head
        }
        Head head;
        try {
            head = readHead();
        } catch (IOException ex) {
            return "its head file " + headFile + " is unreadable or damaged";
        }
        if (head == null) {
            return "its head file " + headFile + " is missing, so entries cut from the log's end would go unseen";
        }
        Optional<String> logged = h.createQuery("SELECT hash FROM audit WHERE seq = ?").bind(0, head.seq())
                .mapTo(String.class).findOne();
        if (logged.isEmpty()) {
            return "its head file names entry " + head.seq() + ", which the log no longer has: entries were cut from its end";
        }
        if (!logged.get().equals(head.hash())) {
            return "its head file names another entry " + head.seq() + " than the log holds";
        }
        return null;
    }

    /** The head file's content: the last entry's sequence number and hash. */
    private record Head(long seq, String hash) {
    }

    /** The head file, or null when there is none; an IOException when it cannot be read or parsed. */
    private Head readHead() throws IOException {
        if (!Files.exists(headFile)) {
            return null;
        }
        String[] parts = Files.readString(headFile, StandardCharsets.US_ASCII).strip().split(" ");
        try {
            if (parts.length != 2) {
                throw new IOException("expected 'seq hash', found " + parts.length + " words");
            }
            return new Head(Long.parseLong(parts[0]), parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the sequence number is not a number", e);
        }
    }

    private static final org.jdbi.v3.core.mapper.RowMapper<AuditEntry> ENTRY = (rs, ctx) -> new AuditEntry(rs.getLong("seq"),
            rs.getString("at"), rs.getString("actor"), rs.getString("action"),
            rs.getObject("case_id") == null ? null : rs.getLong("case_id"), rs.getString("target"), rs.getString("reason"),
            rs.getString("outcome"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));

    public List<AuditEntry> entries(int limit, Long caseId) {
        return db.read(h -> h.createQuery("SELECT * FROM (SELECT * FROM audit"
                        + (caseId == null ? "" : " WHERE case_id = :c") + " ORDER BY seq DESC LIMIT :n) t ORDER BY seq")
                .bind("n", limit).bindByType("c", caseId, Long.class)
                .map(ENTRY)
                .list());
    }

    /**
     * Checks the whole chain and the head; a missing head (once written) is a problem, and is not
     * re-created. Streams the log: memory stays flat.
     */
    public AuditChain.Verdict verify() {
        Head head;
        try {
            head = readHead();
        } catch (IOException ex) {
            return new AuditChain.Verdict(0, List.of("the head file " + headFile + " is unreadable or damaged"));
        }
        long seq = head == null ? 0 : head.seq();
        String hash = head == null ? null : head.hash();
        List<String> problems = new ArrayList<>();
        if (headWritten && hash == null) {
            problems.add("the head file " + headFile + " is missing: entries cut from the end of the log cannot be "
                    + "ruled out; restore it from a backup");
        }
        // the chain compares the head with the last entry; when the log has grown past a restored
        // head, the entry the head names is compared here
        String[] atHead = {null};
        long[] lastSeq = {0};
        AuditChain.Verdict chained = db.read(h -> {
            try (Stream<AuditEntry> stream = h.createQuery("SELECT * FROM audit ORDER BY seq").setFetchSize(1000)
                    .map(ENTRY).stream()) {
                Iterable<AuditEntry> it = stream.peek(e -> {
                    if (e.seq() == seq) {
                        atHead[0] = e.hash();
                    }
                    lastSeq[0] = e.seq();
                })::iterator;
                return chain.verify(it, seq, hash);
            }
        });
        problems.addAll(chained.problems());
        if (lastSeq[0] > seq && atHead[0] != null && !atHead[0].equals(hash)) {
            problems.add("entry " + seq + " is not the one that was written (the head file " + headFile
                    + " names another)");
        }
        return new AuditChain.Verdict(chained.entries(), List.copyOf(problems));
    }

    private synchronized void writeHead(AuditEntry entry) {
        try {
            Head head = readHead();
            if (head != null && head.seq() >= entry.seq()) {
                return;
            }
            // through audit.head.tmp, synced before and after the move: without the syncs a power cut
            // can leave an empty head (the move on disk before the content), which every later
            // verification reports as damaged, or lose the first head init wrote, after which the
            // store refuses to record successes as if the head had been deleted
            OwnerOnlyFiles.replace(headFile, (entry.seq() + " " + entry.hash() + "\n").getBytes(StandardCharsets.US_ASCII));
            headWritten = true;
        } catch (IOException e) {
            throw new StoreException("cannot write the audit head " + headFile + ": " + e.getMessage(), e);
        }
    }
}
