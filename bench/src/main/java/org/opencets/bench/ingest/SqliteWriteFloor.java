package org.opencets.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * What SQLite itself costs per row written through JDBC, for the row shapes an import writes: the
 * floor under {@link ImportBenchmark}'s end-to-end rate.
 *
 * <p>It measured the mention-per-row layout of schema versions 1–3 (a {@code mention} table with
 * indexes on record and identifier), which led to version 4's mentions inside their record; the
 * cases are kept as they were, to reproduce those figures.
 *
 * <p>Each case writes {@code --rows} mention-shaped rows (eight columns) into a fresh table of a
 * fresh WAL database with the store's settings (256 MiB page cache, synchronous NORMAL, 8 KiB
 * pages), in batches of 5,000 inside one transaction, and reports microseconds per row including
 * the commit:
 * <ol>
 *   <li>no index;</li>
 *   <li>an index on the record id, which grows at its end (as version 3's {@code mention_record} did);</li>
 *   <li>plus an index on the identifier id with keys in random order (an unsorted import);</li>
 *   <li>the same two indexes with the keys sorted per chunk of 80,000 rows, mostly new and
 *       ascending (what the import now does);</li>
 *   <li>one row of the same bytes per four mentions, as a single blob (rows packed per record).</li>
 * </ol>
 *
 * <p>With {@code --shape import-rows} it writes instead, per imported transaction, exactly the rows
 * the import of schema version 4 writes, into the store's own tables (created by its migrations,
 * so indexes and all) with the store's settings: the record with its JSON and mentions, the new
 * identifiers (about two per record: a card HMAC shared by three rows, an e-mail by two, an IP by
 * five, a phone each) and their per-case summaries, chunk by chunk in the order the import writes
 * them (identifiers sorted by type and value, records appended, summaries by identifier id). Every
 * value is built before the clock starts; only the JDBC calls and the commit are timed. That is
 * the writing core's cost per record with no parsing, normalising, hashing or Java bookkeeping at
 * all: the ceiling of the end-to-end rate on this store.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' \
 *      org.opencets.bench.ingest.SqliteWriteFloor --rows 4000000 --dir /tmp/floor
 * </pre>
 */
public final class SqliteWriteFloor {
    private static final int BATCH = 5_000;
    private static final int CHUNK = 80_000;

    public static void main(String[] args) throws IOException, SQLException {
        int rows = 4_000_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "cets-sqlite-floor");
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--shape" -> only = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --rows N --dir DIR [--shape import-rows]");
            }
        }
        Files.createDirectories(dir);
        if ("import-rows".equals(only)) {
            ImportRowsFloor.run(dir, rows);
            return;
        }
        if (only != null) {
            throw new IllegalArgumentException("unknown shape " + only + "; the only one run alone is import-rows");
        }
        System.out.printf(Locale.ROOT, "# SQLite write floor: %,d rows per case; JDK %s%n", rows, Runtime.version());
        for (String shape : new String[] {"bare", "record-index", "random-identifier-index", "sorted-identifier-index", "packed"}) {
            Path db = dir.resolve(shape + ".db");
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
            double micros = run(db, shape, rows);
            System.out.printf(Locale.ROOT, "%-26s %6.2f µs per mention (commit included)%n", shape, micros);
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
    }

    private static double run(Path db, String shape, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA page_size=8192");
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA cache_size=-262144");
                if (shape.equals("packed")) {
                    s.execute("CREATE TABLE r(mentions BLOB NOT NULL)");
                } else {
                    s.execute("""
                            CREATE TABLE m(record_id INTEGER NOT NULL, identifier_id INTEGER NOT NULL, case_id INTEGER NOT NULL,
                                           role TEXT NOT NULL, raw TEXT, field TEXT NOT NULL, start_pos INTEGER NOT NULL,
                                           end_pos INTEGER NOT NULL)""");
                }
                if (!shape.equals("bare") && !shape.equals("packed")) {
                    s.execute("CREATE INDEX m_record ON m(record_id)");
                }
                if (shape.endsWith("identifier-index")) {
                    s.execute("CREATE INDEX m_identifier ON m(identifier_id, case_id)");
                }
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            if (shape.equals("packed")) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO r(mentions) VALUES (?)")) {
                    byte[] fourMentions = new byte[4 * 15];
                    for (int i = 0; i < rows / 4; i++) {
                        Arrays.fill(fourMentions, (byte) i);
                        p.setBytes(1, fourMentions);
                        p.addBatch();
                        if (i % BATCH == BATCH - 1) {
                            p.executeBatch();
                        }
                    }
                    p.executeBatch();
                }
            } else {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO m VALUES (?,?,?,?,?,?,?,?)")) {
                    long[] ids = new long[CHUNK];
                    for (int first = 0; first < rows; first += CHUNK) {
                        int n = Math.min(CHUNK, rows - first);
                        for (int j = 0; j < n; j++) {
                            int i = first + j;
                            // two mentions per new identifier, one in ten naming an older one
                            ids[j] = i % 10 == 0 && i > 0 ? Math.floorMod(i * 2_654_435_761L, i / 2) : i / 2;
                        }
                        if (shape.equals("sorted-identifier-index")) {
                            Arrays.sort(ids, 0, n);
                        } else if (shape.equals("random-identifier-index")) {
                            for (int j = 0; j < n; j++) {
                                ids[j] = Math.floorMod(ids[j] * 0x9E3779B97F4A7C15L, 1L << 40);
                            }
                        }
                        for (int j = 0; j < n; j++) {
                            int i = first + j;
                            p.setLong(1, i / 4);
                            p.setLong(2, ids[j]);
                            p.setLong(3, 7);
                            p.setString(4, "payer_email");
                            p.setString(5, null);
                            p.setString(6, "email");
                            p.setInt(7, -1);
                            p.setInt(8, -1);
                            p.addBatch();
                            if (j % BATCH == BATCH - 1) {
                                p.executeBatch();
                            }
                        }
                        p.executeBatch();
                    }
                }
            }
            c.commit();
            return (System.nanoTime() - t0) / 1e3 / rows;
        }
    }
}
