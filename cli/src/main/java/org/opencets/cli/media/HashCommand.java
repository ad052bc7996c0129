package org.opencets.cli.media;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencets.media.scan.Manifest;
import org.opencets.media.scan.MediaScanner;
import org.opencets.media.scan.ScanOptions;
import org.opencets.media.scan.ScanSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cets media hash}: one CSV row per file, with its hashes and camera facts. */
@Command(name = "hash", mixinStandardHelpOptions = true,
        description = {"Hash files and folders (walked recursively): MD5, SHA-1 and SHA-256 in one read, the PDQ "
                + "perceptual hash and quality of every image (JPEG incl. CMYK, PNG, GIF, BMP, WebP, TIFF, PPM/PGM), "
                + "its size and camera EXIF.",
            "Writes one CSV row per file read, with the header",
            "  path,md5,sha1,sha256,pdq,quality,width,height,camera_make,camera_model,camera_serial,taken_at",
            "A file that cannot be read or decoded is named on stderr with the reason; the run goes on. A PATH that "
                + "does not exist stops the command before anything is written (exit code 4).",
            "No pixel content is ever printed."},
        footerHeading = "%nExample:%n",
        footer = {"  cets media hash /evidence/drive1 /evidence/phone.tar.d --output hashes.csv",
            "  cets media hash photos --output - --threads 1 --exif-rotate"})
public final class HashCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to hash.")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.csv",
            description = "Where to write the CSV ('-' for standard output).")
    String output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--exif-rotate", description = "Hash each picture as a viewer shows it, EXIF orientation applied (off by default, as the reference tools).")
    boolean exifRotate;

    @Option(names = "--full-size", description = "Decode large images at full size instead of subsampled to a shorter side of "
            + ScanOptions.DEFAULT_MIN_DECODED_SIDE + " px (slower; the PDQ hash moves by a few bits at most).")
    boolean fullSize;

    @Option(names = {"-q", "--quiet"}, description = "No progress or summary on stderr (errors are still reported).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        ScanOptions options = ScanOptions.defaults().withThreads(threads).withExifOrientation(exifRotate)
                .withMinDecodedSide(fullSize ? 0 : ScanOptions.DEFAULT_MIN_DECODED_SIDE);
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                // a typed path that names nothing is a mistake to fix, not a file of the run that failed
                err.println("cets media hash: " + p + ": no such file or folder; nothing was hashed");
                return org.opencets.cli.ExitCodes.BAD_INPUT;
            }
        }
        boolean toStdout = output.equals("-");
        OutputStream os;
        try {
            os = toStdout ? System.out : Files.newOutputStream(Path.of(output));
        } catch (IOException e) {
            throw new IOException(output + ": cannot write the output file: " + e.getMessage(), e);
        }
        long[] rows = new long[1];
        long start = System.nanoTime();
        ScanSummary summary;
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        try {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
            csv.writeRecord(HashCsv.HEADER);
            summary = new MediaScanner(options).scan(paths, f -> {
                if (f.error() != null) {
                    err.println("cets media hash: " + f.path() + ": " + f.error());
                }
                if (f.readable()) {
                    csv.writeRecord(Manifest.row(f));
                    rows[0]++;
                }
                if (!quiet && !toStdout && rows[0] > 0 && rows[0] % 1000 == 0) {
                    double s = (System.nanoTime() - start) / 1e9;
                    err.printf(Locale.ROOT, "cets media hash: %d files, %.0f files/s%n", rows[0], rows[0] / s);
                }
            });
            w.flush();
        } catch (UncheckedIOException e) {
            throw new IOException(output + ": cannot write: " + e.getCause().getMessage(), e);
        } finally {
            if (toStdout) {
                w.flush();
            } else {
                w.close();
            }
        }
        if (!quiet) {
            double s = summary.elapsed().toNanos() / 1e9;
            err.printf(Locale.ROOT, "cets media hash: %d files (%d images hashed, %d with errors), %.1f MB in %.1f s, %.1f files/s%n",
                    summary.files(), summary.decoded(), summary.failed(), summary.bytes() / 1e6, s,
                    s > 0 ? summary.files() / s : 0.0);
        }
        err.flush();
        return 0;
    }
}
