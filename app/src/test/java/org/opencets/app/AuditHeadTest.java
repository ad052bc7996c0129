package org.opencets.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencets.core.audit.AuditChain;
import org.opencets.store.StoreConfig;
import org.opencets.store.StoreException;
import org.opencets.store.TestDatabases;

/**
 * Regression: entries cut off the end of the audit log went unseen when {@code audit.head} was
 * deleted too, because {@code cets audit verify} (and every other command) silently wrote a new
 * head. A head once written and then missing now fails verification and is never re-created.
 */
class AuditHeadTest {

    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    /** A new store with {@code entries} audit entries: init, then agencies added. */
    private static StoreConfig storeWith(String engine, Path dir, int entries) {
        StoreConfig config = TestDatabases.fresh(engine, dir.resolve("home"));
        Deployment d = Deployment.init(config, "TPS", "Toronto Police Service", "CA", "alice");
        for (int i = 2; i <= entries; i++) {
            d.session("alice").addAgency("A" + i, "Agency " + i, "CA");
        }
        assertThat(d.audit().entries(1000, null)).hasSize(entries);
        return config;
    }

    private static Path head(StoreConfig config) {
        return config.home().resolve("audit.head");
    }

    private static void deleteFromSeq(StoreConfig config, long seq) {
        Deployment d = Deployment.open(config);
        d.db().jdbi().useHandle(h -> h.execute("DELETE FROM audit WHERE seq >= ?", seq));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aFreshStoreVerifies(String engine, @TempDir Path dir) {
        StoreConfig config = TestDatabases.fresh(engine, dir.resolve("home"));
        Deployment created = Deployment.init(config, "TPS", "Toronto Police Service", "CA", "alice");
        assertThat(head(config)).exists();
        AuditChain.Verdict first = created.session("alice").verifyAudit();
        assertThat(first.problems()).isEmpty();
        assertThat(first.entries()).isEqualTo(1);
        // and in a later process
        AuditChain.Verdict again = Deployment.open(config).session("alice").verifyAudit();
        assertThat(again.problems()).isEmpty();
        assertThat(again.entries()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void entriesCutFromTheEndWithTheHeadDeletedFailVerification(String engine, @TempDir Path dir) throws Exception {
        StoreConfig config = storeWith(engine, dir, 12);
        deleteFromSeq(config, 10);
        Files.delete(head(config));

        AuditChain.Verdict v = Deployment.open(config).session("alice").verifyAudit();

        assertThat(v.intact()).isFalse();
        assertThat(v.entries()).isEqualTo(9);
        assertThat(v.problems()).singleElement().asString()
                .contains(head(config).toString()).contains("missing").doesNotContain("\n");
        assertThat(head(config)).doesNotExist();
        // the failed check is itself on record, and the next one fails the same way
        Deployment d = Deployment.open(config);
        assertThat(d.audit().entries(1, null)).singleElement()
                .satisfies(e -> assertThat(e.action() + " " + e.outcome()).isEqualTo("audit.verify error"));
        assertThat(d.session("alice").verifyAudit().intact()).isFalse();
        assertThat(head(config)).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aDeletedHeadFailsVerificationOfAnIntactLog(String engine, @TempDir Path dir) throws Exception {
        StoreConfig config = storeWith(engine, dir, 3);
        Files.delete(head(config));

        AuditChain.Verdict v = Deployment.open(config).session("alice").verifyAudit();

        assertThat(v.entries()).isEqualTo(3);
        assertThat(v.problems()).singleElement().asString().contains(head(config).toString()).contains("missing");
        assertThat(head(config)).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void withTheHeadMissingOrdinaryCommandsAreRefusedAndTheRefusalRecorded(String engine, @TempDir Path dir)
            throws Exception {
        StoreConfig config = storeWith(engine, dir, 3);
        Files.delete(head(config));
        Deployment d = Deployment.open(config);

        assertThatThrownBy(() -> d.session("alice").addAgency("RCMP", "Royal Canadian Mounted Police", "CA"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(head(config).toString())
                .hasMessageContaining("'cets audit verify'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        assertThat(head(config)).doesNotExist();
        var last = d.audit().entries(1, null).get(0);
        assertThat(last.seq()).isEqualTo(4);
        assertThat(last.action()).isEqualTo("agency.add");
        assertThat(last.outcome()).isEqualTo("error");
        // refused before the work: the agency was not added
        assertThat(d.directory().agency("RCMP")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aRestoredHeadChecksTheEntryItNamesAfterTheLogGrewPastIt(String engine, @TempDir Path dir) throws Exception {
        StoreConfig config = storeWith(engine, dir, 12);
        Path backup = dir.resolve("audit.head.backup");
        Files.copy(head(config), backup);
        deleteFromSeq(config, 10);
        Files.delete(head(config));
        // failed checks are recorded while the head is missing: the log grows to 13 entries
        for (int i = 0; i < 4; i++) {
            Deployment.open(config).session("alice").verifyAudit();
        }
        Files.copy(backup, head(config));

        AuditChain.Verdict v = Deployment.open(config).session("alice").verifyAudit();

        assertThat(v.entries()).isEqualTo(13);
        assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("entry 12 is not the one that was written"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aHeadRestoredFromBackupLetsTheStoreWorkAgain(String engine, @TempDir Path dir) throws Exception {
        StoreConfig config = storeWith(engine, dir, 3);
        Path backup = dir.resolve("audit.head.backup");
        Files.copy(head(config), backup);
        Files.delete(head(config));
        assertThat(Deployment.open(config).session("alice").verifyAudit().intact()).isFalse();
        Files.copy(backup, head(config));

        Deployment d = Deployment.open(config);
        d.session("alice").addAgency("RCMP", "Royal Canadian Mounted Police", "CA");
        AuditChain.Verdict v = d.session("alice").verifyAudit();

        assertThat(v.problems()).isEmpty();
        assertThat(v.entries()).isEqualTo(5);
        assertThat(Files.readString(head(config))).startsWith("6 ");
    }

    /**
     * Regression: with entries cut from the end and the head left in place, the next commands wrote
     * a new head over the old one as soon as the log had grown back past it, and verification then
     * passed. The head is now compared with the log first: commands are refused, their refusals
     * recorded, and the head kept as evidence, however many commands follow.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void entriesCutFromTheEndStayDetectedHoweverManyCommandsFollow(String engine, @TempDir Path dir) throws Exception {
        StoreConfig config = storeWith(engine, dir, 12);
        String headBefore = Files.readString(head(config));
        deleteFromSeq(config, 10);

        for (int i = 0; i < 6; i++) {
            Deployment d = Deployment.open(config);
            String code = "X" + i;
            assertThatThrownBy(() -> d.session("alice").addAgency(code, "Agency " + code, "CA"))
                    .isInstanceOf(StoreException.class)
                    // until the refusals fill seq 10 to 12 again, entry 12 is gone; then it is another one
                    .hasMessageContaining(i < 3 ? "names entry 12, which the log no longer has"
                            : "names another entry 12 than the log holds")
                    .hasMessageContaining("restore " + head(config))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            assertThat(d.directory().agency(code)).as("refused before the work").isEmpty();
        }

        assertThat(Files.readString(head(config))).as("the head is evidence, not overwritten").isEqualTo(headBefore);
        Deployment d = Deployment.open(config);
        AuditChain.Verdict v = d.session("alice").verifyAudit();
        assertThat(v.intact()).isFalse();
        assertThat(v.entries()).as("9 left and 6 refusals; the check records itself after").isEqualTo(15);
        assertThat(d.audit().entries(7, null)).extracting(e -> e.action() + " " + e.outcome())
                .containsExactly("agency.add error", "agency.add error", "agency.add error", "agency.add error",
                        "agency.add error", "agency.add error", "audit.verify error");
        assertThat(Files.readString(head(config))).isEqualTo(headBefore);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aDamagedHeadIsNeitherTrustedNorOverwritten(String engine, @TempDir Path dir) throws Exception {
        StoreConfig config = storeWith(engine, dir, 3);
        Files.writeString(head(config), "x\n");
        Deployment d = Deployment.open(config);

        assertThatThrownBy(() -> d.session("alice").addAgency("RCMP", "Royal Canadian Mounted Police", "CA"))
                .isInstanceOf(StoreException.class).hasMessageContaining("unreadable or damaged");

        assertThat(Files.readString(head(config))).isEqualTo("x\n");
        assertThat(d.session("alice").verifyAudit().intact()).isFalse();
        assertThat(Files.readString(head(config))).isEqualTo("x\n");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aHeadNamingAnotherHashThanTheLogsEntryIsRefused(String engine, @TempDir Path dir) throws Exception {
        StoreConfig config = storeWith(engine, dir, 3);
        Files.writeString(head(config), "3 " + "0".repeat(64) + "\n");
        Deployment d = Deployment.open(config);

        assertThatThrownBy(() -> d.session("alice").addAgency("RCMP", "Royal Canadian Mounted Police", "CA"))
                .isInstanceOf(StoreException.class).hasMessageContaining("names another entry 3 than the log holds");
        assertThat(d.directory().agency("RCMP")).isEmpty();
    }
}
