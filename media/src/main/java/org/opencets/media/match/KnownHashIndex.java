package org.opencets.media.match;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencets.media.hash.FileDigests;
import org.opencets.media.hashset.Category;
import org.opencets.media.hashset.KnownEntry;
import org.opencets.media.hashset.KnownListFormat;
import org.opencets.media.hashset.KnownLists;
import org.opencets.media.pdq.PdqHash;
import org.opencets.media.pdq.PdqResult;

/**
 * Known-hash lists loaded into memory for matching: sorted digest tables for MD5, SHA-1 and
 * SHA-256, and a {@link PdqIndex} for PDQ hashes. Per entry only what a match reports is kept —
 * list, id, category, line — in primitive arrays; the id array is only filled for lists that give
 * ids (NSRL gives none, and its tens of millions of rows then cost the digest bytes plus 8 bytes).
 *
 * <p>PDQ entries whose list gives a quality under {@link PdqResult#MIN_MATCH_QUALITY} are not
 * indexed, and a query of such quality matches nothing: weak hashes are noise.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class KnownHashIndex {
    /** Meta's convention for a PDQ match. */
    public static final int DEFAULT_PDQ_THRESHOLD = 31;

    private final List<String> lists;
    private final List<Category> categories;
    private final short[] listOf;
    private final short[] categoryOf;
    private final int[] lineOf;
    private final String[] idOf;
    private final DigestTable md5;
    private final DigestTable sha1;
    private final DigestTable sha256;
    private final PdqIndex pdq;
    private final int[] pdqRef;

    private KnownHashIndex(Builder b) {
        this.lists = List.copyOf(b.lists);
        this.categories = List.copyOf(b.categories);
        this.listOf = Arrays.copyOf(b.listOf, b.entries);
        this.categoryOf = Arrays.copyOf(b.categoryOf, b.entries);
        this.lineOf = Arrays.copyOf(b.lineOf, b.entries);
        this.idOf = b.anyId ? Arrays.copyOf(b.idOf, b.entries) : null;
        b.md5.sort();
        b.sha1.sort();
        b.sha256.sort();
        this.md5 = b.md5;
        this.sha1 = b.sha1;
        this.sha256 = b.sha256;
        this.pdq = PdqIndex.ofWords(Arrays.copyOf(b.pdqWords, 4 * b.pdqCount), b.pdqCount);
        this.pdqRef = Arrays.copyOf(b.pdqRef, b.pdqCount);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The number of entries loaded. */
    public int size() {
        return listOf.length;
    }

    /** Entries with a PDQ hash usable for matching. */
    public int pdqSize() {
        return pdq.size();
    }

    /** Approximate bytes held by the tables. */
    public long memoryBytes() {
        return md5.memoryBytes() + sha1.memoryBytes() + sha256.memoryBytes() + pdq.memoryBytes()
                + 8L * listOf.length + (idOf == null ? 0 : 4L * idOf.length) + 4L * pdqRef.length;
    }

    /**
     * Every known entry a file matches: exact matches on any of its digests, and PDQ matches within
     * {@code threshold} when its quality is at least 50. Exact matches come first, then PDQ by
     * distance.
     */
    public List<Match> match(FileDigests digests, PdqResult pdqResult, int threshold) {
        List<Match> out = new ArrayList<>();
        if (digests != null) {
            matchDigest(digests.md5(), MatchKind.MD5, out);
            matchDigest(digests.sha1(), MatchKind.SHA1, out);
            matchDigest(digests.sha256(), MatchKind.SHA256, out);
        }
        if (pdqResult != null && pdqResult.matchable()) {
            out.addAll(matchPdq(pdqResult.hash(), threshold));
        }
        return out;
    }

    /** Exact matches of one digest (hex of the kind's length). */
    public List<Match> matchDigest(String hex, MatchKind kind) {
        List<Match> out = new ArrayList<>();
        matchDigest(hex, kind, out);
        return out;
    }

    private void matchDigest(String hex, MatchKind kind, List<Match> out) {
        if (hex == null) {
            return;
        }
        DigestTable t = switch (kind) {
            case MD5 -> md5;
            case SHA1 -> sha1;
            case SHA256 -> sha256;
            case PDQ -> throw new IllegalArgumentException("use matchPdq for PDQ hashes");
        };
        t.lookup(hex, ref -> out.add(match(ref, kind, 0, hex)));
    }

    /** PDQ entries within {@code threshold} of {@code hash}, by distance (no quality check on the query). */
    public List<Match> matchPdq(PdqHash hash, int threshold) {
        List<PdqIndex.Neighbour> found = pdq.query(hash, threshold);
        List<Match> out = new ArrayList<>(found.size());
        for (PdqIndex.Neighbour n : found) {
            int ref = pdqRef[n.id()];
            out.add(match(ref, MatchKind.PDQ, n.distance(), pdq.hash(n.id()).toHex()));
        }
        out.sort(Comparator.comparingInt(Match::distance));
        return out;
    }

    private Match match(int ref, MatchKind kind, int distance, String hashHex) {
        String id = idOf == null || idOf[ref] == null ? hashHex : idOf[ref];
        return new Match(id, lists.get(listOf[ref]), lineOf[ref], kind, distance, categories.get(categoryOf[ref]));
    }

    /** Collects lists, then {@link #build()}s the index. Not thread-safe. */
    public static final class Builder {
        private final List<String> lists = new ArrayList<>();
        private final List<Category> categories = new ArrayList<>();
        private final Map<Category, Short> categoryIndex = new HashMap<>();
        private short[] listOf = new short[16];
        private short[] categoryOf = new short[16];
        private int[] lineOf = new int[16];
        private String[] idOf = new String[16];
        private boolean anyId;
        private int entries;
        private final DigestTable md5 = new DigestTable(16);
        private final DigestTable sha1 = new DigestTable(20);
        private final DigestTable sha256 = new DigestTable(32);
        private long[] pdqWords = new long[64];
        private int[] pdqRef = new int[16];
        private int pdqCount;

        private Builder() {
        }

        /** Reads a list file (format detected), naming the list by the file's name; returns entries read. */
        public long addList(Path file) throws IOException {
            return addList(file.getFileName().toString(), file, null, null);
        }

        /**
         * Reads a list file.
         *
         * @param name            how matches name the list
         * @param format          the format, or null to detect it
         * @param defaultCategory the category of entries the list leaves uncategorised, or null
         */
        public long addList(String name, Path file, KnownListFormat format, Category defaultCategory) throws IOException {
            int list = listIndex(name);
            KnownListFormat f = format == null ? KnownLists.detect(file) : format;
            return KnownLists.read(file, f, e -> add(list, e, defaultCategory));
        }

        /** Adds one entry to the named list. */
        public Builder add(String listName, KnownEntry e) {
            add(listIndex(listName), e, null);
            return this;
        }

        private int listIndex(String name) {
            int i = lists.indexOf(name);
            if (i < 0) {
                if (lists.size() == Short.MAX_VALUE) {
                    throw new IllegalStateException("too many lists (" + Short.MAX_VALUE + ")");
                }
                lists.add(name);
                i = lists.size() - 1;
            }
            return i;
        }

        private void add(int list, KnownEntry e, Category defaultCategory) {
            if (entries == listOf.length) {
                int cap = entries + (entries >> 1) + 16;
                listOf = Arrays.copyOf(listOf, cap);
                categoryOf = Arrays.copyOf(categoryOf, cap);
                lineOf = Arrays.copyOf(lineOf, cap);
                idOf = Arrays.copyOf(idOf, cap);
            }
            int ref = entries++;
            Category cat = e.category() == Category.UNCATEGORISED && defaultCategory != null ? defaultCategory : e.category();
            Short ci = categoryIndex.get(cat);
            if (ci == null) {
                categories.add(cat);
                ci = (short) (categories.size() - 1);
                categoryIndex.put(cat, ci);
            }
            listOf[ref] = (short) list;
            categoryOf[ref] = ci;
            lineOf[ref] = (int) Math.min(Integer.MAX_VALUE, e.line());
            if (e.id() != null) {
                idOf[ref] = e.id();
                anyId = true;
            }
            if (e.md5() != null) {
                md5.add(e.md5(), ref);
            }
            if (e.sha1() != null) {
                sha1.add(e.sha1(), ref);
            }
            if (e.sha256() != null) {
                sha256.add(e.sha256(), ref);
            }
            if (e.pdq() != null && (e.pdqQuality() < 0 || e.pdqQuality() >= PdqResult.MIN_MATCH_QUALITY)) {
                if (pdqCount == pdqRef.length) {
                    int cap = pdqCount + (pdqCount >> 1) + 16;
                    pdqRef = Arrays.copyOf(pdqRef, cap);
                    pdqWords = Arrays.copyOf(pdqWords, 4 * cap);
                }
                pdqRef[pdqCount] = ref;
                pdqWords[4 * pdqCount] = e.pdq().w0();
                pdqWords[4 * pdqCount + 1] = e.pdq().w1();
                pdqWords[4 * pdqCount + 2] = e.pdq().w2();
                pdqWords[4 * pdqCount + 3] = e.pdq().w3();
                pdqCount++;
            }
        }

        /** Sorts and indexes everything added; the builder must not be used afterwards. */
        public KnownHashIndex build() {
            return new KnownHashIndex(this);
        }
    }
}
