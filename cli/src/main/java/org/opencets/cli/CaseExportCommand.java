package org.opencets.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencets.formats.caseuco.CaseUcoWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cets case export}: writes a case the user may read as a CASE/UCO JSON-LD bundle. The file is
 * written beside the target and moved into place only when complete, so a denied or failed export
 * leaves nothing behind.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a case you may read — its records, accounts, messages, e-mail addresses, phones, "
                + "cards (keyed hash and masked form only) and how they relate — for exchange with other tools.",
                "Formats: case-uco (CASE 1.x / UCO 1.x JSON-LD, see docs/FORMATS.md)."},
        footerHeading = "%nExample:%n",
        footer = "  cets case export 2024-17 --format case-uco --output 2024-17.jsonld --reason \"request from NCA\"")
final class CaseExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    UserOptions user;
    @Parameters(paramLabel = "NUMBER", description = "case number, or AGENCY/NUMBER")
    String number;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "case-uco",
            description = "export format (default: ${DEFAULT-VALUE}; the only one so far)")
    String format;
    @Option(names = "--output", required = true, paramLabel = "FILE", description = "the file to write (replaced if it exists)")
    Path output;
    @Option(names = "--reason", paramLabel = "TEXT", description = "why you export (recorded in the audit log)")
    String reason;

    @Override
    public Integer call() throws IOException {
        if (!format.equalsIgnoreCase("case-uco")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown export format '" + format + "'; known: case-uco");
        }
        Path target = output.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--output " + output + " is a folder; name the file to write");
        }
        if (!Files.isDirectory(dir)) {
            // an export holds case data: it goes only where the user said, never into folders made on a typo
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--output " + output + ": no such folder " + dir);
        }
        Path partial = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
        long records;
        CaseUcoWriter.Summary summary;
        try {
            try (OutputStream out = Files.newOutputStream(partial); CaseUcoWriter writer = new CaseUcoWriter(out)) {
                records = CetsCommand.root(spec).session(user.as).exportCase(number, reason, writer);
                summary = writer.summary();
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(partial);
            if (e instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (user.json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("case", number);
            report.put("format", "case-uco");
            report.put("file", target.toString());
            report.put("records", records);
            report.put("identifiers", summary.identifiers());
            report.put("relationships", summary.relationships());
            report.put("evidence_files", summary.evidenceFiles());
            report.put("bytes", Files.size(target));
            Output.json(out, report);
        } else {
            out.println("Exported " + records + " records of case " + number + " (" + summary.identifiers() + " identifiers, "
                    + summary.relationships() + " relationships, " + summary.evidenceFiles() + " evidence files) to " + target);
        }
        return ExitCodes.OK;
    }
}
