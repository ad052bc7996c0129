/**
 * Scanning seized media: walk folders, read each file once, and produce per-file facts — MD5,
 * SHA-1, SHA-256, PDQ hash and quality, dimensions, camera facts — or the reason a file could not
 * be read or decoded. A bad file never stops a run.
 *
 * <p>{@link org.opencets.media.scan.MediaScanner} is the entry point; results are
 * {@link org.opencets.media.scan.MediaFile} records, streamed to a consumer in walk order.
 */
package org.opencets.media.scan;
