package org.opencets.media.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image bytes with ImageIO and the TwelveMonkeys plugins on the class path (JPEG including
 * CMYK and YCCK, PNG, GIF, BMP, WebP, TIFF, PNM). Large images can be decoded subsampled: the decoder
 * then keeps every n-th pixel of every n-th row, which bounds memory and the hashing work while
 * the PDQ hash, a heavily blurred 64x64 summary, barely moves.
 */
final class ImageDecoder {
    static {
        ImageIO.setUseCache(false); // decode in memory; never write temporary files
    }

    /** A decoded image, the stored (full) size, and the subsampling used. */
    record Decoded(BufferedImage image, int width, int height, int subsampling) {
    }

    /** Thrown with a one-line reason when bytes cannot be decoded. */
    static final class DecodeException extends Exception {
        DecodeException(String reason) {
            super(reason);
        }
    }

    private static final long MAX_PIXELS_DECODED = 256L << 20;

    private ImageDecoder() {
    }

    static Decoded decode(byte[] data, int length, int minDecodedSide) throws DecodeException {
        List<String> failures = new ArrayList<>();
        try (ImageInputStream probe = new MemoryCacheImageInputStream(new ByteArrayInputStream(data, 0, length))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(probe);
            if (!readers.hasNext()) {
                throw new DecodeException("not a recognised image format");
            }
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data, 0, length))) {
                    return read(reader, in, minDecodedSide);
                } catch (DecodeException e) {
                    failures.add(e.getMessage());
                } catch (IOException | RuntimeException e) {
                    failures.add(describe(e));
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException e) {
            throw new DecodeException("cannot read image data: " + describe(e));
        }
        throw new DecodeException(failures.get(0));
    }

    private static Decoded read(ImageReader reader, ImageInputStream in, int minDecodedSide)
            throws IOException, DecodeException {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w < 1 || h < 1) {
            throw new DecodeException("image has no pixels (" + w + "x" + h + ")");
        }
        int s = subsampling(w, h, minDecodedSide);
        while ((long) ceilDiv(w, s) * ceilDiv(h, s) > MAX_PIXELS_DECODED) {
            s++;
        }
        ImageReadParam param = reader.getDefaultReadParam();
        if (s > 1) {
            param.setSourceSubsampling(s, s, 0, 0);
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener(new IIOReadWarningListener() {
            @Override
            public void warningOccurred(ImageReader source, String warning) {
                warnings.add(warning);
            }
        });
        BufferedImage image = reader.read(0, param);
        for (String warning : warnings) {
            String lower = warning.toLowerCase(Locale.ROOT);
            if (lower.contains("premature end") || lower.contains("truncat") || lower.contains("corrupt")
                    || lower.contains("eof")) {
                throw new DecodeException("truncated or corrupt image data (" + oneLine(warning) + ")");
            }
        }
        return new Decoded(image, w, h, s);
    }

    /** The largest whole factor that keeps the shorter side at least {@code minSide}; 1 if 0. */
    static int subsampling(int w, int h, int minSide) {
        if (minSide <= 0) {
            return 1;
        }
        return Math.max(1, Math.min(w, h) / minSide);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        String what = e instanceof java.io.EOFException ? "truncated image data"
                : e.getClass().getSimpleName();
        return m == null || m.isBlank() ? what : what + ": " + oneLine(m);
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
