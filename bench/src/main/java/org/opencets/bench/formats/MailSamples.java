package org.opencets.bench.formats;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic mboxrd mailbox of about N MB for {@link ReaderThroughput}: messages with
 * Received chains (public-looking synthetic IPs), encoded-word names and subjects, quoted-printable
 * plain text with addresses, phones and links in it, an HTML alternative in one message of ten, a
 * base64 attachment (8-120 KB of random bytes) in one of five, an {@code X-Originating-IP} in one of
 * three, and mboxrd-quoted {@code >From } lines. Addresses are at example.org / example.com /
 * example.net; nothing is real.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl bench -am
 * java -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.MailSamples /tmp/mail.mbox 500
 * java -Xmx1g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *      org.opencets.bench.formats.ReaderThroughput --format mbox /tmp/mail.mbox --runs 3
 * </pre>
 */
public final class MailSamples {
    private static final String[] GIVEN = {"Andre", "Zoé", "Björn", "Carol", "Dmitri", "Aoife", "José", "Mei", "Olu", "Priya"};
    private static final String[] FAMILY = {"Dupré", "Smith", "Müller", "Novak", "Okafor", "Silva", "Tanaka", "Walsh"};
    private static final String[] DOMAINS = {"example.org", "example.com", "example.net", "mail.example.org"};
    private static final String[] WORDS = ("the meeting is moved to thursday please send the files again before noon "
            + "we will pay on delivery and the price stays the same as agreed last time do not use the old number "
            + "call me when you arrive the package was left at the usual place").split(" ");
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private MailSamples() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: MailSamples OUTPUT MEGABYTES [SEED]");
        }
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1_000_000L;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261121L;
        SplittableRandom r = new SplittableRandom(seed);
        long written = 0;
        long messages = 0;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            while (written < target) {
                byte[] m = message(r, messages).getBytes(StandardCharsets.UTF_8);
                o.write(m);
                written += m.length;
                messages++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d messages, %,d bytes (seed %d)%n", out, messages, written, seed);
    }

    static String message(SplittableRandom r, long n) {
        String from = person(r);
        String fromAddress = address(r);
        int day = 1 + r.nextInt(28);
        int month = r.nextInt(12);
        int year = 2020 + r.nextInt(7);
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", r.nextInt(24), r.nextInt(60), r.nextInt(60));
        String dow = DAYS[r.nextInt(7)];
        StringBuilder b = new StringBuilder(4096);
        b.append("From ").append(fromAddress).append(' ').append(dow).append(' ').append(MONTHS[month]).append(' ')
                .append(String.format(Locale.ROOT, "%2d", day)).append(' ').append(time).append(' ').append(year).append('\n');
        b.append("Return-Path: <").append(fromAddress).append(">\n");
        int hops = 1 + r.nextInt(3);
        for (int h = 0; h < hops; h++) {
            b.append("Received: from relay").append(h).append(".example.net (relay").append(h).append(".example.net [")
                    .append(publicIp(r)).append("])\n\tby mx").append(h).append(".example.org (Postfix) with ESMTPS id ")
                    .append(Long.toHexString(r.nextLong()).toUpperCase(Locale.ROOT)).append("\n\tfor <").append(address(r))
                    .append(">; ").append(dow).append(", ").append(day).append(' ').append(MONTHS[month]).append(' ')
                    .append(year).append(' ').append(time).append(" +0000\n");
        }
        if (r.nextInt(3) == 0) {
            b.append("X-Originating-IP: [").append(publicIp(r)).append("]\n");
        }
        b.append("From: ").append(encodedWord(from)).append(" <").append(fromAddress).append(">\n");
        b.append("To: ").append(encodedWord(person(r))).append(" <").append(address(r)).append(">");
        for (int i = r.nextInt(3); i > 0; i--) {
            b.append(",\n ").append(address(r));
        }
        b.append('\n');
        if (r.nextInt(4) == 0) {
            b.append("Cc: ").append(address(r)).append('\n');
        }
        b.append("Subject: ").append(encodedWord(sentence(r, 3 + r.nextInt(6)) + (r.nextInt(5) == 0 ? " — ré" : ""))).append('\n');
        b.append("Date: ").append(dow).append(", ").append(day).append(' ').append(MONTHS[month]).append(' ').append(year)
                .append(' ').append(time).append(r.nextBoolean() ? " +0100" : " -0500").append('\n');
        b.append("Message-ID: <").append(n).append('.').append(Long.toHexString(r.nextLong())).append("@example.org>\n");
        b.append("MIME-Version: 1.0\n");
        String text = body(r);
        boolean html = r.nextInt(10) == 0;
        boolean attach = r.nextInt(5) == 0;
        if (!html && !attach) {
            b.append("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n")
                    .append(quotedPrintable(text));
        } else {
            b.append("Content-Type: multipart/mixed; boundary=\"mix-").append(n).append("\"\n\n");
            b.append("--mix-").append(n).append('\n');
            if (html) {
                b.append("Content-Type: multipart/alternative; boundary=\"alt-").append(n).append("\"\n\n");
                b.append("--alt-").append(n).append('\n');
                b.append("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n")
                        .append(quotedPrintable(text)).append('\n');
                b.append("--alt-").append(n).append('\n');
                b.append("Content-Type: text/html; charset=utf-8\n\n<html><body><p>")
                        .append(text.replace("\n", "<br>\n")).append("</p></body></html>\n");
                b.append("--alt-").append(n).append("--\n");
            } else {
                b.append("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n")
                        .append(quotedPrintable(text)).append('\n');
            }
            if (attach) {
                byte[] data = new byte[8 * 1024 + r.nextInt(112 * 1024)];
                r.nextBytes(data);
                b.append("--mix-").append(n).append('\n');
                b.append("Content-Type: image/jpeg; name=\"img").append(n).append(".jpg\"\n")
                        .append("Content-Disposition: attachment; filename=\"img").append(n).append(".jpg\"\n")
                        .append("Content-Transfer-Encoding: base64\n\n")
                        .append(Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data)).append('\n');
            }
            b.append("--mix-").append(n).append("--\n");
        }
        b.append('\n');
        return b.toString();
    }

    private static String body(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int lines = 5 + r.nextInt(30);
        for (int i = 0; i < lines; i++) {
            switch (r.nextInt(12)) {
                case 0 -> b.append("write to ").append(address(r)).append(" from now on");
                case 1 -> b.append("call +1 555 01").append(10 + r.nextInt(90)).append(" after six");
                case 2 -> b.append("see https://files.example.com/d/").append(Long.toHexString(r.nextLong()));
                case 3 -> b.append(">From the last message: ").append(sentence(r, 6));
                default -> b.append(sentence(r, 6 + r.nextInt(10)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String sentence(SplittableRandom r, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String person(SplittableRandom r) {
        return GIVEN[r.nextInt(GIVEN.length)] + " " + FAMILY[r.nextInt(FAMILY.length)];
    }

    private static String address(SplittableRandom r) {
        return GIVEN[r.nextInt(GIVEN.length)].toLowerCase(Locale.ROOT).replace('é', 'e').replace('ö', 'o')
                + "." + r.nextInt(10_000) + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
    }

    /** Synthetic addresses in 81.0.0.0/8 and 85.0.0.0/8: public-looking, chosen at random. */
    private static String publicIp(SplittableRandom r) {
        return (r.nextBoolean() ? 81 : 85) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** RFC 2047 B encoding of any non-ASCII text; ASCII text as it is. */
    private static String encodedWord(String s) {
        if (s.chars().allMatch(c -> c < 128)) {
            return s;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** Quoted-printable (RFC 2045 6.7) of UTF-8 text, lines under 76 characters, soft breaks where needed. */
    private static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int col = 0;
        for (byte raw : text.getBytes(StandardCharsets.UTF_8)) {
            int c = raw & 0xFF;
            if (c == '\n') {
                out.append('\n');
                col = 0;
                continue;
            }
            String piece = c == '=' || c >= 127 || (c < 32 && c != '\t')
                    ? String.format(Locale.ROOT, "=%02X", c) : String.valueOf((char) c);
            if (col + piece.length() > 75) {
                out.append("=\n");
                col = 0;
            }
            out.append(piece);
            col += piece.length();
        }
        return out.toString();
    }
}
