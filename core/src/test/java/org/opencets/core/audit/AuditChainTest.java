package org.opencets.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AuditChainTest {
    final AuditChain chain = new AuditChain(new byte[32]);

    List<AuditEntry> log(int n) {
        List<AuditEntry> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            String at = "2026-01-01T00:00:" + String.format("%02d", i % 60) + "Z";
            String h = chain.hash(prev, i, at, "u" + i, "lookup", (long) i, "email:x", null, "ok", "d" + i);
            out.add(new AuditEntry(i, at, "u" + i, "lookup", (long) i, "email:x", null, "ok", "d" + i, prev, h));
            prev = h;
        }
        return out;
    }

    @Property(tries = 50)
    void anIntactLogVerifies(@ForAll @IntRange(min = 0, max = 30) int n) {
        List<AuditEntry> l = log(n);
        assertThat(chain.verify(l, n, n == 0 ? null : l.get(n - 1).hash()).intact()).isTrue();
    }

    @Property(tries = 50)
    void anyEditedFieldIsDetected(@ForAll @IntRange(min = 1, max = 20) int n, @ForAll @IntRange(min = 0, max = 19) int at) {
        List<AuditEntry> l = log(n);
        int i = at % n;
        AuditEntry e = l.get(i);
        l.set(i, new AuditEntry(e.seq(), e.at(), e.actor() + "x", e.action(), e.caseId(), e.target(), e.reason(), e.outcome(),
                e.detail(), e.prevHash(), e.hash()));
        assertThat(chain.verify(l, n, l.get(n - 1).hash()).problems()).anySatisfy(p -> assertThat(p).contains("edited"));
    }

    @Property(tries = 50)
    void removedOrSwappedEntriesAreDetected(@ForAll @IntRange(min = 3, max = 20) int n, @ForAll @IntRange(min = 0, max = 17) int at) {
        List<AuditEntry> removed = log(n);
        String head = removed.get(n - 1).hash();
        removed.remove(at % (n - 1));
        assertThat(chain.verify(removed, n, head).intact()).isFalse();
        List<AuditEntry> swapped = log(n);
        Collections.swap(swapped, at % (n - 1), at % (n - 1) + 1);
        assertThat(chain.verify(swapped, n, head).intact()).isFalse();
        List<AuditEntry> truncated = log(n).subList(0, n - 1);
        assertThat(chain.verify(truncated, n, head).problems()).anySatisfy(p -> assertThat(p).contains("removed from the end"));
    }

    @Property(tries = 20)
    void aChainRebuiltUnderAnotherKeyDoesNotVerify(@ForAll @IntRange(min = 1, max = 10) int n) {
        List<AuditEntry> l = log(n);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(new AuditChain(other).verify(l, 0, null).intact()).isFalse();
    }
}
