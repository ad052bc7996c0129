package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CASE/UCO exchange as a user meets it: a case imported from canonical JSON Lines is exported with
 * {@code cets case export}, the export is imported into a second case with {@code --format auto}, and
 * every identifier and message text comes back; a user of another agency may not export the case.
 */
class CaseUcoExchangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    CetsRun ok(String... args) {
        CetsRun r = cets(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err() + r.out()).isZero();
        return r;
    }

    static final String SAMPLE = String.join("\n",
            "{\"kind\":\"message\",\"time\":\"2024-04-01T20:00:00Z\",\"platform\":\"irc\",\"from\":\"darkstar\",\"to\":[\"bluebird\",\"Wren\"],\"text\":\"mail me at j.smith@example.net or see http://files.example.net/a.jpg\"}",
            "{\"kind\":\"message\",\"time\":\"2024-04-01T20:05\",\"platform\":\"telegram\",\"from\":\"@Bluebird_77\",\"text\":\"call +44 7400 123456\"}",
            "{\"kind\":\"transaction\",\"time\":\"2024-03-01T10:00:00Z\",\"amount\":\"29.99\",\"card_number\":\"4556 7375 8689 9855\",\"email\":\"J.Smith+pics@gmail.com\",\"ip\":\"81.2.69.160\",\"merchant\":\"Hidden Gallery\"}",
            "{\"kind\":\"tip\",\"time\":\"2024-05-02T08:00:00Z\",\"accounts\":[{\"platform\":\"examplechat\",\"handle\":\"DarkStar\",\"email\":\"ds@example.org\"}],\"ips\":[\"2001:db8::7\"],\"files\":[{\"name\":\"a.jpg\",\"md5\":\"0cc175b9c0f1b6a831c399e269772661\",\"sha256\":\"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb\"}],\"identifiers\":[{\"type\":\"device\",\"value\":\"Canon|EOS 5D|1234ABC\"},{\"type\":\"domain\",\"value\":\"hidden-gallery.example\"}],\"text\":\"uploader also used card 4111 1111 1111 1111\"}",
            "{\"kind\":\"arrest\",\"date\":\"2023-11-05\",\"given_name\":\"John\",\"surname\":\"Smith\",\"phone\":\"+1 415 555 2671\"}",
            "");

    @Test
    void aCaseExportedAsCaseUcoImportsIntoAnotherCaseWithTheSameIdentifiersAndTexts() throws Exception {
        ok("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "GB", "--admin", "alice");
        ok("agency", "add", "RCMP", "--name", "RCMP", "--region", "CA");
        ok("user", "add", "bob", "--agency", "RCMP");
        ok("case", "create", "C1", "--agency", "TPS", "--title", "Buyers");
        ok("case", "create", "C2", "--agency", "TPS", "--title", "Received from partner");
        Path sample = dir.resolve("sample.jsonl");
        Files.writeString(sample, SAMPLE);
        JsonNode first = JSON.readTree(ok("import", "--case", "C1", "--format", "auto", sample.toString(), "--json").out());
        assertThat(first.get("records").asInt()).isEqualTo(5);

        Path export = Files.createDirectories(dir.resolve("out")).resolve("c1.jsonld");
        JsonNode exported = JSON.readTree(ok("case", "export", "C1", "--format", "case-uco", "--output", export.toString(),
                "--reason", "exchange test", "--json").out());
        assertThat(exported.get("records").asInt()).isEqualTo(5);
        String text = Files.readString(export);
        assertThat(text).doesNotContain("4556737586899855").doesNotContain("4556 7375 8689 9855")
                .doesNotContain("4111111111111111").doesNotContain("4111 1111 1111 1111");
        assertThat(text).contains("\"@type\" : \"uco-core:Bundle\"").contains("https://ontology.unifiedcyberontology.org/uco/core/");

        JsonNode second = JSON.readTree(ok("import", "--case", "C2", "--format", "auto", export.toString(), "--json").out());
        assertThat(second.get("format").asText()).isEqualTo("case-uco");
        assertThat(second.get("records").asInt()).isEqualTo(5);
        assertThat(second.get("rejected").asInt()).isZero();

        for (String value : List.of("j.smith@example.net", "jsmith@gmail.com", "ds@example.org", "irc:darkstar", "irc:wren",
                "telegram:bluebird_77", "+447400123456", "+14155552671", "81.2.69.160", "2001:db8::7",
                "http://files.example.net/a.jpg", "md5:0cc175b9c0f1b6a831c399e269772661",
                "sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
                "4556737586899855", "4111111111111111")) {
            assertThat(casesHolding(value)).as(value).containsExactly("TPS/C1", "TPS/C2");
        }
        assertThat(casesHolding("examplechat:DarkStar", "account")).containsExactly("TPS/C1", "TPS/C2");
        assertThat(casesHolding("hidden-gallery.example", "domain")).containsExactly("TPS/C1", "TPS/C2");
        assertThat(casesHolding("canon|eos 5d|1234ABC", "device")).containsExactly("TPS/C1", "TPS/C2");

        // the second case, exported again, holds the same identifier nodes and message texts as the first
        Path again = dir.resolve("c2.jsonld");
        ok("case", "export", "TPS/C2", "--output", again.toString());
        JsonNode a = JSON.readTree(export.toFile());
        JsonNode b = JSON.readTree(again.toFile());
        assertThat(identifierNodeIds(b)).isEqualTo(identifierNodeIds(a)).hasSize(19);
        assertThat(texts(b)).isEqualTo(texts(a)).contains("call +44 7400 123456");
        assertThat(kinds(b)).isEqualTo(kinds(a));
    }

    @Test
    void aUserWhoMayNotReadTheCaseCannotExportItAndNoFileIsLeft() throws Exception {
        ok("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "GB", "--admin", "alice");
        ok("agency", "add", "RCMP", "--name", "RCMP", "--region", "CA");
        ok("user", "add", "bob", "--agency", "RCMP");
        ok("case", "create", "C1", "--agency", "TPS", "--title", "Buyers");
        Path sample = dir.resolve("sample.jsonl");
        Files.writeString(sample, SAMPLE);
        ok("import", "--case", "C1", sample.toString());
        Path out = dir.resolve("stolen.jsonld");
        CetsRun denied = cets("case", "export", "TPS/C1", "--output", out.toString(), "--as", "bob");
        assertThat(denied.code()).isEqualTo(ExitCodes.DENIED);
        assertThat(denied.err()).contains("not shared with bob");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        CetsRun audit = ok("audit", "list", "--json");
        assertThat(audit.out()).contains("case.export").contains("denied");
        assertThat(ok("case", "share", "C1", "--sharing", "NETWORK").out()).isEqualTo("Case TPS/C1 sharing is now network\n");
        ok("case", "export", "TPS/C1", "--output", out.toString(), "--as", "bob", "--reason", "deconfliction");
        assertThat(out).exists();
        assertThat(cets("case", "export", "TPS/C1", "--output", out.toString(), "--format", "stix").code())
                .isEqualTo(ExitCodes.USAGE);
        ok("audit", "verify");
    }

    @Test
    void anExportGoesOnlyWhereTheUserSaid() throws Exception {
        ok("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "GB", "--admin", "alice");
        ok("case", "create", "C1", "--agency", "TPS", "--title", "Buyers");
        Path typo = dir.resolve("no-such-folder").resolve("c1.jsonld");
        CetsRun missing = cets("case", "export", "C1", "--output", typo.toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).startsWith("cets: ").contains("no such folder");
        assertThat(dir.resolve("no-such-folder")).doesNotExist();
        CetsRun folder = cets("case", "export", "C1", "--output", dir.toString());
        assertThat(folder.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(folder.err()).contains("is a folder").doesNotContain(".partial");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    /** A bundle in the style of the published CASE examples (not written by OpenCETS), as a user would receive it. */
    static final String FOREIGN = """
            {"@context": {"kb": "http://example.org/kb/",
               "uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
               "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/",
               "xsd": "http://www.w3.org/2001/XMLSchema#"},
             "@graph": [
              {"@id": "kb:message-1a2b3c4d-0000-4000-8000-000000000001", "@type": "uco-observable:Message",
               "uco-core:hasFacet": [{"@id": "kb:message-facet-1a2b3c4d-0000-4000-8000-000000000002",
                 "@type": "uco-observable:MessageFacet",
                 "uco-observable:application": {"@id": "kb:application-1a2b3c4d-0000-4000-8000-000000000003"},
                 "uco-observable:from": {"@id": "kb:account-1a2b3c4d-0000-4000-8000-000000000004"},
                 "uco-observable:to": [{"@id": "kb:phone-account-1a2b3c4d-0000-4000-8000-000000000005"}],
                 "uco-observable:messageText": "new set tonight, pay to pics.seller@example.org",
                 "uco-observable:sentTime": {"@type": "xsd:dateTime", "@value": "2024-06-01T21:15:00Z"}}]},
              {"@id": "kb:application-1a2b3c4d-0000-4000-8000-000000000003", "@type": "uco-observable:Application",
               "uco-core:name": "WhatsApp"},
              {"@id": "kb:account-1a2b3c4d-0000-4000-8000-000000000004", "@type": "uco-observable:ApplicationAccount",
               "uco-core:hasFacet": [{"@id": "kb:account-facet-1a2b3c4d-0000-4000-8000-000000000006",
                 "@type": "uco-observable:AccountFacet", "uco-observable:accountIdentifier": "Rob_77"}]},
              {"@id": "kb:phone-account-1a2b3c4d-0000-4000-8000-000000000005", "@type": "uco-observable:PhoneAccount",
               "uco-core:hasFacet": [{"@id": "kb:phone-account-facet-1a2b3c4d-0000-4000-8000-000000000007",
                 "@type": "uco-observable:PhoneAccountFacet", "uco-observable:phoneNumber": "+1 415 555 2671"}]}
             ]}
            """;

    @Test
    void aBundleInThePublishedExampleStyleImportsAndItsIdentifiersAreFound() throws Exception {
        ok("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "GB", "--admin", "alice");
        ok("case", "create", "C9", "--agency", "TPS", "--title", "Received bundle");
        Path bundle = dir.resolve("received.json");
        Files.writeString(bundle, FOREIGN);
        CetsRun wrong = cets("import", "--case", "C9", "--format", "transactions-csv", bundle.toString());
        assertThat(wrong.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrong.err()).contains("looks like case-uco");
        JsonNode report = JSON.readTree(ok("import", "--case", "C9", "--format", "auto", bundle.toString(), "--json").out());
        assertThat(report.get("format").asText()).isEqualTo("case-uco");
        assertThat(report.get("records").asInt()).isEqualTo(1);
        assertThat(casesHolding("whatsapp:rob_77")).containsExactly("TPS/C9");
        assertThat(casesHolding("+1 415 555 2671")).containsExactly("TPS/C9");
        assertThat(casesHolding("pics.seller@example.org")).containsExactly("TPS/C9");
    }

    private List<String> casesHolding(String value, String... type) throws Exception {
        List<String> args = new ArrayList<>(List.of("lookup", value, "--json"));
        if (type.length > 0) {
            args.add("--type");
            args.add(type[0]);
        }
        JsonNode r = JSON.readTree(ok(args.toArray(String[]::new)).out());
        List<String> cases = new ArrayList<>();
        for (JsonNode h : r.path("cases")) {
            cases.add(h.path("case").path("agency").asText() + "/" + h.path("case").path("case_number").asText());
        }
        return cases;
    }

    private static TreeSet<String> identifierNodeIds(JsonNode bundle) {
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode n : bundle.path("uco-core:object")) {
            String id = n.path("@id").asText();
            if (id.matches("kb:(email-address|phone-account|application-account|ipv4-address|ipv6-address|url|domain-name"
                    + "|device|content-data|payment-card)-.*")) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static TreeSet<String> texts(JsonNode bundle) {
        TreeSet<String> texts = new TreeSet<>();
        for (JsonNode n : bundle.path("uco-core:object")) {
            for (JsonNode f : n.path("uco-core:hasFacet")) {
                for (String p : List.of("uco-observable:messageText", "uco-observable:body", "uco-observable:eventRecordText")) {
                    if (f.has(p)) {
                        texts.add(f.get(p).asText());
                    }
                }
            }
        }
        return texts;
    }

    private static List<String> kinds(JsonNode bundle) {
        List<String> kinds = new ArrayList<>();
        for (JsonNode n : bundle.path("uco-core:object")) {
            if (n.has("opencets:recordKind")) {
                kinds.add(n.get("opencets:recordKind").asText());
            }
        }
        kinds.sort(null);
        return kinds;
    }
}
