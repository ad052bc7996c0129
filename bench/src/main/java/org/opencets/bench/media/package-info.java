/**
 * Benchmarks of the media engine: image hashing throughput against a reference-style baseline
 * ({@link org.opencets.bench.media.MediaHashBenchmark}) and PDQ matching at national scale
 * ({@link org.opencets.bench.media.PdqMatchBenchmark}, which also times the previous PDQ index,
 * kept here unchanged as {@code LegacyPdqIndex}, on the same queries). Each class's Javadoc gives the
 * command.
 */
package org.opencets.bench.media;
