package org.opencets.core.resolve;

/**
 * How a resolution run behaves. {@link #defaults()} is what the command line and the store use; the
 * default threshold is fixed here on principle (see {@link #DEFAULT_THRESHOLD_PROBABILITY}) and is
 * never chosen per data set.
 *
 * @param thresholdProbability posterior match probability at or above which a pair is a match
 * @param maxBlockSize         blocks larger than this are skipped (their pairs are not compared by
 *                             that rule); the other rules still see the records
 * @param randomPairs          how many random pairs estimate the u probabilities
 * @param seed                 seed of the random pair sample, so that runs are reproducible
 * @param threads              worker threads for comparing pairs
 */
public record ResolutionSettings(double thresholdProbability, int maxBlockSize, int randomPairs, long seed, int threads) {
    /**
     * A pair is a match when its posterior probability of being one is at least one half: the Bayes
     * decision rule when a false link and a missed link cost the same. The posterior uses the prior
     * probability that two random records match, which the model estimates from the data (no
     * labels). Chosen before any accuracy was measured and not tuned since.
     */
    public static final double DEFAULT_THRESHOLD_PROBABILITY = 0.5;
    public static final int DEFAULT_MAX_BLOCK_SIZE = 500;
    public static final int DEFAULT_RANDOM_PAIRS = 1_000_000;
    public static final long DEFAULT_SEED = 20261121L;

    public ResolutionSettings {
        if (!(thresholdProbability > 0 && thresholdProbability < 1)) {
            throw new IllegalArgumentException("threshold probability must be strictly between 0 and 1, got " + thresholdProbability);
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("max block size must be at least 2, got " + maxBlockSize);
        }
        if (randomPairs < 1000) {
            throw new IllegalArgumentException("need at least 1000 random pairs to estimate u probabilities, got " + randomPairs);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    public static ResolutionSettings defaults() {
        return new ResolutionSettings(DEFAULT_THRESHOLD_PROBABILITY, DEFAULT_MAX_BLOCK_SIZE, DEFAULT_RANDOM_PAIRS,
                DEFAULT_SEED, Runtime.getRuntime().availableProcessors());
    }

    public ResolutionSettings withThresholdProbability(double p) {
        return new ResolutionSettings(p, maxBlockSize, randomPairs, seed, threads);
    }

    public ResolutionSettings withMaxBlockSize(int size) {
        return new ResolutionSettings(thresholdProbability, size, randomPairs, seed, threads);
    }

    public ResolutionSettings withThreads(int n) {
        return new ResolutionSettings(thresholdProbability, maxBlockSize, randomPairs, seed, n);
    }

    public ResolutionSettings withSeed(long s) {
        return new ResolutionSettings(thresholdProbability, maxBlockSize, randomPairs, s, threads);
    }

    /** The threshold as a match weight in bits: log2(p / (1 - p)); 0 for p = 0.5. */
    public double thresholdWeight() {
        return Math.log(thresholdProbability / (1 - thresholdProbability)) / Math.log(2);
    }
}
