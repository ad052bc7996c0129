package org.opencets.formats.pan12;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.jsonstream.IsoTimes;
import org.opencets.formats.jsonstream.Position;
import org.opencets.formats.jsonstream.RecordDraft;
import org.opencets.formats.jsonstream.RecordDraft.Problem;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * One walk through a PAN-12 file.
 *
 * <p>Each {@code <message>} is a MESSAGE record: its {@code <author>} (an anonymised hash) becomes an
 * account on platform {@code pan12} (or the {@code platform} option), its {@code <text>} is searched for
 * identifiers, and the conversation id, the message's {@code line} attribute and its time are kept as
 * fields. The record's line is the line of the file where the message's start tag begins.
 *
 * <p>Time: {@code <time>} is a time of day only ({@code HH:MM}, or {@code HH:MM:SS}). Without a date
 * the record has no time ({@code occurredAt} null). With the {@code date} option (YYYY-MM-DD), each
 * conversation starts on that date and moves to the next day whenever a message's time is earlier than
 * the message before it (a conversation past midnight). A time that is no time of day ({@code 25:61})
 * makes the message a bad row.
 *
 * <p>Bad rows: a message without an author, with a bad time, with elements inside its text, nested
 * in another message, or outside any conversation is rejected and reading goes on at the next
 * message. XML that is not well-formed (or ends early) ends the file with an error naming the line.
 * Unknown elements and attributes are ignored.
 */
final class Pan12Walk {
    record Settings(String platform, LocalDate date) {
    }

    private final XMLStreamReader xml;
    private final RecordSink sink;
    private final Settings settings;
    private final RecordDraft draft;
    private final int maxText;
    private String conversation;
    private boolean inConversation;
    private LocalDate day;
    private LocalTime lastTime;
    private long messages;
    private boolean sawConversations;

    Pan12Walk(XMLStreamReader xml, ReadSource source, RecordSink sink, Settings settings) {
        this.xml = xml;
        this.sink = sink;
        this.settings = settings;
        this.draft = new RecordDraft(source.identifiers());
        this.maxText = source.maxLineBytes();
    }

    void walk() throws XMLStreamException {
        long previousLine = 1; // where the event before the current one ended: where the current one begins
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "conversations" -> sawConversations = true;
                    case "conversation" -> {
                        inConversation = true;
                        conversation = xml.getAttributeValue(null, "id");
                        day = settings.date();
                        lastTime = null;
                    }
                    case "message" -> message(previousLine);
                    default -> {
                        // wrappers and unknown elements: their messages, if any, are read as they come
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("conversation")) {
                inConversation = false;
                conversation = null;
            }
            previousLine = Math.max(1, xml.getLocation().getLineNumber());
        }
        if (!sawConversations && messages == 0) {
            sink.warn("no <conversations> or <message> elements found: is this a PAN-12 chat file?");
        }
    }

    /** Reads a message from its start tag through its end tag; the parser ends on the end tag. */
    private void message(long line) throws XMLStreamException {
        messages++;
        String lineAttribute = xml.getAttributeValue(null, "line");
        String author = null;
        String time = null;
        String text = null;
        String problem = inConversation ? null : "a <message> outside any <conversation>";
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break; // the message's own end tag: children's end tags are consumed by content()
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            switch (name) {
                case "author", "time", "text" -> {
                    Content c = content(name);
                    if (c.problem() != null && problem == null) {
                        problem = c.problem();
                    }
                    switch (name) {
                        case "author" -> author = c.text();
                        case "time" -> time = c.text();
                        default -> text = c.text();
                    }
                }
                case "message" -> {
                    if (problem == null) {
                        problem = "a <message> inside a <message>";
                    }
                    skipElement();
                }
                default -> skipElement();
            }
        }
        Position at = new Position(line, 1, -1);
        draft.clear();
        try {
            if (problem != null) {
                throw new Problem(problem);
            }
            if (author == null || author.isBlank()) {
                throw new Problem("the message has no <author>");
            }
            draft.field("platform", settings.platform());
            draft.id("conversation", conversation);
            draft.id("message_line", lineAttribute);
            draft.id("author", author.strip());
            draft.account(settings.platform(), author.strip(), "sender", "author");
            String occurredAt = time(time);
            draft.field("time", time == null ? null : time.strip());
            draft.text("text", text);
            sink.accept(draft.build(RecordKind.MESSAGE, at, occurredAt));
        } catch (Problem p) {
            sink.reject(line, "message" + (lineAttribute == null ? "" : " line=\"" + Redaction.digits(shorten(lineAttribute)) + "\"")
                    + (conversation == null ? "" : " of conversation " + Redaction.digits(shorten(conversation))) + ": "
                    + p.getMessage());
        }
    }

    private String time(String written) throws Problem {
        if (written == null || written.isBlank()) {
            return null;
        }
        LocalTime t;
        try {
            t = IsoTimes.timeOfDay(written.strip());
        } catch (DateTimeException e) {
            throw new Problem("time '" + Redaction.digits(shorten(written.strip())) + "' is not a time of day (HH:MM)");
        }
        if (day == null) {
            return null;
        }
        if (lastTime != null && t.isBefore(lastTime)) {
            day = day.plusDays(1);
        }
        lastTime = t;
        return day.atTime(t).toString();
    }

    private record Content(String text, String problem) {
    }

    /** The text of an element that should hold only text; the parser ends on its end tag. */
    private Content content(String name) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        String problem = null;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (sb.length() + xml.getTextLength() > maxText) {
                        if (problem == null) {
                            problem = "<" + name + "> is longer than " + maxText / (1024 * 1024) + " MiB";
                        }
                    } else {
                        sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (problem == null) {
                        problem = "<" + name + "> holds an element <" + xml.getLocalName() + ">, not only text";
                    }
                    skipElement();
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Content(problem == null ? sb.toString() : null, problem);
                }
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
    }

    /** Skips the element whose start tag the parser is at, through its end tag. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
