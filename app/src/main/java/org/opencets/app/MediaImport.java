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
import java.util.function.Predicate;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.formats.read.BadInputException;
import org.opencets.media.match.KnownHashIndex;
import org.opencets.media.match.Match;
import org.opencets.media.scan.FileKind;
import org.opencets.media.scan.Manifest;
import org.opencets.media.scan.MediaScanner;
import org.opencets.media.scan.ScanOptions;
import org.opencets.store.evidence.EvidenceStore;
import org.opencets.store.keys.OwnerOnlyFiles;

/**
 * The media of a seized folder as an import: every file handed to the scan is hashed (MD5, SHA-1,
 * SHA-256 in one read), decoded images get a PDQ hash, EXIF gives the camera. A file is media when
 * it decodes as an image, when its signature says image or video ({@link FileKind}; a truncated
 * JPEG or a film is still media, hashed if not PDQ-hashed), or when it matches a known-hash list
 * (known material is never left out, whatever its type). Each media file is copied, encrypted,
 * into the evidence store under its SHA-256; the results, with each file's best known-list match,
 * become a media manifest, which is then imported like any other evidence file (reader
 * {@code media-manifest}), so records, identifiers, correlation, links and alerts work as for any
 * format.
 *
 * <p>Everything else is accounted for, never dropped in silence: a file that is not media is
 * <em>skipped</em> (not stored; its path, size and why in the report), a file or folder that cannot
 * be read <em>failed</em>, and a media file that could not be decoded as the image it claims to be
 * is a warning of the media import.
 *
 * <p>No pixel content is logged or stored anywhere but the encrypted evidence store.
 */
final class MediaImport {
    private MediaImport() {
    }

    /**
     * What the scan made of the files it was given.
     *
     * @param manifest   the manifest written (header only when {@code mediaFiles} is 0)
     * @param mediaFiles the files in the manifest
     * @param warnings   media files that did not decode as the image they claim to be, with why
     * @param skipped    files that are not media, with why
     * @param failed     files and folders that could not be read, with why
     */
    record Scanned(Path manifest, long mediaFiles, List<String> warnings, List<FolderImportReport.Skipped> skipped,
                   List<FolderImportReport.Failed> failed) {
    }

    /**
     * Scans {@code folder}, leaving alone the files {@code include} declines (see
     * {@link MediaScanner#scan(List, java.util.function.Predicate, java.util.function.Consumer)}).
     *
     * @param notMedia why a file that is not media is skipped, as the report says it
     */
    static Scanned scan(Path folder, List<Path> knownLists, EvidenceStore evidence, Path workDir,
                        Predicate<? super Path> include, String notMedia) {
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
        List<String> warnings = new ArrayList<>();
        List<FolderImportReport.Skipped> skipped = new ArrayList<>();
        List<FolderImportReport.Failed> failed = new ArrayList<>();
        long[] files = new long[1];
        KnownHashIndex index = known;
        // owner-only, like everything in CETS_HOME: it lists the digests and paths of seized files
        try (Writer w = new BufferedWriter(new OutputStreamWriter(OwnerOnlyFiles.newOutputStream(manifest),
                StandardCharsets.UTF_8.newEncoder()), 1 << 16)) {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
            csv.writeRecord(Manifest.headerWithMatches());
            ScanOptions options = ScanOptions.defaults().withThreads(Runtime.getRuntime().availableProcessors());
            new MediaScanner(options).scan(List.of(folder), include, f -> {
                String path = shown(f.path().toString());
                if (!f.readable()) {
                    if (MediaScanner.NOT_FOLLOWED.equals(f.error()) || MediaScanner.NOT_A_FILE.equals(f.error())) {
                        skipped.add(new FolderImportReport.Skipped(path, -1, f.error()));
                    } else {
                        failed.add(new FolderImportReport.Failed(path, 0, shown(f.error())));
                    }
                    return;
                }
                if (f.size() == 0) {
                    // its digests are those of every empty file: no evidence, and no identifier worth a link
                    skipped.add(new FolderImportReport.Skipped(path, 0, "empty file"));
                    return;
                }
                Match best = index == null ? null
                        : Manifest.best(index.match(f.digests(), f.pdq(), KnownHashIndex.DEFAULT_PDQ_THRESHOLD));
                if (!f.media() && best == null) {
                    skipped.add(new FolderImportReport.Skipped(path, f.size(),
                            f.kind().name() == null ? notMedia : notMedia + " (" + f.kind().name() + ")"));
                    return;
                }
                if (f.error() != null) {
                    warnings.add(path + ": " + shown(f.error()));
                }
                try {
                    evidence.put(f.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                csv.writeRecord(Manifest.row(f, best));
                files[0]++;
            });
        } catch (IOException | UncheckedIOException e) {
            throw new org.opencets.store.StoreException("cannot scan " + folder + " into the evidence store: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the scan of " + folder + " was interrupted", e);
        }
        return new Scanned(manifest, files[0], warnings, skipped, failed);
    }

    /** A path or reason as the report shows it: a card number in a file name is masked, as everywhere. */
    static String shown(String text) {
        return TextExtractor.redactCards(text);
    }
}
