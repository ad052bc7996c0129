package org.opencets.bench.media;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The baseline for the hashing benchmark: PDQ computed the way the Java reference tool does it,
 * step by step as the published algorithm describes — the whole image decoded, {@code getRGB} per
 * pixel, four full box-filter passes (the column passes striding down each column), full
 * decimation, the two-step DCT, the median by sorting. No shortcuts, so that the ratio measures
 * what our engine saves. The benchmark checks it gives the same hashes as {@code PdqHasher}.
 */
final class ReferenceStylePdq {
    private static final float[][] DCT = new float[16][64];

    static {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                DCT[i][j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
    }

    private ReferenceStylePdq() {
    }

    /** The hash as 64 hex digits. */
    static String hash(BufferedImage img) {
        int rows = img.getHeight();
        int cols = img.getWidth();
        float[] a = new float[rows * cols];
        float[] b = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int rgb = img.getRGB(j, i);
                a[i * cols + j] = 0.299f * ((rgb >> 16) & 0xff) + 0.587f * ((rgb >> 8) & 0xff) + 0.114f * (rgb & 0xff);
            }
        }
        int wr = (cols + 127) / 128;
        int wc = (rows + 127) / 128;
        for (int rep = 0; rep < 2; rep++) {
            for (int i = 0; i < rows; i++) {
                box(a, i * cols, b, i * cols, cols, 1, wr);
            }
            for (int j = 0; j < cols; j++) {
                box(b, j, a, j, rows, cols, wc);
            }
        }
        float[][] cells = new float[64][64];
        for (int i = 0; i < 64; i++) {
            int ii = (int) (((i + 0.5) * rows) / 64);
            for (int j = 0; j < 64; j++) {
                int jj = (int) (((j + 0.5) * cols) / 64);
                cells[i][j] = a[ii * cols + jj];
            }
        }
        float[][] t = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float s = 0f;
                for (int k = 0; k < 64; k++) {
                    s += DCT[i][k] * cells[k][j];
                }
                t[i][j] = s;
            }
        }
        float[] d = new float[256];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float s = 0f;
                for (int k = 0; k < 64; k++) {
                    s += t[i][k] * DCT[j][k];
                }
                d[i * 16 + j] = s;
            }
        }
        float[] sorted = d.clone();
        Arrays.sort(sorted);
        float median = sorted[127];
        StringBuilder hex = new StringBuilder(64);
        for (int word = 15; word >= 0; word--) {
            int v = 0;
            for (int bit = 0; bit < 16; bit++) {
                if (d[word * 16 + bit] > median) {
                    v |= 1 << bit;
                }
            }
            hex.append(String.format("%04x", v));
        }
        return hex.toString();
    }

    private static void box(float[] in, int inOff, float[] out, int outOff, int n, int stride, int window) {
        int half = (window + 2) / 2;
        float sum = 0f;
        int count = 0;
        int ri = 0;
        int li = 0;
        int oi = 0;
        for (int i = 0; i < half - 1; i++, ri += stride) {
            sum += in[inOff + ri];
            count++;
        }
        for (int i = 0; i < window - half + 1; i++, ri += stride, oi += stride) {
            sum += in[inOff + ri];
            count++;
            out[outOff + oi] = sum / count;
        }
        for (int i = 0; i < n - window; i++, ri += stride, li += stride, oi += stride) {
            sum += in[inOff + ri];
            sum -= in[inOff + li];
            out[outOff + oi] = sum / count;
        }
        for (int i = 0; i < half - 1; i++, li += stride, oi += stride) {
            sum -= in[inOff + li];
            count--;
            out[outOff + oi] = sum / count;
        }
    }
}
