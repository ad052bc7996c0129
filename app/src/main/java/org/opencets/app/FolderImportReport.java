package org.opencets.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the import of a folder did with each of its files: the imports it made (one per record file,
 * then one for all its media), and every file it did not import — skipped (not evidence of a kind
 * it reads: not stored) or failed (could not be read, or rejected as its format) — each with its
 * path and why. Every entry of the folder is in exactly one of these:
 * {@code files = record_files + media_files + skipped + failed}.
 *
 * @param folder      the folder as given
 * @param format      {@code auto} (record files and media) or {@code media} (media only)
 * @param files       the entries found in the folder and its subfolders
 * @param recordFiles the record files imported (each its own import, a duplicate included)
 * @param mediaFiles  the files in the media import
 * @param records     records added, over all its imports
 * @param links       new links, over all its imports
 * @param alerts      alerts raised, over all its imports
 * @param imports     each import's report: the record files' in walk order, then the media import's
 * @param skipped     files not imported, in path order
 * @param failed      files that could not be imported, in path order
 * @param problem     why this is not a complete import (an empty folder, nothing importable in it, or
 *                    files that failed), in one line naming the folder; null when all went well
 */
public record FolderImportReport(
        @JsonProperty("folder") String folder,
        @JsonProperty("case") String caseNumber,
        @JsonProperty("format") String format,
        @JsonProperty("files") long files,
        @JsonProperty("record_files") long recordFiles,
        @JsonProperty("media_files") long mediaFiles,
        @JsonProperty("records") long records,
        @JsonProperty("links") long links,
        @JsonProperty("alerts") long alerts,
        @JsonProperty("imports") List<ImportReport> imports,
        @JsonProperty("skipped") List<Skipped> skipped,
        @JsonProperty("failed") List<Failed> failed,
        @JsonProperty("problem") String problem) {

    public FolderImportReport {
        folder = org.opencets.core.identifier.TextExtractor.redactCards(folder); // a card number in a path is masked, as in every report
        problem = org.opencets.core.identifier.TextExtractor.redactCards(problem);
        imports = List.copyOf(imports);
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }

    /** A file left out, and why (not an image, video or record format; empty; a link not followed). */
    public record Skipped(@JsonProperty("path") String path, @JsonProperty("size") long size,
                          @JsonProperty("reason") String reason) {
    }

    /** A file that could not be imported: its path, the line where known (0 for the whole file), and why. */
    public record Failed(@JsonProperty("path") String path, @JsonProperty("line") long line,
                         @JsonProperty("reason") String reason) {
    }

    /** One line for the audit log. */
    String summary() {
        return count(files, "file") + ": " + count(recordFiles, "record file") + ", " + count(mediaFiles, "media file") + ", "
                + skipped.size() + " skipped, " + failed.size() + " failed; " + count(records, "record") + ", "
                + count(links, "link") + (problem == null ? "" : "; " + problem);
    }

    /** "1 file", "2 files". */
    public static String count(long n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
