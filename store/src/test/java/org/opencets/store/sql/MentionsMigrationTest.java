package org.opencets.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencets.store.TestDatabases;
import org.opencets.store.ingest.StoredMention;

/**
 * Schema version 4 moves mentions into their records: a store written by version 3 (a mention table)
 * comes out with the same mentions, in the same order, in each record, and with each summary's roles
 * and spellings as look-up showed them before.
 */
class MentionsMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> strings(String json) {
        try {
            return json == null ? null : JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON array of strings: " + json, e);
        }
    }

    @ParameterizedTest
    @MethodSource("org.opencets.store.TestDatabases#engines")
    void aVersionThreeStoreKeepsEveryMentionInOrderAndItsSummaries(String engine, @TempDir Path home) {
        Database db = Database.open(TestDatabases.fresh(engine, home));
        assertThat(db.pendingUpgrades()).as("a store with no schema yet is not upgraded, it is made").isEmpty();
        db.migrateTo("3");
        db.inWriteTransaction(h -> {
            h.execute("INSERT INTO identifier(id, type, value, display, correlatable, common) VALUES "
                    + "(10, 'email', 'a@example.org', 'a@example.org', 1, 0), (11, 'phone', '+14155550100', '+14155550100', 1, 0), "
                    + "(12, 'email', 'b@example.org', 'b@example.org', 1, 0)");
            for (int r = 1; r <= 3; r++) {
                h.execute("INSERT INTO record(id, case_id, import_id, kind, line, byte_offset, occurred_at, data) "
                        + "VALUES (?, 1, 1, 'message', ?, 0, NULL, '{}')", r, r);
            }
            // record 1 named the phone, then a@ (as "A@Example.org" in free text), then a@ again as sender;
            // its mentions were written in another order than they were named, as version 3 did
            h.execute("INSERT INTO mention(record_id, identifier_id, case_id, role, raw, field, start_pos, end_pos, ord) VALUES "
                    + "(1, 10, 1, 'sender', NULL, 'from', -1, -1, 2), (1, 11, 1, 'phone', '+1 415 555 0100', 'phone', -1, -1, 0), "
                    + "(1, 10, 1, 'text', 'A@Example.org', 'body', 4, 17, 1), (2, 10, 1, 'sender', NULL, 'from', -1, -1, 0)");
            // b@ in 25 spellings, one per mention of record 3: only the first 20 (sorted) are kept
            for (int i = 0; i < 25; i++) {
                h.execute("INSERT INTO mention(record_id, identifier_id, case_id, role, raw, field, start_pos, end_pos, ord) "
                        + "VALUES (3, 12, 1, ?, ?, 'to', -1, -1, ?)", i % 2 == 0 ? "to" : "cc", "B" + (24 - i) + "@example.org", i);
            }
            h.execute("INSERT INTO identifier_case(identifier_id, case_id, mentions, first_record, first_role) VALUES "
                    + "(10, 1, 3, 1, 'sender'), (11, 1, 1, 1, 'phone'), (12, 1, 25, 3, 'to')");
            return null;
        });

        assertThat(db.pendingUpgrades()).containsExactly("4 (mentions in record)");
        db.migrate();
        assertThat(db.pendingUpgrades()).isEmpty();

        List<List<StoredMention>> records = db.read(h -> h.createQuery("SELECT id, mentions FROM record ORDER BY id")
                .map((rs, ctx) -> StoredMention.decode(rs.getLong(1), rs.getString(2))).list());
        assertThat(records.get(0)).containsExactly(
                new StoredMention(11, "phone", "phone", -1, -1, "+1 415 555 0100"),
                new StoredMention(10, "text", "body", 4, 17, "A@Example.org"),
                new StoredMention(10, "sender", "from", -1, -1, null));
        assertThat(records.get(1)).containsExactly(new StoredMention(10, "sender", "from", -1, -1, null));
        assertThat(records.get(2)).hasSize(25).first().isEqualTo(new StoredMention(12, "to", "to", -1, -1, "B24@example.org"));

        // roles and spellings compared as parsed JSON (PostgreSQL writes its arrays with spaces)
        List<String> summaries = db.read(h -> h.createQuery("""
                        SELECT identifier_id, mentions, first_role, roles, spellings FROM identifier_case ORDER BY identifier_id""")
                .map((rs, ctx) -> rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + strings(rs.getString(4))
                        + " " + strings(rs.getString(5)))
                .list());
        List<String> first20 = IntStream.range(0, 25).mapToObj(i -> "B" + i + "@example.org").sorted().limit(20).toList();
        assertThat(summaries).containsExactly(
                "10 3 sender [sender, text] [A@Example.org]",
                "11 1 phone [phone] [+1 415 555 0100]",
                "12 25 to [cc, to] " + first20);
        assertThatThrownBy(() -> db.read(h -> h.createQuery("SELECT COUNT(*) FROM mention").mapTo(Integer.class).one()))
                .hasMessageContaining("mention");
    }
}
