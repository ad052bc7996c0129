package org.opencets.bench.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How right the person links of {@code cets resolve run} are on a demo store, against the
 * scenario's truth: every synthetic person with the records written about them.
 *
 * <p>A person link is correct when its two records belong to the same true person. A true
 * cross-case pair is a pair of cases that both hold a <em>named</em> record of one person (a
 * record with a surname or a cardholder name: chat messages and tips without a subject name cannot
 * be resolved by name, and are linked, if at all, by shared identifiers). Recall is the share of
 * those case pairs that some correct person link joins.
 *
 * <pre>
 * CETS_HOME=/tmp/d ./cets demo && CETS_HOME=/tmp/d ./cets resolve run --as demo
 * java -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *      org.opencets.bench.resolve.PersonLinkAccuracy /tmp/d /tmp/d/demo-scenario/truth.json
 * </pre>
 */
public final class PersonLinkAccuracy {
    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CETS_HOME truth.json");
        }
        Path home = Path.of(args[0]);
        JsonNode truth = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        // "AGENCY/…/file:line" → person, keyed as AGENCY|file|line
        Map<String, String> personOfRow = new HashMap<>();
        for (JsonNode p : truth.get("persons")) {
            for (JsonNode r : p.get("records")) {
                String ref = r.asText();
                int colon = ref.lastIndexOf(':');
                String path = ref.substring(0, colon);
                String agency = path.substring(0, path.indexOf('/'));
                String file = path.substring(path.lastIndexOf('/') + 1);
                personOfRow.put(agency + "|" + file + "|" + ref.substring(colon + 1), p.get("id").asText());
            }
        }
        Map<Long, String> personOfRecord = new HashMap<>();
        Map<String, Set<Long>> namedCases = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("cets.db"));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT r.id, a.code, i.file_name, r.line, r.case_id, r.data FROM record r
                    JOIN import_run i ON i.id = r.import_id JOIN case_file cf ON cf.id = r.case_id
                    JOIN agency a ON a.id = cf.agency_id""")) {
                while (rs.next()) {
                    String person = personOfRow.get(rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4));
                    if (person == null) {
                        continue;
                    }
                    personOfRecord.put(rs.getLong(1), person);
                    JsonNode data = json.readTree(rs.getString(6));
                    if (data.hasNonNull("surname") || data.hasNonNull("last_name")
                            || data.hasNonNull("cardholder_name") && data.get("cardholder_name").asText().trim().contains(" ")) {
                        namedCases.computeIfAbsent(person, k -> new HashSet<>()).add(rs.getLong(5));
                    }
                }
            }
            Set<String> truePairs = new HashSet<>();
            namedCases.forEach((person, cases) -> {
                for (long a : cases) {
                    for (long b : cases) {
                        if (a < b) {
                            truePairs.add(person + ":" + a + ":" + b);
                        }
                    }
                }
            });
            int links = 0;
            int correct = 0;
            Set<String> found = new HashSet<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT case_a, record_a, case_b, record_b FROM link WHERE kind = 'person' AND withdrawn_at IS NULL")) {
                while (rs.next()) {
                    links++;
                    String pa = personOfRecord.get(rs.getLong(2));
                    String pb = personOfRecord.get(rs.getLong(4));
                    if (pa != null && pa.equals(pb)) {
                        correct++;
                        found.add(pa + ":" + Math.min(rs.getLong(1), rs.getLong(3)) + ":" + Math.max(rs.getLong(1), rs.getLong(3)));
                    }
                }
            }
            found.retainAll(truePairs);
            System.out.printf(Locale.ROOT, "person links: %d, correct %d; precision %.4f%n", links, correct,
                    links == 0 ? 1.0 : correct / (double) links);
            System.out.printf(Locale.ROOT, "true cross-case pairs of named records: %d, joined by a correct link %d; recall %.4f%n",
                    truePairs.size(), found.size(), truePairs.isEmpty() ? 1.0 : found.size() / (double) truePairs.size());
        }
    }
}
