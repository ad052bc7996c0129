package org.opencets.bench.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.opencets.media.pdq.PdqHash;
import org.opencets.media.scan.MediaFile;
import org.opencets.media.scan.MediaScanner;
import org.opencets.media.scan.ScanOptions;

/**
 * Image hashing throughput: images per second on one core and on all cores, for 1-megapixel and
 * 12-megapixel JPEGs made from the shared benign photos, against a reference-style baseline (the
 * JDK's own JPEG decoder, then PDQ as the Java reference tool computes it, see
 * {@link ReferenceStylePdq}) on the same files in the same run.
 *
 * <p>Ours does more per file than the baseline: MD5, SHA-1 and SHA-256, EXIF, then PDQ of the image
 * decoded subsampled when large. The accuracy cost of subsampling is reported as the Hamming
 * distance to the baseline's full-size hash.
 *
 * <pre>
 * ./mvnw -q -B -pl bench -am package -DskipTests
 * java -Xmx6g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *     -Dcets.shared.dir=../shared org.opencets.bench.media.MediaHashBenchmark [seconds-per-measure]
 * </pre>
 */
public final class MediaHashBenchmark {
    private MediaHashBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        Path shared = Path.of(System.getProperty("cets.shared.dir", "../shared"), "data", "pdq", "images");
        List<Path> sources = List.of(shared.resolve("bridge-mods/aaa-orig.jpg"), shared.resolve("exif-rotn/exif-rotn-1.jpg"),
                shared.resolve("exif-rotn/exif-rotn-3.jpg"), shared.resolve("exif-rotn/exif-rotn-6.jpg"),
                shared.resolve("pen-and-coaster.png"), shared.resolve("misc-images/c.png"));
        Path work = Files.createTempDirectory("cets-media-bench");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d MB max heap, %.0f s a measure%n",
                Runtime.version(), cores, Runtime.getRuntime().maxMemory() >> 20, seconds);
        for (int[] size : new int[][] {{1155, 866}, {4000, 3000}}) {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                BufferedImage src = ImageIO.read(sources.get(i).toFile());
                Path f = work.resolve(size[0] + "x" + size[1] + "-" + i + ".jpg");
                writeJpeg(scale(src, size[0], size[1]), f);
                files.add(f);
            }
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
            }
            System.out.printf(Locale.ROOT, "%n%dx%d (%.1f MP) JPEGs, %d files, %.1f MB on average%n", size[0], size[1],
                    size[0] * (double) size[1] / 1e6, files.size(), bytes / 1e6 / files.size());

            // accuracy and agreement first (also warms both paths up)
            MediaScanner ours1 = new MediaScanner(ScanOptions.defaults().withThreads(1));
            MediaScanner full1 = new MediaScanner(ScanOptions.defaults().withThreads(1).withMinDecodedSide(0));
            int worst = 0;
            int worstFull = 0;
            for (Path f : files) {
                PdqHash base = PdqHash.fromHex(baseline(f));
                MediaFile m = ours1.scanFile(f);
                MediaFile full = full1.scanFile(f);
                worst = Math.max(worst, m.pdq().hash().distance(base));
                worstFull = Math.max(worstFull, full.pdq().hash().distance(base));
            }
            System.out.printf("  distance to the baseline's full-size hash: full-size decode max %d bits, default subsampled decode max %d bits%n",
                    worstFull, worst);

            double base1 = rate(files, seconds, 1, MediaHashBenchmark::baseline);
            double ours1Rate = rate(files, seconds, 1, f -> ours1.scanFile(f).pdq().hash().toHex());
            double full1Rate = rate(files, seconds, 1, f -> full1.scanFile(f).pdq().hash().toHex());
            double baseN = rate(files, seconds, cores, MediaHashBenchmark::baseline);
            double oursN = rate(files, seconds, cores, f -> ours1.scanFile(f).pdq().hash().toHex());
            System.out.printf(Locale.ROOT, "  1 core : baseline %.2f img/s | ours %.2f img/s (x%.2f) | ours full-size %.2f img/s (x%.2f)%n",
                    base1, ours1Rate, ours1Rate / base1, full1Rate, full1Rate / base1);
            System.out.printf(Locale.ROOT, "  %d cores: baseline %.2f img/s | ours %.2f img/s (x%.2f)%n", cores, baseN, oursN, oursN / baseN);
        }
    }

    interface Hash {
        String apply(Path f) throws Exception;
    }

    /** Images per second hashing {@code files} round-robin on {@code threads} threads for about {@code seconds}. */
    static double rate(List<Path> files, double seconds, int threads, Hash hash) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                parts.add(pool.submit(() -> {
                    int n = 0;
                    for (int i = offset; System.nanoTime() < deadline; i += threads) {
                        hash.apply(files.get(i % files.size()));
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : parts) {
                total += f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** The JDK's own JPEG reader (not TwelveMonkeys, also on the class path), then reference-style PDQ. */
    static String baseline(Path f) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            while (it.hasNext()) {
                ImageReader r = it.next();
                if (r.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg")) {
                    try {
                        r.setInput(in);
                        return ReferenceStylePdq.hash(r.read(0));
                    } finally {
                        r.dispose();
                    }
                }
            }
        }
        throw new IOException("the JDK's JPEG reader is not available");
    }

    static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static void writeJpeg(BufferedImage img, Path f) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.9f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }
}
