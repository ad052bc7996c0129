package org.opencets.store.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.opencets.core.audit.AuditChain;
import org.opencets.core.audit.AuditEntry;
import org.opencets.store.StoreException;
import org.opencets.store.sql.Database;

/**
 * The audit log in the database, chained by {@link AuditChain}, with its head (last sequence number
 * and hash) also kept in {@code CETS_HOME/audit.head} so that entries removed from the end are
 * detected too.
 */
public final class AuditLog {
    private final Database db;
    private final AuditChain chain;
    private final Path headFile;

    public AuditLog(Database db, AuditChain chain, Path headFile) {
        this.db = db;
        this.chain = chain;
        this.headFile = headFile;
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
            target = masked(target);
            reason = masked(reason);
            detail = masked(detail);
        }

        private static String masked(String text) {
            return text == null ? null : org.opencets.core.identifier.TextExtractor.redactCards(text);
        }
    }

    /** Appends an entry in its own transaction. */
    public AuditEntry append(Event e) {
        AuditEntry entry = db.inWriteTransaction(h -> append(h, e));
        writeHead(entry);
        return entry;
    }

    /**
     * Appends inside the caller's write transaction (so an import and its audit entry commit together);
     * the caller calls {@link #committed} after the commit.
     */
    public AuditEntry append(Handle h, Event e) {
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

    /** Records the head after the transaction holding {@code entry} committed. */
    public void committed(AuditEntry entry) {
        writeHead(entry);
    }

    public List<AuditEntry> entries(int limit, Long caseId) {
        return db.read(h -> h.createQuery("SELECT * FROM (SELECT * FROM audit"
                        + (caseId == null ? "" : " WHERE case_id = :c") + " ORDER BY seq DESC LIMIT :n) t ORDER BY seq")
                .bind("n", limit).bindByType("c", caseId, Long.class)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("seq"), rs.getString("at"), rs.getString("actor"),
                        rs.getString("action"), rs.getObject("case_id") == null ? null : rs.getLong("case_id"),
                        rs.getString("target"), rs.getString("reason"), rs.getString("outcome"), rs.getString("detail"),
                        rs.getString("prev_hash"), rs.getString("hash")))
                .list());
    }

    /** Checks the whole chain and the head. Streams the log: memory stays flat. */
    public AuditChain.Verdict verify() {
        long[] headSeq = {0};
        String[] headHash = {null};
        if (Files.exists(headFile)) {
            try {
                String[] parts = Files.readString(headFile, StandardCharsets.US_ASCII).strip().split(" ");
                headSeq[0] = Long.parseLong(parts[0]);
                headHash[0] = parts[1];
            } catch (IOException | RuntimeException ex) {
                return new AuditChain.Verdict(0, List.of("the head file " + headFile + " is unreadable or damaged"));
            }
        }
        return db.read(h -> {
            try (var stream = h.createQuery("SELECT * FROM audit ORDER BY seq").setFetchSize(1000)
                    .map((rs, ctx) -> new AuditEntry(rs.getLong("seq"), rs.getString("at"), rs.getString("actor"),
                            rs.getString("action"), rs.getObject("case_id") == null ? null : rs.getLong("case_id"),
                            rs.getString("target"), rs.getString("reason"), rs.getString("outcome"),
                            rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash")))
                    .stream()) {
                Iterable<AuditEntry> it = stream::iterator;
                return chain.verify(it, headSeq[0], headHash[0]);
            }
        });
    }

    private synchronized void writeHead(AuditEntry entry) {
        try {
            if (Files.exists(headFile)) {
                String[] parts = Files.readString(headFile, StandardCharsets.US_ASCII).strip().split(" ");
                if (parts.length == 2 && Long.parseLong(parts[0]) >= entry.seq()) {
                    return;
                }
            }
            Path tmp = headFile.resolveSibling(headFile.getFileName() + ".tmp");
            Files.writeString(tmp, entry.seq() + " " + entry.hash() + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, headFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | NumberFormatException e) {
            throw new StoreException("cannot write the audit head " + headFile + ": " + e.getMessage(), e);
        }
    }
}
