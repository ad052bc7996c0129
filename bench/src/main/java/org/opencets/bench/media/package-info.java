/**
 * Benchmarks of the media engine: image hashing throughput against a reference-style baseline
 * ({@link org.opencets.bench.media.MediaHashBenchmark}) and PDQ matching at national scale
 * ({@link org.opencets.bench.media.PdqMatchBenchmark}). Each class's Javadoc gives the command.
 */
package org.opencets.bench.media;
