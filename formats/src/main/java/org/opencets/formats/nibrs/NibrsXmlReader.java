package org.opencets.formats.nibrs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.canonical.RecordAssembler;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.LineInput;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.XmlInput;
import org.opencets.formats.read.Redaction;

/**
 * FBI NIBRS XML submissions (the NIEM-based IEPD, versions 4.x and 20xx.x): one ARREST record for
 * each arrestee of each arrest, from Group B arrest reports and from the arrest segments of Group A
 * incident reports.
 *
 * <p>Structure read (prefixes as the IEPD binds them; matched by namespace family, so
 * {@code nibrs/4.2} and {@code nibrs/2019.2}, {@code jxdm/5.2} and later all read):
 * <pre>
 * nibrs:Submission
 *   nibrs:Report                                         one or many
 *     nibrs:ReportHeader
 *       nibrs:NIBRSReportCategoryCode                    "GROUP B ARREST REPORT", …
 *       nibrs:ReportActionCategoryCode                   A add, D delete, …  (delete reports are skipped)
 *       nibrs:ReportDate/nc:YearMonthDate
 *       nibrs:ReportingAgency/j:OrganizationAugmentation/j:OrganizationORIIdentification/nc:IdentificationID
 *     nc:Incident/nc:ActivityIdentification/nc:IdentificationID        (Group A)
 *     nc:Person s:id
 *       nc:PersonName/(nc:PersonGivenName | nc:PersonMiddleName | nc:PersonSurName | nc:PersonFullName)
 *       nc:PersonBirthDate/nc:Date
 *       nc:PersonAgeMeasure/(nc:MeasureIntegerValue | nc:MeasureValueText | nc:MeasureIntegerRange)
 *       j:PersonSexCode | nc:PersonSexCode, j:PersonRaceNDExCode, j:PersonEthnicityCode, j:PersonResidentCode
 *     j:Arrestee s:id
 *       nc:RoleOfPerson s:ref, j:ArrestSequenceID
 *     j:Arrest s:id
 *       nc:ActivityIdentification/nc:IdentificationID      arrest transaction number
 *       nc:ActivityDate/(nc:Date | nc:DateTime)
 *       j:ArrestCharge/nibrs:ChargeUCRCode                 one or more
 *       j:ArrestCategoryCode
 *     j:ArrestSubjectAssociation
 *       nc:Activity s:ref (the arrest), j:Subject s:ref (the arrestee)
 * </pre>
 * NIBRS is anonymous: a name is read only where a local extension of the IEPD carries
 * {@code nc:PersonName}. An arrest without an association takes the report's arrestees when it is
 * the report's only arrest, else stands alone.
 *
 * <p>Each record's line is that of its {@code j:Arrest} element (no byte offset: the parser counts
 * characters, not bytes). A report whose content is wrong (an impossible date, a reference to an
 * element the report does not hold, an arrest outside a report) is rejected with that line and the
 * reason, and reading goes on at the next report; XML that is not well-formed ends the file.
 *
 * <p>Design note, safety. The parser is the JDK's StAX with DTDs and external entities switched off
 * (OWASP XXE prevention cheat sheet, "StAX"): a document type declaration is refused outright, so no
 * entity can make the parser read another file or a URL.
 */
public final class NibrsXmlReader implements RecordReader {
    static final String NIBRS_NS = "http://fbi.gov/cjis/nibrs/";
    /** More text than this in one element is not a NIBRS value. */
    private static final int MAX_TEXT = 64 * 1024;
    /** More persons, arrestees or arrests than this in one report is not a report. */
    private static final int MAX_ENTITIES = 100_000;
    private static final Pattern DECLARED = Pattern.compile(
            "<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    @Override
    public String format() {
        return "nibrs-xml";
    }

    @Override
    public String description() {
        return "FBI NIBRS XML submission (NIEM IEPD): one arrest record per arrestee of each arrest";
    }

    @Override
    public int sniff(String fileName, byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            text = new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
        } else if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            text = new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
        }
        String start = text.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (!start.startsWith("<")) {
            return 0;
        }
        int ns = text.indexOf(NIBRS_NS);
        if (ns < 0) {
            return 0;
        }
        return text.contains("Submission") || text.contains(":Report") ? 95 : 70;
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        RecordAssembler assembler = new RecordAssembler(source.identifiers());
        XMLInputFactory factory = XmlInput.secureFactory();
        XMLStreamReader xml = null;
        Charset cs = source.charset() != null ? source.charset() : declaredEncoding(source);
        Reader chars = decoding(source, cs);
        try {
            xml = factory.createXMLStreamReader(chars);
            new Walk(source, sink, assembler, xml).run();
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
            if (XmlInput.cause(e, CharacterCodingException.class) != null) {
                throw badBytes(source, cs);
            }
            throw new BadInputException(source.name(), line, "not well-formed XML: " + XmlInput.problem(e));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that failed; the failure is what matters
                }
            }
            chars.close();
        }
    }

    /**
     * The encoding the file's byte-order mark or XML declaration names, else UTF-8. The parser is
     * then given characters decoded strictly by us, never bytes: bad bytes become an error with
     * their line and offset, not a parser's message on the console.
     */
    private static Charset declaredEncoding(ReadSource source) throws IOException {
        byte[] head;
        try (InputStream in = source.open()) {
            head = in.readNBytes(1024);
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || head[0] == '<' && head[1] == 0)) {
            return StandardCharsets.UTF_16LE;
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF || head[0] == 0 && head[1] == '<')) {
            return StandardCharsets.UTF_16BE;
        }
        Matcher m = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
        if (m.lookingAt() && !(head.length >= 3 && (head[0] & 0xFF) == 0xEF)) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(source.name(), 1, "the XML declaration names the encoding '"
                        + m.group(1) + "', which this Java does not know");
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The file decoded strictly in cs, a byte-order mark skipped. */
    private static Reader decoding(ReadSource source, Charset cs) throws IOException {
        BufferedInputStream in = new BufferedInputStream(source.open(), 1 << 16);
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        in.reset();
        if (bom.length >= 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF
                && cs.equals(StandardCharsets.UTF_8)) {
            in.skipNBytes(3);
        } else if (bom.length >= 2 && ((bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE
                || (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) && cs.name().startsWith("UTF-16")) {
            in.skipNBytes(2);
        }
        return new InputStreamReader(in, cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Finds the first line whose bytes are not valid in cs (the parser reads ahead, so its line is not it). */
    private static BadInputException badBytes(ReadSource source, Charset cs) throws IOException {
        try (LineInput lines = new LineInput(source.open(), cs, source.name(), ReadSource.DEFAULT_MAX_LINE_BYTES)) {
            while (lines.next()) {
                if (lines.problem() != null && !lines.problem().startsWith("line is longer")) {
                    return new BadInputException(source.name(), lines.lineNumber(), lines.problem()
                            + (cs.equals(StandardCharsets.UTF_8) ? "" : " (the encoding is named by --encoding or the XML declaration)"));
                }
            }
        }
        return new BadInputException(source.name(), 0, "bytes are not valid " + cs.name());
    }

    /** The elements read, by what they hold. */
    private enum Slot {
        NONE, CATEGORY, ACTION, REPORT_MONTH, ORI, INCIDENT_ID,
        GIVEN, MIDDLE, SURNAME, FULL_NAME, BIRTH_DATE, AGE, AGE_TEXT, AGE_MIN, AGE_MAX, SEX, RACE, ETHNICITY, RESIDENT,
        SEQUENCE, ARREST_ID, ARREST_DATE, CHARGE, ARREST_CATEGORY
    }

    /** One pass over the document, one report at a time. */
    private static final class Walk {
        private final ReadSource source;
        private final RecordSink sink;
        private final RecordAssembler assembler;
        private final XMLStreamReader xml;
        /** Local names of the open elements below the current report's children. */
        private final List<String> path = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private Report report;
        /** The child of the report being read (Person, Arrest, …) and its object. */
        private String entity;
        private Object current;
        private Slot slot = Slot.NONE;
        private boolean textTooLong;
        private long deletes;
        private long reports;

        Walk(ReadSource source, RecordSink sink, RecordAssembler assembler, XMLStreamReader xml) {
            this.source = source;
            this.sink = sink;
            this.assembler = assembler;
            this.xml = xml;
        }

        void run() throws XMLStreamException {
            boolean root = true;
            int depth = 0;
            int reportDepth = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new BadInputException(source.name(), line(),
                            "the file declares a document type (<!DOCTYPE>); NIBRS submissions have none, and a DTD "
                                    + "could make the parser read other files, so it is refused");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(source.name(), line(),
                            "the file refers to an entity (&" + xml.getLocalName() + ";) that XML does not define");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        String local = xml.getLocalName();
                        if (root) {
                            root = false;
                            if (!isNibrs(xml.getNamespaceURI()) || !(local.equals("Submission") || local.equals("Report"))) {
                                throw new BadInputException(source.name(), line(), "the root element is "
                                        + xml.getName() + ", not nibrs:Submission (namespace " + NIBRS_NS + "…)");
                            }
                        }
                        boolean isReport = local.equals("Report") && isNibrs(xml.getNamespaceURI());
                        if (isReport && report == null) {
                            report = new Report(line());
                            reportDepth = depth;
                            reports++;
                        } else if (report == null) {
                            if (local.equals("Arrest") || local.equals("Arrestee") || local.equals("Person")) {
                                sink.reject(line(), local + " outside any nibrs:Report");
                            }
                        } else if (isReport) {
                            report.problem(line(), "a nibrs:Report inside another report");
                        }
                        if (report == null || depth == reportDepth) {
                            continue;
                        }
                        if (depth == reportDepth + 1) {
                            startEntity(local);
                        } else if (entity != null) {
                            path.add(local);
                            startInner(local);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (slot != Slot.NONE && !textTooLong) {
                            if (text.length() + xml.getTextLength() > MAX_TEXT) {
                                textTooLong = true;
                            } else {
                                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (report != null && depth == reportDepth) {
                            finishReport();
                            report = null;
                            reportDepth = -1;
                        } else if (report != null && depth == reportDepth + 1) {
                            entity = null;
                            current = null;
                        } else if (entity != null && !path.isEmpty()) {
                            endInner();
                            path.remove(path.size() - 1);
                        }
                        depth--;
                    }
                    default -> {
                    }
                }
            }
            if (deletes > 0) {
                sink.warn(deletes + " delete report(s) skipped: a delete withdraws an arrest sent earlier and holds none");
            }
            if (reports == 0) {
                sink.warn("the submission holds no nibrs:Report");
            }
        }

        private long line() {
            return xml.getLocation() == null ? 0 : Math.max(0, xml.getLocation().getLineNumber());
        }

        private static boolean isNibrs(String uri) {
            return uri != null && uri.startsWith(NIBRS_NS) && !uri.contains("nibrs-codes");
        }

        private String id() {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (xml.getAttributeLocalName(i).equals("id")) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        private String ref() {
            for (int i = 0; i < xml.getAttributeCount(); i++) {
                if (xml.getAttributeLocalName(i).equals("ref")) {
                    return xml.getAttributeValue(i);
                }
            }
            return null;
        }

        private void startEntity(String local) {
            entity = local;
            path.clear();
            switch (local) {
                case "Person" -> {
                    Person p = new Person(id());
                    current = p;
                    if (p.id != null) {
                        report.add(report.persons, p.id, p, line());
                    }
                }
                case "Arrestee" -> {
                    Arrestee a = new Arrestee(id());
                    current = a;
                    if (a.id != null) {
                        report.add(report.arrestees, a.id, a, line());
                    } else {
                        report.unnamedArrestees.add(a);
                    }
                }
                case "Arrest" -> {
                    Arrest a = new Arrest(id(), line());
                    current = a;
                    report.arrests.add(a);
                    if (report.arrests.size() > MAX_ENTITIES) {
                        report.problem(line(), "more than " + MAX_ENTITIES + " arrests in one report");
                    }
                }
                case "ArrestSubjectAssociation" -> {
                    String[] pair = new String[2];
                    current = pair;
                    report.associations.add(pair);
                    report.associationLines.add(line());
                }
                default -> current = null;
            }
        }

        private String parent() {
            return path.size() >= 2 ? path.get(path.size() - 2) : entity;
        }

        private void startInner(String local) {
            String parent = parent();
            slot = switch (entity) {
                case "ReportHeader" -> switch (local) {
                    case "NIBRSReportCategoryCode" -> Slot.CATEGORY;
                    case "ReportActionCategoryCode" -> Slot.ACTION;
                    case "YearMonthDate" -> parent.equals("ReportDate") ? Slot.REPORT_MONTH : Slot.NONE;
                    case "IdentificationID" -> parent.equals("OrganizationORIIdentification") && path.contains("ReportingAgency")
                            ? Slot.ORI : Slot.NONE;
                    default -> Slot.NONE;
                };
                case "Incident" -> local.equals("IdentificationID") && parent.equals("ActivityIdentification")
                        && path.size() == 2 ? Slot.INCIDENT_ID : Slot.NONE;
                case "Person" -> switch (local) {
                    case "PersonGivenName" -> Slot.GIVEN;
                    case "PersonMiddleName" -> Slot.MIDDLE;
                    case "PersonSurName" -> Slot.SURNAME;
                    case "PersonFullName" -> Slot.FULL_NAME;
                    case "Date", "DateTime" -> parent.equals("PersonBirthDate") ? Slot.BIRTH_DATE : Slot.NONE;
                    case "MeasureIntegerValue" -> parent.equals("PersonAgeMeasure") ? Slot.AGE : Slot.NONE;
                    case "MeasureValueText" -> parent.equals("PersonAgeMeasure") ? Slot.AGE_TEXT : Slot.NONE;
                    case "RangeMinimumIntegerValue" -> path.contains("PersonAgeMeasure") ? Slot.AGE_MIN : Slot.NONE;
                    case "RangeMaximumIntegerValue" -> path.contains("PersonAgeMeasure") ? Slot.AGE_MAX : Slot.NONE;
                    case "PersonSexCode", "PersonSexText" -> Slot.SEX;
                    case "PersonRaceNDExCode", "PersonRaceCode", "PersonRaceText" -> Slot.RACE;
                    case "PersonEthnicityCode", "PersonEthnicityText" -> Slot.ETHNICITY;
                    case "PersonResidentCode" -> Slot.RESIDENT;
                    default -> Slot.NONE;
                };
                case "Arrestee" -> {
                    if (local.equals("RoleOfPerson") && current instanceof Arrestee a) {
                        a.person = ref();
                    }
                    yield local.equals("ArrestSequenceID") ? Slot.SEQUENCE : Slot.NONE;
                }
                case "Arrest" -> switch (local) {
                    case "IdentificationID" -> parent.equals("ActivityIdentification") && path.size() == 2
                            ? Slot.ARREST_ID : Slot.NONE;
                    case "Date", "DateTime" -> parent.equals("ActivityDate") && path.size() == 2 ? Slot.ARREST_DATE : Slot.NONE;
                    case "ChargeUCRCode" -> Slot.CHARGE;
                    case "ArrestCategoryCode" -> Slot.ARREST_CATEGORY;
                    default -> Slot.NONE;
                };
                case "ArrestSubjectAssociation" -> {
                    if (current instanceof String[] pair) {
                        if (local.equals("Activity")) {
                            pair[0] = ref();
                        } else if (local.equals("Subject")) {
                            pair[1] = ref();
                        }
                    }
                    yield Slot.NONE;
                }
                default -> Slot.NONE;
            };
            text.setLength(0);
            textTooLong = false;
        }

        private void endInner() {
            if (slot == Slot.NONE) {
                return;
            }
            Slot s = slot;
            slot = Slot.NONE;
            if (textTooLong) {
                report.problem(line(), path.get(path.size() - 1) + " holds more than " + MAX_TEXT / 1024 + " KiB of text");
                return;
            }
            String v = text.toString().strip();
            text.setLength(0);
            if (v.isEmpty()) {
                return;
            }
            switch (s) {
                case CATEGORY -> report.category = v;
                case ACTION -> report.action = v;
                case REPORT_MONTH -> report.month = v;
                case ORI -> report.ori = v;
                case INCIDENT_ID -> report.incident = v;
                case ARREST_ID -> ((Arrest) current).id = v;
                case ARREST_DATE -> ((Arrest) current).date = v;
                case CHARGE -> ((Arrest) current).charges.add(v);
                case ARREST_CATEGORY -> ((Arrest) current).category = v;
                case SEQUENCE -> ((Arrestee) current).sequence = v;
                default -> {
                    if (current instanceof Person p) {
                        p.put(s, v);
                    }
                }
            }
        }

        private void finishReport() {
            Report r = report;
            if (r.problemLine > 0) {
                sink.reject(r.problemLine, r.problem);
                return;
            }
            if (r.action != null && r.action.equalsIgnoreCase("D")) {
                deletes++;
                return;
            }
            Map<String, Arrest> arrestsById = new LinkedHashMap<>();
            for (Arrest a : r.arrests) {
                if (a.elementId != null) {
                    arrestsById.put(a.elementId, a);
                }
            }
            Map<Arrest, List<Arrestee>> subjects = new LinkedHashMap<>();
            for (Arrest a : r.arrests) {
                subjects.put(a, new ArrayList<>());
            }
            for (int i = 0; i < r.associations.size(); i++) {
                String[] pair = r.associations.get(i);
                long at = r.associationLines.get(i);
                Arrest a = pair[0] == null ? null : arrestsById.get(pair[0]);
                Arrestee p = pair[1] == null ? null : r.arrestees.get(pair[1]);
                if (a == null || p == null) {
                    sink.reject(at, "j:ArrestSubjectAssociation refers to " + (a == null ? "arrest '" + pair[0] + "'"
                            : "arrestee '" + pair[1] + "'") + ", which the report does not hold");
                    return;
                }
                subjects.get(a).add(p);
            }
            if (r.associations.isEmpty() && r.arrests.size() == 1) {
                subjects.get(r.arrests.get(0)).addAll(r.arrestees.values());
                subjects.get(r.arrests.get(0)).addAll(r.unnamedArrestees);
            }
            for (Map.Entry<Arrest, List<Arrestee>> e : subjects.entrySet()) {
                Arrest a = e.getKey();
                List<Arrestee> people = e.getValue().isEmpty() ? java.util.Collections.singletonList(null) : e.getValue();
                for (Arrestee p : people) {
                    emit(r, a, p);
                }
            }
        }

        private void emit(Report r, Arrest a, Arrestee arrestee) {
            Map<String, Object> f = new LinkedHashMap<>();
            put(f, "id", a.id);
            put(f, "time", a.date);
            put(f, "charges", a.charges.isEmpty() ? null : String.join("; ", a.charges));
            put(f, "arrest_category", a.category);
            put(f, "ori", r.ori);
            put(f, "report_category", r.category);
            put(f, "report_action", r.action);
            put(f, "report_month", r.month);
            put(f, "incident_id", r.incident);
            if (arrestee != null) {
                put(f, "arrestee_sequence", arrestee.sequence);
                Person p = arrestee.person == null ? null : r.persons.get(arrestee.person);
                if (arrestee.person != null && p == null) {
                    sink.reject(a.line, "j:Arrestee '" + arrestee.id + "' refers to person '" + arrestee.person
                            + "', which the report does not hold");
                    return;
                }
                if (p != null) {
                    String problem = p.check();
                    if (problem != null) {
                        sink.reject(a.line, problem);
                        return;
                    }
                    p.fields.forEach(f::put);
                }
            }
            try {
                sink.accept(assembler.assemble(RecordKind.ARREST, a.line, -1, f));
            } catch (RecordAssembler.RowException e) {
                sink.reject(a.line, "arrest date: " + Redaction.digits(e.getMessage()));
            }
        }

        private static void put(Map<String, Object> f, String k, String v) {
            if (v != null && !v.isBlank()) {
                f.put(k, v);
            }
        }

        /** One nibrs:Report being read. */
        private final class Report {
            final long line;
            final Map<String, Person> persons = new LinkedHashMap<>();
            final Map<String, Arrestee> arrestees = new LinkedHashMap<>();
            final List<Arrestee> unnamedArrestees = new ArrayList<>();
            final List<Arrest> arrests = new ArrayList<>();
            final List<String[]> associations = new ArrayList<>();
            final List<Long> associationLines = new ArrayList<>();
            String category;
            String action;
            String month;
            String ori;
            String incident;
            long problemLine;
            String problem;

            Report(long line) {
                this.line = line;
            }

            <T> void add(Map<String, T> map, String id, T value, long at) {
                if (map.put(id, value) != null) {
                    problem(at, "two elements have the id '" + id + "'");
                }
                if (map.size() > MAX_ENTITIES) {
                    problem(at, "more than " + MAX_ENTITIES + " persons or arrestees in one report");
                    map.clear();
                }
            }

            void problem(long at, String why) {
                if (problemLine == 0) {
                    problemLine = Math.max(1, at);
                    problem = why;
                }
            }
        }
    }

    /** An nc:Person; its fields under the canonical arrest names. */
    private static final class Person {
        final String id;
        final Map<String, Object> fields = new LinkedHashMap<>();
        String ageMin;
        String ageMax;

        Person(String id) {
            this.id = id;
        }

        void put(Slot slot, String v) {
            switch (slot) {
                case GIVEN -> fields.merge("given_name", v, (a, b) -> a + " " + b);
                case MIDDLE -> fields.merge("middle_name", v, (a, b) -> a + " " + b);
                case SURNAME -> fields.put("surname", v);
                case FULL_NAME -> fields.put("name", v);
                case BIRTH_DATE -> fields.put("dob", v);
                case AGE, AGE_TEXT -> fields.put("age", v);
                case AGE_MIN -> ageMin = v;
                case AGE_MAX -> ageMax = v;
                case SEX -> fields.put("sex", v);
                case RACE -> fields.put("race", v);
                case ETHNICITY -> fields.put("ethnicity", v);
                case RESIDENT -> fields.put("resident", v);
                default -> {
                }
            }
        }

        /** Null when the person's values are possible; else why not. */
        String check() {
            if (ageMin != null || ageMax != null) {
                fields.put("age", (ageMin == null ? "" : ageMin) + "-" + (ageMax == null ? "" : ageMax));
            }
            Object dob = fields.get("dob");
            if (dob instanceof String s) {
                try {
                    LocalDate d = s.length() > 10 ? LocalDateTime.parse(s).toLocalDate() : LocalDate.parse(s);
                    fields.put("dob", d.toString());
                } catch (DateTimeException e) {
                    return "nc:PersonBirthDate: '" + Redaction.digits(s) + "' is not a real date";
                }
            }
            Object age = fields.get("age");
            if (age instanceof String s && s.chars().allMatch(Character::isDigit)) {
                if (s.length() > 3 || Integer.parseInt(s) > 130) {
                    return "nc:PersonAgeMeasure: '" + s + "' is not a possible age";
                }
            }
            return null;
        }
    }

    /** A j:Arrestee: a role of a person. */
    private static final class Arrestee {
        final String id;
        String person;
        String sequence;

        Arrestee(String id) {
            this.id = id;
        }
    }

    /** A j:Arrest. */
    private static final class Arrest {
        final String elementId;
        final long line;
        final List<String> charges = new ArrayList<>();
        String id;
        String date;
        String category;

        Arrest(String elementId, long line) {
            this.elementId = elementId;
            this.line = line;
        }
    }
}
