package org.opencets.media.testdata;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Abstract pictures drawn by the tests themselves (gradients and shapes from a seed), and EXIF to put in them. */
public final class DrawnImages {
    private DrawnImages() {
    }

    /** A picture of coloured shapes on a gradient, the same for the same seed. */
    public static BufferedImage shapes(long seed, int width, int height) {
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(rnd.nextInt(0xffffff)), width, height, new Color(rnd.nextInt(0xffffff))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(rnd.nextInt(0xffffff)));
            int x = rnd.nextInt(width);
            int y = rnd.nextInt(height);
            int w = 1 + rnd.nextInt(Math.max(1, width / 3));
            int h = 1 + rnd.nextInt(Math.max(1, height / 3));
            switch (rnd.nextInt(3)) {
                case 0 -> g.fillOval(x, y, w, h);
                case 1 -> g.fillRect(x, y, w, h);
                default -> {
                    g.setStroke(new BasicStroke(1 + rnd.nextInt(Math.max(2, width / 50))));
                    g.drawLine(x, y, rnd.nextInt(width), rnd.nextInt(height));
                }
            }
        }
        g.dispose();
        return img;
    }

    /** The image encoded in an ImageIO format ("jpg", "png", "bmp", "gif", "tiff", "pnm"). */
    public static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** EXIF tags to write: IFD0 ASCII (make 0x010F, model 0x0110, software 0x0131), orientation, Exif IFD ASCII. */
    public record Exif(String make, String model, String software, int orientation,
                       String bodySerial, String lensSerial, String dateTimeOriginal, String offsetTimeOriginal) {
    }

    /** A JPEG with an EXIF APP1 segment inserted right after its start-of-image marker. */
    public static byte[] jpegWithExif(BufferedImage img, Exif exif) throws IOException {
        byte[] jpeg = encode(img, "jpg");
        byte[] tiff = tiff(exif);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int segLen = 2 + header.length + tiff.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + segLen);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segLen).put(header).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    private record Entry(int tag, int type, int count, byte[] data) {
    }

    private static Entry ascii(int tag, String s) {
        byte[] b = (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
        return new Entry(tag, 2, b.length, b);
    }

    /** A big-endian TIFF structure: IFD0, then the Exif sub-IFD, then the values that do not fit in 4 bytes. */
    private static byte[] tiff(Exif e) {
        List<Entry> ifd0 = new ArrayList<>();
        if (e.make() != null) {
            ifd0.add(ascii(0x010F, e.make()));
        }
        if (e.model() != null) {
            ifd0.add(ascii(0x0110, e.model()));
        }
        if (e.orientation() > 0) {
            ifd0.add(new Entry(0x0112, 3, 1, new byte[] {0, (byte) e.orientation(), 0, 0}));
        }
        if (e.software() != null) {
            ifd0.add(ascii(0x0131, e.software()));
        }
        List<Entry> sub = new ArrayList<>();
        if (e.dateTimeOriginal() != null) {
            sub.add(ascii(0x9003, e.dateTimeOriginal()));
        }
        if (e.offsetTimeOriginal() != null) {
            sub.add(ascii(0x9011, e.offsetTimeOriginal()));
        }
        if (e.bodySerial() != null) {
            sub.add(ascii(0xA431, e.bodySerial()));
        }
        if (e.lensSerial() != null) {
            sub.add(ascii(0xA435, e.lensSerial()));
        }
        int ifd0Size = 2 + 12 * (ifd0.size() + 1) + 4;
        int subOffset = 8 + ifd0Size;
        int subSize = 2 + 12 * sub.size() + 4;
        int dataOffset = subOffset + subSize;
        ByteBuffer b = ByteBuffer.allocate(4096);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        ByteBuffer data = ByteBuffer.allocate(2048);
        b.putShort((short) (ifd0.size() + 1));
        for (Entry en : ifd0) {
            dataOffset = putEntry(b, data, en, dataOffset);
        }
        b.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(subOffset);
        b.putInt(0);
        b.putShort((short) sub.size());
        for (Entry en : sub) {
            dataOffset = putEntry(b, data, en, dataOffset);
        }
        b.putInt(0);
        b.put(data.array(), 0, data.position());
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    private static int putEntry(ByteBuffer b, ByteBuffer data, Entry en, int dataOffset) {
        b.putShort((short) en.tag()).putShort((short) en.type()).putInt(en.count());
        if (en.data().length <= 4) {
            byte[] four = new byte[4];
            System.arraycopy(en.data(), 0, four, 0, en.data().length);
            b.put(four);
            return dataOffset;
        }
        b.putInt(dataOffset);
        data.put(en.data());
        return dataOffset + en.data().length;
    }
}
