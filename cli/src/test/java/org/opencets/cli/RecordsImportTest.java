package org.opencets.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means" for payments, arrests and tips, as a new user meets it: a payments CSV, a
 * NIBRS XML submission and a tip JSON file each imported with {@code --format auto --json} into its
 * own case, the right number of records reported, and {@code cets lookup} finding the e-mail, phone,
 * account, merchant id and card in the right case only.
 */
class RecordsImportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static final String PAYMENTS = """
            Transaction ID;Txn Date;Txn Time;Amount;Currency;Merchant Name;MID;ARN;PAN;Cardholder Name;Customer Email;Customer IP;Customer Phone
            T-1;01.03.2024;14:05:09;1.234,50;EUR;Hidden Gallery Ltd;445012345678901;74987654321098765432109;4556 7375 8689 9855;John Smith;j.smith.pics@example.org;81.2.69.160;+1 415 555 2671
            T-2;02.03.2024;09:30;29,99 €;;Hidden Gallery Ltd;445012345678901;74987654321098765432110;455673******9855;J Smith;;;
            T-3;03.03.2024;23:59;12,00;EUR;Hidden Gallery Ltd;445012345678901;74987654321098765432111;5425233430109903;Jane Roe;jane.roe@example.net;81.2.69.161;
            """;

    static final String NIBRS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <nibrs:Submission xmlns:nibrs="http://fbi.gov/cjis/nibrs/4.2"
                xmlns:j="http://release.niem.gov/niem/domains/jxdm/5.2/"
                xmlns:nc="http://release.niem.gov/niem/niem-core/3.0/"
                xmlns:s="http://release.niem.gov/niem/structures/3.0/">
              <nibrs:Report>
                <nibrs:ReportHeader>
                  <nibrs:NIBRSReportCategoryCode>GROUP B ARREST REPORT</nibrs:NIBRSReportCategoryCode>
                  <nibrs:ReportActionCategoryCode>A</nibrs:ReportActionCategoryCode>
                  <nibrs:ReportingAgency><j:OrganizationAugmentation><j:OrganizationORIIdentification>
                    <nc:IdentificationID>ZZ0160000</nc:IdentificationID>
                  </j:OrganizationORIIdentification></j:OrganizationAugmentation></nibrs:ReportingAgency>
                </nibrs:ReportHeader>
                <nc:Person s:id="P1">
                  <nc:PersonName><nc:PersonGivenName>John</nc:PersonGivenName><nc:PersonSurName>Smith</nc:PersonSurName></nc:PersonName>
                  <nc:PersonBirthDate><nc:Date>1980-02-03</nc:Date></nc:PersonBirthDate>
                  <j:PersonSexCode>M</j:PersonSexCode>
                </nc:Person>
                <nc:Person s:id="P2"><nc:PersonAgeMeasure><nc:MeasureIntegerValue>29</nc:MeasureIntegerValue></nc:PersonAgeMeasure></nc:Person>
                <j:Arrestee s:id="A1"><nc:RoleOfPerson s:ref="P1"/><j:ArrestSequenceID>1</j:ArrestSequenceID></j:Arrestee>
                <j:Arrestee s:id="A2"><nc:RoleOfPerson s:ref="P2"/><j:ArrestSequenceID>2</j:ArrestSequenceID></j:Arrestee>
                <j:Arrest s:id="R1">
                  <nc:ActivityIdentification><nc:IdentificationID>ATN-1</nc:IdentificationID></nc:ActivityIdentification>
                  <nc:ActivityDate><nc:Date>2024-03-20</nc:Date></nc:ActivityDate>
                  <j:ArrestCharge><nibrs:ChargeUCRCode>370</nibrs:ChargeUCRCode></j:ArrestCharge>
                </j:Arrest>
                <j:ArrestSubjectAssociation><nc:Activity s:ref="R1"/><j:Subject s:ref="A1"/></j:ArrestSubjectAssociation>
                <j:ArrestSubjectAssociation><nc:Activity s:ref="R1"/><j:Subject s:ref="A2"/></j:ArrestSubjectAssociation>
              </nibrs:Report>
            </nibrs:Submission>
            """;

    static final String TIPS = """
            {"tip_format": "opencets-tip/1",
             "reports": [
              {"report_id": "EC-1", "reporting_esp": {"name": "ExampleChat", "platform": "examplechat"},
               "incident": {"type": "apparent CSAM", "time": "2024-05-01T22:10:00Z"},
               "reported_persons": [{"screen_names": ["darkstar_77"], "emails": ["darkstar77@example.org"],
                                     "phones": ["+1 415 555 2673"],
                                     "ip_events": [{"ip": "81.2.69.170", "time": "2024-05-01T22:09:12Z", "port": 51234, "event": "login"}]}],
               "uploaded_files": [{"name": "a.jpg", "md5": "0cc175b9c0f1b6a831c399e269772661"}]},
              {"report_id": "EC-2", "reporting_esp": {"name": "ExampleChat", "platform": "examplechat"},
               "reported_persons": [{"user_ids": ["884213"]}], "additional_info": "paid with card 4556 7375 8689 9855, e-mail j.smith.pics@example.org"}
             ]}
            """;

    @TempDir
    Path dir;

    CetsRun cets(String... args) {
        return CetsRun.in(dir.resolve("home"), args);
    }

    @BeforeEach
    void deployment() {
        assertThat(cets("init", "--agency", "TPS", "--name", "Toronto Police", "--region", "CA", "--admin", "alice").code()).isZero();
        for (String c : new String[] {"PAY", "ARR", "TIP"}) {
            CetsRun r = cets("case", "create", c, "--agency", "TPS", "--title", c);
            assertThat(r.code()).as(r.err()).isZero();
        }
    }

    JsonNode importAuto(String caseNumber, String fileName, String content) throws Exception {
        Path f = dir.resolve(fileName);
        Files.writeString(f, content);
        CetsRun r = cets("import", "--case", caseNumber, "--format", "auto", f.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    /** The case numbers a look-up names. */
    List<String> casesOf(String... lookup) throws Exception {
        String[] args = new String[lookup.length + 2];
        args[0] = "lookup";
        System.arraycopy(lookup, 0, args, 1, lookup.length);
        args[args.length - 1] = "--json";
        CetsRun r = cets(args);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("4556737586899855");
        List<String> cases = new ArrayList<>();
        JsonNode hits = JSON.readTree(r.out()).path("cases");
        for (JsonNode h : hits) {
            cases.add(h.path("case").path("case_number").asText());
        }
        return cases;
    }

    @Test
    void paymentsArrestsAndTipsImportAndTheirIdentifiersAreFoundInTheirCases() throws Exception {
        JsonNode payments = importAuto("PAY", "returns.txt", PAYMENTS);
        assertThat(payments.get("format").asText()).isEqualTo("transactions-csv");
        assertThat(payments.get("records").asInt()).isEqualTo(3);
        assertThat(payments.get("rejected").asInt()).isZero();

        JsonNode arrests = importAuto("ARR", "submission.dat", NIBRS);
        assertThat(arrests.get("format").asText()).isEqualTo("nibrs-xml");
        assertThat(arrests.get("records").asInt()).isEqualTo(2);

        JsonNode tips = importAuto("TIP", "cybertips.json", TIPS);
        assertThat(tips.get("format").asText()).isEqualTo("tip-json");
        assertThat(tips.get("records").asInt()).isEqualTo(2);
        assertThat(tips.get("links").asInt()).as("the tip's free text names the buyer's card").isPositive();

        assertThat(casesOf("4556-7375-8689-9855")).containsExactly("PAY", "TIP");
        assertThat(casesOf("5425233430109903")).containsExactly("PAY");
        assertThat(casesOf("+1 (415) 555-2671")).containsExactly("PAY");
        assertThat(casesOf("merchant-id:445012345678901", "--type", "account")).containsExactly("PAY");
        assertThat(casesOf("darkstar77@example.org")).containsExactly("TIP");
        assertThat(casesOf("+14155552673")).containsExactly("TIP");
        assertThat(casesOf("examplechat:darkstar_77", "--type", "account")).containsExactly("TIP");
        assertThat(casesOf("examplechat:884213", "--type", "account")).containsExactly("TIP");
        assertThat(casesOf("md5:0cc175b9c0f1b6a831c399e269772661")).containsExactly("TIP");
        assertThat(casesOf("81.2.69.170")).containsExactly("TIP");
        assertThat(casesOf("j.smith.pics@example.org")).containsExactly("PAY", "TIP");
        assertThat(casesOf("nobody@example.org")).isEmpty();

        CetsRun text = cets("lookup", "4556737586899855");
        assertThat(text.out()).contains("TPS/PAY").contains("TPS/TIP").doesNotContain("4556737586899855");
    }

    @Test
    void aWrongFormatNamesTheLikelyOne() throws Exception {
        Path f = dir.resolve("tips.json");
        Files.writeString(f, TIPS);
        CetsRun r = cets("import", "--case", "TIP", "--format", "nibrs-xml", f.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("looks like tip-json");
        Path x = dir.resolve("arrests.xml");
        Files.writeString(x, NIBRS);
        assertThat(cets("import", "--case", "ARR", "--format", "transactions-csv", x.toString()).err())
                .contains("looks like nibrs-xml");
    }
}
