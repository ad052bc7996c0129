package org.opencets.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Normalising and extracting never resolve a name (air-gapped, and no tip-off to a name server). */
class NoLookupTest {
    @Test
    void noNormalisationOrExtractionAsksTheResolver() throws Exception {
        // First prove the counter sees lookups: localhost resolves from the hosts file, no network.
        int before = CountingResolverProvider.LOOKUPS.get();
        InetAddress.getByName("localhost");
        assertThat(CountingResolverProvider.LOOKUPS.get()).as("counting resolver installed").isGreaterThan(before);

        int start = CountingResolverProvider.LOOKUPS.get();
        List<String> hostile = List.of("localhost", "example.com", "www.example.com", "www.example.com:80", "[localhost]",
                "localhost%eth0", "::ffff:localhost", "1.2.3.4.example.com", "0x7f000001", "2130706433", "127.1",
                "http://localhost/", "http://example.com/", "bob@example.com", "fe80::1%en0");
        for (String s : hostile) {
            for (IdentifierType type : IdentifierType.values()) {
                try {
                    Identifiers.normalise(type, s, Contexts.GB);
                } catch (InvalidIdentifierException expected) {
                    // fine: only the absence of lookups is tested here
                }
            }
            try {
                Identifiers.detectAndNormalise(s, Contexts.GB);
            } catch (InvalidIdentifierException expected) {
                // as above
            }
        }
        TextExtractor.extract("mail bob@example.com, see www.example.com and http://localhost:8080/, host 81.2.69.160 "
                + "or 2a00:1450::1", Contexts.GB);
        Stoplist.builtIn(Contexts.HASHER).isStopped(Identifiers.normalise(IdentifierType.URL, "http://example.com/", Contexts.GB));
        assertThat(CountingResolverProvider.LOOKUPS.get()).isEqualTo(start);
    }
}
