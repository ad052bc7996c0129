package org.opencets.media.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.media.pdq.PdqHash;
import org.opencets.media.testdata.DrawnImages;
import org.opencets.media.testdata.SharedData;

class MediaScannerTest {
    @TempDir
    Path dir;

    private static List<MediaFile> scan(ScanOptions options, Path... roots) throws InterruptedException {
        List<MediaFile> out = new ArrayList<>();
        new MediaScanner(options).scan(List.of(roots), out::add);
        return out;
    }

    @Test
    void cryptographicHashesComeFromOneReadAndMatchTheJdkDigests() throws Exception {
        Path f = dir.resolve("abc.txt");
        Files.writeString(f, "abc", StandardCharsets.US_ASCII);
        MediaFile m = new MediaScanner(ScanOptions.defaults()).scanFile(f);
        assertThat(m.digests().md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(m.digests().sha1()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(m.digests().sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(m.decoded()).isFalse();
        assertThat(m.error()).isEqualTo("not a recognised image format");
    }

    @Test
    void aTruncatedOrGarbledImageIsReportedWithItsReasonAndTheRunGoesOn() throws Exception {
        byte[] jpeg = DrawnImages.encode(DrawnImages.shapes(7, 300, 200), "jpg");
        Files.write(dir.resolve("a-good.jpg"), jpeg);
        Files.write(dir.resolve("b-truncated.jpg"), java.util.Arrays.copyOf(jpeg, jpeg.length / 3));
        byte[] garbled = jpeg.clone();
        for (int i = 20; i < garbled.length; i++) {
            garbled[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("c-garbled.jpg"), garbled);
        Files.write(dir.resolve("d-good.png"), DrawnImages.encode(DrawnImages.shapes(7, 300, 200), "png"));

        List<MediaFile> files = scan(ScanOptions.defaults().withThreads(2), dir);

        assertThat(files).extracting(f -> f.path().getFileName().toString())
                .containsExactly("a-good.jpg", "b-truncated.jpg", "c-garbled.jpg", "d-good.png");
        assertThat(files.get(0).decoded()).isTrue();
        assertThat(files.get(1).decoded()).isFalse();
        assertThat(files.get(1).error()).isNotBlank();
        assertThat(files.get(1).readable()).isTrue();
        assertThat(files.get(2).decoded()).isFalse();
        assertThat(files.get(2).error()).isNotBlank();
        assertThat(files.get(3).decoded()).isTrue();
        assertThat(files.get(0).pdq().hash().distance(files.get(3).pdq().hash())).isLessThanOrEqualTo(10);
    }

    @Test
    void aMissingRootIsReportedNotThrown() throws Exception {
        List<MediaFile> files = scan(ScanOptions.defaults(), dir.resolve("nope"));
        assertThat(files).singleElement().satisfies(f -> {
            assertThat(f.readable()).isFalse();
            assertThat(f.error()).isEqualTo("no such file or folder");
        });
    }

    @Test
    void everyFormatDecodesToNearlyTheSameHash() throws Exception {
        var img = DrawnImages.shapes(42, 640, 480);
        List<String> formats = List.of("png", "bmp", "gif", "tiff", "pnm", "jpg");
        for (String f : formats) {
            Files.write(dir.resolve("pic." + f), DrawnImages.encode(img, f));
        }
        List<MediaFile> files = scan(ScanOptions.defaults(), dir);
        assertThat(files).hasSize(formats.size()).allSatisfy(f -> {
            assertThat(f.error()).as(f.path().toString()).isNull();
            assertThat(f.width()).isEqualTo(640);
            assertThat(f.height()).isEqualTo(480);
        });
        PdqHash png = files.stream().filter(f -> f.path().toString().endsWith(".png")).findFirst().orElseThrow().pdq().hash();
        for (MediaFile f : files) {
            // lossless formats give identical pixels; GIF (palette) and JPEG stay close
            int limit = f.path().toString().matches(".*\\.(gif|jpg)$") ? 20 : 0;
            assertThat(f.pdq().hash().distance(png)).as(f.path().toString()).isLessThanOrEqualTo(limit);
        }
    }

    @Test
    void parallelScanGivesTheSameRowsInTheSameOrderAsOneThread() throws Exception {
        for (int i = 0; i < 12; i++) {
            Path sub = Files.createDirectories(dir.resolve("d" + (i % 3)));
            Files.write(sub.resolve("img" + i + ".png"), DrawnImages.encode(DrawnImages.shapes(i, 120 + i, 90), "png"));
        }
        Files.writeString(dir.resolve("d1").resolve("notes.txt"), "hello");
        List<MediaFile> one = scan(ScanOptions.defaults().withThreads(1), dir);
        List<MediaFile> two = scan(ScanOptions.defaults().withThreads(2), dir);
        assertThat(two).isEqualTo(one);
        assertThat(one).hasSize(13);
        assertThat(one).extracting(f -> dir.relativize(f.path()).toString().replace('\\', '/'))
                .startsWith("d0/img0.png", "d0/img3.png", "d0/img6.png", "d0/img9.png", "d1/img1.png");
    }

    @Test
    void sharedPhotosDecodeInEveryShippedFormat() throws Exception {
        Path modes = SharedData.pdqDir().resolve("images/misc-images/modes");
        List<MediaFile> files = scan(ScanOptions.defaults(), modes);
        List<MediaFile> images = files.stream().filter(f -> !f.path().toString().endsWith(".md")).toList();
        assertThat(images).hasSizeGreaterThanOrEqualTo(14).allSatisfy(f ->
                assertThat(f.error()).as(f.path().getFileName().toString()).isNull());
        PdqHash original = images.stream().filter(f -> f.path().endsWith("original.jpg")).findFirst().orElseThrow().pdq().hash();
        // The same photo saved in many colour modes: CMYK JPEG, WebP, palette, grey, alpha.
        // Colour conversions differ, the picture does not.
        for (MediaFile f : images) {
            if (!f.path().getFileName().toString().equals("1.png")) { // 1-bit black and white
                assertThat(f.pdq().hash().distance(original)).as(f.path().getFileName().toString()).isLessThanOrEqualTo(31);
            }
        }
    }

    @Test
    void aVideoIsHashedWithoutADecodeAndWithoutAnError() throws Exception {
        byte[] mp4 = new byte[50_000];
        new java.util.Random(3).nextBytes(mp4);
        byte[] box = {0, 0, 0, 32, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(box, 0, mp4, 0, box.length);
        Path f = dir.resolve("VID_0001.mp4");
        Files.write(f, mp4);
        MediaFile m = new MediaScanner(ScanOptions.defaults()).scanFile(f);
        assertThat(m.kind().family()).isEqualTo(FileKind.Family.VIDEO);
        assertThat(m.decoded()).isFalse();
        assertThat(m.media()).isTrue();
        assertThat(m.error()).isNull();
        assertThat(m.size()).isEqualTo(50_000);
        assertThat(m.digests().sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(mp4)));
    }

    @Test
    void filesLeftOutByTheFilterAreNotReadAndLinksAreReportedNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside the seized folder");
        Path seized = Files.createDirectories(dir.resolve("seized"));
        Files.write(seized.resolve("a.png"), DrawnImages.encode(DrawnImages.shapes(1, 64, 64), "png"));
        Files.writeString(seized.resolve("b.csv"), "id,amount\n1,2\n");
        try {
            Files.createSymbolicLink(seized.resolve("c-link"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e.getMessage());
        }
        List<Path> asked = new ArrayList<>();
        List<MediaFile> out = new ArrayList<>();
        new MediaScanner(ScanOptions.defaults().withThreads(2)).scan(List.of(seized), p -> {
            asked.add(p);
            return !p.toString().endsWith(".csv");
        }, out::add);
        assertThat(asked).extracting(p -> p.getFileName().toString()).containsExactly("a.png", "b.csv");
        assertThat(out).extracting(f -> f.path().getFileName().toString()).containsExactly("a.png", "c-link");
        assertThat(out.get(0).decoded()).isTrue();
        assertThat(out.get(1).readable()).isFalse();
        assertThat(out.get(1).error()).isEqualTo(MediaScanner.NOT_FOLLOWED);
    }

    @Test
    void hexOfDigestsIsLowerCase() throws Exception {
        Path f = dir.resolve("x.bin");
        byte[] data = new byte[100_000];
        new java.util.Random(1).nextBytes(data);
        Files.write(f, data);
        MediaFile m = new MediaScanner(ScanOptions.defaults()).scanFile(f);
        assertThat(m.digests().sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        assertThat(m.size()).isEqualTo(100_000);
    }

    @Test
    void filesOverTheDecodeLimitAreHashedButNotDecoded() throws IOException {
        Path f = dir.resolve("big.png");
        Files.write(f, DrawnImages.encode(DrawnImages.shapes(3, 200, 200), "png"));
        MediaFile m = new MediaScanner(new ScanOptions(false, 1, 1024, 10)).scanFile(f);
        assertThat(m.readable()).isTrue();
        assertThat(m.decoded()).isFalse();
        assertThat(m.error()).contains("decode limit");
    }

    @Test
    void exifOrientationIsAppliedOnlyOnRequest() throws Exception {
        var upright = DrawnImages.shapes(5, 400, 300);
        // stored a quarter turn anticlockwise, tagged 6: a viewer turns it clockwise
        var stored = new java.awt.image.BufferedImage(300, 400, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                stored.setRGB(y, 399 - x, upright.getRGB(x, y));
            }
        }
        Files.write(dir.resolve("upright.jpg"), DrawnImages.encode(upright, "jpg"));
        Files.write(dir.resolve("tagged.jpg"), DrawnImages.jpegWithExif(stored,
                new DrawnImages.Exif(null, null, null, 6, null, null, null, null)));
        MediaScanner plain = new MediaScanner(ScanOptions.defaults());
        MediaScanner turning = new MediaScanner(ScanOptions.defaults().withExifOrientation(true));
        PdqHash want = plain.scanFile(dir.resolve("upright.jpg")).pdq().hash();
        MediaFile asStored = plain.scanFile(dir.resolve("tagged.jpg"));
        MediaFile turned = turning.scanFile(dir.resolve("tagged.jpg"));
        assertThat(asStored.camera().orientation()).isEqualTo(6);
        assertThat(asStored.width()).isEqualTo(300);
        assertThat(asStored.pdq().hash().distance(want)).isGreaterThan(31);
        assertThat(turned.pdq().hash().distance(want)).isLessThanOrEqualTo(10);
    }
}
