package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cets resolve run | judge | explain} on the demo's store, as an administrator meets them:
 * person links appear in {@code cets links}, a pair in a case one may not read can be neither
 * explained nor judged, and a rejection withdraws the link.
 */
class PersonResolutionCommandTest {
    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    List<JsonNode> personLinks(String user) throws Exception {
        CetsRun r = cets("links", "--as", user, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).forEach(l -> {
            if (l.get("kind").asText().equals("person")) {
                out.add(l);
            }
        });
        return out;
    }

    /** The demo's store with persons resolved: made once per test that needs it. */
    void demoResolved() {
        assertThat(cets("demo", "--records", "3000", "--quiet").code()).isZero();
        CetsRun run = cets("resolve", "run", "--as", "demo");
        assertThat(run.code()).as(run.err()).isZero();
    }

    /** The owning agency's investigator in the demo: "analyst.emc" for EMC. */
    static String investigatorOf(JsonNode side) {
        return "analyst." + side.get("case").get("agency").asText().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Findings 6, 8 and 9 of the session-6 review, as the demo's administrator (of NRP) meets them: a
     * person link into another agency's case that NRP may not read. NRP sees its own side and the
     * other case's pointer — in the link, the alert, the judgement — and nothing else of it; a record
     * id on the other side is answered like an id that does not exist; NRP judges the link from its
     * side and the other agency is told.
     */
    @Test
    void aPersonLinkIntoACaseNotSharedWithYouIsSeenAndJudgedFromYourSideOnly() throws Exception {
        demoResolved();
        JsonNode link = personLinks("demo").stream()
                .filter(l -> !l.get("a").has("record") || !l.get("b").has("record")).findFirst().orElseThrow();
        String id = link.get("id").asText();
        JsonNode own = link.get("a").has("record") ? link.get("a") : link.get("b");
        JsonNode hiddenSide = link.get("a").has("record") ? link.get("b") : link.get("a");
        String hiddenCase = hiddenSide.get("case").get("agency").asText() + "/" + hiddenSide.get("case").get("case_number").asText();
        String ownRecord = own.get("record").asText();
        // the other agency's investigator reads both sides: that is where the hidden record id and role come from
        JsonNode theirs = personLinks(investigatorOf(hiddenSide)).stream().filter(l -> l.get("id").asText().equals(id))
                .findFirst().orElseThrow();
        String side = link.get("a").has("record") ? "b" : "a";
        String hiddenRecord = theirs.get(side).get("record").asText();
        String hiddenRole = theirs.get(side).get("role").asText();
        assertThat(hiddenSide.has("role")).isFalse();

        // 8: the alert names NRP's own record and role only, with a correct article
        CetsRun alerts = cets("alerts", "--as", "demo");
        String line = alerts.out().lines().filter(l -> l.contains("person link #" + id)).findFirst().orElseThrow();
        assertThat(line).contains("in this case (record " + ownRecord + ")").doesNotContain(" a arrestee")
                .doesNotContain(" a account").doesNotContain("in the other").doesNotContain(hiddenRecord);
        if (!hiddenRole.equals(own.get("role").asText())) {
            assertThat(line).doesNotContain(hiddenRole.replace('_', ' '));
        }
        assertThat(cets("alerts", "--as", "demo", "--json").out()).doesNotContain("record " + hiddenRecord);

        // 9: the hidden record is answered exactly as a record that does not exist
        String missing = "99999999";
        for (String command : new String[] {"judge", "explain"}) {
            String[] verdict = command.equals("judge") ? new String[] {"--same"} : new String[0];
            CetsRun hidden = cets(concat(new String[] {"resolve", command, hiddenRecord, ownRecord, "--as", "demo"}, verdict));
            CetsRun absent = cets(concat(new String[] {"resolve", command, missing, ownRecord, "--as", "demo"}, verdict));
            assertThat(hidden.code()).as(command).isEqualTo(absent.code()).isEqualTo(ExitCodes.ERROR);
            assertThat(hidden.err()).as(command).isEqualTo(absent.err().replace(missing, hiddenRecord))
                    .doesNotContain(hiddenCase).doesNotContain("shared");
            assertThat(hidden.out()).isEmpty();
        }

        // 6: NRP judges the link from its side; the judgement names only its own record
        CetsRun explained = cets("resolve", "explain", "--link", id, "--as", "demo");
        assertThat(explained.code()).isEqualTo(ExitCodes.DENIED);
        assertThat(explained.err()).contains(hiddenCase).contains(hiddenSide.get("case").get("lead_contact").asText())
                .contains("--link " + id).doesNotContain(hiddenRecord);
        CetsRun judged = cets("resolve", "judge", "--link", id, "--different", "--reason", "their lead says no", "--as", "demo");
        assertThat(judged.code()).as(judged.err()).isZero();
        assertThat(judged.out()).contains("link #" + id).contains("record " + ownRecord).contains("different persons")
                .contains(hiddenCase + " — not shared with you").contains("withdrawn").doesNotContain(hiddenRecord);
        CetsRun json = cets("resolve", "judge", "--link", id, "--different", "--as", "demo", "--json");
        JsonNode view = new ObjectMapper().readTree(json.out());
        assertThat(view.get("link").asText()).isEqualTo(id);
        assertThat(view.get("case_" + side).get("shared").asBoolean()).isFalse();
        assertThat(view.has("record_" + side)).isFalse();
        assertThat(personLinks("demo")).noneMatch(l -> l.get("id").asText().equals(id));
        assertThat(cets("alerts", "--as", investigatorOf(hiddenSide)).out())
                .contains("withdrawn: an investigator of NRP judged its two records to be different persons");
        // an agency that owns neither case may not judge it: it sees the link only through NRP's side, if
        // that is shared on the network, and otherwise is told it does not exist, like a link that does not
        CetsRun third = cets("resolve", "judge", "--link", id, "--same", "--as", outsider(link));
        if (own.get("case").get("sharing").asText().equals("network")) {
            assertThat(third.code()).isEqualTo(ExitCodes.DENIED);
            assertThat(third.err()).contains("judged by investigators of");
        } else {
            CetsRun none = cets("resolve", "judge", "--link", missing, "--same", "--as", outsider(link));
            assertThat(third.code()).isEqualTo(none.code());
            assertThat(third.err()).isEqualTo(none.err().replace(missing, id));
        }

        assertThat(cets("resolve", "judge", "--link", id, ownRecord, "--same", "--as", "demo").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cets("resolve", "judge", ownRecord, "--same", "--as", "demo").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(cets("audit", "verify").code()).isZero();
    }

    /** An investigator of an agency owning neither of the link's cases, whose cases are agency-only. */
    static String outsider(JsonNode link) {
        List<String> owners = List.of(link.get("a").get("case").get("agency").asText(), link.get("b").get("case").get("agency").asText());
        return java.util.stream.Stream.of("EMC", "LPD", "SVP", "NRP").filter(a -> !owners.contains(a)).findFirst()
                .map(a -> "analyst." + a.toLowerCase(java.util.Locale.ROOT)).orElseThrow();
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void runJudgeAndExplainOnTheDemoStore() throws Exception {
        assertThat(cets("demo", "--records", "3000", "--quiet").code()).isZero();

        CetsRun denied = cets("resolve", "run", "--as", "analyst.nrp");
        assertThat(denied.code()).isEqualTo(ExitCodes.DENIED);
        assertThat(denied.err()).contains("administrators and analysts");

        CetsRun run = cets("resolve", "run", "--as", "demo", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("links_added").asInt()).isPositive();
        assertThat(report.get("records").asLong()).isGreaterThan(1000);

        List<JsonNode> links = personLinks("demo");
        assertThat(links).hasSize(report.get("links_added").asInt());
        JsonNode readable = links.stream().filter(l -> l.get("a").has("record") && l.get("b").has("record")).findFirst().orElseThrow();
        JsonNode pointer = links.stream().filter(l -> !l.get("a").has("record") || !l.get("b").has("record")).findFirst().orElseThrow();
        String a = readable.get("a").get("record").asText();
        String b = readable.get("b").get("record").asText();
        assertThat(readable.get("evidence").get("rule").asText()).isEqualTo("person resolution");

        CetsRun explained = cets("resolve", "explain", a, b, "--as", "demo");
        assertThat(explained.code()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("surname").contains("match weight").contains("one person in this run");

        String shown = pointer.get("a").has("record") ? pointer.get("a").get("record").asText() : pointer.get("b").get("record").asText();
        JsonNode hiddenSide = pointer.get("a").has("record") ? pointer.get("b") : pointer.get("a");
        String stranger = hiddenSide.get("case").get("agency").asText().equals("SVP") ? "analyst.emc" : "analyst.svp";
        assertThat(cets("resolve", "judge", shown, "1", "--different", "--as", stranger).code())
                .as("record 1 is in NRP's agency-only arrests: not found for another agency").isEqualTo(ExitCodes.ERROR);

        CetsRun judged = cets("resolve", "judge", a, b, "--different", "--reason", "test", "--as", "demo");
        assertThat(judged.code()).as(judged.err()).isZero();
        assertThat(judged.out()).contains("different persons").contains("withdrawn");
        assertThat(personLinks("demo")).hasSize(links.size() - 1);
        assertThat(cets("resolve", "judge", a, a, "--same", "--as", "demo").code()).isNotZero();
        assertThat(cets("resolve", "judge", a, b, "--as", "demo").code()).isEqualTo(ExitCodes.USAGE);

        CetsRun rerun = cets("resolve", "run", "--as", "demo");
        assertThat(rerun.out()).contains("0 added");
        assertThat(personLinks("demo")).hasSize(links.size() - 1);
        assertThat(cets("audit", "verify").code()).isZero();
    }
}
