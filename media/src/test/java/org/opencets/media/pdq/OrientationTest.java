package org.opencets.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencets.media.testdata.DrawnImages;

class OrientationTest {

    /**
     * How a camera stores a picture it tags with EXIF orientation {@code o}: the inverse of the turn a
     * viewer applies. Written with pixel loops here, independently of {@link Orientation}.
     */
    static BufferedImage stored(BufferedImage upright, int o) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        boolean swap = o >= 5;
        BufferedImage s = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = upright.getRGB(x, y);
                switch (o) {
                    case 2 -> s.setRGB(w - 1 - x, y, rgb);          // mirror
                    case 3 -> s.setRGB(w - 1 - x, h - 1 - y, rgb);  // half turn
                    case 4 -> s.setRGB(x, h - 1 - y, rgb);          // flip
                    case 5 -> s.setRGB(y, x, rgb);                  // transpose
                    case 6 -> s.setRGB(y, w - 1 - x, rgb);          // stored a quarter turn anticlockwise
                    case 7 -> s.setRGB(h - 1 - y, w - 1 - x, rgb);  // transverse
                    case 8 -> s.setRGB(h - 1 - y, x, rgb);          // stored a quarter turn clockwise
                    default -> s.setRGB(x, y, rgb);
                }
            }
        }
        return s;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void applyingTheTagRecoversTheUprightHashExactly(int o) {
        BufferedImage upright = DrawnImages.shapes(11, 320, 200);
        PdqHasher hasher = new PdqHasher();
        PdqResult want = hasher.hash(upright);
        BufferedImage s = stored(upright, o);
        assertThat(hasher.hash(s, o)).isEqualTo(want);
        if (o != 1) {
            assertThat(hasher.hash(s).hash().distance(want.hash())).as("as stored").isGreaterThan(31);
        }
    }
}
