package org.opencets.media.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opencets.media.testdata.DrawnImages;

class FileKindTest {
    private static FileKind of(byte[] b) {
        return FileKind.of(b, b.length);
    }

    private static byte[] ftyp(String brand) {
        byte[] b = new byte[64];
        b[3] = 32;
        System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, b, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, b, 8, 4);
        return b;
    }

    @Test
    void drawnImagesAreImagesByTheirSignature() throws Exception {
        for (String format : new String[] {"jpg", "png", "gif", "bmp", "tiff"}) {
            byte[] b = DrawnImages.encode(DrawnImages.shapes(1, 40, 30), format);
            assertThat(of(b).family()).as(format).isEqualTo(FileKind.Family.IMAGE);
            assertThat(of(b).media()).isTrue();
        }
    }

    @Test
    void videoContainersAreVideos() {
        assertThat(of(ftyp("isom")).family()).isEqualTo(FileKind.Family.VIDEO);
        assertThat(of(ftyp("qt  ")).family()).isEqualTo(FileKind.Family.VIDEO);
        assertThat(of(ftyp("3gp4")).family()).as("a phone's 3GP").isEqualTo(FileKind.Family.VIDEO);
        assertThat(of("RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1)).family()).isEqualTo(FileKind.Family.VIDEO);
        byte[] mkv = new byte[64];
        mkv[0] = 0x1A;
        mkv[1] = 0x45;
        mkv[2] = (byte) 0xDF;
        mkv[3] = (byte) 0xA3;
        assertThat(of(mkv)).isEqualTo(new FileKind(FileKind.Family.VIDEO, "Matroska / WebM"));
        byte[] ts = new byte[188 * 3];
        ts[0] = 0x47;
        ts[188] = 0x47;
        ts[376] = 0x47;
        assertThat(of(ts)).isEqualTo(new FileKind(FileKind.Family.VIDEO, "MPEG transport stream"));
        assertThat(of(Arrays.copyOf(ts, 300)).family()).as("one sync byte is not a stream").isEqualTo(FileKind.Family.OTHER);
        ts[376] = 0x46;
        assertThat(of(ts).family()).isEqualTo(FileKind.Family.OTHER);
    }

    @Test
    void documentsTextAndNothingAreOther() {
        FileKind zip = of(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThat(zip.family()).isEqualTo(FileKind.Family.OTHER);
        assertThat(zip.name()).isEqualTo("ZIP Archive");
        assertThat(of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)).family()).as("sound is not media here")
                .isEqualTo(FileKind.Family.OTHER);
        assertThat(of("Transaction ID,Amount\nT-1,2.00\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(FileKind.UNKNOWN);
        assertThat(of(new byte[0])).isEqualTo(FileKind.UNKNOWN);
        assertThat(FileKind.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, 1)).as("only the given length counts")
                .isEqualTo(FileKind.UNKNOWN);
    }
}
