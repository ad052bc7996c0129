package org.opencets.media.scan;

/**
 * How to scan.
 *
 * @param applyExifOrientation hash the picture as a viewer shows it (EXIF orientation applied);
 *                             off by default, as in the reference tools
 * @param threads              worker threads (1 = on the calling thread's pace, still in order)
 * @param minDecodedSide       a large image is decoded subsampled by the largest whole factor that
 *                             keeps its shorter side at least this long; 0 decodes at full size. See
 *                             {@link #DEFAULT_MIN_DECODED_SIDE} for the accuracy this keeps.
 * @param maxDecodeBytes       files larger than this are hashed (MD5/SHA) but not decoded
 */
public record ScanOptions(boolean applyExifOrientation, int threads, int minDecodedSide, long maxDecodeBytes) {

    /**
     * Shorter side kept when subsampling large images. At 1024 the PDQ hashes of the 12-megapixel
     * test photos stay within a few bits of the full-size hash (measured in
     * {@code DecodeToleranceTest} and the hashing benchmark).
     */
    public static final int DEFAULT_MIN_DECODED_SIDE = 1024;

    public ScanOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (minDecodedSide < 0) {
            throw new IllegalArgumentException("minDecodedSide must be 0 (full size) or positive, got " + minDecodedSide);
        }
        if (maxDecodeBytes < 1) {
            throw new IllegalArgumentException("maxDecodeBytes must be positive, got " + maxDecodeBytes);
        }
    }

    /** One thread per core, no EXIF rotation, subsampling to {@link #DEFAULT_MIN_DECODED_SIDE}, 512 MiB files. */
    public static ScanOptions defaults() {
        return new ScanOptions(false, Runtime.getRuntime().availableProcessors(), DEFAULT_MIN_DECODED_SIDE, 512L << 20);
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(applyExifOrientation, n, minDecodedSide, maxDecodeBytes);
    }

    public ScanOptions withExifOrientation(boolean apply) {
        return new ScanOptions(apply, threads, minDecodedSide, maxDecodeBytes);
    }

    public ScanOptions withMinDecodedSide(int side) {
        return new ScanOptions(applyExifOrientation, threads, side, maxDecodeBytes);
    }
}
