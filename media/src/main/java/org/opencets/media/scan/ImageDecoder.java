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
            if (jpegComponents(data, length) == 4) {
                readers = jdkFirst(readers);
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

    /**
     * Four-component (CMYK or YCCK) JPEGs go to the JDK's own JPEG reader first. Design note: the
     * colour conversion of CMYK is not standardised, and PDQ hashes luma, so each decoder gives its own
     * hash; the PDQ reference tools and the hash lists agencies exchange are made with the JDK's
     * reader, which on the shared test image gives the reference hash exactly (TwelveMonkeys, which
     * converts through the embedded profile differently, lands 14 bits away). Matching the lists
     * matters more here than the nicer colours. Every other JPEG keeps TwelveMonkeys first.
     */
    private static Iterator<ImageReader> jdkFirst(Iterator<ImageReader> readers) {
        List<ImageReader> jdk = new ArrayList<>();
        List<ImageReader> others = new ArrayList<>();
        readers.forEachRemaining(r -> (r.getClass().getName().startsWith("com.sun.imageio.") ? jdk : others).add(r));
        jdk.addAll(others);
        return jdk.iterator();
    }

    /**
     * The number of colour components a JPEG's frame header declares, or 0 when the bytes are not a
     * JPEG or no frame header is found before the scan (ITU T.81 B.2: markers {@code FFC0}–{@code FFCF}
     * except {@code C4}, {@code C8}, {@code CC} are start-of-frame; its payload is precision, height,
     * width, then the component count).
     */
    static int jpegComponents(byte[] data, int length) {
        if (length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            return 0;
        }
        int i = 2;
        while (i + 4 <= length) {
            if ((data[i] & 0xFF) != 0xFF) {
                return 0;
            }
            int marker = data[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                i += 2; // markers without a length
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return 0; // start of scan or end of image before any frame header
            }
            int segment = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return i + 9 < length ? data[i + 9] & 0xFF : 0;
            }
            if (segment < 2) {
                return 0;
            }
            i += 2 + segment;
        }
        return 0;
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
