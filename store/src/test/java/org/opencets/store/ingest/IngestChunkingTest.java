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
 * cache is dropped, the store ends in the same state (identifiers, mentions, per-case summaries,
 * links) as with one chunk and a cache that never forgets, and the report counts the same.
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
                    + " role=from");
        }
        assertThat(s.links()).hasSize(24).allMatch(l -> l.contains("case_a=1") && l.contains("case_b=2"));
        // a card is stored by its keyed value and shown by its masked form
        assertThat(s.identifiers()).anyMatch(i -> i.startsWith("card:c3 411111…0003 "));
        // a record's mentions come back in the order the record named them, whatever order they were written in
        assertThat(s.mentions().stream().filter(m -> m.startsWith("1 ")).map(m -> m.split(" ")[3]).toList())
                .containsExactly("from", "phone", "to", "ip", "private_ip", "card");
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
                               || ' first=' || c.first_record || ' role=' || c.first_role
                        FROM identifier_case c JOIN identifier i ON i.id = c.identifier_id ORDER BY i.type, i.value, c.case_id"""),
                rows(h, """
                        SELECT m.record_id || ' ' || i.type || ':' || i.value || ' case=' || m.case_id || ' ' || m.role || ' '
                               || COALESCE(m.raw, '-') || ' ' || m.field || ' ' || m.start_pos || ' ' || m.end_pos
                        FROM mention m JOIN identifier i ON i.id = m.identifier_id ORDER BY m.record_id, m.ord"""),
                rows(h, """
                        SELECT l.kind || ' ' || i.type || ':' || i.value || ' case_a=' || l.case_a || ' record_a=' || l.record_a
                               || ' ' || l.role_a || ' case_b=' || l.case_b || ' record_b=' || l.record_b || ' ' || l.role_b
                               || ' ' || l.evidence
                        FROM link l JOIN identifier i ON i.id = l.identifier_id ORDER BY i.type, i.value, l.case_a, l.case_b"""),
                reports));
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
