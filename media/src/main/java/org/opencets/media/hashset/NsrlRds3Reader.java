package org.opencets.media.hashset;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * NSRL RDS 3: an SQLite database. Hashes are read from table {@code FILE} (columns {@code sha256},
 * {@code sha1}, {@code md5}, {@code file_name}), or, in the "minimal" editions without it, from
 * {@code DISTINCT_HASH}. Opened read-only. Every entry is {@link Category#KNOWN_GOOD}.
 */
final class NsrlRds3Reader {
    private NsrlRds3Reader() {
    }

    static long read(Path file, Consumer<? super KnownEntry> sink) throws IOException {
        Properties props = new Properties();
        props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        String url = "jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro";
        try (Connection c = DriverManager.getConnection(url, props)) {
            String table = null;
            Set<String> cols = new HashSet<>();
            for (String t : new String[] {"FILE", "DISTINCT_HASH"}) {
                cols = columns(c, t);
                if (!cols.isEmpty()) {
                    table = t;
                    break;
                }
            }
            if (table == null) {
                throw new KnownListException(file, 0, "not an NSRL RDS 3 database: no FILE or DISTINCT_HASH table");
            }
            String md5 = cols.contains("md5") ? "md5" : "NULL";
            String sha1 = cols.contains("sha1") ? "sha1" : "NULL";
            String sha256 = cols.contains("sha256") ? "sha256" : "NULL";
            String name = cols.contains("file_name") ? "file_name" : "NULL";
            long n = 0;
            try (Statement st = c.createStatement()) {
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery("SELECT " + md5 + ", " + sha1 + ", " + sha256 + ", " + name
                        + " FROM " + table)) {
                    while (rs.next()) {
                        n++;
                        try {
                            String m = Hex.digest(rs.getString(1), 32, "md5");
                            String s1 = Hex.digest(rs.getString(2), 40, "sha1");
                            String s256 = Hex.digest(rs.getString(3), 64, "sha256");
                            if (m == null && s1 == null && s256 == null) {
                                continue;
                            }
                            String fileName = rs.getString(4);
                            sink.accept(new KnownEntry(null, m, s1, s256, null, -1, Category.KNOWN_GOOD,
                                    fileName == null || fileName.isEmpty() ? Map.of() : Map.of("FileName", fileName), n));
                        } catch (IllegalArgumentException e) {
                            throw new KnownListException(file, n, "row " + n + " of " + table + ": " + e.getMessage());
                        }
                    }
                }
            }
            return n;
        } catch (SQLException e) {
            throw new KnownListException(file, 0, "cannot read as SQLite: " + e.getMessage(), e);
        }
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> cols = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                cols.add(rs.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        return cols;
    }
}
