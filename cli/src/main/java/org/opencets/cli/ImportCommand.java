package org.opencets.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencets.app.ImportReport;
import org.opencets.app.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import evidence files into a case. Each file is kept unchanged (encrypted, by SHA-256), read, "
                + "its identifiers normalised and correlated with every other case.",
                "A file is imported whole or not at all: a bad row stops it with file, line and reason, unless --skip-bad."},
        footerHeading = "%nExamples:%n",
        footer = {"  cets import --case 2024-17 --format transactions-csv buyers.csv --json",
                "  cets import --case 2024-17 --format auto chat.jsonl notes.jsonl",
                "  cets import --case 2024-17 --format transactions-csv --mapping acquirer.map --skip-bad returns.csv",
                "  cets import --case 2024-17 --format media --known vics.json /mnt/seized/DCIM   # a folder of images",
                "  cets formats   # lists the formats"})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;

    @Option(names = "--case", required = true, paramLabel = "NUMBER", description = "the case (NUMBER or AGENCY/NUMBER)")
    String caseRef;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "the file format, or auto to detect it from the content (default: ${DEFAULT-VALUE}); see 'cets formats'")
    String format;

    @Option(names = "--skip-bad", description = "store the good rows and list every rejected row with its reason")
    boolean skipBad;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "the file's encoding when it is not UTF-8, e.g. windows-1252")
    String encoding;

    @Option(names = "--mapping", paramLabel = "FILE", description = "for CSV: a file mapping canonical fields to the file's headers")
    Path mapping;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "for chat logs whose lines carry only a time: the date of the first line")
    String date;

    @Option(names = "--date-order", paramLabel = "ORDER",
            description = "for chat exports with ambiguous dates: dmy, mdy or ymd (default: settled over the whole file)")
    String dateOrder;

    @Option(names = "--known", paramLabel = "LIST",
            description = "for --format media: a known-hash list (Project VIC JSON, NSRL, md5sum/sha1sum/sha256sum, 'pdq <hex>' "
                    + "lines, CSV); each file's best match is recorded with its category. Repeatable.")
    List<Path> known = new ArrayList<>();

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "a reader option, e.g. platform=irc")
    Map<String, String> readerOptions = new LinkedHashMap<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "why (recorded with the import and in the audit log)")
    String reason;

    @Option(names = {"-q", "--quiet"}, description = "no progress line (it is shown only on a terminal anyway)")
    boolean quiet;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the files to import (for --format media: folders)")
    List<Path> files;

    @Override
    public Integer call() {
        Session session = CetsCommand.root(spec).session(user.as);
        Charset cs = null;
        if (encoding != null) {
            try {
                cs = Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown encoding '" + encoding + "' (try UTF-8, UTF-16, windows-1252, ISO-8859-1)");
            }
        }
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
        Session.ImportOptions options = new Session.ImportOptions(skipBad, cs, opts, reason);
        PrintWriter out = spec.commandLine().getOut();
        List<ImportReport> reports = new ArrayList<>();
        boolean showProgress = !quiet && System.console() != null;
        for (Path f : files) {
            long started = System.nanoTime();
            PrintWriter err = spec.commandLine().getErr();
            Session.ImportOptions withProgress = !showProgress ? options : options.withProgress(n -> {
                double s = (System.nanoTime() - started) / 1e9;
                err.printf("\r%s: %,d records, %,.0f records/s   ", f.getFileName(), n, s > 0 ? n / s : 0.0);
                err.flush();
            });
            boolean media = format.equalsIgnoreCase("media") || (format.equalsIgnoreCase("auto") && java.nio.file.Files.isDirectory(f));
            if (!media && java.nio.file.Files.isDirectory(f)) {
                throw new org.opencets.formats.read.BadInputException(f.toString(), 0,
                        "is a folder; only --format media (or auto) imports a folder, of images");
            }
            ImportReport r = media ? session.importMedia(caseRef, f, known, withProgress)
                    : session.importFile(caseRef, format, f, withProgress);
            if (showProgress) {
                err.print("\r\033[K");
                err.flush();
            }
            reports.add(r);
            if (!user.json) {
                print(out, r);
            }
        }
        if (user.json) {
            Output.json(out, reports.size() == 1 ? reports.get(0) : reports);
        }
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, ImportReport r) {
        if (r.duplicate()) {
            out.println(r.file() + ": already imported into " + r.caseNumber() + " — nothing added (SHA-256 " + r.evidenceSha256() + ")");
            return;
        }
        out.printf("%s → %s (%s): %d records, %d rejected, %d identifiers, %d new links, %d alerts  [%d ms]%n",
                r.file(), r.caseNumber(), r.format(), r.records(), r.rejected(), r.identifiers(), r.links(), r.alerts(),
                r.elapsedMs());
        out.println("  evidence SHA-256 " + r.evidenceSha256() + " (" + r.size() + " bytes)");
        for (String w : r.warnings()) {
            out.println("  note: " + w);
        }
        for (String c : r.becameCommon()) {
            out.println("  common now (seen in too many cases; links no more): " + c);
        }
        for (ImportReport.Rejection rej : r.rejections()) {
            out.println("  rejected line " + rej.line() + ": " + rej.reason());
        }
    }
}
