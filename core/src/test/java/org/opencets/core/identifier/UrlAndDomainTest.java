package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlAndDomainTest {
    private static Identifier url(String raw) {
        return Identifiers.normalise(IdentifierType.URL, raw, Contexts.GB);
    }

    private static Identifier domain(String raw) {
        return Identifiers.normalise(IdentifierType.DOMAIN, raw, Contexts.GB);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HTTP://Example.COM | http://example.com/",
        "http://example.com:80/a | http://example.com/a",
        "https://example.com:443 | https://example.com/",
        "https://example.com:8443/x | https://example.com:8443/x",
        "ftp://files.example.com:21/pub | ftp://files.example.com/pub",
        "http://example.com: | http://example.com/",
        "http://example.com/a/b#section-2 | http://example.com/a/b",
        "http://example.com/Path/To?Q=A#x | http://example.com/Path/To?Q=A",
        "www.Example.com/page | http://www.example.com/page",
        "http://bücher.de/straße | http://xn--bcher-kva.de/stra%C3%9Fe",
        "http://xn--bcher-kva.de/stra%c3%9fe | http://xn--bcher-kva.de/stra%C3%9Fe",
        "http://example.com/%7Euser/%41b | http://example.com/~user/Ab",
        "http://example.com/a/./b/../c | http://example.com/a/c",
        "http://example.com/a b | http://example.com/a%20b",
        "http://example.com/100% | http://example.com/100%25",
        "http://User:Pw@Example.com/ | http://User:Pw@example.com/",
        "http://[2001:DB8::0001]:8080/x | http://[2001:db8::1]:8080/x",
        "http://[::ffff:81.2.69.160]/ | http://81.2.69.160/",
        "http://081.2.69.160/ | http://81.2.69.160/",
        "https://example.com? | https://example.com/?",
        "http://example.com. | http://example.com/",
    })
    void canonicalUrls(String raw, String expected) {
        assertThat(url(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "mailto:bob@example.com", "file:///etc/passwd", "gopher://example.com/",
        "example.com/page", "http://", "http:///path", "http://example.com:99999/", "http://example.com:8a/",
        "http://localhost/", "http://no-tld/", "http://[::1/", "http://256.1.1.1/", "http://exa mple.com/"})
    void rejected(String raw) {
        assertThatThrownBy(() -> url(raw)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void rejectionsSayWhy() {
        assertThatThrownBy(() -> url("javascript:alert(1)")).hasMessageContaining("only http, https and ftp");
        assertThatThrownBy(() -> url("http://example.com:70000/")).hasMessageContaining("0 to 65535");
    }

    @Test
    void urlsOnPrivateHostsAreNotCorrelatable() {
        assertThat(url("http://192.168.0.1/admin").correlatable()).isFalse();
        assertThat(url("http://[fe80::1]/").correlatable()).isFalse();
        assertThat(url("http://81.2.69.160/").correlatable()).isTrue();
        assertThat(url("http://example.com/").correlatable()).isTrue();
    }

    @Test
    void hostOfUrl() {
        Identifier d = Identifiers.domainOf(url("https://WWW.Bücher.de:8443/x?y#z"));
        assertThat(d).isEqualTo(Identifier.of(IdentifierType.DOMAIN, "www.xn--bcher-kva.de", true));
        Identifier ip = Identifiers.domainOf(url("http://[2001:db8::1]/"));
        assertThat(ip.type()).isEqualTo(IdentifierType.IP);
        assertThat(ip.value()).isEqualTo("2001:db8::1");
        assertThat(ip.correlatable()).isFalse();
        assertThatThrownBy(() -> Identifiers.domainOf(domain("example.com"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "Example.COM, example.com",
        "example.com., example.com",
        "' www.example.co.uk ', www.example.co.uk",
        "Bücher.de, xn--bcher-kva.de",
        "xn--bcher-kva.de, xn--bcher-kva.de",
        "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion, abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion",
        "shop.test, shop.test",
    })
    void canonicalDomains(String raw, String expected) {
        Identifier id = domain(raw);
        assertThat(id.value()).isEqualTo(expected);
        assertThat(id.display()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localdomain", "foo.local", "-bad.example.com", "a..b.com", "exa mple.com", "com",
        "example.nosuchtld", "1.2.3.4", "http://example.com", "ex_ample.com"})
    void badDomains(String raw) {
        assertThatThrownBy(() -> domain(raw)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> scheme = Arbitraries.of("http", "HTTPS", "ftp", "Http");
        Arbitrary<String> host = Arbitraries.of("example.com", "WWW.Example.org", "bücher.de", "[2001:db8::1]", "81.2.69.160",
                "sub.domain.example.co.uk");
        Arbitrary<String> port = Arbitraries.of("", ":80", ":443", ":21", ":8080");
        Arbitrary<String> path = Arbitraries.strings().withChars("abcXYZ09-._~/%20é!$&'()*+,;=:@ ").ofMaxLength(20);
        Arbitrary<String> query = Arbitraries.strings().withChars("abc=&%2f?/é ").ofMaxLength(10).map(q -> q.isEmpty() ? "" : "?" + q);
        Arbitrary<String> fragment = Arbitraries.of("", "#top", "#a/b?c");
        return Combinators.combine(scheme, host, port, path, query, fragment)
                .as((s, h, p, pa, q, f) -> s + "://" + h + p + (pa.startsWith("/") || pa.isEmpty() ? pa : "/" + pa) + q + f);
    }

    @Property(tries = 500)
    void urlNormalisationIsIdempotent(@ForAll("urls") String raw) {
        Identifier id = url(raw);
        assertThat(url(id.value()).value()).isEqualTo(id.value());
        assertThat(id.value()).doesNotContain("#").doesNotContain(" ");
        assertThat(id.value()).matches("(http|https|ftp)://[^/]+/.*");
        assertThat(id.value().chars().allMatch(c -> c < 0x80)).isTrue();
    }

    @Provide
    Arbitrary<String> domains() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzäöüß0123456789").ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(3)
                .map(labels -> String.join(".", labels) + "." + "com");
    }

    @Property(tries = 500)
    void domainNormalisationIsIdempotentAndCaseInsensitive(@ForAll("domains") String raw) {
        Identifier id = domain(raw);
        assertThat(domain(id.value())).isEqualTo(id);
        assertThat(domain(raw.toUpperCase(java.util.Locale.ROOT) + ".")).isEqualTo(id);
        assertThat(id.value()).matches("[a-z0-9.-]+");
    }
}
