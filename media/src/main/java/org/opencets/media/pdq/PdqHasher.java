package org.opencets.media.pdq;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Computes PDQ hashes from pixels.
 *
 * <h2>Design note: the algorithm, and why the arithmetic is spelled out</h2>
 * The steps follow the PDQ description in Meta's ThreatExchange {@code pdq/README.md} and
 * "The TMK+PDQF Video-Hashing Algorithm and the PDQ Image Similarity Algorithm" (hashing.pdf):
 * <ol>
 *   <li>Luminance {@code Y = 0.299 R + 0.587 G + 0.114 B} in 32-bit float, per pixel.</li>
 *   <li>A tent blur made of two X,Y rounds of 1-D box filters (Jarosz, "Fast Image Convolutions",
 *       SIGGRAPH 2001), window {@code ceil(dimension / 128)} along each axis. The box filter at the
 *       borders averages only the pixels inside the image: the window grows from half its size,
 *       slides, then shrinks.</li>
 *   <li>Decimation to 64&times;64 by taking the pixel at each cell's centre,
 *       {@code floor((i + 0.5) * n / 64)}.</li>
 *   <li>Quality: the sum over all adjacent pairs of {@code |trunc((u - v) * 100 / 255)|}, divided by 90,
 *       capped at 100.</li>
 *   <li>The 16&times;16 DCT coefficients 1..16 of each axis (the DC term is dropped), as
 *       {@code D A D^T} with {@code D[i][j] = sqrt(2/64) cos(pi/128 (i+1)(2j+1))}.</li>
 *   <li>Bit {@code 16 i + j} is set where coefficient {@code (i, j)} is strictly greater than the
 *       median, the 128th smallest of the 256 values.</li>
 * </ol>
 * Meta's acceptance rule for an implementation is bit-for-bit equality on identical float luma, so
 * every floating-point operation is done in the order the published algorithm implies: running box
 * sums in float with the add before the subtract, division (not multiplication by a reciprocal) by
 * the current window count, float accumulation over {@code k = 0..63} in the DCT. Floating-point
 * addition is not associative; a "faster" reordering changes low bits and then hash bits.
 *
 * <p>Where we differ from a direct transcription, the results are unchanged: the column passes
 * run across all columns at once, row after row (each column still sees the same sequence of
 * operations, but memory is read in order), and the last row pass and the last column pass only
 * divide, and only visit, what the decimation reads (the 64 sampled columns, then 64 sampled rows).
 *
 * <p>Dihedral variants come from one DCT: reflecting the image negates the odd-frequency
 * coefficients along that axis (here: even indices, because index {@code i} is frequency
 * {@code i+1}), and a transpose swaps the axes.
 *
 * <p>An instance keeps scratch buffers and is not thread-safe: use one per thread.
 */
public final class PdqHasher {

    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;
    private static final int WINDOW_DIVISOR = 128;
    private static final int SIDE = 64;
    private static final int DCT_SIDE = 16;

    /** The 16x64 DCT matrix, row-major; a float, as the published algorithm keeps it. */
    private static final float[] DCT = dctMatrix();

    private float[] scratch = new float[0];
    private float[] sampledColumns = new float[0];
    private final float[] cells = new float[SIDE * SIDE];
    private final float[] half = new float[DCT_SIDE * SIDE];
    private final float[] dct = new float[DCT_SIDE * DCT_SIDE];
    private final float[] variant = new float[DCT_SIDE * DCT_SIDE];
    private final float[] sortBuffer = new float[DCT_SIDE * DCT_SIDE];
    private float[] lumaBuffer = new float[0];
    private int[] rgbRow = new int[0];

    private static float[] dctMatrix() {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        float[] d = new float[DCT_SIDE * SIDE];
        for (int i = 0; i < DCT_SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                d[i * SIDE + j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }

    /** The box-filter window along a dimension of {@code n} pixels: {@code ceil(n / 128)}. */
    static int windowSize(int n) {
        return (n + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
    }

    /** Hashes an image (no EXIF rotation: the pixels as decoded). */
    public PdqResult hash(BufferedImage image) {
        float[] luma = luma(image);
        return hashLuma(luma, image.getHeight(), image.getWidth());
    }

    /**
     * Hashes an image as a viewer would show it after applying EXIF orientation {@code exifOrientation}
     * (1..8; 0 or 1 mean as stored).
     */
    public PdqResult hash(BufferedImage image, int exifOrientation) {
        if (exifOrientation <= 1 || exifOrientation > 8) {
            return hash(image);
        }
        float[] luma = luma(image);
        int rows = image.getHeight();
        int cols = image.getWidth();
        float[] upright = new float[rows * cols];
        Orientation.apply(luma, rows, cols, exifOrientation, upright);
        return Orientation.swapsAxes(exifOrientation) ? hashLuma(upright, cols, rows) : hashLuma(upright, rows, cols);
    }

    /** Hashes an image and its seven other dihedral variants. */
    public DihedralHashes hashDihedral(BufferedImage image) {
        float[] luma = luma(image);
        return hashDihedralLuma(luma, image.getHeight(), image.getWidth());
    }

    /**
     * Hashes a row-major luminance image. The array is used as a work buffer: its contents are
     * overwritten.
     */
    public PdqResult hashLuma(float[] luma, int rows, int cols) {
        int quality = transform(luma, rows, cols);
        return new PdqResult(toBits(dct), quality);
    }

    /** Hashes a row-major luminance image in its eight dihedral variants; {@code luma} is overwritten. */
    public DihedralHashes hashDihedralLuma(float[] luma, int rows, int cols) {
        int quality = transform(luma, rows, cols);
        List<PdqHash> hashes = new ArrayList<>(8);
        for (Dihedral d : Dihedral.values()) {
            transformDct(d, dct, variant);
            hashes.add(toBits(variant));
        }
        return new DihedralHashes(hashes, quality);
    }

    /**
     * Fills this hasher's reusable luminance buffer from an image, reading the pixel values as
     * {@link BufferedImage#getRGB} reports them (so colour-managed and grey images convert exactly as
     * in the reference tool), with fast paths for the common interleaved 8-bit RGB layouts.
     */
    float[] luma(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        long n = (long) w * h;
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("image too large to hash: " + w + "x" + h);
        }
        if (lumaBuffer.length < n) {
            lumaBuffer = new float[(int) n];
        }
        float[] out = lumaBuffer;
        if (!RasterLuma.fill(image, out)) {
            if (rgbRow.length < w) {
                rgbRow = new int[w];
            }
            int[] row = rgbRow;
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                int base = y * w;
                for (int x = 0; x < w; x++) {
                    int rgb = row[x];
                    out[base + x] = luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
                }
            }
        }
        return out;
    }

    /** The luminance of one 8-bit RGB pixel, as PDQ defines it (float arithmetic, this order). */
    static float luma(int r, int g, int b) {
        return LUMA_R * r + LUMA_G * g + LUMA_B * b;
    }

    /** Blur, decimate, measure quality and take the DCT into {@link #dct}; returns the quality. */
    private int transform(float[] luma, int rows, int cols) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("cannot hash an empty image (" + cols + "x" + rows + ")");
        }
        int n = rows * cols;
        if (luma.length < n) {
            throw new IllegalArgumentException("luma has " + luma.length + " values for " + cols + "x" + rows);
        }
        if (scratch.length < n) {
            scratch = new float[n];
        }
        if (sampledColumns.length < rows * SIDE) {
            sampledColumns = new float[rows * SIDE];
        }
        int windowAlongRows = windowSize(cols);
        int windowAlongCols = windowSize(rows);
        int[] sampleCols = samplePositions(cols);
        int[] sampleRows = samplePositions(rows);

        // Round 1: rows then columns, in full.
        for (int r = 0; r < rows; r++) {
            box(luma, r * cols, scratch, r * cols, cols, windowAlongRows);
        }
        boxColumns(scratch, luma, rows, cols, windowAlongCols);
        // Round 2: rows, keeping only the 64 sampled columns; then those columns, keeping 64 rows.
        float[] line = new float[cols];
        for (int r = 0; r < rows; r++) {
            box(luma, r * cols, line, 0, cols, windowAlongRows);
            int base = r * SIDE;
            for (int j = 0; j < SIDE; j++) {
                sampledColumns[base + j] = line[sampleCols[j]];
            }
        }
        boxSampledColumns(sampledColumns, rows, windowAlongCols, sampleRows, cells);

        int quality = quality(cells);
        dct64To16(cells, half, dct);
        return quality;
    }

    /** Cell-centre sample positions along a dimension of {@code n} pixels. */
    private static int[] samplePositions(int n) {
        int[] p = new int[SIDE];
        for (int i = 0; i < SIDE; i++) {
            p[i] = (int) (((i + 0.5) * n) / SIDE);
        }
        return p;
    }

    /**
     * One 1-D box filter along a row (stride 1). Four phases: accumulate the first half window
     * without writing; write while the window grows; slide (add the entering value, then subtract the
     * leaving one); write while the window shrinks. Each output is the running float sum divided by
     * the number of values currently in the window.
     */
    static void box(float[] in, int inOffset, float[] out, int outOffset, int length, int window) {
        int halfWindow = (window + 2) / 2;
        int grow = window - halfWindow + 1;
        int slide = length - window;
        int shrink = halfWindow - 1;
        float sum = 0f;
        int count = 0;
        int ri = inOffset;
        int li = inOffset;
        int oi = outOffset;
        for (int i = 0; i < halfWindow - 1; i++) {
            sum += in[ri++];
            count++;
        }
        for (int i = 0; i < grow; i++) {
            sum += in[ri++];
            count++;
            out[oi++] = sum / count;
        }
        for (int i = 0; i < slide; i++) {
            sum += in[ri++];
            sum -= in[li++];
            out[oi++] = sum / count;
        }
        for (int i = 0; i < shrink; i++) {
            sum -= in[li++];
            count--;
            out[oi++] = sum / count;
        }
    }

    /**
     * The same box filter down every column of a row-major matrix, all columns advancing together
     * one row at a time: each column's sum sees exactly the operations of a per-column pass.
     */
    private void boxColumns(float[] in, float[] out, int rows, int cols, int window) {
        float[] sums = new float[cols];
        int halfWindow = (window + 2) / 2;
        int grow = window - halfWindow + 1;
        int slide = rows - window;
        int shrink = halfWindow - 1;
        int count = 0;
        int ri = 0;
        int li = 0;
        int oi = 0;
        for (int i = 0; i < halfWindow - 1; i++, ri++) {
            int b = ri * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += in[b + j];
            }
            count++;
        }
        for (int i = 0; i < grow; i++, ri++, oi++) {
            count++;
            int b = ri * cols;
            int o = oi * cols;
            for (int j = 0; j < cols; j++) {
                float s = sums[j] + in[b + j];
                sums[j] = s;
                out[o + j] = s / count;
            }
        }
        for (int i = 0; i < slide; i++, ri++, li++, oi++) {
            int b = ri * cols;
            int l = li * cols;
            int o = oi * cols;
            for (int j = 0; j < cols; j++) {
                float s = sums[j] + in[b + j];
                s -= in[l + j];
                sums[j] = s;
                out[o + j] = s / count;
            }
        }
        for (int i = 0; i < shrink; i++, li++, oi++) {
            count--;
            int l = li * cols;
            int o = oi * cols;
            for (int j = 0; j < cols; j++) {
                float s = sums[j] - in[l + j];
                sums[j] = s;
                out[o + j] = s / count;
            }
        }
    }

    /**
     * The last column pass over the 64 sampled columns ({@code in} is rows x 64), writing only the
     * 64 sampled rows into {@code cells} (64 x 64).
     */
    private static void boxSampledColumns(float[] in, int rows, int window, int[] sampleRows, float[] cells) {
        float[] sums = new float[SIDE];
        int halfWindow = (window + 2) / 2;
        int grow = window - halfWindow + 1;
        int slide = rows - window;
        int shrink = halfWindow - 1;
        int count = 0;
        int ri = 0;
        int li = 0;
        int oi = 0;
        int next = 0; // index into sampleRows of the next row to keep
        for (int i = 0; i < halfWindow - 1; i++, ri++) {
            for (int j = 0; j < SIDE; j++) {
                sums[j] += in[ri * SIDE + j];
            }
            count++;
        }
        for (int i = 0; i < grow; i++, ri++, oi++) {
            count++;
            for (int j = 0; j < SIDE; j++) {
                sums[j] += in[ri * SIDE + j];
            }
            next = emit(sums, count, oi, sampleRows, next, cells);
        }
        for (int i = 0; i < slide; i++, ri++, li++, oi++) {
            for (int j = 0; j < SIDE; j++) {
                float s = sums[j] + in[ri * SIDE + j];
                sums[j] = s - in[li * SIDE + j];
            }
            next = emit(sums, count, oi, sampleRows, next, cells);
        }
        for (int i = 0; i < shrink; i++, li++, oi++) {
            count--;
            for (int j = 0; j < SIDE; j++) {
                sums[j] -= in[li * SIDE + j];
            }
            next = emit(sums, count, oi, sampleRows, next, cells);
        }
    }

    /** Writes the current column sums as every cell row sampled at output row {@code oi}. */
    private static int emit(float[] sums, int count, int oi, int[] sampleRows, int next, float[] cells) {
        while (next < SIDE && sampleRows[next] == oi) {
            int o = next * SIDE;
            for (int j = 0; j < SIDE; j++) {
                cells[o + j] = sums[j] / count;
            }
            next++;
        }
        return next;
    }

    /** The gradient-count quality of the 64x64 cells, 0..100. */
    private static int quality(float[] c) {
        int gradientSum = 0;
        for (int i = 0; i < SIDE - 1; i++) {
            for (int j = 0; j < SIDE; j++) {
                float u = c[i * SIDE + j];
                float v = c[(i + 1) * SIDE + j];
                int d = (int) (((u - v) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE - 1; j++) {
                float u = c[i * SIDE + j];
                float v = c[i * SIDE + j + 1];
                int d = (int) (((u - v) * 100) / 255);
                gradientSum += Math.abs(d);
            }
        }
        return Math.min(100, gradientSum / 90);
    }

    /** {@code B = D A D^T}: first {@code T = D A} (16x64), then {@code B = T D^T} (16x16). */
    private static void dct64To16(float[] a, float[] t, float[] b) {
        for (int i = 0; i < DCT_SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                float sum = 0f;
                for (int k = 0; k < SIDE; k++) {
                    sum += DCT[i * SIDE + k] * a[k * SIDE + j];
                }
                t[i * SIDE + j] = sum;
            }
        }
        for (int i = 0; i < DCT_SIDE; i++) {
            for (int j = 0; j < DCT_SIDE; j++) {
                float sum = 0f;
                for (int k = 0; k < SIDE; k++) {
                    sum += t[i * SIDE + k] * DCT[j * SIDE + k];
                }
                b[i * DCT_SIDE + j] = sum;
            }
        }
    }

    /**
     * The DCT of a dihedral variant from the original's. Coefficient index {@code i} is frequency
     * {@code i + 1}; mirroring along an axis negates odd frequencies along it, i.e. even indices.
     * Rows ({@code i}) are vertical frequency, columns ({@code j}) horizontal. The sign patterns and
     * the transpose for each variant are those the reference prints for its eight transforms.
     */
    static void transformDct(Dihedral d, float[] a, float[] b) {
        for (int i = 0; i < DCT_SIDE; i++) {
            for (int j = 0; j < DCT_SIDE; j++) {
                float v = a[i * DCT_SIDE + j];
                boolean iEven = (i & 1) == 0;
                boolean jEven = (j & 1) == 0;
                boolean sumOdd = ((i + j) & 1) != 0;
                switch (d) {
                    case ORIGINAL -> b[i * DCT_SIDE + j] = v;
                    case ROTATE_90 -> b[j * DCT_SIDE + i] = jEven ? -v : v;
                    case ROTATE_180 -> b[i * DCT_SIDE + j] = sumOdd ? -v : v;
                    case ROTATE_270 -> b[j * DCT_SIDE + i] = iEven ? -v : v;
                    case FLIP_X -> b[i * DCT_SIDE + j] = iEven ? -v : v;
                    case FLIP_Y -> b[i * DCT_SIDE + j] = jEven ? -v : v;
                    case FLIP_PLUS_1 -> b[j * DCT_SIDE + i] = v;
                    case FLIP_MINUS_1 -> b[j * DCT_SIDE + i] = sumOdd ? -v : v;
                    default -> throw new AssertionError(d);
                }
            }
        }
    }

    /** Sets bit {@code 16 i + j} where coefficient (i, j) exceeds the median (the 128th smallest). */
    private PdqHash toBits(float[] coefficients) {
        System.arraycopy(coefficients, 0, sortBuffer, 0, coefficients.length);
        Arrays.sort(sortBuffer);
        float median = sortBuffer[coefficients.length / 2 - 1];
        long[] words = new long[4];
        for (int k = 0; k < coefficients.length; k++) {
            if (coefficients[k] > median) {
                words[k >>> 6] |= 1L << (k & 63);
            }
        }
        return PdqHash.ofWords(words);
    }
}
