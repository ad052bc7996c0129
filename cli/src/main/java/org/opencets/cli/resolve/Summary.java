package org.opencets.cli.resolve;

import java.util.Locale;
import org.opencets.core.resolve.Resolution;
import org.opencets.core.resolve.ResolutionStats;
import picocli.CommandLine.Model.CommandSpec;

/** The one-paragraph report a run prints on standard error (nothing with {@code --quiet}). */
final class Summary {
    private Summary() {
    }

    static void print(CommandSpec spec, ResolveOptions options, Resolution r) {
        if (options.quiet) {
            return;
        }
        ResolutionStats s = r.stats();
        double seconds = s.totalNanos() / 1e9;
        spec.commandLine().getErr().printf(Locale.ROOT,
                "resolved %,d records into %,d persons: %,d candidate pairs scored, %,d at or above p=%.2f, "
                        + "%.2f s (%,.0f records/s)%n",
                s.records(), s.persons(), s.candidatePairs(), s.pairsAboveThreshold(), s.thresholdProbability(), seconds,
                s.records() / Math.max(seconds, 1e-9));
        spec.commandLine().getErr().flush();
    }
}
