package org.opencets.media.pdq;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** A minimal binary PPM (P6, maxval 255) reader for tests, so that luma does not depend on a decoder. */
record PpmPixels(int width, int height, byte[] rgb) {

    static PpmPixels readGzip(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            String magic = token(in);
            if (!magic.equals("P6")) {
                throw new IOException(file + ": not a binary PPM (" + magic + ")");
            }
            int w = Integer.parseInt(token(in));
            int h = Integer.parseInt(token(in));
            int max = Integer.parseInt(token(in));
            if (max != 255) {
                throw new IOException(file + ": maxval " + max + " unsupported");
            }
            byte[] data = in.readNBytes(w * h * 3);
            if (data.length != w * h * 3) {
                throw new IOException(file + ": truncated");
            }
            return new PpmPixels(w, h, data);
        }
    }

    private static String token(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '#') {
                while ((c = in.read()) != -1 && c != '\n') {
                    // comment
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (sb.length() > 0) {
                    break;
                }
                continue;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    /** PDQ luminance, row-major. */
    float[] luma() {
        float[] out = new float[width * height];
        for (int i = 0; i < out.length; i++) {
            out[i] = PdqHasher.luma(rgb[3 * i] & 0xff, rgb[3 * i + 1] & 0xff, rgb[3 * i + 2] & 0xff);
        }
        return out;
    }
}
