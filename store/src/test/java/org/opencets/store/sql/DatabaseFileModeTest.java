package org.opencets.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.store.StoreConfig;
import org.opencets.store.keys.OwnerOnlyFiles;

/** The embedded database holds personal data in plain text: a new file is owner-only. */
class DatabaseFileModeTest {

    @Test
    void aNewDatabaseFileIsOwnerOnly(@TempDir Path home) throws IOException {
        assumeTrue(OwnerOnlyFiles.posix(home), "file system without POSIX permissions");
        Database db = Database.open(StoreConfig.embedded(home));
        db.migrate();

        for (String name : new String[] {"cets.db", "cets.db-wal", "cets.db-shm"}) {
            Path p = home.resolve(name);
            if (name.equals("cets.db") || Files.exists(p)) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(name).isEqualTo("rw-------");
            }
        }
        int pageSize = db.read(h -> h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
        assertThat(pageSize).isEqualTo(Database.SQLITE_PAGE_SIZE);
    }

    @Test
    void anExistingFileKeepsItsMode(@TempDir Path home) throws IOException {
        assumeTrue(OwnerOnlyFiles.posix(home), "file system without POSIX permissions");
        Database.open(StoreConfig.embedded(home)).migrate();
        Path file = home.resolve("cets.db");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Database again = Database.open(StoreConfig.embedded(home));
        again.migrate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        int records = again.read(h -> h.createQuery("SELECT COUNT(*) FROM record").mapTo(Integer.class).one());
        assertThat(records).isZero();
    }
}
