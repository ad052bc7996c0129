package org.opencets.media.scan;

import java.time.Duration;

/**
 * Counts from one scan.
 *
 * @param files    files seen (rows delivered)
 * @param decoded  files decoded as images and PDQ-hashed
 * @param failed   files with an error reason (unreadable, or not decodable as an image)
 * @param bytes    bytes read
 * @param elapsed  wall-clock time
 */
public record ScanSummary(long files, long decoded, long failed, long bytes, Duration elapsed) {
}
