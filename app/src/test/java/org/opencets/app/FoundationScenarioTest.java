package org.opencets.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencets.core.audit.AuditChain;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.formats.read.BadInputException;
import org.opencets.store.StoreConfig;
import org.opencets.store.TestDatabases;

/**
 * The foundation issue's "done means", as a new user would meet it, on every engine: set-up, three
 * imports that share an e-mail, a phone and a card across three agencies, look-ups that name the
 * other cases (pointers across agencies), alerts, and an audit log that detects an edited row.
 */
class FoundationScenarioTest {
    static final String CARD = "4556737586899855";

    static final String TRANSACTIONS = """
            transaction_id,date,amount,currency,merchant,card_number,cardholder_name,email,ip,phone
            T1,2024-03-01T10:00:00Z,29.99,USD,Hidden Gallery,4556 7375 8689 9855,John Smith,J.Smith+pics@GMail.com,81.2.69.160,+1 415 555 2671
            T2,2024-03-02T11:00:00Z,19.99,USD,Hidden Gallery,5105105105105100,Jane Roe,jane@example.com,10.0.0.1,
            T3,2024-03-03T12:00:00Z,9.99,EUR,Hidden Gallery,4929 1234 5678 9015,Ann Other,ann.other@mailbox.test,81.2.69.161,
            """;
    static final String MESSAGES = """
            {"kind":"message","time":"2024-04-01T20:00:00Z","platform":"irc","from":"darkstar","to":"bluebird","text":"mail me at jsmith@gmail.com or call +14155552671"}
            {"kind":"message","time":"2024-04-01T20:01:00Z","platform":"irc","from":"bluebird","to":"darkstar","text":"pay with 4556737586899855 ok"}
            """;
    static final String ARRESTS = """
            arrest_id,arrest_date,first_name,last_name,dob,phone,email,charges
            A1,2023-11-05,John,Smith,1980-02-03,+1 (415) 555-2671,J.Smith@gmail.com,163.1
            """;

    static Stream<String> engines() {
        return TestDatabases.engines().stream();
    }

    record World(Deployment d, Path dir, StoreConfig config) {
        Session as(String user) {
            return d.session(user);
        }
    }

    static World world(String engine, Path dir) throws IOException {
        StoreConfig config = TestDatabases.fresh(engine, dir.resolve("home"));
        Deployment d = Deployment.init(config, "TPS", "Toronto Police Service", "CA", "alice");
        Session admin = d.session("alice");
        admin.addAgency("RCMP", "Royal Canadian Mounted Police", "CA");
        admin.addAgency("MET", "Metropolitan Police", "GB");
        admin.addUser("bob", "RCMP", Set.of(Role.INVESTIGATOR), "+1 613 555 0100");
        admin.addUser("carol", "MET", Set.of(Role.INVESTIGATOR), "carol@met.example");
        admin.createCase("C1", "TPS", "Gallery buyers", Sharing.AGENCY, null);
        d.session("bob").createCase("C2", "RCMP", "IRC ring", Sharing.AGENCY, null);
        d.session("carol").createCase("C3", "MET", "Arrest", Sharing.AGENCY, null);
        Files.writeString(dir.resolve("tx.csv"), TRANSACTIONS);
        Files.writeString(dir.resolve("msgs.jsonl"), MESSAGES);
        Files.writeString(dir.resolve("arrests.csv"), ARRESTS);
        return new World(d, dir, config);
    }

    static void importAll(World w) {
        w.as("alice").importFile("C1", "transactions-csv", w.dir().resolve("tx.csv"), Session.ImportOptions.defaults());
        w.as("bob").importFile("C2", "jsonl", w.dir().resolve("msgs.jsonl"), Session.ImportOptions.defaults());
        w.as("carol").importFile("C3", "auto", w.dir().resolve("arrests.csv"), Session.ImportOptions.defaults());
    }

    @ParameterizedTest
    @MethodSource("engines")
    void sharedValuesLinkThreeAgenciesAndLookupsGivePointersAcrossAgencies(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        ImportReport tx = w.as("alice").importFile("C1", "transactions-csv", dir.resolve("tx.csv"), Session.ImportOptions.defaults());
        assertThat(tx.records()).isEqualTo(3);
        assertThat(tx.links()).isZero();
        assertThat(tx.evidenceSha256()).matches("[0-9a-f]{64}");

        ImportReport msgs = w.as("bob").importFile("C2", "jsonl", dir.resolve("msgs.jsonl"), Session.ImportOptions.defaults());
        assertThat(msgs.records()).isEqualTo(2);
        assertThat(msgs.links()).as("e-mail, phone and card shared with C1").isEqualTo(3);
        assertThat(msgs.alerts()).isEqualTo(2);

        ImportReport arrests = w.as("carol").importFile("C3", "auto", dir.resolve("arrests.csv"), Session.ImportOptions.defaults());
        assertThat(arrests.format()).isEqualTo("arrests-csv");
        assertThat(arrests.links()).as("phone and e-mail with C1 and C2").isEqualTo(4);

        // the e-mail, written three ways, is one identifier held by all three cases
        LookupResult email = w.as("carol").lookup("JSmith@gmail.com", null, "tip 8812");
        assertThat(email.seen()).isTrue();
        assertThat(email.cases()).extracting(h -> h.caseRef().qualified()).containsExactly("TPS/C1", "RCMP/C2", "MET/C3");
        LookupResult.Hit foreign = email.cases().get(0);
        assertThat(foreign.caseRef().shared()).isFalse();
        assertThat(foreign.caseRef().title()).as("a pointer carries no title").isNull();
        assertThat(foreign.mentions()).isNull();
        assertThat(foreign.caseRef().lead()).isEqualTo("alice");
        assertThat(email.cases().get(1).caseRef().leadContact()).isEqualTo("+1 613 555 0100");
        LookupResult.Hit own = email.cases().get(2);
        assertThat(own.caseRef().shared()).isTrue();
        assertThat(own.roles()).containsExactly("arrestee_email");

        LookupResult phone = w.as("bob").lookup("+1 415-555-2671", null, null);
        assertThat(phone.type()).isEqualTo("phone");
        assertThat(phone.cases()).hasSize(3);

        LookupResult card = w.as("alice").lookup("4556 7375 8689 9855", null, null);
        assertThat(card.type()).isEqualTo("card");
        assertThat(card.identifier()).isEqualTo("45567375…9855");
        assertThat(card.cases()).extracting(h -> h.caseRef().qualified()).containsExactly("TPS/C1", "RCMP/C2");
        assertThat(card.cases().get(1).caseRef().shared()).isFalse();

        // alerts: each case hears of the others; bob sees his own case's alerts, with pointers
        List<AlertView> bobs = w.as("bob").alerts(null, null);
        assertThat(bobs).isNotEmpty().allSatisfy(a -> assertThat(a.caseRef().qualified()).isEqualTo("RCMP/C2"));
        assertThat(bobs).extracting(a -> a.otherCase().qualified()).contains("TPS/C1", "MET/C3");
        assertThat(bobs).allSatisfy(a -> assertThat(a.otherCase().shared()).isFalse());

        // links: evidence names the identifier; the foreign side is a pointer without record or role
        List<LinkView> links = w.as("bob").links("C2", null);
        assertThat(links).extracting(LinkView::identifier)
                .contains("email:jsmith@gmail.com", "phone:+14155552671", "card:45567375…9855");
        LinkView first = links.get(0);
        assertThat(first.a().caseRef().qualified()).isEqualTo("TPS/C1");
        assertThat(first.a().record()).isNull();
        assertThat(first.b().record()).isNotNull();

        // need to know: bob may not list the links of a case he cannot read
        assertThatThrownBy(() -> w.as("bob").links("TPS/C1", null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> w.as("bob").importFile("TPS/C1", "jsonl", dir.resolve("msgs.jsonl"), Session.ImportOptions.defaults()))
                .isInstanceOf(AccessDeniedException.class);
        // and sharing a case with the network reveals it
        w.as("alice").setSharing("C1", Sharing.NETWORK);
        assertThat(w.as("bob").lookup("jsmith@gmail.com", null, null).cases().get(0).caseRef().shared()).isTrue();

        // the audit log is intact, and names every access
        AuditChain.Verdict v = w.as("alice").verifyAudit();
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(w.as("alice").auditEntries(500, null)).extracting(e -> e.action())
                .contains("import", "lookup", "links", "alerts", "case.create");
        // another agency's search reads in full only to an auditor (alice, an administrator, sees who and when)
        w.as("alice").addUser("olive", "TPS", Set.of(Role.AUDITOR), null);
        assertThat(w.as("olive").auditEntries(500, null)).filteredOn(e -> e.action().equals("lookup"))
                .extracting(e -> e.reason()).contains("tip 8812");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void auditVerifyFailsAfterOneRowIsEditedByHand(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        importAll(w);
        assertThat(w.as("alice").verifyAudit().intact()).isTrue();
        try (Connection c = DriverManager.getConnection(w.config().effectiveUrl()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit SET actor = 'mallory' WHERE seq = 3");
        }
        AuditChain.Verdict v = w.as("alice").verifyAudit();
        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("entry 3").contains("edited"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void auditVerifyDetectsRemovedAndReorderedEntries(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        importAll(w);
        try (Connection c = DriverManager.getConnection(w.config().effectiveUrl()); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM audit WHERE seq = 5");
        }
        assertThat(w.as("alice").verifyAudit().problems()).anySatisfy(p -> assertThat(p).contains("missing or reordered"));

        World w2 = world(engine, dir.resolve("second"));
        importAll(w2);
        long last;
        try (Connection c = DriverManager.getConnection(w2.config().effectiveUrl()); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT MAX(seq) FROM audit");
            rs.next();
            last = rs.getLong(1);
            s.executeUpdate("DELETE FROM audit WHERE seq = " + last);
        }
        assertThat(w2.as("alice").verifyAudit().problems()).anySatisfy(p -> assertThat(p).contains("removed from the end"));
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aBadRowFailsTheWholeFileAndStoresNothing(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, TRANSACTIONS + "T4,2024-03-04T10:00:00Z,5.00,USD,Hidden Gallery,4556737586899856,Bad Luhn,x@y.org,,\n");
        assertThatThrownBy(() -> w.as("alice").importFile("C1", "transactions-csv", bad, Session.ImportOptions.defaults()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.csv:5:")
                .hasMessageContaining("card_number")
                .hasMessageNotContaining("4556737586899856")
                .hasMessageNotContaining("455673758689985");
        CaseDetails c1 = w.as("alice").showCase("C1", null);
        assertThat(c1.records()).isEmpty();
        assertThat(c1.imports()).isEmpty();
        try (Stream<Path> files = Files.walk(w.d().home().resolve("evidence"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".cev"))).as("the failed file's evidence copy is removed").isEmpty();
        }
        assertThat(w.as("alice").auditEntries(100, null)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("import");
            assertThat(e.outcome()).isEqualTo("error");
        });
    }

    @ParameterizedTest
    @MethodSource("engines")
    void skipBadStoresTheRestAndReportsEveryRejectedRow(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, MESSAGES + "{\"kind\":\"message\",\"time\":\"2024-02-30T10:00:00Z\",\"platform\":\"irc\",\"from\":\"x\"}\n"
                + "{\"kind\":\"message\", truncated\n"
                + "{\"kind\":\"spaceship\"}\n");
        ImportReport r = w.as("bob").importFile("C2", "jsonl", bad, new Session.ImportOptions(true, null, null, "test"));
        assertThat(r.records()).isEqualTo(2);
        assertThat(r.rejected()).isEqualTo(3);
        assertThat(r.rejections()).extracting(ImportReport.Rejection::line).containsExactly(3L, 4L, 5L);
        assertThat(r.rejections().get(0).reason()).contains("time").contains("2024-02-30");
        assertThat(r.rejections().get(2).reason()).contains("spaceship");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theSameFileTwiceInOneCaseDuplicatesNothing(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        importAll(w);
        ImportReport again = w.as("bob").importFile("C2", "jsonl", dir.resolve("msgs.jsonl"), Session.ImportOptions.defaults());
        assertThat(again.duplicate()).isTrue();
        assertThat(again.records()).isZero();
        assertThat(w.as("bob").showCase("C2", null).records()).containsEntry("message", 2L);
        // a wrong option is reported even for a file imported already, never answered with "duplicate"
        assertThatThrownBy(() -> w.as("carol").importFile("C3", "auto", dir.resolve("arrests.csv"),
                new Session.ImportOptions(false, null, java.util.Map.of("mapping", dir.resolve("nosuch.map").toString()), null)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("nosuch.map");
        assertThatThrownBy(() -> w.as("carol").importFile("C3", "auto", dir.resolve("arrests.csv"),
                new Session.ImportOptions(false, null, java.util.Map.of("date-order", "xyz"), null)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("xyz");
        assertThatThrownBy(() -> w.as("carol").importFile("C3", "auto", dir.resolve("arrests.csv"),
                new Session.ImportOptions(false, null, java.util.Map.of("foo", "bar"), null)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("format arrests-csv takes no option 'foo'; it takes: date-order, decimal, delimiter, mapping");
    }

    @ParameterizedTest
    @MethodSource("engines")
    void theCardNumberReachesNeitherDatabaseNorEvidenceFilesNorAnyOutput(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        importAll(w);
        String grouped = "4556 7375 8689 9855";
        assertStoredNowhere(w, CARD, grouped);
        // results handed to front ends
        String shown = w.as("alice").lookup(grouped, null, null) + " " + w.as("alice").links(null, null)
                + " " + w.as("alice").alerts(null, null) + " " + w.as("alice").showCase("C1", null);
        assertThat(shown).doesNotContain(CARD).doesNotContain(grouped);
    }

    /** A synthetic Luhn-valid number: the body and its check digit. */
    static String withCheckDigit(String body) {
        for (char check = '0'; check <= '9'; check++) {
            String n = body + check;
            int sum = 0;
            for (int i = 0; i < n.length(); i++) {
                int d = n.charAt(n.length() - 1 - i) - '0';
                sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
            }
            if (sum % 10 == 0) {
                return n;
            }
        }
        throw new AssertionError("no check digit");
    }

    /** Neither spelling of the number is in any column of any table, nor in any file under CETS_HOME. */
    static void assertStoredNowhere(World w, String digits, String grouped) throws Exception {
        // every table, every column
        try (Connection c = DriverManager.getConnection(w.config().effectiveUrl()); Statement s = c.createStatement()) {
            for (String table : List.of("record", "identifier", "identifier_case", "link", "alert", "audit", "import_run",
                    "evidence", "case_file", "agency", "investigator")) {
                var rs = s.executeQuery("SELECT * FROM " + table);
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        String v = rs.getString(i);
                        if (v != null) {
                            assertThat(v.replaceAll("[ -]", "")).as(table).doesNotContain(digits);
                        }
                    }
                }
            }
        }
        // every file under CETS_HOME: database file, evidence store, keys, audit head
        try (Stream<Path> files = Files.walk(w.d().home())) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(text).as(p.toString()).doesNotContain(digits).doesNotContain(grouped);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("engines")
    void aCardNumberInAPlaceNoReaderExpectsIsMaskedToo(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        String card = withCheckDigit("455612340000999");
        String grouped = card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " " + card.substring(12);
        Files.writeString(dir.resolve("odd.jsonl"), String.join("\n",
                "{\"kind\":\"note\",\"text\":\"ok\",\"extra\":{\"nested\":\"" + card + "\"}}",
                "{\"kind\":\"note\",\"text\":\"ok\",\"tags\":[\"a\",\"" + grouped + "\"],\"ref\":" + card + "}",
                "{\"kind\":\"note\",\"text\":\"ok\",\"contact\":\"" + card + "@x.org\"}",
                "{\"kind\":\"note\",\"time\":\"" + card + "\",\"text\":\"bad time\"}",
                "{\"kind\":\"" + card + "\",\"text\":\"bad kind\"}") + "\n");
        Session alice = w.as("alice");
        alice.createCase("C4", "TPS", "Buyer of card " + grouped, Sharing.AGENCY, null);

        assertThatThrownBy(() -> alice.importFile("C4", "jsonl", dir.resolve("odd.jsonl"),
                new Session.ImportOptions(false, null, java.util.Map.of(), "tip about " + card)))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("odd.jsonl:4").doesNotContain(card));
        ImportReport r = alice.importFile("C4", "jsonl", dir.resolve("odd.jsonl"),
                new Session.ImportOptions(true, null, java.util.Map.of(), "tip about " + card));

        assertThat(r.records()).isEqualTo(3);
        assertThat(r.rejections()).extracting(ImportReport.Rejection::line).containsExactly(4L, 5L);
        assertThat(String.valueOf(r)).doesNotContain(card);
        assertThat(String.valueOf(alice.records("C4", null, 10, null)) + alice.cases() + alice.auditEntries(100, null))
                .doesNotContain(card).doesNotContain(grouped);
        assertThat(String.valueOf(alice.records("C4", null, 10, null))).contains(card.substring(0, 8) + "…" + card.substring(12));
        assertStoredNowhere(w, card, grouped);
        assertThatThrownBy(() -> alice.createCase(card, "TPS", "t", Sharing.AGENCY, null))
                .hasMessageContaining("may not hold a payment card number").satisfies(e -> assertThat(e.getMessage()).doesNotContain(card));
    }

    /**
     * Regression: a seized file named after the card it concerns put the number in clear in the
     * report (printed, and stored with the import), in {@code import_run.file_name}, in case show and
     * in the case export; only the audit entry masked it.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void aCardNumberInAFileNameIsMaskedWhereverTheNameGoes(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        String card = withCheckDigit("455612340000777");
        Path named = dir.resolve("pan " + card + ".jsonl");
        Files.writeString(named, "{\"kind\":\"note\",\"text\":\"seized list\"}\n");
        Session alice = w.as("alice");

        ImportReport r = alice.importFile("C1", "jsonl", named, Session.ImportOptions.defaults());

        String masked = card.substring(0, 8) + "…" + card.substring(12);
        assertThat(r.file()).endsWith("pan " + masked + ".jsonl").doesNotContain(card);
        assertThat(String.valueOf(alice.showCase("C1", null)) + alice.records("C1", null, 10, null))
                .contains("pan " + masked + ".jsonl").doesNotContain(card);
        ImportReport again = alice.importFile("C1", "jsonl", named, Session.ImportOptions.defaults());
        assertThat(again.duplicate()).isTrue();
        assertThat(String.valueOf(again)).doesNotContain(card);
        assertStoredNowhere(w, card, card);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void privateAddressesAndStoplistedValuesNeverLink(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        Files.writeString(dir.resolve("a.jsonl"), """
                {"kind":"note","text":"from 10.1.2.3 and jane@example.com and card 4111 1111 1111 1111"}
                """);
        Files.writeString(dir.resolve("b.jsonl"), """
                {"kind":"note","text":"also 10.1.2.3, jane@example.com, 4111111111111111"}
                """);
        w.as("alice").importFile("C1", "jsonl", dir.resolve("a.jsonl"), Session.ImportOptions.defaults());
        ImportReport r = w.as("bob").importFile("C2", "jsonl", dir.resolve("b.jsonl"), Session.ImportOptions.defaults());
        assertThat(r.links()).isZero();
        LookupResult ip = w.as("bob").lookup("10.1.2.3", null, null);
        assertThat(ip.correlatable()).isFalse();
        assertThat(ip.cases()).hasSize(2);
        assertThat(w.as("bob").lookup("jane@example.com", null, null).stoplisted()).isNotNull();
    }

    /**
     * Regression: a value put on the deployment's stoplist after it had linked cases kept its links,
     * unflagged, while look-up said it is never correlated. The links stay (they were made on what
     * was known), flagged with the entry that now matches, as links of a value become common are.
     */
    @ParameterizedTest
    @MethodSource("engines")
    void linksOfAValueStoplistedLaterAreFlaggedWithTheEntry(String engine, @TempDir Path dir) throws Exception {
        World w = world(engine, dir);
        importAll(w);
        List<LinkView> before = w.as("alice").links("C1", null);
        assertThat(before).isNotEmpty().allSatisfy(l -> assertThat(l.stoplisted()).isNull());
        LinkView emailLink = before.stream().filter(l -> l.identifier() != null && l.identifier().startsWith("email:"))
                .findFirst().orElseThrow();
        String address = emailLink.identifier().substring("email:".length());
        Files.writeString(w.config().home().resolve("stoplist.txt"), "email " + address + "   # shared mailbox of a hosting firm\n");

        List<LinkView> after = Deployment.open(w.config()).session("alice").links("C1", null);

        assertThat(after).hasSameSizeAs(before);
        assertThat(after).filteredOn(l -> emailLink.identifier().equals(l.identifier())).isNotEmpty()
                .allSatisfy(l -> assertThat(l.stoplisted()).contains("stoplist.txt line 1").contains("shared mailbox"));
        assertThat(after).filteredOn(l -> !emailLink.identifier().equals(l.identifier()))
                .isNotEmpty().allSatisfy(l -> assertThat(l.stoplisted()).isNull());
    }
}
