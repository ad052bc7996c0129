package org.opencets.cli.resolve;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencets.core.resolve.ResolutionSettings;
import picocli.CommandLine.Option;

/** Options shared by {@code resolve dedupe} and {@code resolve link}. */
final class ResolveOptions {
    @Option(names = "--id", required = true, paramLabel = "COLUMN",
            description = "The column holding each record's id (unique; never compared).")
    String idColumn;

    @Option(names = "--clusters", required = true, paramLabel = "OUT.csv",
            description = "Where to write record_id,person_id for every input record.")
    Path clusters;

    @Option(names = "--pairs", paramLabel = "PAIRS.csv",
            description = "Where to write left_id,right_id,probability for every pair at or above the threshold.")
    Path pairs;

    @Option(names = "--explain", paramLabel = "WEIGHTS.csv",
            description = "Where to write each matched pair's match weight and the weight every attribute contributed.")
    Path explain;

    @Option(names = "--column", paramLabel = "ATTRIBUTE=HEADER",
            description = "Map an attribute to a column when its header is not a common name. Attributes: "
                    + "given_name, surname, date_of_birth, street_number, address_1, address_2, suburb, postcode, state, "
                    + "national_id, email, phone.")
    Map<String, String> columns = new LinkedHashMap<>();

    @Option(names = "--threshold", paramLabel = "P",
            description = "Posterior match probability at or above which a pair matches (default: ${DEFAULT-VALUE}, "
                    + "fixed; see docs/RESOLUTION.md).")
    double threshold = ResolutionSettings.DEFAULT_THRESHOLD_PROBABILITY;

    @Option(names = "--region", paramLabel = "CC",
            description = "Region (ISO 3166 code, e.g. AU) for phone numbers written without a country code.")
    String region;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the processors available).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Print no summary.")
    boolean quiet;

    ResolutionSettings settings() {
        ResolutionSettings s = ResolutionSettings.defaults().withThresholdProbability(threshold);
        return threads == null ? s : s.withThreads(threads);
    }
}
