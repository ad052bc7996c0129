package org.opencets.formats.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.util.Limits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.canonical.RecordAssembler;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * A CSV file with a header row, one record a row, for one record kind. Columns are matched to the
 * canonical field names by a table of common header spellings ({@link #aliases()}), compared without
 * case, spaces or punctuation, or by a mapping file given as the {@code mapping} option:
 *
 * <pre>
 * # canonical_field = Header in the file      (a header alias may stand for its field: city = Town)
 * card_number = PAN
 * time = Auth Date
 * </pre>
 *
 * <p>The delimiter is the one of {@code , ; TAB |} that occurs most often, outside quotes, in the
 * header line (European exports use semicolons), unless the {@code delimiter} option names it. A
 * semicolon-delimited file writes decimal commas in amounts unless the {@code decimal} option says
 * otherwise. Dates and times are read as {@link CsvDates} describes; a date column and a time
 * column are joined. When a date such as {@code 03/04/2024} could be either day or month first and
 * no {@code date-order} option was given, the file is read once more to settle the order from the
 * dates that can only be read one way; if none can, or they disagree, the ambiguous row is bad.
 *
 * <p>Columns that match no field are reported once as a warning and not stored. A row with a
 * different number of fields from the header is a bad row. Line numbers are the file's physical
 * lines (a quoted newline counts); CSV records carry no byte offset.
 *
 * <p>Bytes not valid in the encoding, and a line longer than {@link ReadSource#maxLineBytes()}, make
 * the row they are in bad, named by the line they are on (and the offset of the first bad byte); the
 * rows after it are read as usual ({@link CsvInput} says why that is safe). In the header they stop
 * the file.
 */
public abstract class CsvRecordReader implements RecordReader {
    /** A header line longer than this is not a header. */
    private static final int HEADER_LIMIT = 1 << 20;
    /** Fields whose values are dates, consulted when the order of day and month must be settled. */
    private static final Set<String> DATE_FIELDS = Set.of("date", "time", "dob");

    private final RecordKind kind;

    CsvRecordReader(RecordKind kind) {
        this.kind = kind;
    }

    /** Canonical field name to the header spellings that mean it (compared case- and punctuation-blind). */
    abstract Map<String, List<String>> aliases();

    /** Fields of which at least one must be present for a file to be of this kind. */
    abstract List<String> signatureFields();

    /**
     * Moves the row's kind-specific values into {@link CsvRow#canonical}, {@link CsvRow#extra} and
     * {@link CsvRow#mentions}; the date and time are already joined, and every value left in
     * {@link CsvRow#values} afterwards goes to the assembler as it is.
     */
    abstract void shape(CsvRow row) throws RecordAssembler.RowException, CsvDates.Ambiguous;

    @Override
    public int sniff(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nl = text.indexOf('\n');
        String header = nl < 0 ? text : text.substring(0, nl);
        if (!header.contains(",") && !header.contains(";") && !header.contains("\t") && !header.contains("|")) {
            return 0;
        }
        Map<String, String> lookup = lookup(aliases());
        int hits = 0;
        boolean signature = false;
        for (String h : header.split("[,;\t|]")) {
            String field = lookup.get(squash(unquote(h)));
            if (field != null) {
                hits++;
                signature |= signatureFields().contains(field);
            }
        }
        if (!signature) {
            return 0;
        }
        return Math.min(90, 40 + hits * 8);
    }

    private static String unquote(String h) {
        String s = h.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("mapping", "date-order", "decimal", "delimiter");
    }

    @Override
    public void checkOptions(Map<String, String> options) {
        if (options.containsKey("mapping")) {
            loadMapping(Path.of(options.get("mapping")));
        }
        if (options.containsKey("date-order")) {
            CsvDates.Order.parse(options.get("date-order"));
        }
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        RecordAssembler assembler = new RecordAssembler(source.identifiers());
        Map<String, String> mapping = source.option("mapping").map(p -> loadMapping(Path.of(p))).orElse(Map.of());
        CsvDates.Order order = null;
        if (source.option("date-order").isPresent()) {
            try {
                order = CsvDates.Order.parse(source.option("date-order").get());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source.name(), 0, e.getMessage());
            }
        }
        CsvInput input = new CsvInput(source, true);
        BufferedReader in = new BufferedReader(input, 1 << 16);
        char delimiter;
        try {
            delimiter = delimiter(source, in);
        } catch (CsvInput.Unreadable e) {
            in.close();
            throw new BadInputException(source.name(), e.line(), e.reason());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        char decimal = source.option("decimal").map(d -> decimalOption(source, d)).orElse(delimiter == ';' ? ',' : '.');
        CsvReader<CsvRecord> csv = builder(delimiter).ofCsvRecord(in);
        try (csv) {
            Rows rows = new Rows(source, csv.iterator());
            CsvRecord headerRow = rows.next();
            if (headerRow == null) {
                rows.rethrow();
                throw new BadInputException(source.name(), 0, "no header row: the file has no lines");
            }
            CsvRecord row = rows.next();
            CsvInput.Problem headerProblem = input.firstProblemBefore(rows.endOf(row));
            if (headerProblem != null) {
                throw new BadInputException(source.name(), headerProblem.line(), headerProblem.reason());
            }
            rows.rethrow();
            Map<String, String> headerOf = new HashMap<>();
            String[] fieldOfColumn = mapColumns(source, headerRow.getFields(), mapping, sink, headerOf);
            CsvRow.FileContext file = new CsvRow.FileContext(source.identifiers(), decimal, headerOf, order);
            OrderSettling settling = new OrderSettling(source, delimiter, fieldOfColumn, order != null);
            int columns = headerRow.getFieldCount();
            while (row != null) {
                // the next row is fetched first: only then are all problems on this row's lines known
                CsvRecord following = rows.next();
                long line = row.getStartingLineNumber();
                CsvInput.Problem problem = input.firstProblemBefore(rows.endOf(following));
                if (problem != null) {
                    sink.reject(problem.line(), problem.reason()
                            + (problem.line() != line ? " (in the row that begins on line " + line + ")" : ""));
                } else {
                    readRow(row, line, columns, fieldOfColumn, assembler, file, settling, sink);
                }
                rows.rethrow();
                row = following;
            }
        }
    }

    private void readRow(CsvRecord row, long line, int columns, String[] fieldOfColumn, RecordAssembler assembler,
                         CsvRow.FileContext file, OrderSettling settling, RecordSink sink) {
        if (row.getFieldCount() != columns) {
            sink.reject(line, "has " + row.getFieldCount() + " fields, the header has " + columns);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns; i++) {
            String f = fieldOfColumn[i];
            if (f != null) {
                String v = row.getField(i).strip();
                if (!v.isEmpty()) {
                    values.put(f, v);
                }
            }
        }
        if (values.isEmpty()) {
            sink.reject(line, "no values in any known column");
            return;
        }
        try {
            sink.accept(record(assembler, file, line, values, settling, sink));
        } catch (RecordAssembler.RowException e) {
            sink.reject(line, Redaction.digits(e.getMessage()));
        }
    }

    /**
     * The parser's rows, one at a time; a failure to parse the next row is held until the row before
     * it has been dealt with, so the rows before a fatal error are read (or rejected) in order and
     * none is read after it.
     */
    private static final class Rows {
        private static final Pattern STARTED_IN_LINE = Pattern.compile("started in line (\\d+)");
        private final ReadSource source;
        private final Iterator<CsvRecord> it;
        private long lastLine;
        private BadInputException failure;

        Rows(ReadSource source, Iterator<CsvRecord> it) {
            this.source = source;
            this.it = it;
        }

        /** The next row, or null at the end of the file or after a failure (see {@link #rethrow}). */
        CsvRecord next() {
            if (failure != null) {
                return null;
            }
            try {
                if (it.hasNext()) {
                    CsvRecord r = it.next();
                    lastLine = r.getStartingLineNumber();
                    return r;
                }
            } catch (UncheckedIOException | CsvParseException e) {
                failure = translate(e);
            }
            return null;
        }

        /** The line after the last line of the row before {@code following}, the row next() gave. */
        long endOf(CsvRecord following) {
            return following == null ? Long.MAX_VALUE : following.getStartingLineNumber();
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }

        private BadInputException translate(RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CsvInput.Unreadable u) {
                    return new BadInputException(source.name(), u.line(), u.reason());
                }
            }
            if (e instanceof UncheckedIOException u) {
                throw u;
            }
            long line = lastLine + 1;
            Matcher m = STARTED_IN_LINE.matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                line = Long.parseLong(m.group(1));
            }
            String detail = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            if (detail != null && detail.contains("maximum buffer size")) {
                return new BadInputException(source.name(), line, "a field of the row that begins here is longer than "
                        + Limits.MAX_FIELD_SIZE / (1024 * 1024) + " Mi characters (is a quote not closed?)");
            }
            return new BadInputException(source.name(), line, "not valid CSV: " + Redaction.digits(detail));
        }
    }

    private ParsedRecord record(RecordAssembler assembler, CsvRow.FileContext file, long line, Map<String, String> values,
                                OrderSettling settling, RecordSink sink) throws RecordAssembler.RowException {
        CsvRow row;
        try {
            row = shaped(file, values);
        } catch (CsvDates.Ambiguous ambiguous) {
            CsvDates.Order settled = settling.settle(sink);
            if (settled == null) {
                throw new RecordAssembler.RowException("'" + ambiguous.getMessage() + "' could be day/month or month/day, "
                        + settling.why() + "; name the order with --date-order dmy or --date-order mdy");
            }
            file.order = settled;
            try {
                row = shaped(file, values);
            } catch (CsvDates.Ambiguous still) {
                throw new IllegalStateException("a settled date order left a date ambiguous", still);
            }
        }
        return assembler.assemble(kind, line, -1, row.canonical, row.extra, row.mentions);
    }

    private CsvRow shaped(CsvRow.FileContext file, Map<String, String> values)
            throws RecordAssembler.RowException, CsvDates.Ambiguous {
        CsvRow row = new CsvRow(file, new LinkedHashMap<>(values));
        row.joinDateAndTime();
        shape(row);
        row.canonical.putAll(row.values);
        return row;
    }

    /**
     * The order of day and month in the file's dates, settled at most once by reading the date
     * columns of the whole file: the dates with a number over 12 before or after the month tell.
     */
    private static final class OrderSettling {
        private final ReadSource source;
        private final char delimiter;
        private final String[] fieldOfColumn;
        private boolean done;
        private CsvDates.Order order;
        private String why = "and no date in the file tells the order";

        OrderSettling(ReadSource source, char delimiter, String[] fieldOfColumn, boolean given) {
            this.source = source;
            this.delimiter = delimiter;
            this.fieldOfColumn = fieldOfColumn;
            this.done = given;
        }

        String why() {
            return why;
        }

        CsvDates.Order settle(RecordSink sink) {
            if (done) {
                return order;
            }
            done = true;
            long dmyLine = 0;
            long mdyLine = 0;
            String dmyValue = null;
            String mdyValue = null;
            try (CsvReader<CsvRecord> csv = builder(delimiter).ofCsvRecord(new CsvInput(source, false))) {
                Iterator<CsvRecord> it = csv.iterator();
                if (it.hasNext()) {
                    it.next();
                }
                while (it.hasNext() && (dmyLine == 0 || mdyLine == 0)) {
                    CsvRecord row = it.next();
                    for (int i = 0; i < Math.min(row.getFieldCount(), fieldOfColumn.length); i++) {
                        if (fieldOfColumn[i] != null && DATE_FIELDS.contains(fieldOfColumn[i])) {
                            CsvDates.Order o = CsvDates.evidence(row.getField(i));
                            if (o == CsvDates.Order.DMY && dmyLine == 0) {
                                dmyLine = row.getStartingLineNumber();
                                dmyValue = row.getField(i).strip();
                            } else if (o == CsvDates.Order.MDY && mdyLine == 0) {
                                mdyLine = row.getStartingLineNumber();
                                mdyValue = row.getField(i).strip();
                            }
                        }
                    }
                }
            } catch (IOException | UncheckedIOException | CsvParseException e) {
                why = "and the file could not be read again to settle the order";
                return null;
            }
            if (dmyLine > 0 && mdyLine > 0) {
                why = "and the file writes dates both ways ('" + dmyValue + "' on line " + dmyLine + ", '" + mdyValue
                        + "' on line " + mdyLine + ")";
                return null;
            }
            if (dmyLine == 0 && mdyLine == 0) {
                return null;
            }
            order = dmyLine > 0 ? CsvDates.Order.DMY : CsvDates.Order.MDY;
            sink.warn("dates read as " + (order == CsvDates.Order.DMY ? "day/month/year" : "month/day/year")
                    + ", as '" + (dmyLine > 0 ? dmyValue : mdyValue) + "' on line " + Math.max(dmyLine, mdyLine)
                    + " shows; pass --date-order to say otherwise");
            return order;
        }
    }

    private static CsvReader.CsvReaderBuilder builder(char delimiter) {
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .ignoreDifferentFieldCount(true)
                .skipEmptyLines(true);
    }

    /** The delimiter named by the option, else the most frequent of , ; TAB | in the header line outside quotes. */
    private static char delimiter(ReadSource source, BufferedReader in) throws IOException {
        if (source.option("delimiter").isPresent()) {
            String d = source.option("delimiter").get();
            return switch (d.toLowerCase(Locale.ROOT)) {
                case ",", "comma" -> ',';
                case ";", "semicolon" -> ';';
                case "\t", "tab", "\\t" -> '\t';
                case "|", "pipe" -> '|';
                default -> throw new BadInputException(source.name(), 0,
                        "delimiter must be comma, semicolon, tab or pipe, not '" + d + "'");
            };
        }
        in.mark(HEADER_LIMIT + 1);
        int[] counts = new int[4];
        String candidates = ",;\t|";
        boolean quoted = false;
        int n = 0;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (++n > HEADER_LIMIT) {
                throw new BadInputException(source.name(), 1, "the first line is longer than "
                        + HEADER_LIMIT / (1024 * 1024) + " MiB; it is not a CSV header");
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                int k = candidates.indexOf(c);
                if (k >= 0) {
                    counts[k]++;
                }
            }
        }
        in.reset();
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates.charAt(best);
    }

    private static char decimalOption(ReadSource source, String d) {
        return switch (d.strip()) {
            case ",", "comma" -> ',';
            case ".", "point", "dot" -> '.';
            default -> throw new BadInputException(source.name(), 0, "decimal must be ',' or '.', not '" + d + "'");
        };
    }

    private String[] mapColumns(ReadSource source, List<String> header, Map<String, String> mapping, RecordSink sink,
                                Map<String, String> headerOf) {
        Map<String, String> lookup = lookup(aliases());
        Map<String, String> byHeader = new HashMap<>();
        mapping.forEach((field, h) -> byHeader.put(squash(h), field));
        String[] out = new String[header.size()];
        List<String> unused = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = squash(header.get(i));
            // a field the mapping assigns is taken only from the column the mapping names
            String field = byHeader.containsKey(h) ? byHeader.get(h)
                    : lookup.get(h) != null && mapping.containsKey(lookup.get(h)) ? null : lookup.get(h);
            if (field == null) {
                if (!header.get(i).isBlank()) {
                    unused.add(header.get(i).strip());
                }
            } else if (seen.contains(field)) {
                throw new BadInputException(source.name(), 1, "two columns mean '" + field + "': map one of them "
                        + "explicitly with a mapping file (--mapping)");
            } else {
                seen.add(field);
                out[i] = field;
                headerOf.put(field, header.get(i).strip());
            }
        }
        List<String> squashedHeader = header.stream().map(CsvRecordReader::squash).toList();
        for (String field : mapping.keySet()) {
            if (!squashedHeader.contains(squash(mapping.get(field)))) {
                throw new BadInputException(source.name(), 1, "the mapping names column '" + mapping.get(field)
                        + "' for " + field + ", but the header has no such column");
            }
        }
        if (seen.isEmpty()) {
            throw new BadInputException(source.name(), 1, "no column is known for " + kind.code() + " records (header: "
                    + Redaction.digits(String.join(",", header)) + "); name the columns with a mapping file (--mapping), "
                    + "see docs/FORMATS.md");
        }
        if (!unused.isEmpty()) {
            sink.warn("columns not used (no known meaning; map them with --mapping): "
                    + Redaction.digits(String.join(", ", unused)));
        }
        return out;
    }

    /**
     * Reads a mapping file: {@code field = Header} per line (Java properties syntax). A field may be
     * named by its canonical name or by any of its header aliases.
     */
    private Map<String, String> loadMapping(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new BadInputException(file.toString(), 0, "cannot read the mapping file: " + e.getMessage());
        }
        Map<String, String> lookup = lookup(aliases());
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            String field = aliases().containsKey(key) ? key : lookup.get(squash(key));
            if (field == null) {
                throw new BadInputException(file.toString(), lineOf(file, key), "unknown field '" + key + "' for " + kind.code()
                        + " records" + (p.getProperty(key).isEmpty() ? " (a line 'field = column' needs its '=')" : "")
                        + "; known fields: " + String.join(", ", aliases().keySet()));
            }
            if (out.containsKey(field)) {
                throw new BadInputException(file.toString(), lineOf(file, key), "the mapping names two columns for " + field);
            }
            out.put(field, p.getProperty(key).strip());
        }
        return out;
    }

    /**
     * The 1-based line of the mapping file where a key is written, for an error message (the file is
     * parsed as Java properties, which keep no line numbers); 0 when it cannot be found again.
     */
    private static long lineOf(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).stripLeading();
                if (!line.startsWith("#") && !line.startsWith("!") && line.startsWith(key)) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the message still names the file and the key
        }
        return 0;
    }

    private static Map<String, String> lookup(Map<String, List<String>> aliases) {
        Map<String, String> m = new HashMap<>();
        aliases.forEach((field, names) -> {
            m.put(squash(field), field);
            names.forEach(n -> m.put(squash(n), field));
        });
        return m;
    }

    /** A header compared without case, spaces or punctuation: "E-mail Address" = "email_address". */
    static String squash(String header) {
        StringBuilder sb = new StringBuilder(header.length());
        for (char c : header.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
