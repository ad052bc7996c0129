package org.opencets.formats.pan12;

import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opencets.formats.jsonstream.HeadText;
import org.opencets.formats.jsonstream.StrictDecoding;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.XmlInput;

/**
 * The chat layout of the PAN 2012 sexual-predator-identification corpus:
 *
 * <pre>
 * &lt;conversations&gt;
 *   &lt;conversation id="…"&gt;
 *     &lt;message line="1"&gt;&lt;author&gt;…&lt;/author&gt;&lt;time&gt;HH:MM&lt;/time&gt;&lt;text&gt;…&lt;/text&gt;&lt;/message&gt;
 *     …
 * </pre>
 *
 * Read with the JDK's StAX parser, one event at a time, so memory stays flat. Each message is a
 * MESSAGE record; see {@link Pan12Walk} for fields and time. DTDs and external entities are not
 * processed (the corpus has none, and they are how XML files attack their readers).
 *
 * <p>Encoding: decoded strictly by the JDK, never by the XML parser's own decoders: a byte-order mark
 * decides, else an encoding named with {@code --encoding}, else the XML declaration's
 * {@code encoding}, else UTF-8. Records have a line but no byte offset (-1): the parser counts
 * characters, not bytes.
 */
public final class Pan12Reader implements RecordReader {
    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._\\-]+)[\"']");

    @Override
    public String format() {
        return "pan12";
    }

    @Override
    public String description() {
        return "PAN 2012 chat corpus XML (conversations of messages with author, time of day and text)";
    }

    @Override
    public int sniff(String fileName, byte[] head) {
        HeadText h = HeadText.of(head);
        if (!h.startsWith('<') || !h.contains("<conversations")) {
            return 0;
        }
        if (h.contains("<conversation id=")) {
            return 95;
        }
        return h.contains("<message") ? 85 : 60;
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("platform", "date");
    }

    @Override
    public void read(ReadSource source, RecordSink sink) throws IOException {
        Pan12Walk.Settings settings = settings(source);
        XMLInputFactory factory = XmlInput.secureFactory();
        Decoded decoded = open(source);
        try (Reader chars = decoded.reader()) {
            XMLStreamReader xml = null;
            try {
                xml = factory.createXMLStreamReader(chars);
                new Pan12Walk(xml, source, sink, settings).walk();
            } catch (XMLStreamException e) {
                StrictDecoding.UndecodableBytes bad = XmlInput.cause(e, StrictDecoding.UndecodableBytes.class);
                if (bad != null) {
                    long[] lineColumn = StrictDecoding.lineAndColumn(source, bad.charset(), decoded.skip(), bad.offset());
                    throw new BadInputException(source.name(), lineColumn[0], StrictDecoding.describe(bad, lineColumn));
                }
                throw failure(source.name(), e, xml);
            } finally {
                if (xml != null) {
                    try {
                        xml.close();
                    } catch (XMLStreamException ignored) {
                        // the file is closed with the reader below
                    }
                }
            }
        }
    }

    private static Pan12Walk.Settings settings(ReadSource source) {
        String platform = source.option("platform").orElse("pan12").strip();
        if (platform.isEmpty()) {
            throw new BadInputException(source.name(), 0, "option platform is empty; name the platform, e.g. "
                    + "--option platform=pan12");
        }
        LocalDate date = null;
        String d = source.option("date").orElse(null);
        if (d != null && !d.isBlank()) {
            try {
                date = LocalDate.parse(d.strip(), DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeException e) {
                throw new BadInputException(source.name(), 0, "--date '" + d + "' is not a valid date (write YYYY-MM-DD)");
            }
        }
        return new Pan12Walk.Settings(platform, date);
    }

    /** The file as strictly decoded characters (see the class comment for how the encoding is chosen). */
    private static Decoded open(ReadSource source) throws IOException {
        PushbackInputStream in = new PushbackInputStream(source.open(), 1024);
        byte[] head = in.readNBytes(1024);
        in.unread(head);
        Charset cs;
        int skip = 0;
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        if (b0 == 0xFF && b1 == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b0 == 0xEF && b1 == 0xBB && head.length > 2 && (head[2] & 0xFF) == 0xBF) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (source.charset() != null) {
            cs = source.charset();
        } else {
            cs = declared(source.name(), HeadText.of(head).text());
        }
        in.skipNBytes(skip);
        return new Decoded(StrictDecoding.reader(in, cs, skip), cs, skip);
    }

    /** The decoded file, and what is needed to place a decoding error. */
    private record Decoded(Reader reader, Charset charset, int skip) {
    }

    private static Charset declared(String file, String head) {
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadInputException(file, 1, "the XML declaration names the encoding '" + m.group(1)
                    + "', which this system does not know; name one with --encoding");
        }
    }

    private static BadInputException failure(String file, XMLStreamException e, XMLStreamReader xml) {
        Location l = e.getLocation() != null ? e.getLocation() : xml == null ? null : xml.getLocation();
        long line = l == null ? 0 : Math.max(0, l.getLineNumber());
        String column = l == null || l.getColumnNumber() < 0 ? "" : " (column " + l.getColumnNumber() + ")";
        String why = XmlInput.problem(e);
        if (why.contains("must start and end within the same entity") || why.contains("Premature end of file")) {
            return new BadInputException(file, line, "the XML ends early, the file is truncated: " + why + column);
        }
        return new BadInputException(file, line, "not well-formed XML: " + why + column);
    }
}
