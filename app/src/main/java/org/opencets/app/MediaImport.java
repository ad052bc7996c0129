package org.opencets.app;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencets.formats.read.BadInputException;
import org.opencets.media.match.KnownHashIndex;
import org.opencets.media.scan.Manifest;
import org.opencets.media.scan.MediaScanner;
import org.opencets.media.scan.ScanOptions;
import org.opencets.store.evidence.EvidenceStore;
import org.opencets.store.keys.OwnerOnlyFiles;

/**
 * A folder of seized media as an import: every file is hashed (MD5, SHA-1, SHA-256 in one read),
 * decoded images get a PDQ hash, EXIF gives the camera; each readable file is copied, encrypted,
 * into the evidence store under its SHA-256; the results, with each file's best known-list match,
 * become a media manifest, which is then imported like any other evidence file (reader
 * {@code media-manifest}), so records, identifiers, correlation, links and alerts work as for
 * any format. Unreadable files are reported with path and reason and never stop the run.
 *
 * <p>No pixel content is logged or stored anywhere but the encrypted evidence store.
 */
final class MediaImport {
    private MediaImport() {
    }

    /** The manifest written, and what the scan could not read. */
    record Scanned(Path manifest, List<String> unreadable, long files) {
    }

    static Scanned scan(Path folder, List<Path> knownLists, EvidenceStore evidence, Path workDir) {
        if (!Files.exists(folder)) {
            throw new BadInputException(folder.toString(), 0, "no such folder");
        }
        KnownHashIndex known = null;
        if (!knownLists.isEmpty()) {
            KnownHashIndex.Builder b = KnownHashIndex.builder();
            for (Path list : knownLists) {
                try {
                    b.addList(list);
                } catch (IOException e) {
                    throw new BadInputException(list.toString(), 0, "cannot read the known-hash list: " + e.getMessage());
                }
            }
            known = b.build();
        }
        String base = folder.getFileName() == null ? "media" : folder.getFileName().toString();
        Path manifest = workDir.resolve(base + ".media.csv");
        List<String> unreadable = new ArrayList<>();
        long[] files = new long[1];
        KnownHashIndex index = known;
        // owner-only, like everything in CETS_HOME: it lists the digests and paths of seized files
        try (Writer w = new BufferedWriter(new OutputStreamWriter(OwnerOnlyFiles.newOutputStream(manifest),
                StandardCharsets.UTF_8.newEncoder()), 1 << 16)) {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
            csv.writeRecord(Manifest.headerWithMatches());
            ScanOptions options = ScanOptions.defaults().withThreads(Runtime.getRuntime().availableProcessors());
            new MediaScanner(options).scan(List.of(folder), f -> {
                if (f.error() != null) {
                    unreadable.add(f.path() + ": " + f.error());
                }
                if (!f.readable()) {
                    return;
                }
                try {
                    evidence.put(f.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                csv.writeRecord(Manifest.row(f, index == null ? null
                        : Manifest.best(index.match(f.digests(), f.pdq(), KnownHashIndex.DEFAULT_PDQ_THRESHOLD))));
                files[0]++;
            });
        } catch (IOException | UncheckedIOException e) {
            throw new org.opencets.store.StoreException("cannot scan " + folder + " into the evidence store: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the scan of " + folder + " was interrupted", e);
        }
        return new Scanned(manifest, unreadable, files[0]);
    }
}
