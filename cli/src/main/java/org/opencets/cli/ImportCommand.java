package org.opencets.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencets.app.FolderImportReport;
import org.opencets.app.ImportReport;
import org.opencets.app.NoRowImportedException;
import org.opencets.app.Session;
import org.opencets.formats.read.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import evidence files into a case. Each file is kept unchanged (encrypted, by SHA-256), read, "
                + "its identifiers normalised and correlated with every other case.",
                "A file is imported whole or not at all: a bad row stops it with file, line and reason, unless --skip-bad.",
                "",
                "A folder (with its subfolders) is sorted file by file, by content, not by name. With --format auto, each "
                + "file of a record format (CSV, JSON Lines, chat logs, mail, ...) is imported as its own file with its "
                + "own report; the images and videos go into one media import (hashes, PDQ, cameras, --known matches). "
                + "With --format media, only the images and videos are imported. Every other file is skipped and never "
                + "stored: the screen shows the first " + ImportCommand.SHOWN + " skipped and failed files, --json lists "
                + "them all with their reasons.",
                "Exit code 4 when a folder is empty, holds nothing to import, or a file in it failed (the others are "
                + "still imported).",
                "",
                "With several files or folders, each is imported on its own, in the order given: when one fails (a bad "
                + "row, a wrong format, no such file), nothing of it is stored, the error says why, the other files are "
                + "still imported, and the last line says which were imported and which not (exit code 4). An error "
                + "that is not about the file (not allowed, no such case, the store failed) stops the command; the last "
                + "line then also names the files not tried. --json prints one entry per file, in order: its report, or "
                + "{\"file\", \"status\": \"failed\" or \"not tried\", \"line\", \"reason\"}.",
                "With --skip-bad, a file of which no row could be imported (every row rejected) is not imported either: "
                + "its rejections are listed, nothing of it is stored, and the exit code is 4."},
        footerHeading = "%nExamples:%n",
        footer = {"  cets import --case 2024-17 --format transactions-csv buyers.csv --json",
                "  cets import --case 2024-17 --format auto chat.jsonl notes.jsonl",
                "  cets import --case 2024-17 --format transactions-csv --mapping acquirer.map --skip-bad returns.csv",
                "  cets import --case 2024-17 --known vics.json /mnt/seized/laptop",
                "  cets import --case 2024-17 --format media /mnt/seized/DCIM",
                "  cets formats   # lists the formats"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Option(names = "--case", required = true, paramLabel = "NUMBER", description = "the case (NUMBER or AGENCY/NUMBER)")
    String caseRef;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT", converter = OptionValues.ImportFormat.class,
            description = "the file format, or auto to detect it from the content (default: ${DEFAULT-VALUE}); see 'cets formats'")
    String format;

    @Option(names = "--skip-bad", description = "store the good rows and list every rejected row with its reason")
    boolean skipBad;

    @Option(names = "--encoding", paramLabel = "CHARSET", converter = OptionValues.Encoding.class,
            description = "the file's encoding when it is not UTF-8, e.g. windows-1252")
    Charset encoding;

    @Option(names = "--mapping", paramLabel = "FILE", description = "for CSV: a file mapping canonical fields to the file's headers")
    Path mapping;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "for chat logs whose lines carry only a time: the date of the first line")
    String date;

    @Option(names = "--date-order", paramLabel = "ORDER",
            description = "for chat exports with ambiguous dates: dmy, mdy or ymd (default: settled over the whole file)")
    String dateOrder;

    @Option(names = "--known", paramLabel = "LIST",
            description = "for a folder: a known-hash list (Project VIC JSON, NSRL, md5sum/sha1sum/sha256sum, 'pdq <hex>' "
                    + "lines, CSV); each file's best match is recorded with its category. Repeatable.")
    List<Path> known = new ArrayList<>();

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "a reader option, e.g. platform=irc")
    Map<String, String> readerOptions = new LinkedHashMap<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (recorded with the import and in the audit log)")
    String reason;

    @Option(names = {"-q", "--quiet"}, description = "no progress line (it is shown only on a terminal anyway)")
    boolean quiet;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the files or folders to import")
    List<Path> files;

    @Override
    public Integer call() {
        Session session = CetsCommand.root(spec).session(user.as);
        Map<String, String> opts = new LinkedHashMap<>(readerOptions);
        if (mapping != null) {
            opts.put("mapping", mapping.toString());
        }
        if (date != null) {
            opts.put("date", date);
        }
        if (dateOrder != null) {
            opts.put("date-order", dateOrder);
        }
        Session.ImportOptions options = new Session.ImportOptions(skipBad, encoding, opts, reason);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Object> entries = new ArrayList<>();
        List<String> imported = new ArrayList<>();
        List<String> notImported = new ArrayList<>();
        List<String> notTried = new ArrayList<>();
        boolean several = files.size() > 1;
        boolean showProgress = !quiet && System.console() != null;
        int code = ExitCodes.OK;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            long started = System.nanoTime();
            Session.ImportOptions withProgress = !showProgress ? options : options.withProgress(n -> {
                double s = (System.nanoTime() - started) / 1e9;
                err.printf("\r%s: %,d records, %,.0f records/s   ", Main.shown(f.getFileName().toString()), n, s > 0 ? n / s : 0.0);
                err.flush();
            });
            boolean folder = java.nio.file.Files.isDirectory(f) || format.equalsIgnoreCase("media");
            try {
                Object report;
                String problem = null;
                if (folder) {
                    FolderImportReport r = session.importFolder(caseRef, f, format, known, withProgress);
                    report = r;
                    problem = r.problem();
                } else {
                    report = session.importFile(caseRef, format, f, withProgress);
                }
                clearProgress(err, showProgress);
                entries.add(report);
                if (!user.json) {
                    if (report instanceof FolderImportReport r) {
                        print(out, r);
                    } else {
                        print(out, (ImportReport) report);
                    }
                }
                if (problem == null) {
                    imported.add(f.toString());
                } else {
                    // the report above (or in --json) names each file; this line says the folder is not done
                    out.flush();
                    err.println("cets: " + Main.shown(problem));
                    code = ExitCodes.BAD_INPUT;
                    if (((FolderImportReport) report).imports().isEmpty()) {
                        notImported.add(f.toString());
                    } else {
                        imported.add(f + " (in part)");
                    }
                }
            } catch (BadInputException e) {
                // this file's own problem: nothing of it is stored, and the next file is independent of it
                clearProgress(err, showProgress);
                if (e instanceof NoRowImportedException n && !user.json) {
                    printNotImported(out, n.report());
                }
                out.flush();
                code = Main.failed(e, err, user.debug);
                entries.add(NotImported.failed(f, e.line(), e.reason(),
                        e instanceof NoRowImportedException n ? n.report().rejections() : null));
                notImported.add(f.toString());
            } catch (RuntimeException e) {
                // not about this file (not allowed, no such case, the store failed): the others would fare no better
                clearProgress(err, showProgress);
                if (!several) {
                    throw e;
                }
                out.flush();
                code = Main.failed(e, err, user.debug);
                entries.add(NotImported.failed(f, 0, Main.message(e), null));
                notImported.add(f.toString());
                for (Path rest : files.subList(i + 1, files.size())) {
                    entries.add(NotImported.notTried(rest));
                    notTried.add(rest.toString());
                }
                break;
            }
        }
        if (user.json) {
            Output.json(out, entries.size() == 1 ? entries.get(0) : entries);
        }
        if (several && (!notImported.isEmpty() || !notTried.isEmpty())) {
            // the last line: which files are in the case now, and which are not
            String noun = files.stream().anyMatch(java.nio.file.Files::isDirectory) ? "files and folders" : "files";
            err.println(Main.shown("cets: " + imported.size() + " of " + files.size() + " " + noun + " imported"
                    + (imported.isEmpty() ? "" : " (" + String.join(", ", imported) + ")")
                    + (notImported.isEmpty() ? "" : "; not imported: " + String.join(", ", notImported))
                    + (notTried.isEmpty() ? "" : "; not tried: " + String.join(", ", notTried))));
            err.flush();
        }
        return code;
    }

    private static void clearProgress(PrintWriter err, boolean shown) {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    /**
     * In {@code --json}, a file that was not imported: {@code status} "failed" (with the line where
     * known, the reason and, for a file none of whose rows could be kept, every rejection) or "not
     * tried" (an earlier error stopped the command).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record NotImported(@com.fasterxml.jackson.annotation.JsonProperty("file") String file,
                       @com.fasterxml.jackson.annotation.JsonProperty("status") String status,
                       @com.fasterxml.jackson.annotation.JsonProperty("line") Long line,
                       @com.fasterxml.jackson.annotation.JsonProperty("reason") String reason,
                       @com.fasterxml.jackson.annotation.JsonProperty("rejections") List<ImportReport.Rejection> rejections) {
        static NotImported failed(Path file, long line, String reason, List<ImportReport.Rejection> rejections) {
            return new NotImported(Main.shown(file.toString()), "failed", line > 0 ? line : null, Main.shown(reason), rejections);
        }

        static NotImported notTried(Path file) {
            return new NotImported(Main.shown(file.toString()), "not tried", null, null, null);
        }
    }

    /** How many skipped or failed files, and notes of one import, the screen shows; --json has them all. */
    static final int SHOWN = 20;

    static void print(PrintWriter out, ImportReport r) {
        if (r.duplicate()) {
            out.println(r.file() + ": already imported into " + r.caseNumber() + " — nothing added (SHA-256 " + r.evidenceSha256() + ")");
            return;
        }
        out.printf("%s → %s (%s): %d records, %d rejected, %d identifiers, %d new links, %d alerts  [%d ms]%n",
                r.file(), r.caseNumber(), r.format(), r.records(), r.rejected(), r.identifiers(), r.links(), r.alerts(),
                r.elapsedMs());
        out.println("  evidence SHA-256 " + r.evidenceSha256() + " (" + r.size() + " bytes)");
        bounded(out, r.warnings(), w -> "  note: " + w, "notes");
        for (String c : r.becameCommon()) {
            out.println("  common now (seen in too many cases; links no more): " + c);
        }
        for (ImportReport.Rejection rej : r.rejections()) {
            out.println("  rejected line " + rej.line() + ": " + rej.reason());
        }
    }

    /** A file none of whose rows could be kept: every rejection, and no evidence line (nothing was stored). */
    static void printNotImported(PrintWriter out, ImportReport r) {
        out.printf("%s → %s (%s): not imported, %d rejected%n", r.file(), r.caseNumber(), r.format(), r.rejected());
        for (ImportReport.Rejection rej : r.rejections()) {
            out.println("  rejected line " + rej.line() + ": " + rej.reason());
        }
    }

    static void print(PrintWriter out, FolderImportReport r) {
        for (ImportReport i : r.imports()) {
            print(out, i);
        }
        if (r.files() == 0) {
            return; // the problem line says the folder is empty
        }
        out.printf("%s: %s: %s imported, %s in the media import, %,d skipped, %,d failed%n", r.folder(),
                FolderImportReport.count(r.files(), "file"), FolderImportReport.count(r.recordFiles(), "record file"),
                FolderImportReport.count(r.mediaFiles(), "file"), r.skipped().size(), r.failed().size());
        String prefix = r.folder().endsWith(java.io.File.separator) ? r.folder() : r.folder() + java.io.File.separator;
        java.util.function.UnaryOperator<String> relative = p -> p.startsWith(prefix) ? p.substring(prefix.length()) : p;
        bounded(out, r.failed(), f -> "  failed " + relative.apply(f.path()) + (f.line() > 0 ? ":" + f.line() : "") + ": "
                + f.reason(), "failed");
        bounded(out, r.skipped(), s -> "  skipped " + relative.apply(s.path())
                + (s.size() > 0 ? String.format(" (%,d bytes)", s.size()) : "") + ": " + s.reason(), "skipped");
    }

    /** The first {@link #SHOWN} lines, then how many more there are: a folder of 10,000 documents stays readable. */
    private static <T> void bounded(PrintWriter out, List<T> items, java.util.function.Function<T, String> line, String what) {
        for (int i = 0; i < Math.min(items.size(), SHOWN); i++) {
            out.println(line.apply(items.get(i)));
        }
        if (items.size() > SHOWN) {
            out.printf("  … and %,d more %s (all in --json)%n", items.size() - SHOWN, what);
        }
    }
}
