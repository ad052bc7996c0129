package org.opencets.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencets.media.testdata.SharedData;
import org.opencets.media.testdata.SharedData.Expected;

/**
 * Meta's acceptance rule, part one: identical hashes and qualities on identical float luma. The
 * PPM files are decoded once by the reference; this test reads their bytes itself.
 */
class PdqHasherReferenceTest {

    @Test
    void everyPpmHashesExactlyAsTheReference() throws IOException {
        Path ppmDir = SharedData.pdqDir().resolve("ppm");
        List<Expected> expected = SharedData.expected("java-ref-from-ppm.txt");
        PdqHasher hasher = new PdqHasher();
        List<String> checked = new ArrayList<>();
        for (Expected e : expected) {
            String name = e.filename().substring(e.filename().lastIndexOf('/') + 1);
            Path file = ppmDir.resolve(name);
            if (!Files.exists(file)) {
                continue; // the expected list names more files than the shared folder ships
            }
            PpmPixels ppm = PpmPixels.readGzip(file);
            PdqResult r = hasher.hashLuma(ppm.luma(), ppm.height(), ppm.width());
            assertThat(r.hash().toHex()).as(name).isEqualTo(e.hash());
            assertThat(r.quality()).as(name + " quality").isEqualTo(e.quality());
            checked.add(name);
        }
        assertThat(checked).as("PPM files checked").hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void theCppReferenceAgreesWithTheJavaOneOnTheSameFiles() throws IOException {
        // Guards the test data itself: the README says both references agree bit for bit.
        assertThat(SharedData.expected("cpp-core-noresize-from-ppm.txt"))
                .extracting(Expected::hash)
                .containsExactlyElementsOf(SharedData.expected("java-ref-from-ppm.txt").stream()
                        .map(Expected::hash).toList());
    }

    @Test
    void dihedralHashesFromOneDctMatchTheReference() throws IOException {
        Path ppm = SharedData.pdqDir().resolve("ppm").resolve("bridge-mods__aaa-orig.jpg.ppm.gz");
        // aaa-orig.jpg and dih/bridge-1-original.jpg are the same file (same MD5), and the PPM
        // of it hashes exactly as the reference's ImageIO decode of bridge-1 does.
        List<Expected> expected = SharedData.expected("java-imageio-jdk17-pdqdih-bridge-1.txt");
        PpmPixels pixels = PpmPixels.readGzip(ppm);
        DihedralHashes hashes = new PdqHasher().hashDihedralLuma(pixels.luma(), pixels.height(), pixels.width());
        assertThat(hashes.quality()).isEqualTo(expected.get(0).quality());
        List<String> want = expected.subList(1, 9).stream().map(Expected::hash).toList();
        assertThat(hashes.hashes()).extracting(PdqHash::toHex).containsExactlyElementsOf(want);
    }
}
