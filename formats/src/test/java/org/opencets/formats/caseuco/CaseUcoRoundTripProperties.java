package org.opencets.formats.caseuco;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.testing.ReaderHarness;

/**
 * The law of the exchange format: what the writer writes, the reader reads back — every record with its
 * kind, time, fields and mentions (identifier, role, field, offsets) — and the document passes the
 * structural checks of the UCO shapes. Cases are drawn at random from a seed (jqwik prints the seed of a
 * failing try, and {@code @Property(seed = …)} replays it).
 */
class CaseUcoRoundTripProperties {
    private static final List<Identifier> POOL = pool();
    private static final List<RecordKind> KINDS = List.of(RecordKind.values());
    private static final List<String> ROLES = List.of("buyer_email", "reported_account", "text", "arrestee_phone", "camera",
            "attachment_of", "recipient", "sender");
    private static final List<String> FIELDS = List.of("email", "accounts", "text", "identifiers", "files", "notes");
    private static final List<String> TIMES = java.util.Arrays.asList(null, "2024-03-01", "2024-03-01T14:05",
            "2024-03-01T14:05:07.250Z", "2024-03-01T14:05+02:00", "2023-12-31T23:59:59Z");

    private static List<Identifier> pool() {
        var ctx = ReaderHarness.CONTEXT;
        List<Identifier> p = new ArrayList<>();
        for (String e : List.of("j.smith@example.net", "Bob+tag@Example.ORG", "x.y.z@gmail.com")) {
            p.add(Identifiers.normalise(IdentifierType.EMAIL, e, ctx));
        }
        for (String ph : List.of("+1 415 555 2671", "+44 7400 123456", "020 7946 0958")) {
            p.add(Identifiers.normalise(IdentifierType.PHONE, ph, ctx));
        }
        for (String c : List.of("4556737586899855", "4111 1111 1111 1111", "5555-5555-5555-4444")) {
            p.add(Identifiers.normalise(IdentifierType.CARD, c, ctx));
        }
        for (String ip : List.of("81.2.69.160", "2001:db8::7", "10.0.0.1")) {
            p.add(Identifiers.normalise(IdentifierType.IP, ip, ctx));
        }
        p.add(Identifiers.normalise(IdentifierType.URL, "http://files.example.net/a b.jpg", ctx));
        p.add(Identifiers.normalise(IdentifierType.DOMAIN, "hidden-gallery.example", ctx));
        p.add(Identifiers.account("irc", "DarkStar[away]"));
        p.add(Identifiers.account("telegram", "@Bluebird_77"));
        p.add(Identifiers.account("examplechat", "Mixed Case"));
        p.add(Identifiers.device("Canon", "EOS 5D", "1234 abc"));
        p.add(Identifiers.device(null, null, "SN-42"));
        p.add(Identifiers.normalise(IdentifierType.FILE_HASH, "0cc175b9c0f1b6a831c399e269772661", ctx));
        p.add(Identifiers.normalise(IdentifierType.FILE_HASH, "sha1:86f7e437faa5a7fce15d1ddcb9eaeaea377667b8", ctx));
        p.add(Identifiers.normalise(IdentifierType.PDQ, "0123456789abcdef".repeat(4), ctx));
        return List.copyOf(p);
    }

    @Property(tries = 60)
    void whatIsWrittenReadsBack(@ForAll long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        List<CaseView.Entry> entries = new ArrayList<>();
        int n = random.nextInt(12);
        long importId = 1;
        for (int i = 0; i < n; i++) {
            if (random.nextInt(4) == 0) {
                importId++;
            }
            entries.add(entry(random, 100 + i, importId));
        }
        byte[] bytes = ExportSamples.export(ExportSamples.view(), entries);
        assertThat(UcoStructure.check(new ObjectMapper().readTree(bytes))).isEmpty();
        ReaderHarness.Result r = ReaderHarness.read(new CaseUcoReader(), "case.jsonld", bytes);
        assertThat(r.rejected).isEmpty();
        CaseUcoReaderTest.assertSameRecords(entries, r.records);
    }

    private static CaseView.Entry entry(SplittableRandom random, long id, long importId) {
        RecordKind kind = KINDS.get(random.nextInt(KINDS.size()));
        List<Mention> mentions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int k = random.nextInt(6);
        for (int j = 0; j < k; j++) {
            Identifier identifier = POOL.get(random.nextInt(POOL.size()));
            String role = ROLES.get(random.nextInt(ROLES.size()));
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            int start = random.nextBoolean() ? -1 : random.nextInt(200);
            if (kind == RecordKind.MESSAGE && (role.equals("sender") || role.equals("recipient"))) {
                field = role.equals("sender") ? "from" : "to"; // what a message's from and to are read back as
                start = -1;
            }
            if (seen.add(identifier.key() + role + field + start)) {
                mentions.add(new Mention(identifier, role, identifier.display(), field, start, start < 0 ? -1 : start + 5));
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            fields.put("text", "note " + random.nextInt(1000) + " — «ünïcode» \"quoted\"\n line two");
        }
        if (random.nextBoolean()) {
            fields.put("amount", String.valueOf(random.nextInt(10_000) / 100.0));
        }
        if (random.nextBoolean()) {
            fields.put("to", List.of("a", "b"));
        }
        if (kind == RecordKind.MESSAGE && random.nextBoolean()) {
            fields.put("platform", "IRC");
        }
        String time = TIMES.get(random.nextInt(TIMES.size()));
        return new CaseView.Entry(id, importId, kind, 1 + random.nextInt(10_000), random.nextBoolean() ? -1 : random.nextInt(1 << 20),
                time, fields, mentions);
    }
}
