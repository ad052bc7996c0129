package org.opencets.core.identifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs: the syntax-based and scheme-based normalisations of RFC 3986 section 6.2.2 and 6.2.3.
 *
 * <ul>
 *   <li>only {@code http}, {@code https} and {@code ftp}; a value beginning {@code www.} without a
 *       scheme is read as {@code http://www.…};</li>
 *   <li>scheme and host lower-cased, host to its IDNA ASCII form and validated as a domain (see
 *       {@link DomainNames}) or an IP literal (canonical text, see {@link IpAddresses});</li>
 *   <li>default port (80, 443, 21) removed, an empty port removed;</li>
 *   <li>percent-encoding normalised: escapes of unreserved characters decoded, other escapes
 *       upper-case, characters not allowed in their component (spaces, non-ASCII, …) encoded as
 *       UTF-8 escapes, so an IRI and its URI form are one value;</li>
 *   <li>dot segments removed from the path (RFC 3986 5.2.4), an empty path written {@code /};</li>
 *   <li>the fragment dropped (it never reaches the server); query and user info kept as written;</li>
 *   <li>a card number (13-19 digits, Luhn-valid, as {@link TextExtractor} finds them) in the user info,
 *       path or query replaced by its masked form {@code 41111111…1111}, percent-encoded.</li>
 * </ul>
 *
 * <p>The URL is correlatable unless its host is an IP address in a range that is not
 * ({@link IpAddresses#NOT_CORRELATABLE}).
 */
final class UrlNormaliser {
    /** RFC 3986 appendix B, with the scheme required. */
    private static final Pattern URI = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.\\-]*):(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?", Pattern.DOTALL);
    private static final Pattern HAS_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:.*", Pattern.DOTALL);

    private UrlNormaliser() {
    }

    /** A URL split into the parts the normaliser produces; {@code port} is -1 when absent or default. */
    record Parts(String scheme, String userInfo, String host, boolean hostIsIp, boolean correlatable, int port,
                 String path, String query) {
        String text() {
            StringBuilder sb = new StringBuilder(scheme).append("://");
            if (userInfo != null) {
                sb.append(userInfo).append('@');
            }
            boolean v6 = hostIsIp && host.indexOf(':') >= 0;
            sb.append(v6 ? "[" + host + "]" : host);
            if (port >= 0) {
                sb.append(':').append(port);
            }
            sb.append(path);
            if (query != null) {
                sb.append('?').append(query);
            }
            return sb.toString();
        }
    }

    static Identifier normalise(String raw) {
        Parts p = parse(raw);
        return Identifier.of(IdentifierType.URL, p.text(), p.correlatable());
    }

    /** The identifier of the host of a normalised URL: a domain, or an IP address. */
    static Identifier hostOf(Identifier url) {
        if (url.type() != IdentifierType.URL) {
            throw new IllegalArgumentException("not a URL identifier: " + url.type().code());
        }
        Parts p = parse(url.value());
        return p.hostIsIp() ? IpAddresses.normalise(p.host()) : Identifier.of(IdentifierType.DOMAIN, p.host(), true);
    }

    static Parts parse(String raw) {
        String s = raw.strip();
        if (!HAS_SCHEME.matcher(s).matches() && s.regionMatches(true, 0, "www.", 0, 4)) {
            s = "http://" + s;
        }
        Matcher m = URI.matcher(s);
        if (!m.matches()) {
            throw invalid(raw, "has no scheme; write it as http://…, https://… or ftp://…");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            case "ftp" -> 21;
            default -> throw invalid(raw, "has scheme " + Quoted.of(scheme) + "; only http, https and ftp URLs are identifiers");
        };
        String authority = m.group(2);
        if (authority == null || authority.isEmpty()) {
            throw invalid(raw, "has no host");
        }
        String userInfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = withoutCards(percent(authority.substring(0, at), Component.USER_INFO), Component.USER_INFO);
            authority = authority.substring(at + 1);
        }
        String hostText;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid(raw, "has an unclosed '[' in its host");
            }
            hostText = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(raw, "has text after its IPv6 host");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            hostText = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (hostText.isEmpty()) {
            throw invalid(raw, "has no host");
        }
        String host;
        boolean hostIsIp;
        boolean correlatable = true;
        if (authority.startsWith("[") || IpAddresses.parseIpv4(hostText) != null) {
            byte[] addr;
            try {
                addr = IpAddresses.parse(hostText);
            } catch (InvalidIdentifierException e) {
                throw invalid(raw, "has an invalid IP host: " + e.getMessage());
            }
            host = IpAddresses.format(addr);
            hostIsIp = true;
            correlatable = IpAddresses.isCorrelatable(addr);
        } else {
            host = DomainNames.canonical(IdentifierType.URL, hostText, "URL host");
            hostIsIp = false;
        }
        int port = -1;
        if (portText != null && !portText.isEmpty()) {
            if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) > 65535) {
                throw invalid(raw, "has port " + Quoted.of(portText) + "; a port is a number from 0 to 65535");
            }
            port = Integer.parseInt(portText);
            if (port == defaultPort) {
                port = -1;
            }
        }
        String path = withoutCards(removeDotSegments(percent(m.group(3), Component.PATH)), Component.PATH);
        if (path.isEmpty()) {
            path = "/";
        }
        String query = m.group(4) == null ? null : withoutCards(percent(m.group(4), Component.QUERY), Component.QUERY);
        return new Parts(scheme, userInfo, host, hostIsIp, correlatable, port, path, query);
    }

    /**
     * A card number in a URL (payment pages put them in query strings) is replaced by its masked
     * form, percent-encoded, so that it never reaches the store (DESIGN principle 8). The same URL
     * still gives the same value.
     */
    private static String withoutCards(String component, Component kind) {
        String redacted = CardNumbers.redact(component);
        return redacted == component ? component : percent(redacted, kind);
    }

    enum Component {
        USER_INFO(":"), PATH(":@/"), QUERY(":@/?");

        private final String extra;

        Component(String extra) {
            this.extra = extra;
        }

        boolean allows(int c) {
            return isUnreserved(c) || "!$&'()*+,;=".indexOf(c) >= 0 || extra.indexOf(c) >= 0;
        }
    }

    static boolean isUnreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** RFC 3986 6.2.2.1 and 6.2.2.2, and encoding of characters the component does not allow. */
    static String percent(String in, Component component) {
        StringBuilder out = new StringBuilder(in.length() + 8);
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '%' && i + 2 < in.length() && isHex(in.charAt(i + 1)) && isHex(in.charAt(i + 2))) {
                int b = Integer.parseInt(in.substring(i + 1, i + 3), 16);
                if (isUnreserved(b)) {
                    out.append((char) b);
                } else {
                    escape(out, b);
                }
                i += 3;
            } else {
                int cp = in.codePointAt(i);
                if (cp < 0x80 && component.allows(cp)) {
                    out.append((char) cp);
                } else {
                    for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                        escape(out, b & 0xff);
                    }
                }
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static void escape(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
    }

    /** RFC 3986 5.2.4, over segments. */
    static String removeDotSegments(String path) {
        if (path.isEmpty()) {
            return path;
        }
        String[] segments = path.split("/", -1);
        Deque<String> out = new ArrayDeque<>();
        // segments[0] is "" because the path after an authority starts with '/'.
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (seg.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    private static InvalidIdentifierException invalid(String raw, String why) {
        return new InvalidIdentifierException(IdentifierType.URL, "URL " + Quoted.of(raw) + " " + why);
    }
}
