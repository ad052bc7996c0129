package org.opencets.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit log's hash chain.
 *
 * <p>Design: each entry's hash is HMAC-SHA-256, under the deployment's audit key, of the previous
 * entry's hash followed by the entry's fields, each written as its UTF-8 length (4 bytes, big-endian)
 * then its bytes, with -1 for a missing value — so no two different entries serialise alike. Editing
 * an entry breaks its hash; removing one breaks the sequence and the next entry's link; reordering
 * breaks the links. Because the hash is keyed, someone who can write the database but cannot read the
 * key file cannot recompute a consistent chain after an edit. Removing entries from the end leaves a
 * consistent chain, so the store also keeps the latest sequence number and hash outside the database
 * (the "head"), and {@link #verify} compares against it.
 */
public final class AuditChain {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private final SecretKeySpec key;

    public AuditChain(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The hash of an entry whose other fields are set. */
    public String hash(String prevHash, long seq, String at, String actor, String action, Long caseId,
                       String target, String reason, String outcome, String detail) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            put(mac, prevHash);
            put(mac, Long.toString(seq));
            put(mac, at);
            put(mac, actor);
            put(mac, action);
            put(mac, caseId == null ? null : caseId.toString());
            put(mac, target);
            put(mac, reason);
            put(mac, outcome);
            put(mac, detail);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JDK", e);
        }
    }

    public String hash(AuditEntry e) {
        return hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.caseId(), e.target(), e.reason(),
                e.outcome(), e.detail());
    }

    private static void put(Mac mac, String s) {
        if (s == null) {
            mac.update(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        mac.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
        mac.update(b);
    }

    /** The result of checking a log. */
    public record Verdict(long entries, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks entries given in sequence order against each other and against the head kept outside the
     * database ({@code headSeq} 0 and {@code headHash} null when none is kept).
     */
    public Verdict verify(Iterable<AuditEntry> entries, long headSeq, String headHash) {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        long expected = 1;
        long count = 0;
        String lastHash = null;
        long lastSeq = 0;
        for (AuditEntry e : entries) {
            count++;
            if (e.seq() != expected) {
                problems.add("entry " + e.seq() + ": expected entry " + expected + " here; entries are missing or reordered");
            }
            if (!MessageDigest.isEqual(e.prevHash().getBytes(StandardCharsets.US_ASCII), prev.getBytes(StandardCharsets.US_ASCII))) {
                problems.add("entry " + e.seq() + ": does not follow the previous entry (removed, inserted or reordered)");
            }
            String h = hash(e);
            if (!MessageDigest.isEqual(h.getBytes(StandardCharsets.US_ASCII), e.hash().getBytes(StandardCharsets.US_ASCII))) {
                problems.add("entry " + e.seq() + ": content does not match its hash (edited)");
            }
            prev = e.hash();
            expected = e.seq() + 1;
            lastSeq = e.seq();
            lastHash = e.hash();
            if (problems.size() > 100) {
                problems.add("… stopping after 100 problems");
                break;
            }
        }
        if (headSeq > 0) {
            if (lastSeq < headSeq) {
                problems.add("the log ends at entry " + lastSeq + " but entry " + headSeq + " was written: entries were removed from the end");
            } else if (lastSeq == headSeq && !headHash.equals(lastHash)) {
                problems.add("the last entry " + lastSeq + " is not the one that was written");
            }
        }
        return new Verdict(count, List.copyOf(problems));
    }
}
