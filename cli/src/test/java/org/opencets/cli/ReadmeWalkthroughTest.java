package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Using it" walk-through, run line by line as written (the files it imports are in
 * {@code examples/}): every command succeeds, and the links and alerts it promises appear.
 */
class ReadmeWalkthroughTest {
    @TempDir
    Path dir;

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void theWalkThroughRunsAsWritten() throws Exception {
        List<String> lines = walkThrough(Files.readAllLines(REPO.resolve("README.md")));
        assertThat(lines).as("the README's 'Using it' commands").hasSizeGreaterThan(8);
        Map<String, CetsRun> runs = new LinkedHashMap<>();
        for (String line : lines) {
            List<String> words = words(line);
            if (words.get(0).equals("export")) {
                continue; // CETS_HOME: this test's own folder
            }
            assertThat(words.get(0)).as(line).isEqualTo("./cets");
            List<String> args = new ArrayList<>();
            for (String w : words.subList(1, words.size())) {
                args.add(w.startsWith("examples/") ? REPO.resolve(w).toString() : w);
            }
            CetsRun r = CetsRun.in(dir.resolve("home"), args.toArray(String[]::new));
            assertThat(r.code()).as(line + "\n" + r.err()).isZero();
            runs.put(String.join(" ", words.subList(1, Math.min(3, words.size()))), r);
        }
        assertThat(runs.get("lookup j.smith+shop@gmail.com").out()).contains("seen in 2 cases")
                .contains("TPS/2024-17 — not shared with you; contact alice");
        assertThat(runs.get("links --case").out()).contains("via email:").contains("via card:");
        assertThat(runs.get("alerts --as").out()).contains("previously seen");
        assertThat(runs.get("audit verify").out()).contains("intact");
    }

    /** The lines of the first shell block after "## Using it", without comments. */
    static List<String> walkThrough(List<String> readme) {
        int heading = readme.indexOf("## Using it");
        assertThat(heading).as("README has '## Using it'").isNotNegative();
        int start = heading;
        while (!readme.get(start).equals("```sh")) {
            start++;
        }
        List<String> out = new ArrayList<>();
        for (int i = start + 1; !readme.get(i).equals("```"); i++) {
            String line = readme.get(i).replaceAll("\\s+#.*$", "").strip();
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    /** Words as a POSIX shell splits this README's lines: blanks, and double quotes around words. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }
}
