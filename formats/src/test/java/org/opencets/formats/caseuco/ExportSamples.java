package org.opencets.formats.caseuco;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.testing.ReaderHarness;

/** A small synthetic case, as the store would hand it to the writer, for the writer and reader tests. */
final class ExportSamples {
    private ExportSamples() {
    }

    static Identifier id(IdentifierType type, String raw) {
        return Identifiers.normalise(type, raw, ReaderHarness.CONTEXT);
    }

    static Mention m(Identifier id, String role, String field) {
        return Mention.ofField(id, role, id.type() == IdentifierType.CARD ? id.display() : id.display(), field);
    }

    static CaseView view() {
        return new CaseView("TPS", "Toronto Police", "2024-17", "Payment site buyers", "agency", "alice", "alice",
                "2026-11-21T10:00:00Z", CaseUcoWriter.cardKeyCheck(ReaderHarness.CONTEXT.cardHasher()),
                List.of(new CaseView.Evidence(1, "chat.jsonl", "a".repeat(64), "jsonl", "alice", "2026-11-20T09:00:00Z"),
                        new CaseView.Evidence(2, "tx.csv", "b".repeat(64), "transactions-csv", "alice", "2026-11-20T09:05:00Z")));
    }

    static List<CaseView.Entry> entries() {
        List<CaseView.Entry> out = new ArrayList<>();
        Identifier darkstar = Identifiers.account("irc", "DarkStar");
        Identifier bluebird = Identifiers.account("irc", "bluebird");
        Identifier mail = id(IdentifierType.EMAIL, "j.smith@example.net");
        Map<String, Object> f1 = new LinkedHashMap<>();
        f1.put("platform", "irc");
        f1.put("from", "DarkStar");
        f1.put("to", "bluebird");
        f1.put("text", "mail me at j.smith@example.net");
        f1.put("time", "2024-04-01T20:00:00Z");
        out.add(new CaseView.Entry(11, 1, RecordKind.MESSAGE, 1, 0, "2024-04-01T20:00:00Z", f1,
                List.of(m(darkstar, "sender", "from"), m(bluebird, "recipient", "to"),
                        new Mention(mail, "text", "j.smith@example.net", "text", 11, 30))));
        Identifier from = id(IdentifierType.EMAIL, "seller@example.org");
        Identifier to = id(IdentifierType.EMAIL, "buyer@example.org");
        Map<String, Object> f2 = new LinkedHashMap<>();
        f2.put("subject", "order");
        f2.put("body", "see you");
        out.add(new CaseView.Entry(12, 1, RecordKind.MESSAGE, 2, 150, "2024-04-02", f2,
                List.of(m(from, "sender", "from"), m(to, "recipient", "to"))));
        Identifier card = id(IdentifierType.CARD, "4556 7375 8689 9855");
        Map<String, Object> f3 = new LinkedHashMap<>();
        f3.put("card", card.display());
        f3.put("amount", "29.99");
        f3.put("date", "2024-03-01T10:00");
        out.add(new CaseView.Entry(21, 2, RecordKind.TRANSACTION, 2, 40, "2024-03-01T10:00", f3,
                List.of(m(card, "buyer_card", "card_number"), m(id(IdentifierType.EMAIL, "J.Smith+pics@gmail.com"), "buyer_email", "email"),
                        m(id(IdentifierType.IP, "81.2.69.160"), "buyer_ip", "ip"),
                        m(id(IdentifierType.IP, "2001:db8::7"), "buyer_ip", "ips"),
                        m(id(IdentifierType.PHONE, "+1 415 555 2671"), "buyer_phone", "phone"),
                        m(id(IdentifierType.URL, "http://files.example.net/a.jpg"), "buyer_url", "url"),
                        m(id(IdentifierType.DOMAIN, "hidden-gallery.example"), "buyer_domain", "domain"),
                        m(Identifiers.device("Canon", "EOS 5D", "1234ABC"), "camera", "identifiers"),
                        m(id(IdentifierType.FILE_HASH, "0cc175b9c0f1b6a831c399e269772661"), "buyer_file", "files"),
                        m(id(IdentifierType.FILE_HASH, "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"), "buyer_file", "files"),
                        m(id(IdentifierType.PDQ, "f".repeat(64)), "buyer_file_pdq", "files"))));
        return out;
    }

    static byte[] export(CaseView view, List<CaseView.Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CaseUcoWriter w = new CaseUcoWriter(out)) {
            w.begin(view);
            for (CaseView.Entry e : entries) {
                w.record(e);
            }
            w.end();
        }
        return out.toByteArray();
    }
}
