package org.opencets.core.identifier;

import java.util.Arrays;

/**
 * A CIDR range of IPv4 or IPv6 addresses ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); a single
 * address is a range of full length.
 *
 * @param network the address bytes (4 or 16) with host bits cleared
 * @param bits    prefix length
 */
record IpRange(byte[] network, int bits) {
    IpRange {
        network = network.clone();
    }

    /** Parses {@code address[/bits]}; throws IllegalArgumentException with the reason. */
    static IpRange parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] a;
        try {
            a = IpAddresses.parse(addr);
        } catch (InvalidIdentifierException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        boolean writtenAsV6 = addr.indexOf(':') >= 0;
        int max = writtenAsV6 ? 128 : 32;
        int bits = a.length * 8;
        if (slash >= 0) {
            String b = s.substring(slash + 1);
            if (!b.matches("\\d{1,3}") || Integer.parseInt(b) > max) {
                throw new IllegalArgumentException("prefix length " + Quoted.of(b) + " must be 0 to " + max);
            }
            bits = Integer.parseInt(b);
            if (a.length == 4 && writtenAsV6) {
                // An IPv4-mapped network written in IPv6 form: 96 of its bits are the ::ffff: prefix.
                bits = Math.max(0, bits - 96);
            }
        }
        byte[] net = a.clone();
        for (int i = 0; i < net.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            net[i] &= (byte) (0xff << (8 - keep));
        }
        return new IpRange(net, bits);
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (address[full] & mask) == (network[full] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.bits == bits && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + bits;
    }

    @Override
    public String toString() {
        return IpAddresses.format(network) + "/" + bits;
    }
}
