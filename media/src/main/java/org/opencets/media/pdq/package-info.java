/**
 * PDQ, Meta's open perceptual image hash, written here from the published algorithm
 * (ThreatExchange {@code pdq/README.md} and the "PDQ and TMK+PDQF" hashing paper).
 *
 * <p>A PDQ hash is 256 bits: the signs, against their median, of the 16&times;16 lowest non-DC
 * DCT coefficients of a 64&times;64 blurred, decimated luminance image. Two images are
 * near-duplicates when the Hamming distance of their hashes is small (31 or less by convention),
 * and a hash is trusted for matching only when its quality (a gradient count, 0..100) is at least 50.
 *
 * <p>{@link org.opencets.media.pdq.PdqHasher} turns pixels into a {@link org.opencets.media.pdq.PdqResult};
 * {@link org.opencets.media.pdq.PdqHash} is the value type, printed as 64 lower-case hex digits
 * exactly as the reference implementations print it.
 */
package org.opencets.media.pdq;
