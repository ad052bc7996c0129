package org.opencets.bench.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencets.app.Deployment;
import org.opencets.app.Session;
import org.opencets.core.cases.Role;
import org.opencets.core.cases.Sharing;
import org.opencets.store.StoreConfig;
import org.opencets.store.sql.Database;

/**
 * {@code SqliteWriteFloor --shape import-rows}: the rows an import of {@link ImportBenchmark}'s
 * transactions writes, and nothing else, timed on the store's own schema and settings.
 *
 * <p>Files of a million records, each into a case of its own, one transaction each (as the import
 * does). Per chunk of 20,000 records, as {@code store/ingest/Ingest} writes them: the new
 * identifiers sorted by type and value ({@code INSERT … ON CONFLICT (type, value) DO NOTHING}), the
 * records appended with their JSON and mentions, the per-case summaries in identifier order. All
 * strings are made before each chunk's clock starts.
 */
final class ImportRowsFloor {
    private static final int FILE = 1_000_000;
    private static final int CHUNK = 20_000;
    private static final int BATCH = 5_000;

    private ImportRowsFloor() {
    }

    private record IdRow(String type, String value, String display, String role, int mentions, long firstRecord) {
    }

    static void run(Path dir, int rows) throws IOException, SQLException {
        Path home = dir.resolve("import-rows-home");
        if (Files.exists(home)) {
            throw new IllegalArgumentException(home + " exists; give an empty --dir");
        }
        Deployment d = Deployment.init(StoreConfig.embedded(home), "BENCH", "Benchmark agency", "US", "admin");
        Session s = d.session("admin");
        s.addUser("analyst", "BENCH", Set.of(Role.INVESTIGATOR), null);
        Database db = Database.open(StoreConfig.embedded(home));
        System.out.printf(Locale.ROOT, "# import rows floor: %,d records in files of %,d; JDK %s%n", rows, FILE, Runtime.version());
        long totalNanos = 0;
        long[] parts = new long[4]; // identifiers, records, summaries, commit
        long nextIdentifier = 1;
        long nextRecord = 1;
        for (int file = 0; file * (long) FILE < rows; file++) {
            String number = "F" + file;
            s.createCase(number, "BENCH", "floor " + file, Sharing.AGENCY, null);
            int first = file * FILE;
            int n = Math.min(FILE, rows - first);
            long[] state = {nextIdentifier, nextRecord, 0};
            db.inWriteTransaction(h -> {
                long caseId = h.createQuery("SELECT id FROM case_file WHERE number = ?").bind(0, number).mapTo(Long.class).one();
                String sha = "%064x".formatted(caseId);
                h.execute("INSERT INTO evidence(sha256, size, stored_at) VALUES (?, 1, '2026-11-21T00:00:00Z')", sha);
                long user = h.createQuery("SELECT id FROM investigator WHERE name = 'admin'").mapTo(Long.class).one();
                long importId = h.createUpdate("""
                                INSERT INTO import_run(case_id, evidence_sha256, file_name, format, imported_by, imported_at,
                                                       reason, records, rejected, identifiers, links, alerts, report)
                                VALUES (?, ?, 'floor.csv', 'transactions-csv', ?, '2026-11-21T00:00:00Z', NULL, 0, 0, 0, 0, 0, '{}')""")
                        .bind(0, caseId).bind(1, sha).bind(2, user).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                try {
                    state[2] = writeFile(h.getConnection(), caseId, importId, first, n, state, parts);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            long fileNanos = state[2];
            nextIdentifier = state[0];
            nextRecord = state[1];
            totalNanos += fileNanos;
            System.out.printf(Locale.ROOT, "file %3d: %,10d records, writes %.1f s = %,9.0f records/s (%.2f µs per record)%n",
                    file + 1, n, fileNanos / 1e9, n / (fileNanos / 1e9), fileNanos / 1e3 / n);
        }
        System.out.printf(Locale.ROOT, "all: %,d records, writes %.1f s = %,.0f records/s (%.2f µs per record)%n",
                rows, totalNanos / 1e9, rows / (totalNanos / 1e9), totalNanos / 1e3 / rows);
        System.out.printf(Locale.ROOT, "µs per record: identifiers %.2f, records %.2f, summaries %.2f, commit %.2f%n",
                parts[0] / 1e3 / rows, parts[1] / 1e3 / rows, parts[2] / 1e3 / rows, parts[3] / 1e3 / rows);
    }

    /** Writes one file's rows and commits; returns the nanoseconds spent in the JDBC calls and the commit. */
    private static long writeFile(Connection c, long caseId, long importId, int first, int n, long[] state, long[] parts) throws SQLException {
        long nanos = 0;
        try (PreparedStatement identifier = c.prepareStatement("""
                     INSERT INTO identifier(id, type, value, display, correlatable, common) VALUES (?,?,?,?,1,0)
                     ON CONFLICT (type, value) DO NOTHING""");
             PreparedStatement record = c.prepareStatement("""
                     INSERT INTO record(id, case_id, import_id, kind, line, byte_offset, occurred_at, data, mentions)
                     VALUES (?,?,?,'transaction',?,-1,?,?,?)""");
             PreparedStatement holding = c.prepareStatement("""
                     INSERT INTO identifier_case(identifier_id, case_id, mentions, first_record, first_role, roles, spellings)
                     VALUES (?,?,?,?,?,?,NULL)""")) {
            MessageDigest sha = sha256();
            for (int start = 0; start < n; start += CHUNK) {
                int m = Math.min(CHUNK, n - start);
                // everything the chunk writes, made before the clock starts
                List<IdRow> fresh = new ArrayList<>();
                long[][] mentionIds = new long[m][4];
                String[] data = new String[m];
                String[] time = new String[m];
                for (int j = 0; j < m; j++) {
                    long i = first + start + j;
                    long recordId = state[1] + j;
                    String card = HexFormat.of().formatHex(sha.digest(("card" + i / 3).getBytes(StandardCharsets.UTF_8)));
                    String email = "buyer" + i / 2 + "@mail" + (i / 2) % 97 + ".test-bench.net";
                    long ipn = i / 5;
                    String ip = "81." + (2 + (ipn >> 16) % 200) + "." + ((ipn >> 8) & 255) + "." + (ipn & 255);
                    String phone = "+1415" + (2_000_000 + i % 8_000_000);
                    if (i % 3 == 0 || j == 0) {
                        fresh.add(new IdRow("card_number", card, "490000…" + i % 10_000, "buyer_card", 3, recordId));
                    }
                    if (i % 2 == 0 || j == 0) {
                        fresh.add(new IdRow("email", email, email, "buyer_email", 2, recordId));
                    }
                    if (i % 5 == 0 || j == 0) {
                        fresh.add(new IdRow("ip", ip, ip, "buyer_ip", 5, recordId));
                    }
                    fresh.add(new IdRow("phone", phone, phone, "buyer_phone", 1, recordId));
                    time[j] = "2024-%02d-%02dT%02d:%02d:00Z".formatted(1 + i % 12, 1 + i % 28, i % 24, i % 60);
                    data[j] = "{\"card\":\"49000000…" + i % 10_000 + "\",\"currency\":\"USD\",\"amount\":\"" + (5 + i % 95)
                            + ".99\",\"ip\":\"" + ip + "\",\"time\":\"" + time[j] + "\",\"email\":\"" + email
                            + "\",\"phone\":\"" + phone + "\",\"id\":\"T" + i + "\",\"card_bin\":\"490000\",\"merchant\":"
                            + "\"Synthetic Merchant " + i % 50 + "\",\"cardholder_name\":\"Buyer " + i
                            + "\",\"card_last4\":\"" + i % 10_000 + "\"}";
                }
                fresh.sort(Comparator.comparing(IdRow::type).thenComparing(IdRow::value));
                long[] ids = new long[fresh.size()];
                java.util.Map<String, Long> idOf = new java.util.HashMap<>();
                for (int k = 0; k < ids.length; k++) {
                    ids[k] = state[0] + k;
                    idOf.put(fresh.get(k).type() + fresh.get(k).value(), ids[k]);
                }
                String[] mentions = new String[m];
                for (int j = 0; j < m; j++) {
                    long i = first + start + j;
                    String card = HexFormat.of().formatHex(sha.digest(("card" + i / 3).getBytes(StandardCharsets.UTF_8)));
                    String email = "buyer" + i / 2 + "@mail" + (i / 2) % 97 + ".test-bench.net";
                    long ipn = i / 5;
                    String ip = "81." + (2 + (ipn >> 16) % 200) + "." + ((ipn >> 8) & 255) + "." + (ipn & 255);
                    String phone = "+1415" + (2_000_000 + i % 8_000_000);
                    mentions[j] = "[[" + idOf.get("card_number" + card) + ",\"buyer_card\",\"card_number\",-1,-1],["
                            + idOf.get("email" + email) + ",\"buyer_email\",\"email\",-1,-1],["
                            + idOf.get("ip" + ip) + ",\"buyer_ip\",\"ip\",-1,-1],["
                            + idOf.get("phone" + phone) + ",\"buyer_phone\",\"phone\",-1,-1,\"" + phone + "\"]]";
                }

                long t0 = System.nanoTime();
                for (int k = 0; k < ids.length; k++) {
                    IdRow r = fresh.get(k);
                    identifier.setLong(1, ids[k]);
                    identifier.setString(2, r.type());
                    identifier.setString(3, r.value());
                    identifier.setString(4, r.display());
                    identifier.addBatch();
                    if (k % BATCH == BATCH - 1) {
                        identifier.executeBatch();
                    }
                }
                identifier.executeBatch();
                long t1 = System.nanoTime();
                parts[0] += t1 - t0;
                for (int j = 0; j < m; j++) {
                    record.setLong(1, state[1] + j);
                    record.setLong(2, caseId);
                    record.setLong(3, importId);
                    record.setLong(4, first + start + j + 2L);
                    record.setString(5, time[j]);
                    record.setString(6, data[j]);
                    record.setString(7, mentions[j]);
                    record.addBatch();
                    if (j % BATCH == BATCH - 1) {
                        record.executeBatch();
                    }
                }
                record.executeBatch();
                long t2 = System.nanoTime();
                parts[1] += t2 - t1;
                for (int k = 0; k < ids.length; k++) { // ids ascend: the summaries are written in identifier order
                    IdRow r = fresh.get(k);
                    holding.setLong(1, ids[k]);
                    holding.setLong(2, caseId);
                    holding.setLong(3, r.mentions());
                    holding.setLong(4, r.firstRecord());
                    holding.setString(5, r.role());
                    holding.setString(6, "[\"" + r.role() + "\"]");
                    holding.addBatch();
                    if (k % BATCH == BATCH - 1) {
                        holding.executeBatch();
                    }
                }
                holding.executeBatch();
                long t3 = System.nanoTime();
                parts[2] += t3 - t2;
                nanos += t3 - t0;
                state[0] += ids.length;
                state[1] += m;
            }
        }
        long t0 = System.nanoTime();
        c.commit();
        parts[3] += System.nanoTime() - t0;
        return nanos + System.nanoTime() - t0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
