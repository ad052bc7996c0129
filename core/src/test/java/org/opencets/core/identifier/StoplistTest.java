package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoplistTest {
    private static final Stoplist BUILT_IN = Stoplist.builtIn(Contexts.HASHER);

    private static Identifier id(IdentifierType type, String raw) {
        return Identifiers.normalise(type, raw, Contexts.GB);
    }

    @ParameterizedTest
    @ValueSource(strings = {"email:bob@example.com", "email:Some.One+tag@Mail.Example.ORG", "email:x@shop.test",
        "domain:example.net", "domain:www.example.com", "domain:shop.example", "url:https://www.example.org/x",
        "url:http://sub.example.com:8080/", "ip:192.0.2.10", "ip:2001:db8::5", "ip:198.51.100.1",
        "card:4111 1111 1111 1111", "card:378282246310005", "card:30569309025904", "phone:+44 20 7946 0123",
        "phone:+1 202 555 0143", "phone:(0113) 496 0999",
        "file_hash:D41D8CD98F00B204E9800998ECF8427E", "file_hash:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})
    void builtInStopsDocumentationAndTestValues(String typed) {
        int colon = typed.indexOf(':');
        Identifier id = id(IdentifierType.fromCode(typed.substring(0, colon)), typed.substring(colon + 1));
        assertThat(BUILT_IN.isStopped(id)).as(typed).isTrue();
        assertThat(BUILT_IN.reason(id)).startsWith("built-in stoplist line ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"email:bob@example.co.uk", "email:bob@notexample.com", "domain:example.co", "domain:myexample.com",
        "url:https://example.com.evil.net/", "ip:81.2.69.160", "ip:192.0.3.1", "card:4012 8888 8888 1770",
        "phone:+44 20 7946 1123", "phone:+1 202 555 0200", "phone:+44 7400 123456",
        "file_hash:d41d8cd98f00b204e9800998ecf8427f", "account:twitter:example"})
    void builtInLeavesOtherValuesAlone(String typed) {
        int colon = typed.indexOf(':');
        IdentifierType type = IdentifierType.fromCode(typed.substring(0, colon));
        String raw = typed.substring(colon + 1);
        if (type == IdentifierType.CARD) {
            raw = CardTest.withCheckDigit(raw.replace(" ", "").substring(0, 15));
        }
        Identifier id = id(type, raw);
        assertThat(BUILT_IN.isStopped(id)).as(typed).isFalse();
        assertThat(BUILT_IN.reason(id)).isNull();
    }

    @Test
    void reasonNamesFileLineEntryAndComment() throws IOException {
        Identifier ex = id(IdentifierType.DOMAIN, "example.com");
        int line = lineOf("domain example.com ");
        assertThat(BUILT_IN.reason(ex)).isEqualTo("built-in stoplist line " + line + ": domain example.com (RFC 2606 example domain)");
        Identifier card = id(IdentifierType.CARD, "4111111111111111");
        assertThat(BUILT_IN.reason(card)).isEqualTo("built-in stoplist line " + lineOf("card 4111111111111111")
                + ": card 41111111…1111 (Visa test number)");
        assertThat(BUILT_IN.reason(id(IdentifierType.PHONE, "+1 202 555 0143")))
                .isEqualTo("built-in stoplist line " + lineOf("phone +1???55501??")
                        + ": phone +1???55501?? (NANP fictional numbers 555-0100 to 555-0199, any area code)");
    }

    private static int lineOf(String prefix) throws IOException {
        try (InputStream in = Stoplist.class.getClassLoader().getResourceAsStream(Stoplist.BUILT_IN_RESOURCE)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError("no line " + prefix);
    }

    @Test
    void builtInResourceDocumentsItsGrammar() throws IOException {
        try (InputStream in = Stoplist.class.getClassLoader().getResourceAsStream(Stoplist.BUILT_IN_RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("entry   = TYPE WS PATTERN [ WS \"#\" REASON ] ;");
        }
        assertThat(BUILT_IN.size()).isGreaterThan(60);
    }

    @Test
    void cardEntriesKeepNoNumber() {
        assertThat(BUILT_IN.toString()).doesNotContain("4111111111111111");
        String reason = BUILT_IN.reason(id(IdentifierType.CARD, "5555 5555 5555 4444"));
        CardTest.assertDoesNotLeak(reason, "5555555555554444");
        // Under another deployment key the same number hashes differently, so it is not recognised.
        Identifier otherKey = Identifiers.normalise(IdentifierType.CARD, "4111111111111111",
                new IdentifierContext("GB", new CardHasher(Contexts.key(3))));
        assertThat(BUILT_IN.isStopped(otherKey)).isFalse();
        assertThat(Stoplist.builtIn(new CardHasher(Contexts.key(3))).isStopped(otherKey)).isTrue();
    }

    @Test
    void userFilesExtendTheList(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("agency-stoplist.txt");
        Files.writeString(file, """
                # our own placeholders
                email   noreply@*                # automated senders
                email   Jane.Doe+x@GoogleMail.com  # training case
                domain  *.internal.bücher.de
                url     http://example.net/training/*
                ip      81.2.69.0/24             # our office
                phone   +4474001234??
                phone   +12025550143
                account twitter:@TrainingBot
                device  Canon|EOS 5D|123 abc
                pdq     F8F8F0CEE0F4A84F06370A22038F63F0B36E2ED596621E1D33E6B39C4E9C9B22
                card    4000 0000 0000 0010      # training card
                """);
        Stoplist list = Stoplist.load(List.of(file), Contexts.HASHER);
        assertThat(list.size()).isEqualTo(BUILT_IN.size() + 11);
        assertThat(list.reason(id(IdentifierType.EMAIL, "NoReply@Anything.co.uk"))).startsWith(file + " line 2: email noreply@* (automated senders)");
        assertThat(list.isStopped(id(IdentifierType.EMAIL, "janedoe@gmail.com"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.EMAIL, "j.a.n.e.doe+y@gmail.com"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.DOMAIN, "a.internal.xn--bcher-kva.de"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.EMAIL, "bob@x.internal.bücher.de"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.URL, "http://Example.NET/training/lesson1"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.IP, "81.2.69.160"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.URL, "http://81.2.69.160/x"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.IP, "81.2.70.1"))).isFalse();
        assertThat(list.isStopped(id(IdentifierType.PHONE, "07400 123456"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.PHONE, "07400 123356"))).isFalse();
        assertThat(list.isStopped(id(IdentifierType.PHONE, "+1 (202) 555-0143"))).isTrue();
        assertThat(list.isStopped(Identifiers.account("X", "trainingbot"))).isTrue();
        assertThat(list.isStopped(Identifiers.device("canon", "eos 5d", "123ABC"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.PDQ, "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22"))).isTrue();
        assertThat(list.isStopped(id(IdentifierType.CARD, "4000000000000010"))).isTrue();
        // the built-in entries are still there, and come first
        assertThat(list.reason(id(IdentifierType.EMAIL, "noreply@example.com"))).startsWith("built-in stoplist line");
        assertThat(BUILT_IN.isStopped(id(IdentifierType.IP, "81.2.69.160"))).isFalse();
    }

    @Test
    void firstMatchingEntryInLoadOrderGivesTheReason() {
        Stoplist list = Stoplist.parse("t.txt", """
                email *@example.org   # glob first
                email bob@example.org # exact second
                domain example.net    # domain third
                email *@example.net   # glob fourth
                """, Contexts.HASHER);
        assertThat(list.reason(id(IdentifierType.EMAIL, "bob@example.org"))).isEqualTo("t.txt line 1: email *@example.org (glob first)");
        assertThat(list.reason(id(IdentifierType.EMAIL, "bob@example.net"))).isEqualTo("t.txt line 3: domain example.net (domain third)");
    }

    @Test
    void badLinesNameFileAndLine(@TempDir Path dir) throws IOException {
        assertBad(dir, "domain example.com\nemial bob@example.com\n", "line 2: unknown identifier type 'emial'");
        assertBad(dir, "\n\nip 10.0.0.0/33\n", "line 3: prefix length '33' must be 0 to 32");
        assertBad(dir, "ip example.com\n", "line 1: IP address 'example.com'");
        assertBad(dir, "phone 07400 123456\n", "line 1: phone entry '07400 123456' must be + and digits");
        assertBad(dir, "domain\n", "line 1: expected 'TYPE VALUE'");
        assertBad(dir, "file_hash abc\n", "line 1: file hash has 3 hex digits");
        assertBad(dir, "account bob\n", "line 1: account 'bob' has no platform");
    }

    @Test
    void badCardLineNamesLineButNotNumber(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("cards.txt");
        Files.writeString(f, "# cards\ncard 4111 1111 1111 1112\n");
        Throwable t = catchThrowable(() -> BUILT_IN.withFile(f, Contexts.HASHER));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessage(f + " line 2: card number fails the Luhn check (mistyped digit?); 16 digits given");
        Files.writeString(f, "4111111111111111 card\n");
        Throwable t2 = catchThrowable(() -> BUILT_IN.withFile(f, Contexts.HASHER));
        assertThat(t2).hasMessageContaining("line 1: unknown identifier type");
        CardTest.assertDoesNotLeak(t2.getMessage(), "4111111111111111");
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> BUILT_IN.withFile(dir.resolve("nope.txt"), Contexts.HASHER))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("nope.txt");
    }

    private static void assertBad(Path dir, String content, String expected) throws IOException {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, content);
        assertThatThrownBy(() -> BUILT_IN.withFile(f, Contexts.HASHER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(f + " " + expected.substring(0, expected.indexOf(':')))
                .hasMessageContaining(expected);
    }

    @Property(tries = 200)
    void everyNumberOfTheDramaRangeIsStopped(@ForAll @IntRange(min = 0, max = 999) int n) {
        Identifier london = id(IdentifierType.PHONE, String.format("020 7946 %04d", n));
        assertThat(BUILT_IN.isStopped(london)).isTrue();
        Identifier outside = id(IdentifierType.PHONE, String.format("020 7946 %04d", 1000 + n));
        assertThat(BUILT_IN.isStopped(outside)).isFalse();
    }

    @Property(tries = 200)
    void ipRangesMatchExactlyTheirAddresses(@ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b) {
        Stoplist list = Stoplist.parse("t", "ip 81.2.64.0/20\nip ::ffff:10.1.0.0/112\n", Contexts.HASHER);
        Identifier ip = id(IdentifierType.IP, "81.2." + a + "." + b);
        assertThat(list.isStopped(ip)).isEqualTo(a >= 64 && a < 80);
        Identifier mapped = id(IdentifierType.IP, "10.1." + a + "." + b);
        assertThat(list.isStopped(mapped)).isTrue();
        assertThat(list.isStopped(id(IdentifierType.IP, "10.2." + a + "." + b))).isFalse();
    }
}
