package org.opencets.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.opencets.core.audit.AuditChain;
import org.opencets.core.audit.AuditEntry;
import org.opencets.core.cases.Agency;
import org.opencets.core.cases.CaseFile;
import org.opencets.core.cases.Investigator;
import org.opencets.core.cases.NeedToKnow;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.core.correlate.ExactCorrelator;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.Redaction;
import org.opencets.media.scan.FileKind;
import org.opencets.store.StoreException;
import org.opencets.store.audit.AuditLog;
import org.opencets.store.directory.Directory;
import org.opencets.store.evidence.EvidenceStore;
import org.opencets.store.ingest.IdentifierRows;
import org.opencets.store.ingest.Ingest;
import org.opencets.store.ingest.StoredMention;
import org.opencets.store.keys.OwnerOnlyFiles;

/**
 * One user's use of the deployment. Every public method checks what the user may do and writes an
 * audit entry — ok, denied or error — before it returns or throws.
 */
public final class Session {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deployment d;
    private final Investigator user;

    Session(Deployment d, Investigator user) {
        this.d = d;
        this.user = user;
    }

    public Investigator user() {
        return user;
    }

    // ---------------------------------------------------------------- audit plumbing

    private <T> T audited(String action, Long caseId, String target, String reason, Supplier<T> work,
                          java.util.function.Function<T, String> detail) {
        return audited(action, caseId, target, reason, work, detail, result -> "ok");
    }

    /** {@link #audited}, with the outcome of a result that is not a plain success (a folder with a failed file). */
    private <T> T audited(String action, Long caseId, String target, String reason, Supplier<T> work,
                          java.util.function.Function<T, String> detail, java.util.function.Function<T, String> outcome) {
        try {
            d.audit().requireRecordable(action); // before the work: nothing done or shown that the log cannot hold
            requireReason(action, reason);
            T result = work.get();
            d.audit().append(new AuditLog.Event(user.name(), action, caseId, target, reason, outcome.apply(result),
                    detail.apply(result)));
            return result;
        } catch (AccessDeniedException e) {
            d.audit().append(new AuditLog.Event(user.name(), action, caseId, target, reason, "denied", e.getMessage()));
            throw e;
        } catch (NotFoundException e) {
            // the user is told "no such record" either way; the log says which it was, under the case
            // probed, so that the agency owning it reads the attempt
            d.audit().append(new AuditLog.Event(user.name(), action, caseId != null ? caseId : e.hiddenCase(), target, reason,
                    e.hidden() ? "denied" : "error", e.auditDetail()));
            throw e;
        } catch (RuntimeException e) {
            d.audit().append(new AuditLog.Event(user.name(), action, caseId, target, reason, "error",
                    String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /** What reads, exports or adds case data: with {@code audit.require-reason}, each needs a reason. */
    private static final Set<String> NEEDS_REASON = Set.of("case.show", "lookup", "links", "alerts", "records",
            "case.export", "resolve.explain", "import", "import.folder");

    /**
     * Refuses a search, view, export or import without a reason where the deployment requires one
     * ({@code audit.require-reason = true} in {@code cets.properties}; DESIGN: every access records why).
     */
    private void requireReason(String action, String reason) {
        if (d.settings().requireReason() && NEEDS_REASON.contains(action) && (reason == null || reason.isBlank())) {
            throw new ReasonRequiredException(action);
        }
    }

    private void requireAdmin(String what) {
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException(user.name() + " may not " + what + ": administrators only");
        }
    }

    // ---------------------------------------------------------------- agencies and users

    public Agency addAgency(String code, String name, String region) {
        return audited("agency.add", null, code, null, () -> {
            requireAdmin("add agencies");
            if (region != null && !region.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("region must be a two-letter ISO 3166 code such as GB or US, found '"
                        + region + "'");
            }
            return d.directory().addAgency(code, name, region);
        }, a -> "agency " + a.code() + " added");
    }

    public List<Agency> agencies() {
        return audited("agency.list", null, null, null, () -> d.directory().agencies(), l -> l.size() + " agencies");
    }

    public Investigator addUser(String name, String agencyCode, Set<Role> roles, String contact) {
        return audited("user.add", null, name, null, () -> {
            requireAdmin("add users");
            Agency a = d.directory().agency(agencyCode).orElseThrow(() ->
                    new IllegalArgumentException("no agency " + agencyCode + "; add it with 'cets agency add'"));
            return d.directory().addInvestigator(name, a, roles.isEmpty() ? EnumSet.of(Role.INVESTIGATOR) : roles, contact);
        }, u -> "user " + u.name() + " added to " + u.agency().code());
    }

    public List<Investigator> users() {
        return audited("user.list", null, null, null, () -> {
            requireAdmin("list users");
            return d.directory().investigators();
        }, l -> l.size() + " users");
    }

    // ---------------------------------------------------------------- cases

    public CaseRef createCase(String number, String agencyCode, String title, Sharing sharing, String leadName) {
        return audited("case.create", null, agencyCode + "/" + number, null, () -> {
            Agency a = d.directory().agency(agencyCode).orElseThrow(() ->
                    new IllegalArgumentException("no agency " + agencyCode + "; add it with 'cets agency add'"));
            if (!user.has(Role.ADMIN) && (a.id() != user.agency().id() || !user.has(Role.INVESTIGATOR))) {
                throw new AccessDeniedException(user.name() + " may not create cases for agency " + a.code());
            }
            Investigator lead = user;
            if (leadName != null) {
                lead = d.directory().investigator(leadName).orElseThrow(() ->
                        new IllegalArgumentException("no user " + leadName));
                if (lead.agency().id() != a.id()) {
                    throw new IllegalArgumentException("the lead " + leadName + " is not in agency " + a.code());
                }
            } else if (user.agency().id() != a.id()) {
                throw new IllegalArgumentException("name the case's lead with --lead USER (a user of " + a.code() + ")");
            }
            return CaseRef.of(d.directory().createCase(number, title, a, sharing, lead), true);
        }, c -> "case " + c.qualified() + " created, sharing " + c.sharing());
    }

    /** The cases the user may read. */
    public List<CaseRef> cases() {
        return audited("case.list", null, null, null, () -> d.directory().cases().stream()
                .filter(c -> NeedToKnow.canRead(user, c)).map(c -> CaseRef.of(c, true)).toList(),
                l -> l.size() + " cases");
    }

    /** A case's details and contents summary, or only a pointer where the user is not entitled. */
    public CaseDetails showCase(String ref, String reason) {
        CaseFile c = resolveQuietly(ref);
        return audited("case.show", c.id(), c.qualifiedNumber(), reason, () -> {
            boolean readable = NeedToKnow.canRead(user, c);
            if (!readable) {
                return new CaseDetails(CaseRef.of(c, false), null, null, null, null);
            }
            return d.db().read(h -> {
                Map<String, Long> kinds = new LinkedHashMap<>();
                h.createQuery("SELECT kind, COUNT(*) FROM record WHERE case_id = ? GROUP BY kind ORDER BY kind")
                        .bind(0, c.id()).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .forEach(e -> kinds.put(e.getKey(), e.getValue()));
                List<CaseDetails.ImportLine> imports = h.createQuery("""
                                SELECT i.file_name, i.evidence_sha256, i.format, u.name, i.imported_at, i.records, i.rejected
                                FROM import_run i JOIN investigator u ON u.id = i.imported_by
                                WHERE i.case_id = ? ORDER BY i.id""")
                        .bind(0, c.id())
                        .map((rs, ctx) -> new CaseDetails.ImportLine(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7)))
                        .list();
                long links = h.createQuery("SELECT COUNT(*) FROM link WHERE case_a = ? OR case_b = ?")
                        .bind(0, c.id()).bind(1, c.id()).mapTo(Long.class).one();
                long alerts = h.createQuery("SELECT COUNT(*) FROM alert WHERE case_id = ?").bind(0, c.id())
                        .mapTo(Long.class).one();
                return new CaseDetails(CaseRef.of(c, true), kinds, imports, links, alerts);
            });
        }, r -> r.records() == null ? "pointer only" : "shown");
    }

    /** Sets a case's sharing level; returns the case's qualified number ({@code AGENCY/NUMBER}). */
    public String setSharing(String ref, Sharing sharing) {
        CaseFile c = resolveQuietly(ref);
        audited("case.share", c.id(), c.qualifiedNumber(), null, () -> {
            if (!NeedToKnow.canWrite(user, c)) {
                throw new AccessDeniedException(user.name() + " may not change case " + c.qualifiedNumber());
            }
            d.directory().setSharing(c, sharing);
            return sharing;
        }, s -> "sharing set to " + s.code());
        return c.qualifiedNumber();
    }

    /**
     * Finds a case by {@code AGENCY/NUMBER} or by number alone (the user's own agency first, then a
     * number unique on the network).
     */
    CaseFile resolveQuietly(String ref) {
        Directory dir = d.directory();
        int slash = ref.indexOf('/');
        if (slash > 0) {
            String agency = ref.substring(0, slash);
            String number = ref.substring(slash + 1);
            return dir.byAgencyAndNumber(agency, number).orElseThrow(() ->
                    new IllegalArgumentException("no case " + ref));
        }
        List<CaseFile> all = dir.byNumber(ref);
        Optional<CaseFile> own = all.stream().filter(c -> c.agency().id() == user.agency().id()).findFirst();
        if (own.isPresent()) {
            return own.get();
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no case " + ref + "; 'cets case list' shows the cases you can read");
        }
        throw new IllegalArgumentException("case number " + ref + " exists in several agencies; write one of "
                + all.stream().map(CaseFile::qualifiedNumber).collect(Collectors.joining(", ")));
    }

    // ---------------------------------------------------------------- import

    /**
     * How to import.
     *
     * @param progress told the number of records stored so far, every {@link #PROGRESS_EVERY} records
     *                 and at the end; may be null
     */
    public record ImportOptions(boolean skipBad, Charset encoding, Map<String, String> readerOptions, String reason,
                                java.util.function.LongConsumer progress) {
        public ImportOptions {
            readerOptions = readerOptions == null ? Map.of() : Map.copyOf(readerOptions);
            // typed free text, kept in the import's row and its audit entry: no whole card number
            reason = org.opencets.core.identifier.TextExtractor.redactCards(reason);
        }

        public ImportOptions(boolean skipBad, Charset encoding, Map<String, String> readerOptions, String reason) {
            this(skipBad, encoding, readerOptions, reason, null);
        }

        public static ImportOptions defaults() {
            return new ImportOptions(false, null, Map.of(), null, null);
        }

        public ImportOptions withProgress(java.util.function.LongConsumer listener) {
            return new ImportOptions(skipBad, encoding, readerOptions, reason, listener);
        }
    }

    /** How much of a file's start a format is recognised from. */
    private static final int SNIFF_BYTES = 64 * 1024;

    /** How often an import reports progress, in records. */
    public static final int PROGRESS_EVERY = 10_000;

    /**
     * Imports one evidence file into a case: all of it or none of it (unless the options skip bad
     * rows, which are then reported one by one).
     */
    public ImportReport importFile(String caseRef, String formatName, Path file, ImportOptions options) {
        CaseFile c = resolveQuietly(caseRef);
        return auditedImport(c, file, options, () -> importChecked(c, formatName, file, options));
    }

    /**
     * Runs an import, writing the audit entry of a denied or failed one; a successful import writes
     * its own entry inside its transaction.
     */
    private ImportReport auditedImport(CaseFile c, Path file, ImportOptions options, Supplier<ImportReport> work) {
        String target = c.qualifiedNumber() + " " + file.getFileName();
        try {
            requireReason("import", options.reason());
            return work.get();
        } catch (AccessDeniedException e) {
            d.audit().append(new AuditLog.Event(user.name(), "import", c.id(), target, options.reason(), "denied", e.getMessage()));
            throw e;
        } catch (RuntimeException e) {
            d.audit().append(new AuditLog.Event(user.name(), "import", c.id(), target, options.reason(), "error",
                    String.valueOf(e.getMessage())));
            throw e;
        }
    }

    /**
     * Imports a folder of seized files into a case, each file for what it is. With format
     * {@code auto}, every file whose record format is recognised (as {@code --format auto} would
     * recognise it alone) is imported as its own file, with its own report; with {@code media},
     * such files are skipped. The images and videos go into one media import (see
     * {@link MediaImport}: hashes, PDQ, cameras, matches in the given known-hash lists). Every other
     * file is skipped, and every file that cannot be read or is rejected by its format has failed;
     * both are listed with their reasons. Each import is all or nothing and audited as any import;
     * the folder as a whole has its own audit entry ({@code import.folder}).
     *
     * <p>The folder's content never makes this throw: an empty folder, a folder with nothing to
     * import, or a file that failed is the report's {@link FolderImportReport#problem() problem}.
     * It throws for what is wrong before any file is looked at (the user may not write the case,
     * the folder does not exist, a reader option was given) and when the store fails.
     *
     * @param format {@code auto} or {@code media}
     */
    public FolderImportReport importFolder(String caseRef, Path folder, String format, List<Path> knownLists,
                                           ImportOptions options) {
        boolean withRecordFiles;
        if (format.equalsIgnoreCase("auto")) {
            withRecordFiles = true;
        } else if (format.equalsIgnoreCase("media")) {
            withRecordFiles = false;
        } else {
            throw new BadInputException(folder.toString(), 0, "is a folder; only --format auto (record files and media) "
                    + "or --format media (images and videos) imports a folder, not --format " + format);
        }
        CaseFile c = resolveQuietly(caseRef);
        String target = c.qualifiedNumber() + " " + folder.getFileName() + "/";
        return audited("import.folder", c.id(), target, options.reason(),
                () -> importFolderChecked(c, folder, withRecordFiles, knownLists, options),
                FolderImportReport::summary, r -> r.problem() == null ? "ok" : "error");
    }

    private FolderImportReport importFolderChecked(CaseFile c, Path folder, boolean withRecordFiles, List<Path> knownLists,
                                                   ImportOptions options) {
        if (!NeedToKnow.canWrite(user, c)) {
            throw new AccessDeniedException(user.name() + " may not import into case " + c.qualifiedNumber()
                    + " of agency " + c.agency().code());
        }
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder.toString(), 0, Files.exists(folder)
                    ? "not a folder: --format media imports a folder of images (a manifest file is --format media-manifest)"
                    : "no such folder");
        }
        if (!options.readerOptions().isEmpty()) {
            throw new BadInputException(folder.toString(), 0, "reader options (" + String.join(", ",
                    new java.util.TreeSet<>(options.readerOptions().keySet())) + ") are for one file of a known format; "
                    + "import that file on its own with them");
        }
        Path work;
        try {
            work = OwnerOnlyFiles.createTempDirectory(d.home(), ".media-import-");
        } catch (IOException e) {
            throw new StoreException("cannot make a working folder in " + d.home() + ": " + e.getMessage(), e);
        }
        try {
            List<Path> recordFiles = new ArrayList<>();
            List<FolderImportReport.Skipped> recordFilesSkipped = new ArrayList<>();
            java.util.function.Predicate<Path> mediaCandidate = p -> {
                byte[] head;
                try (InputStream in = Files.newInputStream(p)) {
                    // a signature first (the scan reads the picture soon after, from the cache), then
                    // as much as a reader looks at to recognise its format, as for a file on its own
                    byte[] start = in.readNBytes(FileKind.HEAD_BYTES);
                    if (start.length == 0 || FileKind.of(start, start.length).media()) {
                        return true;
                    }
                    byte[] more = in.readNBytes(SNIFF_BYTES - start.length);
                    head = java.util.Arrays.copyOf(start, start.length + more.length);
                    System.arraycopy(more, 0, head, start.length, more.length);
                } catch (IOException e) {
                    return true; // the scan reports why it cannot be read
                }
                Optional<RecordReader> reader = d.formats().detect(p.getFileName().toString(), head);
                if (reader.isEmpty()) {
                    return true; // not a record file; may still decode as an image (PPM, say)
                }
                if (withRecordFiles) {
                    recordFiles.add(p);
                } else {
                    long size;
                    try {
                        size = Files.size(p);
                    } catch (IOException e) {
                        size = -1;
                    }
                    String f = reader.get().format();
                    recordFilesSkipped.add(new FolderImportReport.Skipped(MediaImport.shown(p.toString()), size,
                            "a file in format " + f + ", not media (import it with --format auto or --format " + f + ")"));
                }
                return false;
            };
            MediaImport.Scanned scanned = MediaImport.scan(folder, knownLists, d.evidence(), work, mediaCandidate,
                    withRecordFiles ? "not an image, video or record format" : "not an image or video");

            List<ImportReport> imports = new ArrayList<>();
            List<FolderImportReport.Failed> failed = new ArrayList<>(scanned.failed());
            long recordFilesImported = 0;
            for (Path f : recordFiles) {
                try {
                    imports.add(auditedImport(c, f, options, () -> importChecked(c, "auto", f, options)));
                    recordFilesImported++;
                } catch (BadInputException e) {
                    // all or nothing for this file, as for any import; the folder's other files go on
                    failed.add(new FolderImportReport.Failed(MediaImport.shown(f.toString()), e.line(), e.reason()));
                }
            }
            if (scanned.mediaFiles() > 0) {
                // the manifest is written here, in UTF-8, by rows that cannot be bad: no encoding, no skipping
                ImportOptions manifestOptions = new ImportOptions(false, null, Map.of(), options.reason(), options.progress());
                ImportReport r = auditedImport(c, folder, manifestOptions,
                        () -> importChecked(c, "media-manifest", scanned.manifest(), manifestOptions));
                List<String> warnings = new ArrayList<>(scanned.warnings());
                warnings.addAll(r.warnings());
                imports.add(new ImportReport(folder.toString(), r.evidenceSha256(), r.size(), "media", r.caseNumber(),
                        r.importedBy(), r.importedAt(), r.duplicate(), r.records(), r.rejected(), r.identifiers(), r.links(),
                        r.alerts(), r.becameCommon(), r.rejections(), warnings, r.elapsedMs(), r.correlationMs()));
            }
            List<FolderImportReport.Skipped> skipped = new ArrayList<>(scanned.skipped());
            skipped.addAll(recordFilesSkipped);
            skipped.sort(java.util.Comparator.comparing(FolderImportReport.Skipped::path));
            failed.sort(java.util.Comparator.comparing(FolderImportReport.Failed::path));
            long files = recordFiles.size() + scanned.mediaFiles() + scanned.skipped().size() + scanned.failed().size()
                    + recordFilesSkipped.size();
            String problem = folderProblem(folder, withRecordFiles, files, imports, skipped, failed, recordFilesSkipped.size());
            return new FolderImportReport(folder.toString(), c.qualifiedNumber(), withRecordFiles ? "auto" : "media", files,
                    recordFilesImported, scanned.mediaFiles(),
                    imports.stream().mapToLong(ImportReport::records).sum(),
                    imports.stream().mapToLong(ImportReport::links).sum(),
                    imports.stream().mapToLong(ImportReport::alerts).sum(),
                    imports, skipped, failed, problem);
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
                Files.deleteIfExists(work);
            } catch (IOException ignored) {
                // a leftover working folder is owner-only and holds only digests; the failure reported matters more
            }
        }
    }

    private static String folderProblem(Path folder, boolean withRecordFiles, long files, List<ImportReport> imports,
                                        List<FolderImportReport.Skipped> skipped, List<FolderImportReport.Failed> failed,
                                        long recordFilesSkipped) {
        if (files == 0) {
            return folder + ": the folder is empty (no file in it or in its subfolders); nothing was imported";
        }
        if (!failed.isEmpty()) {
            return folder + ": " + failed.size() + " of its " + FolderImportReport.count(files, "file")
                    + " could not be imported (each listed with why)"
                    + (imports.isEmpty() ? "; nothing was imported" : "; the rest were imported or skipped as listed");
        }
        if (imports.isEmpty()) {
            String what = withRecordFiles ? "an image, a video or a file of a record format" : "an image or a video";
            return folder + ": " + (files == 1 ? "its one file is not " : "none of its " + files + " files is ") + what
                    + "; nothing was imported"
                    + (recordFilesSkipped == 0 ? "" : " (" + recordFilesSkipped
                    + (recordFilesSkipped == 1 ? " is a record file" : " are record files") + ": use --format auto)");
        }
        return null;
    }

    /**
     * Refuses an option the reader does not take (a typo would otherwise be ignored in silence) and
     * one whose value it cannot use, before the file is stored or found to be a duplicate.
     */
    private static void checkReaderOptions(RecordReader reader, Path file, Map<String, String> given) {
        java.util.Set<String> takes = reader.options();
        for (String key : new java.util.TreeSet<>(given.keySet())) {
            if (!takes.contains(key)) {
                throw new BadInputException(file.toString(), 0, "format " + reader.format() + " takes no option '" + key + "'"
                        + (takes.isEmpty() ? "" : "; it takes: " + String.join(", ", new java.util.TreeSet<>(takes))));
            }
        }
        try {
            reader.checkOptions(given);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file.toString(), 0, e.getMessage());
        }
    }

    private ImportReport importChecked(CaseFile c, String formatName, Path file, ImportOptions options) {
        long started = System.nanoTime();
        if (!NeedToKnow.canWrite(user, c)) {
            throw new AccessDeniedException(user.name() + " may not import into case " + c.qualifiedNumber()
                    + " of agency " + c.agency().code());
        }
        if (!Files.exists(file)) {
            throw new BadInputException(file.toString(), 0, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BadInputException(file.toString(), 0, "not a readable file");
        }
        long size;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        if (size == 0) {
            throw new BadInputException(file.toString(), 0, "the file is empty");
        }
        String name = file.getFileName().toString();
        RecordReader reader = chooseReader(formatName, file.toString(), name, head, options);
        checkReaderOptions(reader, file, options.readerOptions());

        EvidenceStore.Stored stored;
        try {
            stored = d.evidence().put(file);
        } catch (IOException e) {
            throw new StoreException("cannot copy " + file + " into the evidence store: " + e.getMessage(), e);
        }
        String sha = stored.sha256();
        Optional<String> previous = d.db().read(h -> h.createQuery(
                        "SELECT imported_at FROM import_run WHERE case_id = ? AND evidence_sha256 = ?")
                .bind(0, c.id()).bind(1, sha).mapTo(String.class).findOne());
        if (previous.isPresent()) {
            ImportReport dup = new ImportReport(file.toString(), sha, size, reader.format(), c.qualifiedNumber(), user.name(),
                    Instant.now().toString(), true, 0, 0, 0, 0, 0, List.of(), List.of(),
                    List.of("this file (SHA-256 " + sha + ") was already imported into " + c.qualifiedNumber() + " at "
                            + previous.get() + "; nothing was added"), elapsed(started), 0);
            d.audit().append(new AuditLog.Event(user.name(), "import", c.id(), c.qualifiedNumber() + " " + name,
                    options.reason(), "ok", "duplicate of an earlier import; nothing added"));
            return dup;
        }

        IdentifierContext ctx = new IdentifierContext(c.agency().region(), d.cardHasher());
        ReadSource source = new ReadSource(file.toString(), () -> d.evidence().open(sha), options.encoding(), ctx,
                options.readerOptions(), ReadSource.DEFAULT_MAX_LINE_BYTES);
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String now = Instant.now().toString();
        AuditEntry[] entry = new AuditEntry[1];
        try {
            ImportReport report = d.db().inWriteTransaction(h -> {
                h.execute("INSERT INTO evidence(sha256, size, stored_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                        sha, size, now);
                long importId = h.createUpdate("""
                                INSERT INTO import_run(case_id, evidence_sha256, file_name, format, imported_by, imported_at,
                                                       reason, records, rejected, identifiers, links, alerts, report)
                                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, '{}')""")
                        .bind(0, c.id()).bind(1, sha).bind(2, org.opencets.core.identifier.TextExtractor.redactCards(name))
                        .bind(3, reader.format()).bind(4, user.id())
                        .bind(5, now).bind(6, options.reason())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                Ingest ingest = new Ingest(h, c.id(), importId);
                ReadAhead.Remarks remarks = new ReadAhead.Remarks() {
                    @Override
                    public void reject(long line, String why) {
                        // readers quote bad input in their reasons; a card number in it must not reach
                        // the report, the database or the screen, whichever reader wrote the reason
                        String reason = Redaction.digits(why);
                        if (!options.skipBad()) {
                            throw new BadInputException(file.toString(), line, reason
                                    + " (nothing of the file was imported; fix the row, or pass --skip-bad to import the other rows)");
                        }
                        rejections.add(new ImportReport.Rejection(line, reason));
                    }

                    @Override
                    public void warn(String message) {
                        warnings.add(Redaction.digits(message));
                    }
                };
                try {
                    ReadAhead.run(reader, source, remarks, Ingest::prepare, p -> p.json().length(), r -> {
                        ingest.add(r);
                        if (options.progress() != null && ingest.records() % PROGRESS_EVERY == 0) {
                            options.progress().accept(ingest.records());
                        }
                    });
                } catch (ReadAhead.ReadFailure e) {
                    throw new BadInputException(file.toString(), 0, "cannot read: " + e.getMessage());
                }
                if (options.progress() != null) {
                    options.progress().accept(ingest.records());
                }
                ExactCorrelator correlator = new ExactCorrelator(d.settings().maxCases(), d.stoplist()::isStopped);
                Ingest.Result result = ingest.finish(correlator);
                if (result.records() == 0 && rejections.isEmpty()) {
                    warnings.add("the file holds no records");
                }
                long alerts = Alerts.create(h, c, result.links(), importId, now);
                ImportReport r = new ImportReport(file.toString(), sha, size, reader.format(), c.qualifiedNumber(),
                        user.name(), now, false, result.records(), rejections.size(), result.identifiers(),
                        result.links().size(), alerts,
                        result.becameCommon().stream().map(Identifier::label).toList(), List.copyOf(rejections),
                        List.copyOf(warnings), elapsed(started), result.correlationMillis());
                if (options.skipBad() && r.records() == 0 && r.rejected() > 0) {
                    throw new NoRowImportedException(r); // rolled back: kept, it would make the fixed file a duplicate
                }
                String json;
                try {
                    json = JSON.writeValueAsString(r);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                h.createUpdate("""
                                UPDATE import_run SET records = ?, rejected = ?, identifiers = ?, links = ?, alerts = ?,
                                report = ? WHERE id = ?""")
                        .bind(0, r.records()).bind(1, r.rejected()).bind(2, r.identifiers()).bind(3, r.links())
                        .bind(4, r.alerts()).bind(5, json).bind(6, importId).execute();
                entry[0] = d.audit().append(h, new AuditLog.Event(user.name(), "import", c.id(),
                        c.qualifiedNumber() + " " + name, options.reason(), "ok",
                        r.records() + " records, " + r.rejected() + " rejected, " + r.links() + " links, evidence " + sha));
                return r;
            });
            d.audit().committed(entry[0]);
            return report;
        } catch (RuntimeException e) {
            if (!stored.alreadyPresent()) {
                boolean referenced = d.db().read(h -> h.createQuery("SELECT COUNT(*) FROM import_run WHERE evidence_sha256 = ?")
                        .bind(0, sha).mapTo(Long.class).one()) > 0;
                if (!referenced) {
                    try {
                        d.evidence().remove(sha);
                    } catch (IOException ignored) {
                        // the failure being reported matters more; an orphan evidence file is harmless
                    }
                }
            }
            throw e;
        }
    }

    private RecordReader chooseReader(String formatName, String displayName, String fileName, byte[] head,
                                      ImportOptions options) {
        if (formatName == null || formatName.equalsIgnoreCase("auto")) {
            return d.formats().detect(fileName, head).orElseThrow(() -> new BadInputException(displayName, 0,
                    "cannot tell the format from the content; name it with --format (known: "
                            + String.join(", ", d.formats().names()) + ")"));
        }
        RecordReader named = d.formats().byName(formatName);
        if (named.sniff(fileName, head) == 0 && !options.readerOptions().containsKey("mapping")) {
            Optional<RecordReader> likely = d.formats().detect(fileName, head);
            if (likely.isPresent() && likely.get().sniff(fileName, head) >= 60) {
                throw new BadInputException(displayName, 0, "does not look like " + named.format() + "; it looks like "
                        + likely.get().format() + " (use --format " + likely.get().format() + " or --format auto)");
            }
        }
        return named;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    // ---------------------------------------------------------------- look-up

    /**
     * Has anyone seen this value? The type is detected unless given. Every look-up is audited with
     * the identifier's display form (a card's masked form, never its number).
     */
    public LookupResult lookup(String value, IdentifierType type, String reason) {
        IdentifierContext ctx = new IdentifierContext(user.agency().region(), d.cardHasher());
        Identifier id;
        try {
            id = type == null ? Identifiers.detectAndNormalise(value, ctx) : Identifiers.normalise(type, value, ctx);
        } catch (IllegalArgumentException e) {
            d.audit().append(new AuditLog.Event(user.name(), "lookup", null, type == null ? "?" : type.code(), reason,
                    "error", e.getMessage()));
            throw e;
        }
        Identifier found = id;
        return audited("lookup", null, id.toString(), reason, () -> lookup(found), r ->
                r.seen() ? "seen in " + r.cases().size() + " cases" : "not seen");
    }

    private LookupResult lookup(Identifier id) {
        String stop = d.stoplist().isStopped(id) ? d.stoplist().reason(id) : null;
        return d.db().read(h -> {
            Optional<long[]> row = h.createQuery("SELECT id, common FROM identifier WHERE type = ? AND value = ?")
                    .bind(0, id.type().code()).bind(1, id.value())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
            if (row.isEmpty()) {
                return new LookupResult(id.type().code(), id.display(), false, id.correlatable(), false, stop, List.of());
            }
            long identifierId = row.get()[0];
            List<LookupResult.Hit> hits = new ArrayList<>();
            record Held(long caseId, long mentions, String roles, String spellings) {
            }
            List<Held> holdings = h.createQuery(
                            "SELECT case_id, mentions, roles, spellings FROM identifier_case WHERE identifier_id = ? ORDER BY case_id")
                    .bind(0, identifierId)
                    .map((rs, ctx) -> new Held(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
            for (Held held : holdings) {
                CaseFile c = Directory.caseById(h, held.caseId()).orElseThrow();
                boolean readable = NeedToKnow.canRead(user, c);
                if (readable) {
                    List<String> roles = StoredMention.strings(held.roles());
                    List<String> raws = StoredMention.strings(held.spellings());
                    hits.add(new LookupResult.Hit(CaseRef.of(c, true), held.mentions(), roles, raws.isEmpty() ? null : raws));
                } else {
                    hits.add(new LookupResult.Hit(CaseRef.of(c, false), null, null, null));
                }
            }
            return new LookupResult(id.type().code(), id.display(), !hits.isEmpty(), id.correlatable(), row.get()[1] != 0,
                    stop, hits);
        });
    }

    // ---------------------------------------------------------------- links and alerts

    /** Links touching one case (which the user must be entitled to), or every case the user may read. */
    public List<LinkView> links(String caseRef, String reason) {
        CaseFile only = caseRef == null ? null : resolveQuietly(caseRef);
        return audited("links", only == null ? null : only.id(), only == null ? "all" : only.qualifiedNumber(), reason, () -> {
            if (only != null && !NeedToKnow.canRead(user, only)) {
                throw new AccessDeniedException("case " + only.qualifiedNumber() + " is not shared with " + user.name());
            }
            return d.db().read(h -> {
                Map<Long, CaseFile> cases = new HashMap<>();
                for (CaseFile c : d.directory().cases()) {
                    cases.put(c.id(), c);
                }
                String where = " WHERE l.withdrawn_at IS NULL" + (only == null ? "" : " AND (l.case_a = :c OR l.case_b = :c)");
                List<LinkView> out = new ArrayList<>();
                h.createQuery("""
                                SELECT l.id, l.kind, i.type, i.value, i.display, i.correlatable, l.case_a, l.record_a, l.role_a,
                                       l.case_b, l.record_b, l.role_b, l.strength, l.evidence, l.created_at, l.judgement, i.common
                                FROM link l LEFT JOIN identifier i ON i.id = l.identifier_id""" + where + " ORDER BY l.id")
                        .bindByType("c", only == null ? null : only.id(), Long.class)
                        .map((rs, ctx) -> {
                            CaseFile a = cases.get(rs.getLong("case_a"));
                            CaseFile b = cases.get(rs.getLong("case_b"));
                            boolean ra = NeedToKnow.canRead(user, a);
                            boolean rb = NeedToKnow.canRead(user, b);
                            if (!ra && !rb) {
                                return null;
                            }
                            Map<String, Object> evidence;
                            try {
                                evidence = JSON.readValue(rs.getString("evidence"), new TypeReference<LinkedHashMap<String, Object>>() { });
                            } catch (IOException e) {
                                evidence = Map.of();
                            }
                            String identifier = rs.getString("type") == null ? null : rs.getString("type") + ":" + rs.getString("display");
                            // a stoplist entry added after the link was made: the link stays, flagged
                            String stoplisted = rs.getString("type") == null ? null : d.stoplist().reason(new Identifier(
                                    IdentifierType.fromCode(rs.getString("type")), rs.getString("value"), rs.getString("display"),
                                    rs.getInt("correlatable") != 0));
                            return new LinkView(rs.getLong("id"), rs.getString("kind"), identifier,
                                    new LinkView.Side(CaseRef.of(a, ra), ra ? rs.getLong("record_a") : null, ra ? rs.getString("role_a") : null),
                                    new LinkView.Side(CaseRef.of(b, rb), rb ? rs.getLong("record_b") : null, rb ? rs.getString("role_b") : null),
                                    rs.getDouble("strength"), ra && rb ? evidence : Map.of("rule", evidence.getOrDefault("rule", "")),
                                    rs.getString("created_at"), rs.getString("judgement"), rs.getInt("common") != 0, stoplisted);
                        })
                        .forEach(v -> {
                            if (v != null) {
                                out.add(v);
                            }
                        });
                return out;
            });
        }, l -> l.size() + " links");
    }

    /** Alerts of one case (which the user must be entitled to), or of every case the user may read. */
    public List<AlertView> alerts(String caseRef, String reason) {
        CaseFile only = caseRef == null ? null : resolveQuietly(caseRef);
        return audited("alerts", only == null ? null : only.id(), only == null ? "all" : only.qualifiedNumber(), reason, () -> {
            if (only != null && !NeedToKnow.canRead(user, only)) {
                throw new AccessDeniedException("case " + only.qualifiedNumber() + " is not shared with " + user.name());
            }
            Map<Long, CaseFile> cases = new HashMap<>();
            for (CaseFile c : d.directory().cases()) {
                cases.put(c.id(), c);
            }
            record Row(long id, CaseFile c, CaseFile other, String message, String createdAt, Long linkId) {
            }
            return d.db().read(h -> {
                List<Row> rows = h.createQuery("SELECT id, case_id, other_case_id, message, created_at, link_id FROM alert"
                                + (only == null ? "" : " WHERE case_id = :c") + " ORDER BY id")
                        .bindByType("c", only == null ? null : only.id(), Long.class)
                        .map((rs, ctx) -> new Row(rs.getLong("id"), cases.get(rs.getLong("case_id")),
                                cases.get(rs.getLong("other_case_id")), rs.getString("message"), rs.getString("created_at"),
                                rs.getObject("link_id") == null ? null : rs.getLong("link_id")))
                        .list();
                List<AlertView> out = new ArrayList<>();
                for (Row r : rows) {
                    if (!NeedToKnow.canRead(user, r.c())) {
                        continue;
                    }
                    String message = r.message();
                    if (r.linkId() != null && message.startsWith("possibly the same person: a")) {
                        // stored by an earlier version, naming the other side's role: shown as it is written now
                        message = PersonLinks.shownMessage(message, r.c().id(), PersonLinks.link(h, r.linkId()).orElse(null));
                    }
                    out.add(new AlertView(r.id(), CaseRef.of(r.c(), true), CaseRef.of(r.other(), NeedToKnow.canRead(user, r.other())),
                            message, r.createdAt()));
                }
                return out;
            });
        }, l -> l.size() + " alerts");
    }

    // ---------------------------------------------------------------- export

    /**
     * Exports a case the user may read (its own agency's, or one shared on the network): its evidence
     * files, then every record with its mentions, in import order, to the sink (a CASE/UCO writer, say).
     * Audited as {@code case.export} with the reason: ok with the record count, denied, or error.
     *
     * @return the number of records exported
     */
    public long exportCase(String caseRef, String reason, org.opencets.formats.caseuco.CaseView.Sink sink) {
        CaseFile c = resolveQuietly(caseRef);
        return audited("case.export", c.id(), c.qualifiedNumber(), reason, () -> {
            if (!NeedToKnow.canRead(user, c)) {
                throw new AccessDeniedException("case " + c.qualifiedNumber() + " is not shared with " + user.name()
                        + "; only its agency, or every agency when it is shared on the network, may export it");
            }
            return CaseExport.run(d, c, user, sink);
        }, n -> n + " records exported");
    }

    // ---------------------------------------------------------------- audit

    /** Checks the audit log's chain. */
    public AuditChain.Verdict verifyAudit() {
        AuditChain.Verdict v = d.audit().verify();
        d.audit().append(new AuditLog.Event(user.name(), "audit.verify", null, null, null, v.intact() ? "ok" : "error",
                v.entries() + " entries, " + v.problems().size() + " problems"));
        return v;
    }

    /** The latest audit entries (administrators only). */
    public List<AuditEntry> auditEntries(int limit, String caseRef) {
        CaseFile c = caseRef == null ? null : resolveQuietly(caseRef);
        return audited("audit.list", c == null ? null : c.id(), c == null ? null : c.qualifiedNumber(), null, () -> {
            if (!user.has(Role.ADMIN) && !user.has(Role.AUDITOR)) {
                throw new AccessDeniedException(user.name() + " may not read the audit log: administrators and auditors only");
            }
            List<AuditEntry> entries = d.audit().entries(limit, c == null ? null : c.id());
            if (user.has(Role.AUDITOR)) {
                return entries;
            }
            Map<String, String> agencyOf = new HashMap<>();
            for (Investigator i : d.directory().investigators()) {
                agencyOf.put(i.name(), i.agency().code());
            }
            Map<Long, CaseFile> cases = new HashMap<>();
            for (CaseFile k : d.directory().cases()) {
                cases.put(k.id(), k);
            }
            return entries.stream().map(e -> shownToAdmin(e, agencyOf, cases)).toList();
        }, l -> l.size() + " entries");
    }

    /**
     * An audit entry as an administrator (not an auditor) may read it: in full when its case is one
     * they may read, or, for an entry naming no case, when its actor is of their agency; otherwise
     * who (another agency's user as "a user of AGENCY"), what and when, without the target, reason
     * and detail, which may hold another agency's search values, case numbers and record ids. The chain's hashes are kept: verification needs
     * no one's eyes on the content.
     */
    private AuditEntry shownToAdmin(AuditEntry e, Map<String, String> agencyOf, Map<Long, CaseFile> cases) {
        String agency = agencyOf.get(e.actor());
        boolean ownAgency = agency == null || agency.equals(user.agency().code()); // null: a refused log-in names no user
        CaseFile c = e.caseId() == null ? null : cases.get(e.caseId());
        if (c != null ? NeedToKnow.canRead(user, c) : ownAgency) {
            return e; // a case of theirs, or their own agency's activity outside cases
        }
        // a case they may not read (even their own user's attempt on it: its detail may say which
        // records it holds), or another agency's activity
        return new AuditEntry(e.seq(), e.at(), ownAgency ? e.actor() : "a user of " + agency, e.action(), null, null, null,
                e.outcome(), "withheld: " + (c != null ? "a case you may not read" : "another agency's activity")
                        + " (an auditor reads it in full)", e.prevHash(), e.hash());
    }
    // ---------------------------------------------------------------- records

    /**
     * A case's records in the order they were stored, optionally of one kind; only for a
     * user entitled to the case. Audited with the number of records returned.
     */
    public List<RecordView> records(String caseRef, String kindGiven, int limit, String reason) {
        CaseFile c = resolveQuietly(caseRef);
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, got " + limit);
        }
        // an unknown kind is an error, not "no records"; a known one in any case matches
        String kind = kindGiven == null ? null : org.opencets.core.record.RecordKind.fromCode(kindGiven).code();
        return audited("records", c.id(), c.qualifiedNumber() + (kind == null ? "" : " " + kind), reason, () -> {
            if (!NeedToKnow.canRead(user, c)) {
                throw new AccessDeniedException("case " + c.qualifiedNumber() + " is not shared with " + user.name());
            }
            return d.db().read(h -> {
                List<RecordView> out = new ArrayList<>();
                List<List<StoredMention>> stored = new ArrayList<>();
                h.createQuery("""
                                SELECT r.id, r.kind, i.file_name, i.evidence_sha256, r.line, r.occurred_at, r.data, r.mentions
                                FROM record r JOIN import_run i ON i.id = r.import_id
                                WHERE r.case_id = :c""" + (kind == null ? "" : " AND r.kind = :k") + " ORDER BY r.id LIMIT :n")
                        .bind("c", c.id()).bindByType("k", kind, String.class).bind("n", limit)
                        .map((rs, ctx) -> {
                            Map<String, Object> fields;
                            try {
                                fields = JSON.readValue(rs.getString("data"), new TypeReference<LinkedHashMap<String, Object>>() { });
                            } catch (IOException e) {
                                fields = Map.of();
                            }
                            stored.add(StoredMention.decode(rs.getLong("id"), rs.getString("mentions")));
                            return new RecordView(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                                    rs.getString("evidence_sha256"), rs.getLong("line"), rs.getString("occurred_at"), fields,
                                    new ArrayList<>());
                        })
                        .forEach(out::add);
                // each record's mentions in the order it named them, with their identifiers read by id
                Map<Long, IdentifierRows.Row> identifiers = IdentifierRows.named(h, stored);
                for (int k = 0; k < out.size(); k++) {
                    for (StoredMention m : stored.get(k)) {
                        Identifier id = IdentifierRows.of(identifiers, out.get(k).id(), m);
                        String shown = id.type() == IdentifierType.CARD ? id.display() : id.value();
                        out.get(k).identifiers().add(new RecordView.Mentioned(id.type().code() + ":" + shown, m.role()));
                    }
                }
                return out;
            });
        }, l -> l.size() + " records");
    }

    // ---------------------------------------------------------------- person resolution

    /**
     * Resolves persons across every case and writes person links (see {@link PersonLinks}).
     * Administrators and analysts only: the run reads every case, though it reveals only counts.
     */
    public ResolutionRunReport resolvePersons(String reason) {
        return audited("resolve.run", null, "all cases", reason, () -> {
            if (!user.has(Role.ADMIN) && !user.has(Role.ANALYST)) {
                throw new AccessDeniedException(user.name() + " may not run person resolution: administrators and analysts only");
            }
            long started = System.nanoTime();
            PersonLinks.Run run = PersonLinks.resolveStore(d.db(), d.stoplist());
            org.opencets.core.resolve.Resolution r = run.resolution();
            String now = PersonLinks.now();
            PersonLinks.Applied a = d.db().inWriteTransaction(h -> {
                PersonLinks.Applied applied = PersonLinks.apply(h, r, run.meta(), d.settings().maxCases(), now);
                h.execute("""
                                INSERT INTO resolution_run(run_by, run_at, records, persons, added, kept, withdrawn, report)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", user.id(), now, run.records(), r.stats().persons(),
                        applied.added(), applied.kept(), applied.withdrawn(), r.modelSummary());
                return applied;
            });
            return new ResolutionRunReport(run.records(), run.judgements(), r.stats().candidatePairs(), r.stats().persons(),
                    a.personsAcrossCases(), a.added(), a.kept(), a.withdrawn(), a.alerts(), a.skippedOverMaxCases(),
                    elapsed(started));
        }, r -> r.records() + " records, " + r.linksAdded() + " links added, " + r.linksWithdrawn() + " withdrawn");
    }

    /**
     * Records an investigator's decision that two records are (or are not) one person. Both records'
     * cases must be readable by the user; a record in a case they may not read is answered as one
     * that does not exist ({@link NotFoundException}). A rejection withdraws at once a person link on
     * exactly this pair; the next resolution run applies the judgement everywhere. To judge a person
     * link into a case one may not read, judge the link: {@link #judgeLink}.
     */
    public JudgementView judge(long recordA, long recordB, boolean samePerson, String reason) {
        if (recordA == recordB) {
            throw new IllegalArgumentException("a judgement needs two different records, got " + recordA + " twice");
        }
        long lo = Math.min(recordA, recordB);
        long hi = Math.max(recordA, recordB);
        CaseFile[] cases = casesOfRecords(lo, hi);
        Long caseId = cases[0] == null ? null : cases[0].id();
        String verdict = verdictCode(samePerson);
        return audited("resolve.judge", caseId, "records " + lo + " and " + hi + ": " + verdict, reason, () -> {
            requireReadable(cases, lo, hi);
            return storeJudgement(lo, cases[0], hi, cases[1], samePerson, reason, null);
        }, Session::judged);
    }

    /**
     * Confirms or rejects a person link as {@code cets links} lists it. Anyone who reads both its
     * cases may; so may, from their own side, an investigator or administrator of the agency owning
     * either case, or either case's lead ({@link NeedToKnow#canJudgePersonLink}), who sees no more of
     * the other side than its pointer: the view returned names a record only where the user may
     * read its case. A link the user cannot see (neither case readable) is answered as one that
     * does not exist. The judgement is stored on the link's two records, as {@link #judge} stores
     * it, and audited with them; both cases are told of it.
     */
    public JudgementView judgeLink(long linkId, boolean samePerson, String reason) {
        Optional<PersonLinks.StoredLink> link = d.db().read(h -> PersonLinks.link(h, linkId));
        CaseFile a = link.flatMap(l -> d.directory().caseById(l.caseA())).orElse(null);
        CaseFile b = link.flatMap(l -> d.directory().caseById(l.caseB())).orElse(null);
        String verdict = verdictCode(samePerson);
        Long caseId = a == null ? null : (NeedToKnow.canRead(user, a) || b == null ? a : b).id();
        String target = "link " + linkId + link.map(l -> " (records " + l.recordA() + " and " + l.recordB() + ")").orElse("")
                + ": " + verdict;
        return audited("resolve.judge", caseId, target, reason, () -> {
            PersonLinks.StoredLink l = requireVisiblePersonLink(linkId, link, a, b);
            if (!NeedToKnow.canJudgePersonLink(user, a, b)) {
                throw new AccessDeniedException(user.name() + " may not judge link " + linkId + ": it joins a case not shared with "
                        + user.name() + ", and such a link is judged by investigators of " + a.agency().code()
                        + (a.agency().id() == b.agency().id() ? "" : " or " + b.agency().code()) + ", or by either case's lead");
            }
            return storeJudgement(l.recordA(), a, l.recordB(), b, samePerson, reason, linkId);
        }, Session::judged);
    }

    private static String verdictCode(boolean samePerson) {
        return PersonLinks.code(samePerson ? org.opencets.core.resolve.Judgement.Verdict.SAME_PERSON
                : org.opencets.core.resolve.Judgement.Verdict.DIFFERENT_PERSONS);
    }

    private static String judged(JudgementView j) {
        return j.verdict() + (j.linksWithdrawn() > 0 ? ", " + j.linksWithdrawn() + " link withdrawn" : "");
    }

    /**
     * Stores the verdict on two records (in cases {@code caseA} and {@code caseB}), applies it to the
     * person links on exactly that pair, and tells both cases of a changed verdict on a pair a person
     * link joins (or joined). The view names each record and case as the user may see it.
     */
    private JudgementView storeJudgement(long recordA, CaseFile caseA, long recordB, CaseFile caseB, boolean samePerson,
                                         String reason, Long linkId) {
        long lo = Math.min(recordA, recordB);
        long hi = Math.max(recordA, recordB);
        String verdict = verdictCode(samePerson);
        String now = PersonLinks.now();
        long[] judgedLink = {linkId == null ? 0 : linkId};
        int withdrawn = d.db().inWriteTransaction(h -> {
            Optional<String> before = h.createQuery("SELECT verdict FROM judgement WHERE record_a = ? AND record_b = ?")
                    .bind(0, lo).bind(1, hi).mapTo(String.class).findOne();
            if (before.isPresent()) {
                h.execute("UPDATE judgement SET verdict = ?, judged_by = ?, judged_at = ?, reason = ? "
                        + "WHERE record_a = ? AND record_b = ?", verdict, user.id(), now, reason, lo, hi);
            } else {
                h.execute("INSERT INTO judgement(record_a, record_b, verdict, judged_by, judged_at, reason) VALUES (?, ?, ?, ?, ?, ?)",
                        lo, hi, verdict, user.id(), now, reason);
            }
            List<PersonLinks.StoredLink> onPair = PersonLinks.linksOnPair(h, lo, hi);
            String who = "an investigator of " + user.agency().code();
            int n = 0;
            for (PersonLinks.StoredLink l : onPair) {
                if (!l.active()) {
                    continue;
                }
                if (samePerson) {
                    h.execute("UPDATE link SET judgement = ? WHERE id = ?", verdict, l.id());
                } else {
                    h.execute("UPDATE link SET withdrawn_at = ?, judgement = ? WHERE id = ?", now, verdict, l.id());
                    PersonLinks.alertBoth(h, l.caseA(), l.caseB(), l.id(), now, "a person link between this case and another "
                            + "was withdrawn: " + who + " judged its two records to be different persons (person link #" + l.id() + ")");
                    n++;
                }
            }
            if (!onPair.isEmpty()) {
                PersonLinks.StoredLink latest = onPair.get(onPair.size() - 1);
                judgedLink[0] = judgedLink[0] == 0 ? latest.id() : judgedLink[0];
                if (n == 0 && !before.equals(Optional.of(verdict))) {
                    String message = (samePerson
                            ? "a person link between this case and another was confirmed: " + who + " judged its two records "
                            + "to be the same person" + (latest.active() ? "" : "; the next resolution run restores the link")
                            : "a person link between this case and another, withdrawn earlier, was judged again: " + who
                            + " judged its two records to be different persons") + " (person link #" + latest.id() + ")";
                    PersonLinks.alertBoth(h, latest.caseA(), latest.caseB(), latest.id(), now, message);
                }
            }
            return n;
        });
        boolean readsA = NeedToKnow.canRead(user, caseA);
        boolean readsB = NeedToKnow.canRead(user, caseB);
        return new JudgementView(judgedLink[0] == 0 ? null : judgedLink[0], readsA ? recordA : null, CaseRef.of(caseA, readsA),
                readsB ? recordB : null, CaseRef.of(caseB, readsB), verdict, user.name(), now, withdrawn);
    }

    /**
     * Explains how resolution weighs two stored records, values included; both records' cases must
     * be readable by the user (a record in a case they may not read is answered as one that does
     * not exist). The model is trained afresh over the whole store, as a run would.
     */
    public PairView explainPair(long recordA, long recordB, String reason) {
        CaseFile[] cases = casesOfRecords(recordA, recordB);
        return audited("resolve.explain", cases[0] == null ? null : cases[0].id(), "records " + recordA + " and " + recordB,
                reason, () -> {
                    requireReadable(cases, recordA, recordB);
                    return explained(recordA, cases[0], recordB, cases[1]);
                }, v -> String.format(java.util.Locale.ROOT, "probability %.4f", v.probability()));
    }

    /**
     * Explains a person link as {@code cets links} lists it, values included, to a user who reads
     * both its cases. Anyone else who sees the link is told whom to ask: the values on the other
     * side are its agency's to show.
     */
    public PairView explainLink(long linkId, String reason) {
        Optional<PersonLinks.StoredLink> link = d.db().read(h -> PersonLinks.link(h, linkId));
        CaseFile a = link.flatMap(l -> d.directory().caseById(l.caseA())).orElse(null);
        CaseFile b = link.flatMap(l -> d.directory().caseById(l.caseB())).orElse(null);
        String target = "link " + linkId + link.map(l -> " (records " + l.recordA() + " and " + l.recordB() + ")").orElse("");
        return audited("resolve.explain", a == null ? null : a.id(), target, reason, () -> {
            PersonLinks.StoredLink l = requireVisiblePersonLink(linkId, link, a, b);
            CaseFile hidden = NeedToKnow.canRead(user, a) ? (NeedToKnow.canRead(user, b) ? null : b) : a;
            if (hidden != null) {
                NeedToKnow.Pointer p = NeedToKnow.Pointer.of(hidden);
                throw new AccessDeniedException("the values behind link " + linkId + " are not all yours to see: case "
                        + hidden.qualifiedNumber() + " is not shared with " + user.name() + "; ask its lead, " + p.leadName()
                        + (p.leadContact().isEmpty() ? "" : " (" + p.leadContact() + ")") + ", at " + p.agencyName()
                        + (NeedToKnow.canJudgePersonLink(user, a, b) ? "; you may judge the link from your side with "
                        + "'cets resolve judge --link " + linkId + " --same|--different'" : ""));
            }
            return explained(l.recordA(), a, l.recordB(), b);
        }, v -> String.format(java.util.Locale.ROOT, "probability %.4f", v.probability()));
    }

    private PairView explained(long recordA, CaseFile caseA, long recordB, CaseFile caseB) {
        PersonLinks.Run run = PersonLinks.resolveStore(d.db(), d.stoplist());
        for (long id : new long[] {recordA, recordB}) {
            if (!run.meta().containsKey(id)) {
                throw new IllegalArgumentException("record " + id + " names no person (it needs a surname and one "
                        + "more fact: a given name, a birth date, an address, an e-mail, a phone or a card)");
            }
        }
        org.opencets.core.resolve.Resolution r = run.resolution();
        org.opencets.core.resolve.PairExplanation x = r.explain(Long.toString(recordA), Long.toString(recordB));
        return new PairView(recordA, CaseRef.of(caseA, true), recordB, CaseRef.of(caseB, true),
                x.probability(), x.matchWeight(), x.priorWeight(), x.samePerson(),
                x.judgement() == null ? null : PersonLinks.code(x.judgement()), x.contributions());
    }

    private CaseFile[] casesOfRecords(long recordA, long recordB) {
        return d.db().read(h -> new CaseFile[] {
                PersonLinks.caseOf(h, recordA).flatMap(id -> d.directory().caseById(id)).orElse(null),
                PersonLinks.caseOf(h, recordB).flatMap(id -> d.directory().caseById(id)).orElse(null)});
    }

    /** Each record, in turn, must be in a case the user reads; one that is not is answered as absent. */
    private void requireReadable(CaseFile[] cases, long recordA, long recordB) {
        long[] ids = {recordA, recordB};
        for (int i = 0; i < 2; i++) {
            if (cases[i] == null || !NeedToKnow.canRead(user, cases[i])) {
                throw NotFoundException.record(ids[i], cases[i]);
            }
        }
    }

    /** The link, which the user must see (read one of its cases; else it is answered as absent) and which joins persons. */
    private PersonLinks.StoredLink requireVisiblePersonLink(long linkId, Optional<PersonLinks.StoredLink> link, CaseFile a,
                                                            CaseFile b) {
        if (link.isEmpty() || a == null || b == null) {
            throw NotFoundException.link(linkId, null, null);
        }
        if (!NeedToKnow.canRead(user, a) && !NeedToKnow.canRead(user, b)) {
            throw NotFoundException.link(linkId, a, b);
        }
        if (!link.get().kind().equals("person")) {
            throw new IllegalArgumentException("link " + linkId + " is not a person link (its kind is " + link.get().kind()
                    + ": an identifier or an image both cases hold); only person links are judged or explained here");
        }
        return link.get();
    }
}
