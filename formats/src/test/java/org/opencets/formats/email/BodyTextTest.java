package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyTextTest {
    static BodyText decode(byte[] b, String declared) {
        return BodyText.decode(b, b.length, declared, null);
    }

    @Test
    void declaredCharsetDecodesWithoutProblem() {
        assertThat(decode("Café “x”".getBytes(Charset.forName("windows-1252")), "windows-1252"))
                .isEqualTo(new BodyText("Café “x”", null));
        assertThat(decode("Zoë".getBytes(StandardCharsets.UTF_8), "\"UTF-8\"")).isEqualTo(new BodyText("Zoë", null));
    }

    @Test
    void undeclaredUtf8IsReadAsUtf8AndReported() {
        BodyText t = decode("Zoë".getBytes(StandardCharsets.UTF_8), null);
        assertThat(t.text()).isEqualTo("Zoë");
        assertThat(t.problem()).contains("US-ASCII").contains("byte 2").contains("2 in all").contains("UTF-8");
    }

    @Test
    void mislabelledLatinBytesFallBackToWindows1252AndSaySo() {
        BodyText t = decode(new byte[] {'a', (byte) 0xE9, (byte) 0x81, 'b'}, "utf-8");
        assertThat(t.text()).isEqualTo("aé\uFFFDb");
        assertThat(t.problem()).contains("UTF-8").contains("windows-1252").contains("1 bytes undefined");
    }

    @Test
    void anUnknownCharsetIsNamed() {
        BodyText t = decode("plain".getBytes(StandardCharsets.US_ASCII), "x-no-such-charset");
        assertThat(t.text()).isEqualTo("plain");
        assertThat(t.problem()).contains("'x-no-such-charset' is unknown");
    }
}
