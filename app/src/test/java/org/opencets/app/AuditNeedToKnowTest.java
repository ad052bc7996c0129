package org.opencets.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencets.core.audit.AuditEntry;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.store.TestDatabases;

/**
 * Regression: an administrator of one agency read every other agency's activity in the audit log,
 * search values, reasons and case numbers included, more than need to know allows them of those
 * agencies' cases. An administrator now reads other agencies' entries as who, what and when; an
 * auditor reads everything.
 */
class AuditNeedToKnowTest {
    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void anAdministratorReadsOtherAgenciesEntriesWithoutTheirContentAndAnAuditorReadsAll(String engine, @TempDir Path dir) {
        Deployment d = Deployment.init(TestDatabases.fresh(engine, dir.resolve("home")), "TPS", "Toronto Police Service", "CA", "alice");
        Session alice = d.session("alice");
        alice.addAgency("RCMP", "Royal Canadian Mounted Police", "CA");
        alice.addUser("bob", "RCMP", Set.of(Role.INVESTIGATOR), null);
        alice.addUser("olive", "TPS", Set.of(Role.AUDITOR), null);
        alice.addUser("tom", "TPS", Set.of(Role.INVESTIGATOR), null);
        d.session("bob").createCase("R-88", "RCMP", "IRC ring", Sharing.AGENCY, null);
        d.session("bob").lookup("secret.lead@mail.test-cets.org", null, "tip 8812 from the ring's forum");
        d.session("tom").lookup("own.lead@mail.test-cets.org", null, "tom's tip");

        List<AuditEntry> asAdmin = alice.auditEntries(100, null);
        assertThat(asAdmin).filteredOn(e -> "lookup".equals(e.action()) && e.actor().equals("a user of RCMP")).singleElement()
                .satisfies(e -> {
                    assertThat(e.target()).isNull();
                    assertThat(e.reason()).isNull();
                    assertThat(e.detail()).startsWith("withheld");
                    assertThat(e.outcome()).isEqualTo("ok");
                });
        assertThat(asAdmin).filteredOn(e -> "case.create".equals(e.action()) && e.actor().equals("a user of RCMP")).hasSize(1);
        assertThat(asAdmin.toString()).doesNotContain("secret.lead").doesNotContain("8812").doesNotContain("R-88");
        assertThat(asAdmin).filteredOn(e -> e.actor().startsWith("a user of")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.toString()).doesNotContain("bob"));
        assertThat(asAdmin).as("her own agency's entries in full").anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("tom");
            assertThat(e.target()).contains("own.lead@mail.test-cets.org");
            assertThat(e.reason()).isEqualTo("tom's tip");
        });

        List<AuditEntry> asAuditor = d.session("olive").auditEntries(100, null);
        assertThat(asAuditor).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("bob");
            assertThat(e.target()).contains("secret.lead@mail.test-cets.org");
            assertThat(e.reason()).isEqualTo("tip 8812 from the ring's forum");
        });
        // the same entries, the same chain: what is withheld is only not shown
        assertThat(asAdmin.stream().map(AuditEntry::hash).toList()).isSubsetOf(
                d.session("olive").auditEntries(200, null).stream().map(AuditEntry::hash).toList());

        assertThatThrownBy(() -> d.session("tom").auditEntries(10, null)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("administrators and auditors only");
        assertThatThrownBy(() -> d.session("bob").auditEntries(10, null)).isInstanceOf(AccessDeniedException.class);
    }

    /** A probe of one agency's record ids by another agency's user is that agency's business: its administrator reads it. */
    @ParameterizedTest
    @MethodSource("engines")
    void theOwningAgencysAdministratorReadsAProbeOfItsRecordIds(String engine, @TempDir Path dir) throws Exception {
        Deployment d = Deployment.init(TestDatabases.fresh(engine, dir.resolve("home")), "TPS", "Toronto Police Service", "CA", "alice");
        Session alice = d.session("alice");
        alice.addAgency("RCMP", "Royal Canadian Mounted Police", "CA");
        alice.addUser("bob", "RCMP", Set.of(Role.INVESTIGATOR), null);
        alice.createCase("C1", "TPS", "Buyers", Sharing.AGENCY, null);
        java.nio.file.Files.writeString(dir.resolve("n.jsonl"), "{\"kind\":\"note\",\"text\":\"one\"}\n{\"kind\":\"note\",\"text\":\"two\"}\n");
        alice.importFile("C1", "jsonl", dir.resolve("n.jsonl"), Session.ImportOptions.defaults());
        List<Long> ids = alice.records("C1", null, 10, null).stream().map(RecordView::id).toList();

        assertThatThrownBy(() -> d.session("bob").judge(ids.get(0), ids.get(1), true, "probing"))
                .isInstanceOf(NotFoundException.class);

        assertThat(alice.auditEntries(20, null)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("bob");
            assertThat(e.action()).isEqualTo("resolve.judge");
            assertThat(e.outcome()).isEqualTo("denied");
            assertThat(e.detail()).contains("TPS/C1");
        });
        // and the prober's own administrator does not learn from it which case holds those ids
        alice.addUser("ray", "RCMP", Set.of(Role.ADMIN), null);
        assertThat(d.session("ray").auditEntries(20, null)).filteredOn(e -> "resolve.judge".equals(e.action()))
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("bob");
                    assertThat(e.outcome()).isEqualTo("denied");
                    assertThat(e.toString()).doesNotContain("TPS/C1").doesNotContain("record " + ids.get(0) + " is in");
                    assertThat(e.detail()).startsWith("withheld: a case you may not read");
                });
    }
}
