package org.opencets.core.identifier;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IP address literals: parsing to bytes and canonical text, without ever touching the resolver.
 *
 * <p>Design note. {@code InetAddress.getByName} resolves anything it does not recognise as a literal,
 * and a DNS query leaving the machine is both a leak (principle 7, air-gapped) and a tip-off to
 * whoever runs that name server. So this class never calls it: IPv6 literals are first checked by
 * commons-validator's {@link InetAddressValidator} and then converted to bytes here (a few lines of
 * RFC 4291 section 2.2 text grammar); IPv4 is parsed by a strict regular expression.
 *
 * <p>Canonical text: IPv4 as a dotted quad of decimal octets without leading zeros (an input octet
 * with leading zeros, as some exports pad them, is read as decimal, never octal); IPv6 per RFC 5952
 * (lower-case hex, leading zeros dropped, the longest run of two or more zero groups, the first of
 * equals, written {@code ::}); an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, RFC 4291
 * 2.5.5.2) becomes its IPv4 address. Accepted decoration: surrounding brackets ({@code [::1]}) and an
 * IPv6 zone ({@code fe80::1%eth0}, dropped: it names an interface of the machine that logged it). A
 * prefix length ({@code /64}) is rejected: that is a range, not an address.
 */
final class IpAddresses {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final InetAddressValidator VALIDATOR = InetAddressValidator.getInstance();

    /**
     * Ranges that are kept but never correlated: addresses that are not one host on the public
     * Internet (IANA IPv4 and IPv6 Special-Purpose Address Registries, RFC 6890, and RFC 1918, 6598,
     * 5737, 3849, 9637, 4193, 4291).
     */
    static final List<IpRange> NOT_CORRELATABLE = List.of(
            IpRange.parse("0.0.0.0/8"),        // "this network", RFC 791
            IpRange.parse("10.0.0.0/8"),       // private, RFC 1918
            IpRange.parse("100.64.0.0/10"),    // shared address space (carrier-grade NAT), RFC 6598
            IpRange.parse("127.0.0.0/8"),      // loopback
            IpRange.parse("169.254.0.0/16"),   // link-local, RFC 3927
            IpRange.parse("172.16.0.0/12"),    // private, RFC 1918
            IpRange.parse("192.0.0.0/24"),     // IETF protocol assignments, RFC 6890
            IpRange.parse("192.0.2.0/24"),     // documentation TEST-NET-1, RFC 5737
            IpRange.parse("192.168.0.0/16"),   // private, RFC 1918
            IpRange.parse("198.18.0.0/15"),    // benchmarking, RFC 2544
            IpRange.parse("198.51.100.0/24"),  // documentation TEST-NET-2
            IpRange.parse("203.0.113.0/24"),   // documentation TEST-NET-3
            IpRange.parse("224.0.0.0/4"),      // multicast
            IpRange.parse("240.0.0.0/4"),      // reserved, with 255.255.255.255 broadcast
            IpRange.parse("::/128"),           // unspecified
            IpRange.parse("::1/128"),          // loopback
            IpRange.parse("100::/64"),         // discard-only, RFC 6666
            IpRange.parse("2001:db8::/32"),    // documentation, RFC 3849
            IpRange.parse("3fff::/20"),        // documentation, RFC 9637
            IpRange.parse("fc00::/7"),         // unique local, RFC 4193
            IpRange.parse("fe80::/10"),        // link-local
            IpRange.parse("fec0::/10"),        // site-local, deprecated by RFC 3879
            IpRange.parse("ff00::/8"));        // multicast

    private IpAddresses() {
    }

    static Identifier normalise(String raw) {
        byte[] address = parse(raw);
        String text = format(address);
        return Identifier.of(IdentifierType.IP, text, isCorrelatable(address));
    }

    static boolean isCorrelatable(byte[] address) {
        for (IpRange r : NOT_CORRELATABLE) {
            if (r.contains(address)) {
                return false;
            }
        }
        return true;
    }

    /** 4 or 16 bytes; an IPv4-mapped IPv6 address comes back as 4 bytes. */
    static byte[] parse(String raw) {
        String s = raw.strip();
        if (s.length() >= 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            s = s.substring(1, s.length() - 1);
        }
        if (s.indexOf('/') >= 0) {
            throw invalid(raw, "is a range (prefix length given), not an address");
        }
        if (s.indexOf(':') < 0) {
            byte[] v4 = parseIpv4(s);
            if (v4 == null) {
                throw invalid(raw, "is not a dotted-quad IPv4 address with octets 0-255");
            }
            return v4;
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (!VALIDATOR.isValidInet6Address(s)) {
            throw invalid(raw, "is not a valid IPv6 address (RFC 4291)");
        }
        byte[] v6 = parseValidIpv6(s);
        if (isIpv4Mapped(v6)) {
            byte[] v4 = new byte[4];
            System.arraycopy(v6, 12, v4, 0, 4);
            return v4;
        }
        return v6;
    }

    /** The address bytes, or null when the text is not a dotted quad. */
    static byte[] parseIpv4(String s) {
        var m = IPV4.matcher(s);
        if (!m.matches()) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(m.group(i + 1));
            if (octet > 255) {
                return null;
            }
            b[i] = (byte) octet;
        }
        return b;
    }

    /** Converts text the validator accepted (no zone, no brackets) to 16 bytes. */
    private static byte[] parseValidIpv6(String s) {
        byte[] out = new byte[16];
        int[] groups = new int[8];
        String head = s;
        String tail = "";
        int gap = s.indexOf("::");
        if (gap >= 0) {
            head = s.substring(0, gap);
            tail = s.substring(gap + 2);
        }
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (groups[i] >>> 8);
            out[2 * i + 1] = (byte) groups[i];
        }
        return out;
    }

    /** 16-bit groups of one side of "::"; a trailing dotted quad counts as two groups. */
    private static int[] groups(String part) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] fields = part.split(":", -1);
        boolean dotted = fields[fields.length - 1].indexOf('.') >= 0;
        int[] g = new int[fields.length + (dotted ? 1 : 0)];
        for (int i = 0; i < fields.length; i++) {
            if (dotted && i == fields.length - 1) {
                byte[] v4 = parseIpv4(fields[i]);
                if (v4 == null) {
                    throw new IllegalStateException("validator accepted a bad embedded IPv4 address");
                }
                g[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                g[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else {
                g[i] = Integer.parseInt(fields[i], 16);
            }
        }
        return g;
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    /** Canonical text of 4 or 16 bytes. */
    static String format(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[2 * i] & 0xff) << 8) | (a[2 * i + 1] & 0xff);
        }
        // RFC 5952 4.2: compress the longest run of at least two zero groups, the first if tied.
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static InvalidIdentifierException invalid(String raw, String why) {
        return new InvalidIdentifierException(IdentifierType.IP, "IP address " + Quoted.of(raw) + " " + why);
    }
}
