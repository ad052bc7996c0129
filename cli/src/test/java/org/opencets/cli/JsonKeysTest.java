package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code --json} result names its keys one way, snake_case, so a program reading several
 * commands' output needs one convention. A record's own fields are data, kept as read.
 */
class JsonKeysTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @Test
    void theSharedTemporaryFolderNamingReachesThisModule() {
        // from opencets-core's test jar: paths in reports are masked where digits pass the Luhn check
        assertThat(dir.getFileName().toString()).matches("cets-test-[a-z]{12}");
    }

    @Test
    void everyJsonResultUsesSnakeCaseKeys() throws Exception {
        assertThat(cets("init", "--agency", "TPS", "--name", "Toronto", "--admin", "alice").code()).isZero();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"agency", "add", "RCMP", "--name", "Mounties", "--json"});
        commands.add(new String[] {"user", "add", "bob", "--agency", "RCMP", "--contact", "+1 613 555 0100", "--json"});
        commands.add(new String[] {"case", "create", "C1", "--agency", "TPS", "--title", "buyers", "--json"});
        commands.add(new String[] {"case", "create", "R1", "--agency", "RCMP", "--title", "ring", "--as", "bob", "--json"});
        Path tip = dir.resolve("tip.jsonl");
        Files.writeString(tip, "{\"kind\":\"tip\",\"id\":\"t1\",\"text\":\"buyer: shared.buyer@mail.test-cets.org\","
                + "\"reported_at\":\"2024-01-01T00:00:00Z\"}\n");
        Path tip2 = dir.resolve("tip2.jsonl");
        Files.writeString(tip2, "{\"kind\":\"tip\",\"id\":\"t2\",\"text\":\"again shared.buyer@mail.test-cets.org\","
                + "\"reported_at\":\"2024-02-01T00:00:00Z\"}\n");
        commands.add(new String[] {"import", "--case", "C1", "--format", "jsonl", tip.toString(), "--json"});
        commands.add(new String[] {"import", "--case", "R1", "--format", "jsonl", tip2.toString(), "--as", "bob", "--json"});
        commands.add(new String[] {"agency", "list", "--json"});
        commands.add(new String[] {"user", "list", "--json"});
        commands.add(new String[] {"case", "list", "--json"});
        commands.add(new String[] {"case", "show", "C1", "--json"});
        commands.add(new String[] {"case", "show", "C1", "--as", "bob", "--json"});
        commands.add(new String[] {"lookup", "shared.buyer@mail.test-cets.org", "--as", "bob", "--json"});
        commands.add(new String[] {"lookup", "shared.buyer@mail.test-cets.org", "--json"});
        commands.add(new String[] {"links", "--json"});
        commands.add(new String[] {"alerts", "--json"});
        commands.add(new String[] {"records", "--case", "C1", "--json"});
        commands.add(new String[] {"audit", "verify", "--json"});
        commands.add(new String[] {"audit", "list", "--json"});
        commands.add(new String[] {"resolve", "run", "--json"});
        int seen = 0;
        for (String[] command : commands) {
            CetsRun r = cets(command);
            assertThat(r.code()).as(String.join(" ", command) + ": " + r.err()).isZero();
            JsonNode node = json.readTree(r.out());
            List<String> keys = new ArrayList<>();
            collectKeys(node, keys);
            seen += keys.size();
            assertThat(keys).as(String.join(" ", command)).allMatch(k -> k.matches("[a-z0-9_]+"), "snake_case");
        }
        assertThat(seen).as("keys checked").isGreaterThan(100);
    }

    /** Every object key in the tree, except inside a record's {@code fields}, which are the data's own. */
    private static void collectKeys(JsonNode node, List<String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                keys.add(e.getKey());
                if (!e.getKey().equals("fields")) {
                    collectKeys(e.getValue(), keys);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectKeys(n, keys));
        }
    }
}
