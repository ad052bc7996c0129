package org.opencets.store.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.opencets.core.cases.Agency;
import org.opencets.core.cases.CaseFile;
import org.opencets.core.cases.Investigator;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.store.StoreException;
import org.opencets.store.sql.Database;

/** Agencies, investigators and cases. */
public final class Directory {
    private static final String CASE_SELECT = """
            SELECT c.id, c.number, c.title, c.sharing, c.created_at,
                   a.id AS a_id, a.code AS a_code, a.name AS a_name, a.region AS a_region,
                   u.id AS u_id, u.name AS u_name, u.roles AS u_roles, u.contact AS u_contact,
                   ua.id AS ua_id, ua.code AS ua_code, ua.name AS ua_name, ua.region AS ua_region
            FROM case_file c
            JOIN agency a ON a.id = c.agency_id
            JOIN investigator u ON u.id = c.lead_id
            JOIN agency ua ON ua.id = u.agency_id
            """;

    private final Database db;

    public Directory(Database db) {
        this.db = db;
    }

    /**
     * Refuses a name that is itself a card number: it identifies a row, so it cannot be masked, and
     * stored whole it would put the number in the database and on every listing. The message does not
     * repeat the value.
     */
    private static void refuseCard(String what, String value) {
        if (value != null && !TextExtractor.redactCards(value).equals(value)) {
            throw new StoreException(what + " may not hold a payment card number; choose another");
        }
    }

    public Agency addAgency(String code, String agencyName, String region) {
        refuseCard("an agency code", code);
        if (!code.matches("[A-Z0-9][A-Z0-9_-]{0,31}")) {
            throw new StoreException("agency code '" + code + "' must be 1-32 capital letters, digits, '-' or '_'");
        }
        String name = TextExtractor.redactCards(agencyName); // typed free text: no whole card number kept
        if (agency(code).isPresent()) {
            throw new StoreException("agency " + code + " already exists");
        }
        long id = db.inWriteTransaction(h -> h.createUpdate(
                        "INSERT INTO agency(code, name, region, created_at) VALUES (?, ?, ?, ?)")
                .bind(0, code).bind(1, name).bind(2, region).bind(3, Instant.now().toString())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Agency(id, code, name, region);
    }

    public Optional<Agency> agency(String code) {
        return db.read(h -> h.createQuery("SELECT id, code, name, region FROM agency WHERE code = ?")
                .bind(0, code).map((rs, ctx) -> agency(rs, "")).findOne());
    }

    public List<Agency> agencies() {
        return db.read(h -> h.createQuery("SELECT id, code, name, region FROM agency ORDER BY code")
                .map((rs, ctx) -> agency(rs, "")).list());
    }

    public Investigator addInvestigator(String name, Agency agency, Set<Role> roles, String contactGiven) {
        refuseCard("a user name", name);
        String contact = TextExtractor.redactCards(contactGiven);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")) {
            throw new StoreException("user name '" + name + "' must be 1-64 letters, digits, '.', '_', '@' or '-'");
        }
        if (investigator(name).isPresent()) {
            throw new StoreException("user " + name + " already exists");
        }
        String roleText = roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
        long id = db.inWriteTransaction(h -> h.createUpdate(
                        "INSERT INTO investigator(name, agency_id, roles, contact, created_at) VALUES (?, ?, ?, ?, ?)")
                .bind(0, name).bind(1, agency.id()).bind(2, roleText).bind(3, contact).bind(4, Instant.now().toString())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Investigator(id, name, agency, roles, contact);
    }

    public Optional<Investigator> investigator(String name) {
        return db.read(h -> h.createQuery("""
                        SELECT u.id AS u_id, u.name AS u_name, u.roles AS u_roles, u.contact AS u_contact,
                               a.id AS ua_id, a.code AS ua_code, a.name AS ua_name, a.region AS ua_region
                        FROM investigator u JOIN agency a ON a.id = u.agency_id WHERE u.name = ?""")
                .bind(0, name).map((rs, ctx) -> investigator(rs)).findOne());
    }

    public List<Investigator> investigators() {
        return db.read(h -> h.createQuery("""
                        SELECT u.id AS u_id, u.name AS u_name, u.roles AS u_roles, u.contact AS u_contact,
                               a.id AS ua_id, a.code AS ua_code, a.name AS ua_name, a.region AS ua_region
                        FROM investigator u JOIN agency a ON a.id = u.agency_id ORDER BY a.code, u.name""")
                .map((rs, ctx) -> investigator(rs)).list());
    }

    public CaseFile createCase(String number, String titleGiven, Agency agency, Sharing sharing, Investigator lead) {
        refuseCard("a case number", number);
        String title = TextExtractor.redactCards(titleGiven); // "buyer of card …" is a natural title
        if (!number.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
            throw new StoreException("case number '" + number + "' must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        if (byAgencyAndNumber(agency.code(), number).isPresent()) {
            throw new StoreException("case " + agency.code() + "/" + number + " already exists");
        }
        String now = Instant.now().toString();
        long id = db.inWriteTransaction(h -> h.createUpdate("""
                        INSERT INTO case_file(agency_id, number, title, sharing, lead_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .bind(0, agency.id()).bind(1, number).bind(2, title).bind(3, sharing.code()).bind(4, lead.id())
                .bind(5, now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new CaseFile(id, number, title, agency, sharing, lead, now);
    }

    public Optional<CaseFile> byAgencyAndNumber(String agencyCode, String number) {
        return db.read(h -> h.createQuery(CASE_SELECT + " WHERE a.code = ? AND c.number = ?")
                .bind(0, agencyCode).bind(1, number).map((rs, ctx) -> caseFile(rs)).findOne());
    }

    /** Every case with this number, in any agency. */
    public List<CaseFile> byNumber(String number) {
        return db.read(h -> h.createQuery(CASE_SELECT + " WHERE c.number = ? ORDER BY a.code")
                .bind(0, number).map((rs, ctx) -> caseFile(rs)).list());
    }

    public Optional<CaseFile> caseById(long id) {
        return db.read(h -> caseById(h, id));
    }

    public static Optional<CaseFile> caseById(Handle h, long id) {
        return h.createQuery(CASE_SELECT + " WHERE c.id = ?").bind(0, id).map((rs, ctx) -> caseFile(rs)).findOne();
    }

    public List<CaseFile> cases() {
        return db.read(h -> h.createQuery(CASE_SELECT + " ORDER BY a.code, c.number").map((rs, ctx) -> caseFile(rs)).list());
    }

    public void setSharing(CaseFile c, Sharing sharing) {
        db.inWriteTransaction(h -> h.execute("UPDATE case_file SET sharing = ? WHERE id = ?", sharing.code(), c.id()));
    }

    private static Agency agency(ResultSet rs, String prefix) throws SQLException {
        return new Agency(rs.getLong(prefix + "id"), rs.getString(prefix + "code"), rs.getString(prefix + "name"),
                rs.getString(prefix + "region"));
    }

    private static Investigator investigator(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("u_roles").split(",")).filter(s -> !s.isBlank()).map(Role::fromCode).forEach(roles::add);
        return new Investigator(rs.getLong("u_id"), rs.getString("u_name"), agency(rs, "ua_"), roles,
                rs.getString("u_contact"));
    }

    private static CaseFile caseFile(ResultSet rs) throws SQLException {
        return new CaseFile(rs.getLong("id"), rs.getString("number"), rs.getString("title"), agency(rs, "a_"),
                Sharing.fromCode(rs.getString("sharing")), investigator(rs), rs.getString("created_at"));
    }
}
