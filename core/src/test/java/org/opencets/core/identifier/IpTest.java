package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpTest {
    private static Identifier ip(String raw) {
        return Identifiers.normalise(IdentifierType.IP, raw, Contexts.GB);
    }

    @ParameterizedTest
    @CsvSource({
        "8.8.8.8, 8.8.8.8",
        "' 81.2.69.160 ', 81.2.69.160",
        "081.002.069.160, 81.2.69.160",
        "2001:4860:4860:0000:0000:0000:0000:8888, 2001:4860:4860::8888",
        "2001:4860:4860::8888, 2001:4860:4860::8888",
        "2A00:1450:4009:0815::200E, 2a00:1450:4009:815::200e",
        "[2a00:1450::1], 2a00:1450::1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "0:0:0:0:0:0:0:1, ::1",
        "::, ::",
        "1::, 1::",
        "::ffff:81.2.69.160, 81.2.69.160",
        "::FFFF:5102:45a0, 81.2.69.160",
        "fe80::1%eth0, fe80::1",
        "2a00:1450:4009:815::200e, 2a00:1450:4009:815::200e",
        "64:ff9b::1.2.3.4, 64:ff9b::102:304",
    })
    void canonicalText(String raw, String expected) {
        assertThat(ip(raw).value()).isEqualTo(expected);
        assertThat(ip(raw).display()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.255", "127.0.0.1",
        "169.254.10.10", "224.0.0.1", "239.255.255.250", "0.0.0.0", "0.1.2.3", "255.255.255.255", "240.0.0.1",
        "192.0.2.55", "198.51.100.7", "203.0.113.200", "2001:db8::1", "fc00::1", "fd12:3456::1", "fe80::1", "::1", "::",
        "ff02::1", "::ffff:192.168.0.1"})
    void specialRangesAreKeptButNotCorrelatable(String raw) {
        Identifier id = ip(raw);
        assertThat(id.correlatable()).as(raw).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "192.169.0.1",
        "11.0.0.1", "223.255.255.255", "2a00:1450::1", "2001:db9::1", "fbff::1", "fec0::1:1:1"})
    void publicAddressesCorrelate(String raw) {
        boolean expected = !raw.startsWith("fec0");
        assertThat(ip(raw).correlatable()).as(raw).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.-4", "example.com", "localhost", "1.2.3.4/24",
        "2001:db8::/32", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "12345::1", "::ffff:1.2.3.256", "", "0x7f.0.0.1", "1.2.3.4 5"})
    void rejectsNonLiterals(String raw) {
        assertThatThrownBy(() -> ip(raw)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void hostNamesAreRejectedWithoutAnyLookup() {
        // A name that would resolve (localhost) and one that never could: both rejected by the literal check.
        assertThatThrownBy(() -> ip("localhost")).hasMessageContaining("not a dotted-quad");
        assertThatThrownBy(() -> ip("nonexistent.invalid")).hasMessageContaining("not a dotted-quad");
        assertThatThrownBy(() -> ip("www.example.com:80")).hasMessageContaining("not a valid IPv6");
    }

    /** RFC 5952 4.2.3: "::" replaces the longest run of two or more zero groups, the first of equals. */
    private static void assertLongestZeroRunCompressed(String text) {
        String[] halves = text.split("::", -1);
        String[] left = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] right = halves.length < 2 || halves[1].isEmpty() ? new String[0] : halves[1].split(":");
        int compressed = halves.length == 2 ? 8 - left.length - right.length : 0;
        assertThat(longestZeroRun(left)).as("zero run left of :: in %s", text).isLessThan(Math.max(compressed, 2));
        assertThat(longestZeroRun(right)).as("zero run right of :: in %s", text).isLessThanOrEqualTo(Math.max(compressed, 1));
        if (halves.length == 2) {
            assertThat(compressed).as("a single zero group is not compressed: %s", text).isGreaterThanOrEqualTo(2);
        }
    }

    private static int longestZeroRun(String[] groups) {
        int best = 0;
        int run = 0;
        for (String g : groups) {
            run = g.equals("0") ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    @Provide
    Arbitrary<byte[]> addresses() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.bytes().array(byte[].class).ofSize(16),
                // many zero groups, to exercise '::' placement
                Arbitraries.of((byte) 0, (byte) 0, (byte) 0, (byte) 1, (byte) 0xff).array(byte[].class).ofSize(16));
    }

    @Property(tries = 500)
    void agreesWithTheJdkOnTheAddressAndIsIdempotent(@ForAll("addresses") byte[] bytes) throws UnknownHostException {
        // getByAddress never resolves; its full (uncompressed) text is a valid input form.
        String jdkText = InetAddress.getByAddress(bytes).getHostAddress();
        Identifier id = ip(jdkText);
        assertThat(ip(id.value()).value()).isEqualTo(id.value());
        assertThat(ip(id.value().toUpperCase()).value()).isEqualTo(id.value());
        assertThat(InetAddress.getByAddress(IpAddresses.parse(id.value())).getHostAddress())
                .isEqualTo(InetAddress.getByAddress(IpAddresses.parse(jdkText)).getHostAddress());
        if (id.value().contains(":")) {
            // RFC 5952: lower case, no leading zeros, no single-group "::", at most one "::".
            assertThat(id.value()).isEqualTo(id.value().toLowerCase());
            assertThat(id.value()).doesNotMatch(".*(^|:)0[0-9a-f].*");
            assertThat(id.value().indexOf("::")).isEqualTo(id.value().lastIndexOf("::"));
            assertLongestZeroRunCompressed(id.value());
        } else {
            assertThat(id.value()).matches("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
        }
    }
}
