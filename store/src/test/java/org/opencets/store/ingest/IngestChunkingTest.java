package org.opencets.store.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencets.core.correlate.ExactCorrelator;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.store.TestDatabases;
import org.opencets.store.sql.Database;

/**
 * The import writer in chunks: however records fall into chunks and however often the identifier
 * cache is dropped, the store ends in the same state (identifiers, mentions, per-case summaries
 * with their roles and spellings, links) as with one chunk and a cache that never forgets, and the report counts the same.
 */
class IngestChunkingTest {

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (String engine : TestDatabases.engines()) {
            a.add(Arguments.of(engine, 1, 1));
            a.add(Arguments.of(engine, 7, 5));
            a.add(Arguments.of(engine, 7, 1_000));
            a.add(Arguments.of(engine, 64, 3));
        }
        return a.stream();
    }

    @ParameterizedTest(name = "{0}: chunks of {1}, cache of {2}")
    @MethodSource("cases")
    void anyChunkingLeavesTheSameStoreAsOneChunk(String engine, int chunk, int cache, @TempDir Path dir) {
        State reference = run(engine, dir.resolve("reference"), 1_000_000, 1_000_000);
        State chunked = run(engine, dir.resolve("chunked"), chunk, cache);
        assertThat(chunked.identifiers()).containsExactlyElementsOf(reference.identifiers());
        assertThat(chunked.holdings()).containsExactlyElementsOf(reference.holdings());
        assertThat(chunked.mentions()).containsExactlyElementsOf(reference.mentions());
        assertThat(chunked.links()).containsExactlyElementsOf(reference.links());
        assertThat(chunked.reports()).containsExactlyElementsOf(reference.reports());
    }

    @ParameterizedTest(name = "{0}: chunks of {1}, cache of {2}")
    @MethodSource("cases")
    void countsAndLinksAreRight(String engine, int chunk, int cache, @TempDir Path dir) {
        State s = run(engine, dir, chunk, cache);
        // import A: 13 e-mails, 20 phones, 7 IPs, 2 private IPs, 8 cards; B: 17 e-mails (13 of them
        // A's), 14 phones of its own, A's 7 IPs, A's 2 private IPs (never linked), 4 of A's cards
        assertThat(s.reports().get(0)).isEqualTo("records=60 identifiers=50 links=0 outcomes={}");
        assertThat(s.reports().get(1)).isEqualTo("records=40 identifiers=44 links=24 outcomes={LINK=24, NOT_CORRELATABLE=2}");
        // C, into A's case again: all its identifiers existed, none links anew (A-B links exist already)
        assertThat(s.reports().get(2)).isEqualTo("records=10 identifiers=10 links=0 outcomes={LINK=10}");
        // every e-mail u0..u12 is held by case 1 with its true count: 60 rows of A (i % 13), twice per
        // row (from and to), plus C's ten rows (u0..u9, once each)
        for (int k = 0; k < 13; k++) {
            int rowsOfA = (60 - k + 12) / 13;
            int expected = 2 * rowsOfA + (k < 10 ? 1 : 0);
            assertThat(s.holdings()).contains("email:u" + k + "@example.org case=1 mentions=" + expected + " first=" + (k + 1)
                    + " role=from roles=[\"from\",\"to\"] spellings=[\"U" + k + "@Example.org\"]");
        }
        assertThat(s.links()).hasSize(24).allMatch(l -> l.contains("case_a=1") && l.contains("case_b=2"));
        // a card is stored by its keyed value and shown by its masked form
        assertThat(s.identifiers()).anyMatch(i -> i.startsWith("card:c3 411111…0003 "));
        // a record's mentions come back in the order the record named them, whatever order they were written in
        assertThat(s.mentions().stream().filter(m -> m.startsWith("1 ")).map(m -> m.split(" ")[3]).toList())
                .containsExactly("from", "phone", "to", "ip", "private_ip", "card");
        // with where each was read, and the record's own spelling only where it differs from the display
        assertThat(s.mentions().stream().filter(m -> m.startsWith("1 ")).toList()).containsExactly(
                "1 email:u0@example.org case=1 from - from -1 -1",
                "1 phone:+14155551000 case=1 phone +1 415 555 1000 phone -1 -1",
                "1 email:u0@example.org case=1 to U0@Example.org text 3 20",
                "1 ip:81.2.69.0 case=1 ip - ip -1 -1",
                "1 ip:10.0.0.0 case=1 private_ip - ip2 -1 -1",
                "1 card:c0 case=1 card - card_number -1 -1");
        // B's e-mails u0..u12 are A's with another role: B's summaries hold B's role only
        assertThat(s.holdings()).contains("email:u3@example.org case=2 mentions=3 first=64 role=sender roles=[\"sender\"] spellings=-");
    }

    @ParameterizedTest(name = "{0}: chunks of {1}, cache of {2}")
    @MethodSource("cases")
    void aSummaryKeepsEveryRoleAndTheFirstTwentySpellingsAcrossChunksAndImports(String engine, int chunk, int cache,
                                                                                @TempDir Path dir) {
        Database db = Database.open(TestDatabases.fresh(engine, dir));
        db.migrate();
        Identifier email = email("x");
        // 30 spellings over two imports into one case, the smallest ones last, and a role per import
        List<ParsedRecord> first = new ArrayList<>();
        List<ParsedRecord> second = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            first.add(record(i, List.of(new Mention(email, "from", "X@example.org#" + (29 - i), "text", 0, 3))));
            second.add(record(i, List.of(new Mention(email, i % 2 == 0 ? "to" : "cc", "X@example.org#" + (14 - i), "text", 0, 3))));
        }
        importInto(db, 1, 1, first, chunk, cache);
        importInto(db, 1, 2, second, chunk, cache);
        String holding = db.read(h -> h.createQuery("SELECT mentions || ' ' || roles || ' ' || spellings FROM identifier_case")
                .mapTo(String.class).one());
        List<String> expected = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "\"X@example.org#" + i + "\"")
                .sorted().limit(20).toList();
        assertThat(holding).isEqualTo("30 [\"cc\",\"from\",\"to\"] [" + String.join(",", expected) + "]");
    }

    /** Look-ups of known identifiers and stored summaries go 500 to a query: full batches and a remainder. */
    @ParameterizedTest
    @MethodSource("org.opencets.store.TestDatabases#engines")
    void manyKnownIdentifiersAreFoundInBatches(String engine, @TempDir Path dir) {
        Database db = Database.open(TestDatabases.fresh(engine, dir));
        db.migrate();
        int n = 1_234;
        List<ParsedRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Identifier email = email("many" + i);
            records.add(record(i, List.of(Mention.ofField(email, "from", email.value(), "from"),
                    Mention.ofField(phone(5000 + i), "phone", "+1 415 555 " + (5000 + i), "phone"))));
        }
        assertThat(importInto(db, 1, 1, records, 2_000, 1)).isEqualTo("records=1234 identifiers=2468 links=0 outcomes={}");
        // the same identifiers again into the same case (all known, all held), then into another case
        assertThat(importInto(db, 1, 2, records, 2_000, 1)).isEqualTo("records=1234 identifiers=2468 links=0 outcomes={NOTHING_TO_LINK=2468}");
        assertThat(importInto(db, 2, 3, records, 2_000, 1)).isEqualTo("records=1234 identifiers=2468 links=2468 outcomes={LINK=2468}");
        List<String> perCase = db.read(h -> rows(h, """
                SELECT case_id || ' ' || COUNT(*) || ' ' || SUM(mentions) || ' ' || MIN(mentions) || ' ' || MAX(mentions)
                FROM identifier_case GROUP BY case_id ORDER BY case_id"""));
        assertThat(perCase).containsExactly("1 2468 4936 2 2", "2 2468 2468 1 1");
        int identifiers = db.read(h -> h.createQuery("SELECT COUNT(*) FROM identifier").mapTo(Integer.class).one());
        assertThat(identifiers).isEqualTo(2 * n);
    }

    /** A chunk is also written once its records' serialised fields pass the character bound (a guard for huge records). */
    @ParameterizedTest
    @MethodSource("org.opencets.store.TestDatabases#engines")
    void aChunkClosesOnItsCharacterBoundAsWellAsItsRecordCount(String engine, @TempDir Path dir) {
        Database db = Database.open(TestDatabases.fresh(engine, dir));
        db.migrate();
        String big = "x".repeat(990); // serialised as {"text":"xxx…"}: 1,001 characters
        int[] chunks = db.inWriteTransaction(h -> {
            Ingest bySize = new Ingest(h, 1, 1, 1_000, 3_000, 1_000);
            for (int i = 0; i < 10; i++) {
                ParsedRecord r = new ParsedRecord(RecordKind.MESSAGE, i + 1, 0, null, Map.of("text", big), List.of());
                bySize.add(r);
            }
            bySize.finish(new ExactCorrelator(20, id -> false));
            Ingest byCount = new Ingest(h, 2, 2, 4, 1_000_000, 1_000); // made after the first has written (it reads the last ids)
            for (int i = 0; i < 10; i++) {
                byCount.add(new ParsedRecord(RecordKind.MESSAGE, i + 1, 0, null, Map.of("text", "short"), List.of()));
            }
            byCount.finish(new ExactCorrelator(20, id -> false));
            return new int[] {bySize.chunksWritten, byCount.chunksWritten};
        });
        // 3,003 characters pass 3,000 at the third record: chunks of 3, 3, 3 and the last one
        assertThat(chunks[0]).isEqualTo(4);
        assertThat(chunks[1]).isEqualTo(3);
        int records = db.read(h -> h.createQuery("SELECT COUNT(*) FROM record").mapTo(Integer.class).one());
        assertThat(records).isEqualTo(20);
    }

    /** What the store holds after three imports, in forms comparable across runs. */
    record State(List<String> identifiers, List<String> holdings, List<String> mentions, List<String> links,
                 List<String> reports) {
    }

    private static State run(String engine, Path home, int chunk, int cache) {
        try {
            java.nio.file.Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Database db = Database.open(TestDatabases.fresh(engine, home));
        db.migrate();
        List<String> reports = new ArrayList<>();
        reports.add(importInto(db, 1, 1, recordsA(), chunk, cache));
        reports.add(importInto(db, 2, 2, recordsB(), chunk, cache));
        reports.add(importInto(db, 1, 3, recordsC(), chunk, cache));
        return db.read(h -> new State(
                rows(h, "SELECT type || ':' || value || ' ' || display || ' ' || correlatable || ' ' || common FROM identifier ORDER BY type, value"),
                rows(h, """
                        SELECT i.type || ':' || i.value || ' case=' || c.case_id || ' mentions=' || c.mentions
                               || ' first=' || c.first_record || ' role=' || c.first_role || ' roles=' || c.roles
                               || ' spellings=' || COALESCE(c.spellings, '-')
                        FROM identifier_case c JOIN identifier i ON i.id = c.identifier_id ORDER BY i.type, i.value, c.case_id"""),
                mentions(h),
                rows(h, """
                        SELECT l.kind || ' ' || i.type || ':' || i.value || ' case_a=' || l.case_a || ' record_a=' || l.record_a
                               || ' ' || l.role_a || ' case_b=' || l.case_b || ' record_b=' || l.record_b || ' ' || l.role_b
                               || ' ' || l.evidence
                        FROM link l JOIN identifier i ON i.id = l.identifier_id ORDER BY i.type, i.value, l.case_a, l.case_b"""),
                reports));
    }

    /** Every record's stored mentions, in record order and in each record's own order. */
    private static List<String> mentions(Handle h) {
        List<String> out = new ArrayList<>();
        Map<Long, String> keys = new java.util.HashMap<>();
        h.createQuery("SELECT id, type || ':' || value FROM identifier").map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> keys.put(e.getKey(), e.getValue()));
        h.createQuery("SELECT id, case_id, mentions FROM record ORDER BY id")
                .map((rs, ctx) -> {
                    for (StoredMention m : StoredMention.decode(rs.getLong(1), rs.getString(3))) {
                        out.add(rs.getLong(1) + " " + keys.get(m.identifierId()) + " case=" + rs.getLong(2) + " " + m.role() + " "
                                + (m.raw() == null ? "-" : m.raw()) + " " + m.field() + " " + m.start() + " " + m.end());
                    }
                    return 0;
                })
                .forEach(x -> { });
        return out;
    }

    private static List<String> rows(Handle h, String sql) {
        return h.createQuery(sql).mapTo(String.class).list();
    }

    private static String importInto(Database db, long caseId, long importId, List<ParsedRecord> records, int chunk, int cache) {
        return db.inWriteTransaction(h -> {
            Ingest ingest = new Ingest(h, caseId, importId, chunk, cache);
            records.forEach(ingest::add);
            Ingest.Result r = ingest.finish(new ExactCorrelator(20, id -> false));
            return "records=" + r.records() + " identifiers=" + r.identifiers() + " links=" + r.links().size()
                    + " outcomes=" + r.outcomes();
        });
    }

    /**
     * 60 rows: e-mail u(i % 13) as sender and again as recipient, phone p(i / 3), IP 81.2.69.(i % 7),
     * private IP 10.0.0.(i % 2), and on every fourth row card c(i / 8).
     */
    private static List<ParsedRecord> recordsA() {
        List<ParsedRecord> l = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Identifier email = email("u" + (i % 13));
            List<Mention> m = new ArrayList<>(List.of(
                    Mention.ofField(email, "from", email.value(), "from"),
                    Mention.ofField(phone(1000 + i / 3), "phone", "+1 415 555 " + (1000 + i / 3), "phone"),
                    new Mention(email, "to", "U" + (i % 13) + "@Example.org", "text", 3, 20),
                    Mention.ofField(ip(i % 7), "ip", "81.2.69." + (i % 7), "ip"),
                    Mention.ofField(privateIp(i % 2), "private_ip", "10.0.0." + (i % 2), "ip2")));
            if (i % 4 == 0) {
                Identifier card = card(i / 8);
                m.add(Mention.ofField(card, "card", card.display(), "card_number"));
            }
            l.add(record(i, m));
        }
        return l;
    }

    /** 40 rows: e-mail u(i % 17) (u13..u16 new), phone p(2000 + i / 3), A's IPs and private IPs, cards c0..c3. */
    private static List<ParsedRecord> recordsB() {
        List<ParsedRecord> l = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Identifier email = email("u" + (i % 17));
            l.add(record(i, List.of(
                    Mention.ofField(email, "sender", email.value(), "from"),
                    Mention.ofField(phone(2000 + i / 3), "phone", "+1 415 555 " + (2000 + i / 3), "phone"),
                    Mention.ofField(ip(i % 7), "ip", "81.2.69." + (i % 7), "ip"),
                    Mention.ofField(privateIp(i % 2), "private_ip", "10.0.0." + (i % 2), "ip2"),
                    Mention.ofField(card(i / 10 % 4), "card", card(i / 10 % 4).display(), "card_number"))));
        }
        return l;
    }

    /** 10 rows into A's case again: e-mail u(i), once each. */
    private static List<ParsedRecord> recordsC() {
        List<ParsedRecord> l = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Identifier email = email("u" + i);
            l.add(record(i, List.of(Mention.ofField(email, "from", email.value(), "from"))));
        }
        return l;
    }

    private static ParsedRecord record(int i, List<Mention> mentions) {
        return new ParsedRecord(RecordKind.MESSAGE, i + 1, i * 100L, "2024-01-01T00:00:00Z", Map.of("n", i), mentions);
    }

    private static Identifier email(String local) {
        return Identifier.of(IdentifierType.EMAIL, local + "@example.org", true);
    }

    private static Identifier phone(int line) {
        return new Identifier(IdentifierType.PHONE, "+1415555" + line, "+1 415-555-" + line, true);
    }

    private static Identifier ip(int last) {
        return Identifier.of(IdentifierType.IP, "81.2.69." + last, true);
    }

    private static Identifier privateIp(int last) {
        return Identifier.of(IdentifierType.IP, "10.0.0." + last, false);
    }

    /** A card as the store sees it: a keyed value (here a stand-in) shown by its masked form. */
    private static Identifier card(int n) {
        return new Identifier(IdentifierType.CARD, "c" + n, "411111…" + String.format("%04d", n), true);
    }
}
