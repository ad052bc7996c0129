package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E-mail evidence as a new user meets it: {@code cets import --format auto --json} on an mbox and on
 * a single message, then {@code cets lookup} of a sender, an attachment hash and an originating IP,
 * each found in the case its file went into.
 */
class EmailImportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    static byte[] attachment() {
        byte[] b = new byte[5000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    static String mailbox() {
        String b64 = Base64.getMimeEncoder().encodeToString(attachment());
        return """
                From j.smith.buyer@gmail.com Fri Nov 21 10:15:32 2026
                Received: from client.isp.test (client.isp.test [81.2.69.160])
                \tby mx.example.org with ESMTP; Fri, 21 Nov 2026 10:15:32 +0000
                From: =?UTF-8?Q?J=C3=B6rg_Smith?= <J.Smith.Buyer@gmail.com>
                To: seller@example.org
                Subject: the files
                Date: Fri, 21 Nov 2026 10:15:30 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Here they are.
                --b1
                Content-Type: image/jpeg; name="set1.jpg"
                Content-Transfer-Encoding: base64

                """ + b64 + """

                --b1--

                From seller@example.org Fri Nov 21 11:00:00 2026
                From: seller@example.org
                To: j.smith.buyer@gmail.com
                Subject: Re: the files
                Date: Fri, 21 Nov 2026 11:00:00 +0000

                >From now on use the other address.

                From seller@example.org Fri Nov 21 11:05:00 2026
                From: seller@example.org
                To: j.smith.buyer@gmail.com
                Subject: no date below
                X-Originating-IP: [81.2.69.192]

                third
                """;
    }

    @Test
    void mboxAndEmlImportWithAutoDetectionAndLookUpInTheRightCase() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "CA", "--admin", "alice").code()).isZero();
        assertThat(cets("case", "create", "M1", "--agency", "TPS", "--title", "Mailbox").code()).isZero();
        assertThat(cets("case", "create", "M2", "--agency", "TPS", "--title", "Single message").code()).isZero();

        Path mbox = dir.resolve("seized-mailbox");
        Files.writeString(mbox, mailbox(), StandardCharsets.UTF_8);
        CetsRun imported = cets("import", "--case", "M1", "--format", "auto", mbox.toString(), "--json");
        assertThat(imported.code()).as(imported.err()).isZero();
        JsonNode report = JSON.readTree(imported.out());
        assertThat(report.get("format").asText()).isEqualTo("mbox");
        assertThat(report.get("records").asInt()).isEqualTo(3);
        assertThat(report.get("rejected").asInt()).isZero();
        List<String> warnings = new ArrayList<>();
        report.get("warnings").forEach(w -> warnings.add(w.asText()));
        String text = mailbox();
        long thirdLine = text.substring(0, text.indexOf("From seller@example.org Fri Nov 21 11:05")).lines().count() + 1;
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("line " + thirdLine + ":").contains("no Date header"));

        Path eml = dir.resolve("tip-attachment.eml");
        Files.writeString(eml, """
                Received: from [81.2.69.140] (helo=laptop) by mx.example.org; Sat, 22 Nov 2026 09:00:00 +0000
                Message-ID: <x1@isp.test>
                From: Other Person <other.person@gmail.com>
                To: j.smith.buyer@gmail.com
                Date: Sat, 22 Nov 2026 09:00:00 +0000
                MIME-Version: 1.0
                Content-Type: text/plain; charset=us-ascii

                call me
                """, StandardCharsets.US_ASCII);
        CetsRun second = cets("import", "--case", "M2", "--format", "auto", eml.toString(), "--json");
        assertThat(second.code()).as(second.err()).isZero();
        JsonNode secondReport = JSON.readTree(second.out());
        assertThat(secondReport.get("format").asText()).isEqualTo("eml");
        assertThat(secondReport.get("records").asInt()).isEqualTo(1);

        // the sender, as written with capitals, is found in the mailbox's case with role sender
        JsonNode sender = lookup("J.Smith.Buyer@gmail.com");
        assertThat(sender.get("identifier").asText()).isEqualTo("j.smith.buyer@gmail.com");
        assertThat(casesWithRoles(sender)).containsEntry("M1", List.of("recipient", "sender"))
                .containsEntry("M2", List.of("recipient"));

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(attachment()));
        JsonNode hash = lookup("sha256:" + sha256);
        assertThat(casesWithRoles(hash)).containsExactly(Map.entry("M1", List.of("attachment")));
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(attachment()));
        assertThat(casesWithRoles(lookup(md5))).containsExactly(Map.entry("M1", List.of("attachment")));

        assertThat(casesWithRoles(lookup("81.2.69.192"))).containsExactly(Map.entry("M1", List.of("originating_ip")));
        assertThat(casesWithRoles(lookup("81.2.69.160"))).containsExactly(Map.entry("M1", List.of("received_ip")));
        assertThat(casesWithRoles(lookup("81.2.69.140"))).containsExactly(Map.entry("M2", List.of("received_ip")));
        assertThat(casesWithRoles(lookup("other.person@gmail.com"))).containsExactly(Map.entry("M2", List.of("sender")));

        CetsRun wrong = cets("import", "--case", "M2", "--format", "eml", mbox.toString());
        assertThat(wrong.code()).isNotZero();
        assertThat(wrong.err()).contains("looks like mbox");
        CetsRun wrongWay = cets("import", "--case", "M1", "--format", "mbox", eml.toString());
        assertThat(wrongWay.code()).isNotZero();
        assertThat(wrongWay.err()).contains("looks like eml");
    }

    private JsonNode lookup(String value) throws Exception {
        CetsRun r = cets("lookup", value, "--json", "--reason", "test");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode node = JSON.readTree(r.out());
        assertThat(node.get("seen").asBoolean()).as(value).isTrue();
        return node;
    }

    private static Map<String, List<String>> casesWithRoles(JsonNode lookup) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (JsonNode hit : lookup.get("cases")) {
            List<String> roles = new ArrayList<>();
            hit.get("roles").forEach(r -> roles.add(r.asText()));
            roles.sort(null);
            out.put(hit.get("case").get("case_number").asText(), roles);
        }
        return out;
    }
}
