package org.opencets.media.pdq;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Fast luminance for the layouts decoders usually return: interleaved 8-bit sRGB bytes (JPEG's
 * {@code TYPE_3BYTE_BGR}, PNG's {@code TYPE_4BYTE_ABGR}) and packed non-premultiplied sRGB ints. For
 * these, {@link BufferedImage#getRGB} returns the stored samples unchanged, so reading the raster
 * directly gives the same values without a colour-model call per pixel. Anything else is left to
 * the caller's {@code getRGB} path.
 */
final class RasterLuma {
    private RasterLuma() {
    }

    /** Fills {@code out} (row-major) and returns true, or returns false if the layout is not a fast one. */
    static boolean fill(BufferedImage image, float[] out) {
        Raster raster = image.getRaster();
        if (raster.getParent() != null || raster.getSampleModelTranslateX() != 0
                || raster.getSampleModelTranslateY() != 0) {
            return false;
        }
        if (image.getColorModel() instanceof ComponentColorModel cm
                && cm.getColorSpace().isCS_sRGB()
                && cm.getColorSpace().getType() == ColorSpace.TYPE_RGB
                && !cm.isAlphaPremultiplied()
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && raster.getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1
                && sm.getNumBands() >= 3
                && sampleSizesAre8(sm.getSampleSize())) {
            byte[] data = db.getData();
            int[] offsets = sm.getBandOffsets();
            int pixelStride = sm.getPixelStride();
            int scanline = sm.getScanlineStride();
            int base0 = db.getOffset();
            int ro = offsets[0];
            int go = offsets[1];
            int bo = offsets[2];
            int w = image.getWidth();
            int h = image.getHeight();
            for (int y = 0; y < h; y++) {
                int p = base0 + y * scanline;
                int o = y * w;
                for (int x = 0; x < w; x++, p += pixelStride) {
                    out[o + x] = PdqHasher.luma(data[p + ro] & 0xff, data[p + go] & 0xff, data[p + bo] & 0xff);
                }
            }
            return true;
        }
        if (image.getColorModel() instanceof DirectColorModel cm
                && cm.getColorSpace().isCS_sRGB()
                && !cm.isAlphaPremultiplied()
                && cm.getRedMask() == 0xff0000 && cm.getGreenMask() == 0xff00 && cm.getBlueMask() == 0xff
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm
                && raster.getDataBuffer() instanceof DataBufferInt db
                && db.getNumBanks() == 1) {
            int[] data = db.getData();
            int scanline = sm.getScanlineStride();
            int base0 = db.getOffset();
            int w = image.getWidth();
            int h = image.getHeight();
            for (int y = 0; y < h; y++) {
                int p = base0 + y * scanline;
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    int rgb = data[p + x];
                    out[o + x] = PdqHasher.luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
                }
            }
            return true;
        }
        return false;
    }

    private static boolean sampleSizesAre8(int[] sizes) {
        for (int s : sizes) {
            if (s != 8) {
                return false;
            }
        }
        return true;
    }
}
