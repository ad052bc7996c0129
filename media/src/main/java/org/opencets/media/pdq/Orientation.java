package org.opencets.media.pdq;

/**
 * EXIF orientation (TIFF tag 274) applied to a row-major luminance image, so that the hash is of
 * the picture as a viewer shows it. Values per the EXIF 2.32 specification, section 4.6.4:
 * 1 as stored; 2 mirrored left-right; 3 rotated 180; 4 mirrored top-bottom; 5 transposed; 6 needs a
 * 90-degree clockwise turn; 7 transversed; 8 needs a 90-degree counter-clockwise turn.
 */
final class Orientation {
    private Orientation() {
    }

    /** True if orientation {@code o} swaps width and height. */
    static boolean swapsAxes(int o) {
        return o >= 5 && o <= 8;
    }

    /**
     * Writes the upright image into {@code out}; its size is {@code cols x rows} when
     * {@link #swapsAxes} says so, else {@code rows x cols}.
     */
    static void apply(float[] in, int rows, int cols, int o, float[] out) {
        int outCols = swapsAxes(o) ? rows : cols;
        int outRows = swapsAxes(o) ? cols : rows;
        for (int r = 0; r < outRows; r++) {
            for (int c = 0; c < outCols; c++) {
                int src = switch (o) {
                    case 2 -> r * cols + (cols - 1 - c);
                    case 3 -> (rows - 1 - r) * cols + (cols - 1 - c);
                    case 4 -> (rows - 1 - r) * cols + c;
                    case 5 -> c * cols + r;
                    case 6 -> (rows - 1 - c) * cols + r;
                    case 7 -> (rows - 1 - c) * cols + (cols - 1 - r);
                    case 8 -> c * cols + (cols - 1 - r);
                    default -> r * cols + c;
                };
                out[r * outCols + c] = in[src];
            }
        }
    }
}
