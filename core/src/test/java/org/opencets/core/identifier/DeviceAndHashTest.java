package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceAndHashTest {
    @Test
    void deviceParts() {
        Identifier id = Identifiers.device("  Canon\u0000\u0000 ", "Canon EOS   5D\tMark IV", " 0123 abc-45 ");
        assertThat(id.value()).isEqualTo("canon|canon eos 5d mark iv|0123ABC-45");
        assertThat(id.type()).isEqualTo(IdentifierType.DEVICE);
        assertThat(Identifiers.device(null, null, "xyz").value()).isEqualTo("||XYZ");
        assertThat(Identifiers.device("NIKON CORPORATION", null, "3001234").value()).isEqualTo("nikon corporation||3001234");
    }

    @Test
    void deviceNeedsASerial() {
        assertThatThrownBy(() -> Identifiers.device("Canon", "EOS", null)).isInstanceOf(InvalidIdentifierException.class)
                .hasMessageContaining("no serial");
        assertThatThrownBy(() -> Identifiers.device("Canon", "EOS", " \u0000 ")).hasMessageContaining("no serial");
        assertThatThrownBy(() -> Identifiers.device("Ca|non", "EOS", "1")).hasMessageContaining("'|'");
        assertThatThrownBy(() -> Identifiers.normalise(IdentifierType.DEVICE, "a|b", Contexts.GB)).hasMessageContaining("make|model|serial");
    }

    @Test
    void deviceFromText() {
        assertThat(Identifiers.normalise(IdentifierType.DEVICE, "Apple|iPhone 12|abc 123", Contexts.GB).value())
                .isEqualTo("apple|iphone 12|ABC123");
        assertThat(Identifiers.normalise(IdentifierType.DEVICE, "abc123", Contexts.GB).value()).isEqualTo("||ABC123");
    }

    @Provide
    Arbitrary<String> deviceText() {
        return Arbitraries.strings().withChars("aBc XyZ09\t\u0000-ÉÖ").ofMaxLength(12);
    }

    @Property(tries = 300)
    void deviceIsIdempotentAndCaseInsensitive(@ForAll("deviceText") String make, @ForAll("deviceText") String model,
                                              @ForAll("deviceText") String serial) {
        Identifier id;
        try {
            id = Identifiers.device(make, model, serial);
        } catch (InvalidIdentifierException e) {
            assertThat(serial.replaceAll("[\\s\\p{Cc}]", "")).isEmpty();
            return;
        }
        assertThat(Identifiers.normalise(IdentifierType.DEVICE, id.value(), Contexts.GB)).isEqualTo(id);
        assertThat(Identifiers.device(make.toUpperCase(Locale.ROOT), model.toLowerCase(Locale.ROOT), serial.toLowerCase(Locale.ROOT)))
                .isEqualTo(id);
    }

    @Test
    void fileHashesByLength() {
        assertThat(hash("D41D8CD98F00B204E9800998ECF8427E").value()).isEqualTo("md5:d41d8cd98f00b204e9800998ecf8427e");
        assertThat(hash(" da39a3ee5e6b4b0d3255bfef95601890afd80709 ").value()).isEqualTo("sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertThat(hash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").value())
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hash("SHA-1:DA39A3EE5E6B4B0D3255BFEF95601890AFD80709").value()).isEqualTo("sha1:da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertThat(hash("md5:d41d8cd98f00b204e9800998ecf8427e").value()).isEqualTo("md5:d41d8cd98f00b204e9800998ecf8427e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"d41d8cd98f00b204e9800998ecf8427", "d41d8cd98f00b204e9800998ecf8427e0", "g41d8cd98f00b204e9800998ecf8427e",
        "sha1:d41d8cd98f00b204e9800998ecf8427e", "crc32:d41d8cd9", "md5:", "d41d8cd9 8f00b204e9800998ecf8427e"})
    void badFileHashes(String raw) {
        assertThatThrownBy(() -> hash(raw)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void fileHashMessages() {
        assertThatThrownBy(() -> hash("abc")).hasMessageContaining("expected 32 (MD5), 40 (SHA-1) or 64 (SHA-256)");
        assertThatThrownBy(() -> hash("sha1:d41d8cd98f00b204e9800998ecf8427e")).hasMessageContaining("sha1 hash must have 40");
        assertThatThrownBy(() -> hash("zz")).hasMessageContaining("only hex digits");
    }

    @Test
    void pdq() {
        String h = "F8F8F0CEE0F4A84F06370A22038F63F0B36E2ED596621E1D33E6B39C4E9C9B22";
        Identifier id = Identifiers.normalise(IdentifierType.PDQ, h, Contexts.GB);
        assertThat(id.value()).isEqualTo(h.toLowerCase(Locale.ROOT));
        assertThat(Identifiers.normalise(IdentifierType.PDQ, "pdq:" + h, Contexts.GB)).isEqualTo(id);
        assertThatThrownBy(() -> Identifiers.normalise(IdentifierType.PDQ, h.substring(1), Contexts.GB)).hasMessageContaining("expected 64");
        assertThatThrownBy(() -> Identifiers.normalise(IdentifierType.PDQ, "x" + h.substring(1), Contexts.GB)).hasMessageContaining("hex");
    }

    private static Identifier hash(String raw) {
        return Identifiers.normalise(IdentifierType.FILE_HASH, raw, Contexts.GB);
    }

    @Property(tries = 300)
    void hashesAreIdempotentAndCaseInsensitive(@ForAll @StringLength(min = 16, max = 16) String seed) {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) seed.charAt(i % 16) ;
            bytes[i] ^= (byte) (i * 31);
        }
        String hex = HexFormat.of().withUpperCase().formatHex(bytes);
        for (int len : new int[] {32, 40, 64}) {
            Identifier id = hash(hex.substring(0, len));
            assertThat(hash(id.value())).isEqualTo(id);
            assertThat(hash(hex.substring(0, len).toLowerCase(Locale.ROOT))).isEqualTo(id);
            assertThat(id.value()).matches("(md5|sha1|sha256):[0-9a-f]+");
        }
        Identifier pdq = Identifiers.normalise(IdentifierType.PDQ, hex, Contexts.GB);
        assertThat(Identifiers.normalise(IdentifierType.PDQ, pdq.value(), Contexts.GB)).isEqualTo(pdq);
    }
}
