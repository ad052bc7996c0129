package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceivedHeadersTest {
    @Test
    void theFromClauseOfEachDialect() {
        assertThat(ReceivedHeaders.fromClauseAddresses(
                "from mx.origin.test (host-81-2-69-160.origin.test [81.2.69.160]) by mx.example.org (Postfix) with ESMTPS id 1; Fri, 21 Nov 2026 10:15:32 +0000"))
                .containsExactly("81.2.69.160");
        assertThat(ReceivedHeaders.fromClauseAddresses("from [81.2.69.161] (port=4711 helo=client) by mx.example.org with esmtp (Exim 4.96)"))
                .containsExactly("81.2.69.161");
        assertThat(ReceivedHeaders.fromClauseAddresses("from unknown (HELO client) (81.2.69.162)\n  by mx.example.org with SMTP; 21 Nov 2026"))
                .containsExactly("81.2.69.162");
        assertThat(ReceivedHeaders.fromClauseAddresses("from client.origin.test ([IPv6:2001:470:1F0B:1::2]) by relay; Fri"))
                .containsExactly("2001:470:1f0b:1::2");
        assertThat(ReceivedHeaders.fromClauseAddresses("from host (user@host [81.2.69.163]) by relay"))
                .containsExactly("81.2.69.163");
    }

    @Test
    void theByClauseHostNamesAndOtherHeadersAreNotRead() {
        assertThat(ReceivedHeaders.fromClauseAddresses("by mx.example.org (81.2.69.1); Fri")).isEmpty();
        assertThat(ReceivedHeaders.fromClauseAddresses("from a.origin.test (a.origin.test) by b (81.2.69.1)")).isEmpty();
        assertThat(ReceivedHeaders.fromClauseAddresses("from 160.69.2.81.in-addr.origin.test by b")).isEmpty();
        assertThat(ReceivedHeaders.fromClauseAddresses("from host-81.2.69.160.origin.test by b")).isEmpty();
        assertThat(ReceivedHeaders.fromClauseAddresses("from v1.2.3.4.5 by b")).isEmpty();
        assertThat(ReceivedHeaders.fromClauseAddresses("fromage")).isEmpty();
    }

    @Test
    void originatingIpHeaderValues() {
        assertThat(ReceivedHeaders.bareAddress(" [81.2.69.192] ")).isEqualTo("81.2.69.192");
        assertThat(ReceivedHeaders.bareAddress("81.2.69.192 (client)")).isEqualTo("81.2.69.192");
        assertThat(ReceivedHeaders.bareAddress("[IPv6:2001:470:1f0b:1::2]")).isEqualTo("2001:470:1f0b:1::2");
    }
}
