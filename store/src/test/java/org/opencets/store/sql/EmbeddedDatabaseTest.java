package org.opencets.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.store.StoreConfig;

/** How a new embedded store's file is made. */
class EmbeddedDatabaseTest {

    @Test
    void aNewStoreHasItsPageSizeAndWriteAheadLog(@TempDir Path home) {
        Database db = Database.open(StoreConfig.embedded(home));
        db.migrate();
        int pageSize = db.read(h -> h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
        String journal = db.read(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        assertThat(pageSize).isEqualTo(Database.SQLITE_PAGE_SIZE);
        assertThat(journal).isEqualToIgnoringCase("wal");
        // a commit is durable when it returns (2 = FULL)
        int synchronous = db.read(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
        assertThat(synchronous).isEqualTo(2);
        // opened again, the same file keeps its settings and its schema
        Database again = Database.open(StoreConfig.embedded(home));
        again.migrate();
        int pageSizeAgain = again.read(h -> h.createQuery("PRAGMA page_size").mapTo(Integer.class).one());
        int records = again.read(h -> h.createQuery("SELECT COUNT(*) FROM record").mapTo(Integer.class).one());
        assertThat(pageSizeAgain).isEqualTo(Database.SQLITE_PAGE_SIZE);
        assertThat(records).isZero();
    }
}
