package org.opencets.formats.tip;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * Tips in the project's JSON form of an online service's report (modelled on the public fields of
 * the NCMEC CyberTipline report; grammar and mapping in {@link TipReport} and docs/FORMATS.md): one
 * TIP record per report. A file holds one report object, a JSON array of reports, or
 * {@code {"reports": [...]}}; reports are read one at a time with Jackson's streaming parser.
 *
 * <p>A report whose content is wrong (a bad e-mail, an impossible date, a member of the wrong type)
 * is rejected with the line where it starts and the reason, and reading goes on at the next report.
 * JSON that is not well-formed (cut short, wrongly nested) ends the file with its line. A report
 * larger than 16 MiB is refused without being held in memory.
 */
public final class TipJsonReader implements RecordReader {
    /** The largest report read, in characters of names and strings (plus a little per token). */
    static final long MAX_REPORT = 16L * 1024 * 1024;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength((int) MAX_REPORT)
                    .maxNestingDepth(64)
                    .build())
            .build();

    @Override
    public String format() {
        return "tip-json";
    }

    @Override
    public String description() {
        return "tip JSON (an online service's report, CyberTipline-like): one tip record per report";
    }

    @Override
    public int sniff(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String start = text.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return 0;
        }
        if (text.contains("\"" + TipReport.FORMAT_MEMBER + "\"") && text.contains("\"" + TipReport.FORMAT_NAME)) {
            return 95;
        }
        int hits = 0;
        for (String key : new String[] {"reporting_esp", "reported_persons", "uploaded_files", "additional_info", "incident"}) {
            if (text.contains("\"" + key + "\"")) {
                hits++;
            }
        }
        return hits >= 2 ? 85 : hits == 1 ? 40 : 0;
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("platform");
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        TipReport reports = new TipReport(source.identifiers(), source.option("platform").orElse(null));
        InputStream in = null;
        Reader chars = null;
        JsonParser p = null;
        try {
            if (source.charset() != null) {
                chars = source.reader();
                p = JSON.createParser(chars);
            } else {
                in = source.open();
                p = JSON.createParser(in);
            }
            new Walk(source, sink, reports, p).run();
        } catch (CharacterCodingException | CharConversionException e) {
            throw new BadInputException(source.name(), p == null ? 0 : line(p.currentLocation()),
                    "bytes are not valid " + (source.charset() == null ? "UTF-8" : source.charset().name())
                            + " (name the encoding with --encoding, e.g. windows-1252)");
        } catch (JsonProcessingException e) {
            long line = line(e.getLocation() != null ? e.getLocation() : p == null ? null : p.currentLocation());
            String why = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
            if (why.startsWith("Invalid UTF-8") || why.startsWith("Invalid UTF-32")) {
                throw new BadInputException(source.name(), line, "bytes are not valid UTF-8 (" + Redaction.digits(why)
                        + "); name the file's encoding with --encoding, e.g. windows-1252");
            }
            throw new BadInputException(source.name(), line, "not valid JSON: " + Redaction.digits(why));
        } catch (java.io.EOFException e) {
            throw new BadInputException(source.name(), p == null ? 0 : line(p.currentLocation()),
                    "the JSON is cut short: " + e.getMessage());
        } finally {
            if (p != null) {
                p.close();
            }
            if (in != null) {
                in.close();
            }
            if (chars != null) {
                chars.close();
            }
        }
    }

    private static long line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    /** One pass over the file. */
    private static final class Walk {
        private final ReadSource source;
        private final RecordSink sink;
        private final TipReport reports;
        private final JsonParser p;
        private final JsonTree tree;
        private final Set<String> unread = new TreeSet<>();
        private long count;

        Walk(ReadSource source, RecordSink sink, TipReport reports, JsonParser p) {
            this.source = source;
            this.sink = sink;
            this.reports = reports;
            this.p = p;
            this.tree = new JsonTree(p, MAX_REPORT);
        }

        void run() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new BadInputException(source.name(), 0, "the file holds no JSON");
            }
            if (t == JsonToken.START_ARRAY) {
                reportsArray();
            } else if (t == JsonToken.START_OBJECT) {
                rootObject();
            } else {
                throw new BadInputException(source.name(), line(p.currentTokenLocation()),
                        "a tip file holds a report object, an array of reports or {\"reports\": [...]}, not a " + kind(t));
            }
            if (p.nextToken() != null) {
                throw new BadInputException(source.name(), line(p.currentTokenLocation()),
                        "more JSON after the end of the file's value (one object or one array per file)");
            }
            if (!unread.isEmpty()) {
                sink.warn("members not read (not part of the tip format; see docs/FORMATS.md): " + String.join(", ", unread));
            }
            if (count == 0) {
                sink.warn("the file holds no reports");
            }
        }

        private static String kind(JsonToken t) {
            return switch (t) {
                case VALUE_STRING -> "string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
                case VALUE_TRUE, VALUE_FALSE -> "boolean";
                case VALUE_NULL -> "null";
                default -> t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : t.asString();
            };
        }

        /** The current token opens an array of reports; reads through its end. */
        private void reportsArray() throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new java.io.EOFException("the array of reports is not closed");
                }
                long line = line(p.currentTokenLocation());
                if (t != JsonToken.START_OBJECT) {
                    sink.reject(line, "a report must be a JSON object, not a " + kind(t));
                    p.skipChildren();
                    continue;
                }
                report(line, p.currentTokenLocation().getByteOffset());
            }
        }

        /** The root object: one report, or a wrapper holding "reports". */
        private void rootObject() throws IOException {
            JsonLocation start = p.currentTokenLocation();
            long line = line(start);
            int depth = p.getParsingContext().getNestingDepth();
            java.util.Map<String, Object> members = new java.util.LinkedHashMap<>();
            boolean wrapper = false;
            JsonToken t;
            tree.reset();
            try {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (name.equals("reports") && v == JsonToken.START_ARRAY) {
                        wrapper = true;
                        reportsArray();
                    } else {
                        members.put(name, tree.readMore(name));
                    }
                }
                if (t == null) {
                    throw new java.io.EOFException("the root object is not closed");
                }
            } catch (JsonTree.TooLarge e) {
                if (wrapper) {
                    throw new BadInputException(source.name(), line, "the wrapper around the reports is larger than "
                            + MAX_REPORT / (1024 * 1024) + " MiB");
                }
                tree.skipRest(depth);
                sink.reject(line, "the report is larger than " + MAX_REPORT / (1024 * 1024) + " MiB; it is not a tip");
                count++;
                return;
            }
            if (wrapper) {
                for (String name : members.keySet()) {
                    if (!name.equals(TipReport.FORMAT_MEMBER)) {
                        unread.add(name);
                    }
                }
                try {
                    TipReport.checkFormat(members.get(TipReport.FORMAT_MEMBER));
                } catch (TipReport.BadReport e) {
                    throw new BadInputException(source.name(), line, e.getMessage());
                }
                return;
            }
            emit(members, line, start.getByteOffset());
        }

        private void report(long line, long offset) throws IOException {
            int depth = p.getParsingContext().getNestingDepth();
            Object value;
            try {
                value = tree.read();
            } catch (JsonTree.TooLarge e) {
                tree.skipRest(depth);
                count++;
                sink.reject(line, "the report is larger than " + MAX_REPORT / (1024 * 1024) + " MiB; it is not a tip");
                return;
            }
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> m = (java.util.Map<String, Object>) value;
            emit(m, line, offset);
        }

        private void emit(java.util.Map<String, Object> members, long line, long offset) {
            count++;
            try {
                sink.accept(reports.record(members, line, offset, unread));
            } catch (TipReport.BadReport e) {
                sink.reject(line, Redaction.digits(e.getMessage()));
            }
        }
    }
}
