package org.opencets.formats.email;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How confident the e-mail readers are that a file's first bytes are theirs.
 *
 * <p>An mbox starts with a separator line, {@code From sender date}. A single message starts with a
 * block of header fields ({@code Name: value}, continuation lines indented) in which names only mail
 * uses appear: {@code Received}, {@code Message-ID}, {@code MIME-Version}, {@code Return-Path}, …
 * Every line of that block must be a header field, so a CSV header row, a JSON document or a chat
 * log ({@code alice: hi}) is not taken for one.
 */
final class MailSniffing {
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+:.*");
    private static final Pattern TIME = Pattern.compile("(?<!\\d)\\d{1,2}:\\d{2}(?!\\d)");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d:])\\d{4}(?![\\d:])");
    private static final Set<String> MAIL_HEADERS = Set.of(
            "received", "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version", "return-path",
            "delivered-to", "content-type", "content-transfer-encoding", "reply-to", "sender", "in-reply-to",
            "references", "x-mailer", "user-agent", "dkim-signature", "authentication-results", "x-originating-ip",
            "arc-seal", "x-received", "list-id", "thread-index", "x-ms-exchange-organization-scl");

    private MailSniffing() {
    }

    /** 0 to 100: the head opens with an mbox separator line. */
    static int mbox(String fileName, byte[] head) {
        String first = firstLine(head);
        boolean named = nameEndsWith(fileName, ".mbox", ".mbx", ".mbs");
        if (!first.startsWith("From ")) {
            return named ? 10 : 0;
        }
        if (TIME.matcher(first).find() && YEAR.matcher(first).find()) {
            return headerNames(head, true) > 0 || named ? 97 : 85;
        }
        return named ? 70 : 40;
    }

    /** 0 to 100: the head is a block of mail header fields. */
    static int eml(String fileName, byte[] head) {
        boolean named = nameEndsWith(fileName, ".eml", ".msg.txt", ".mime", ".rfc822");
        if (firstLine(head).startsWith("From ")) {
            return 0; // a mailbox, if of one message: read as eml it would lose every message after the first
        }
        int known = headerNames(head, false);
        int score = known >= 3 ? 90 : known == 2 ? 75 : known == 1 ? 35 : 0;
        if (score > 0 && named) {
            score = Math.min(98, score + 8);
        }
        return score;
    }

    /**
     * The number of distinct mail header names in the leading header block, or 0 when a line of that
     * block is not a header field.
     */
    private static int headerNames(byte[] head, boolean skipFirst) {
        String text = new String(head, 0, Math.min(head.length, 16 * 1024), StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        String[] lines = text.split("\n", 60);
        Set<String> names = new HashSet<>();
        int fields = 0;
        int last = Math.min(lines.length, 59);
        for (int i = skipFirst ? 1 : 0; i < last; i++) {
            String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (l.isEmpty()) {
                break;
            }
            if (l.charAt(0) == ' ' || l.charAt(0) == '\t') {
                if (fields == 0) {
                    return 0;
                }
                continue;
            }
            if (!FIELD_NAME.matcher(l).matches()) {
                return 0;
            }
            fields++;
            String name = l.substring(0, l.indexOf(':')).strip().toLowerCase(Locale.ROOT);
            if (MAIL_HEADERS.contains(name)) {
                names.add(name);
            }
        }
        return names.size();
    }

    private static String firstLine(byte[] head) {
        int n = 0;
        while (n < head.length && n < 1024 && head[n] != '\n') {
            n++;
        }
        return new String(head, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static boolean nameEndsWith(String fileName, String... suffixes) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String s : suffixes) {
            if (n.endsWith(s)) {
                return true;
            }
        }
        return false;
    }
}
