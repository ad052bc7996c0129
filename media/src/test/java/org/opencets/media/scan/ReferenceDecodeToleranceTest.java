package org.opencets.media.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencets.media.pdq.PdqHash;
import org.opencets.media.testdata.SharedData;
import org.opencets.media.testdata.SharedData.Expected;

/**
 * Meta's acceptance rule, part two: on decoded images of quality 80 or more, within Hamming distance
 * 10 of the Java reference with the JDK's decoder — at full size, and with the default subsampling
 * of large images.
 */
class ReferenceDecodeToleranceTest {

    static Path imageFor(Path pdqDir, String referenceName) {
        String rel = referenceName.replaceFirst("^pdq/data/", "").replaceFirst("^reg-test-input/", "");
        return pdqDir.resolve("images").resolve(rel);
    }

    @ParameterizedTest(name = "minDecodedSide={0}")
    @ValueSource(ints = {0, ScanOptions.DEFAULT_MIN_DECODED_SIDE})
    void withinTenBitsOfTheReferenceForQualityEightyOrMore(int minDecodedSide) throws Exception {
        Path pdq = SharedData.pdqDir();
        MediaScanner scanner = new MediaScanner(ScanOptions.defaults().withThreads(1).withMinDecodedSide(minDecodedSide));
        List<String> report = new ArrayList<>();
        int checked = 0;
        int worst = 0;
        for (Expected e : SharedData.expected("java-imageio-jdk17-details.txt")) {
            if (e.quality() < 80) {
                continue;
            }
            Path file = imageFor(pdq, e.filename());
            assertThat(file).as("image named by the reference list").exists();
            MediaFile m = scanner.scanFile(file);
            assertThat(m.error()).as(file.toString()).isNull();
            int d = m.pdq().hash().distance(PdqHash.fromHex(e.hash()));
            worst = Math.max(worst, d);
            report.add(pdq.relativize(file) + "=" + d);
            assertThat(d).as(file + " distance to reference").isLessThanOrEqualTo(10);
            assertThat(Math.abs(m.pdq().quality() - e.quality())).as(file + " quality").isLessThanOrEqualTo(5);
            checked++;
        }
        System.out.println("PDQ distance to java-imageio reference (minDecodedSide=" + minDecodedSide + "), worst "
                + worst + ": " + report);
        assertThat(checked).isGreaterThanOrEqualTo(30);
    }

    /** A CMYK JPEG is decoded as the reference tools decode it, so its hash is the reference hash exactly at full size. */
    @org.junit.jupiter.api.Test
    void cmykJpegHashesAsTheReferenceToolsHashIt() throws Exception {
        Path pdq = SharedData.pdqDir();
        MediaScanner scanner = new MediaScanner(ScanOptions.defaults().withThreads(1).withMinDecodedSide(0));
        PdqHash reference = SharedData.expected("java-imageio-jdk17-details.txt").stream()
                .filter(e -> e.filename().endsWith("misc-images/modes/CMYK.jpg")).map(e -> PdqHash.fromHex(e.hash()))
                .findFirst().orElseThrow();
        MediaFile cmyk = scanner.scanFile(pdq.resolve("images/misc-images/modes/CMYK.jpg"));
        assertThat(cmyk.error()).isNull();
        assertThat(cmyk.pdq().hash()).isEqualTo(reference);
        byte[] bytes = java.nio.file.Files.readAllBytes(pdq.resolve("images/misc-images/modes/CMYK.jpg"));
        assertThat(ImageDecoder.jpegComponents(bytes, bytes.length)).isEqualTo(4);
        byte[] rgb = java.nio.file.Files.readAllBytes(pdq.resolve("images/bridge-mods/aaa-orig.jpg"));
        assertThat(ImageDecoder.jpegComponents(rgb, rgb.length)).isEqualTo(3);
        assertThat(ImageDecoder.jpegComponents(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 3)).isZero();
    }
}
