/**
 * Matching media against what is known: exact cryptographic-hash lookups over lists of tens of
 * millions of entries, and PDQ near-neighbour search.
 *
 * <p>{@link org.opencets.media.match.PdqIndex} answers "which indexed PDQ hashes are within Hamming
 * distance r of this one" exactly (multi-index hashing with generalised pigeonhole bounds, see its
 * design note), one query at a time or a batch at a time (a join, {@code PdqJoin}).
 * {@link org.opencets.media.match.KnownHashIndex} loads known lists and matches a scanned file, each
 * {@link org.opencets.media.match.Match} carrying its provenance: list, entry, kind, distance and
 * category. {@link org.opencets.media.match.NearDuplicates} groups near-copies across a collection.
 */
package org.opencets.media.match;
