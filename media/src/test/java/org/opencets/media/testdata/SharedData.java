package org.opencets.media.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benign PDQ test vectors in {@code ../shared/data/pdq}, found through the system property
 * {@code cets.shared.dir}; tests that need them are skipped, with a message, when they are absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@code <shared>/data/pdq}, or a skipped test. */
    public static Path pdqDir() {
        String shared = System.getProperty("cets.shared.dir");
        assumeTrue(shared != null, "skipped: system property cets.shared.dir is not set (surefire sets it to ../shared)");
        Path dir = Path.of(shared, "data", "pdq");
        assumeTrue(Files.isDirectory(dir), "skipped: shared PDQ test data not found at " + dir.toAbsolutePath());
        return dir;
    }

    /** One line of an expected-output file: {@code hash=<hex>,quality=<n>,filename=<path>}. */
    public record Expected(String hash, int quality, String filename) {
    }

    /** Parses an expected file; lines without a quality get -1. */
    public static List<Expected> expected(String name) throws IOException {
        List<Expected> out = new ArrayList<>();
        for (String line : Files.readAllLines(pdqDir().resolve("expected").resolve(name))) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String part : line.split(",")) {
                int eq = part.indexOf('=');
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
            String q = fields.get("quality");
            out.add(new Expected(fields.get("hash"), q == null ? -1 : Integer.parseInt(q), fields.get("filename")));
        }
        return out;
    }
}
