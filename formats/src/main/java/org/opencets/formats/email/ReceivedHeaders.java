package org.opencets.formats.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses of the sending hosts named in {@code Received:} headers.
 *
 * <p>Design note. RFC 5321 section 4.4 gives the trace line as
 * {@code "from" domain [ "(" TCP-info ")" ] "by" domain … ";" date}, where TCP-info is the address
 * the receiving server saw the connection come from, as a literal: {@code [81.2.69.160]},
 * {@code [IPv6:2001:db8::1]}. Servers write it in many dialects — Postfix
 * {@code from mx.example.org (mx.example.org [81.2.69.160])}, Exim {@code from [81.2.69.160] (helo=…)},
 * qmail {@code from unknown (HELO x) (81.2.69.160)}, Sendmail {@code (user@host [81.2.69.160])} — so
 * only the {@code from} clause is searched (up to {@code by}, {@code ;} or the end), for every IPv4 and
 * IPv6 literal standing alone (not part of a host name such as {@code 81-2-69-160.example.net} or a
 * longer dotted number). The {@code by} clause names the receiving relay, the mail provider's own
 * machine, and is not read.
 *
 * <p>Every hop is read, not only the first: which hop is the true origin depends on which relays the
 * recipient's provider trusts, and the lower (older) headers can be forged by the sender. A
 * {@code received_ip} is therefore a lead, not proof. Private, loopback and other non-public
 * addresses are left out (they name a machine inside some network, not a host on the Internet).
 */
final class ReceivedHeaders {
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.\\-])\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}(?![\\p{L}\\p{N}_\\-]|\\.[\\p{L}\\p{N}])");
    private static final Pattern IPV6 = Pattern.compile("(?i)\\[(?:ipv6:)?([0-9a-f:.]*:[0-9a-f:.]*)(?:%[^\\]]*)?\\]");
    private static final Pattern BY = Pattern.compile("(?i)(?:\\s|\\))by\\s");

    private ReceivedHeaders() {
    }

    /** The IP literals of the header's {@code from} clause, as written, in order. */
    static List<String> fromClauseAddresses(String header) {
        String h = header.strip();
        if (!h.regionMatches(true, 0, "from", 0, 4) || h.length() < 5 || !Character.isWhitespace(h.charAt(4))) {
            return List.of();
        }
        int end = h.length();
        int semicolon = h.indexOf(';');
        if (semicolon >= 0) {
            end = semicolon;
        }
        Matcher by = BY.matcher(h);
        by.region(4, end);
        if (by.find()) {
            end = by.start();
        }
        String clause = h.substring(4, end);
        List<String> out = new ArrayList<>();
        Matcher v6 = IPV6.matcher(clause);
        while (v6.find()) {
            out.add(v6.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher v4 = IPV4.matcher(clause);
        while (v4.find()) {
            out.add(v4.group());
        }
        return out;
    }

    /** The value of an {@code X-Originating-IP} style header: {@code [81.2.69.160]} or a bare address. */
    static String bareAddress(String header) {
        String s = header.strip();
        int comment = s.indexOf('(');
        if (comment > 0) {
            s = s.substring(0, comment).strip();
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.regionMatches(true, 0, "ipv6:", 0, 5)) {
            s = s.substring(5);
        }
        return s;
    }
}
