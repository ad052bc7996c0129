package org.opencets.cli.resolve;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencets.core.resolve.AttributeWeight;
import org.opencets.core.resolve.PairExplanation;
import org.opencets.core.resolve.Resolution;
import org.opencets.core.resolve.ScoredPair;

/**
 * Writes a resolution's outputs all or nothing: each file goes to a temporary file beside its
 * target, and the temporaries are moved into place only once every one is complete.
 *
 * <pre>
 * clusters: record_id,person_id        one row per input record, in input order
 * pairs:    left_id,right_id,probability one row per pair at or above the threshold
 * explain:  left_id,right_id,probability,match_weight,prior,&lt;comparison&gt;... (weights in bits)
 * </pre>
 */
final class ResolutionFiles {
    private ResolutionFiles() {
    }

    static void write(Resolution resolution, Path clusters, Path pairs, Path explain) {
        List<Path[]> staged = new ArrayList<>();
        try {
            staged.add(new Path[] {stage(clusters, w -> {
                w.writeRecord("record_id", "person_id");
                for (String id : resolution.recordIds()) {
                    w.writeRecord(id, resolution.personOf(id));
                }
            }), clusters});
            List<ScoredPair> matches = pairs != null || explain != null ? modelMatches(resolution) : List.of();
            if (pairs != null) {
                staged.add(new Path[] {stage(pairs, w -> {
                    w.writeRecord("left_id", "right_id", "probability");
                    for (ScoredPair p : matches) {
                        w.writeRecord(p.firstId(), p.secondId(), probability(p.probability()));
                    }
                }), pairs});
            }
            if (explain != null) {
                staged.add(new Path[] {stage(explain, w -> writeExplanations(resolution, matches, w)), explain});
            }
            for (Path[] s : staged) {
                move(s[0], s[1]);
            }
            staged.clear();
        } finally {
            for (Path[] s : staged) {
                try {
                    Files.deleteIfExists(s[0]);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and named after the target
                }
            }
        }
    }

    private static List<ScoredPair> modelMatches(Resolution resolution) {
        List<ScoredPair> out = new ArrayList<>();
        for (ScoredPair p : resolution.matches()) {
            if (p.source() == ScoredPair.Source.MODEL) {
                out.add(p);
            }
        }
        return out;
    }

    private static void writeExplanations(Resolution resolution, List<ScoredPair> matches, CsvWriter w) {
        List<String> header = new ArrayList<>(List.of("left_id", "right_id", "probability", "match_weight", "prior"));
        boolean first = true;
        for (ScoredPair p : matches) {
            PairExplanation e = resolution.explain(p.firstId(), p.secondId());
            if (first) {
                for (AttributeWeight a : e.contributions()) {
                    header.add(a.comparison());
                }
                w.writeRecord(header);
                first = false;
            }
            List<String> row = new ArrayList<>(header.size());
            row.add(p.firstId());
            row.add(p.secondId());
            row.add(probability(e.probability()));
            row.add(bits(e.matchWeight()));
            row.add(bits(e.priorWeight()));
            for (AttributeWeight a : e.contributions()) {
                row.add(bits(a.weight()));
            }
            w.writeRecord(row);
        }
        if (first) {
            w.writeRecord(header);
        }
    }

    static String probability(double p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }

    private static String bits(double w) {
        return String.format(Locale.ROOT, "%.3f", w);
    }

    private interface Content {
        void write(CsvWriter w);
    }

    private static Path stage(Path target, Content content) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (CsvWriter w = CsvWriter.builder().build(tmp)) {
                content.write(w);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + to + ": " + e.getMessage(), e);
        }
    }
}
