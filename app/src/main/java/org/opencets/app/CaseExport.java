package org.opencets.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.opencets.core.cases.CaseFile;
import org.opencets.core.cases.Investigator;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.caseuco.CaseUcoWriter;
import org.opencets.formats.caseuco.CaseView;
import org.opencets.store.ingest.IdentifierRows;
import org.opencets.store.ingest.StoredMention;

/**
 * Reads one case out of the store for {@link Session#exportCase}: its evidence files, then its records
 * with their mentions, in import order, streamed to a {@link CaseView.Sink} in one read of the records
 * (each holds its mentions) plus one look-up of identifiers per {@value #GROUP} records, so memory
 * stays flat whatever the size of the case. The caller has already checked that the user may read
 * the case.
 */
final class CaseExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private CaseExport() {
    }

    /** Records whose identifiers are read in one go. */
    private static final int GROUP = 1000;

    private record Row(long id, long importId, String kind, long line, long offset, String occurredAt, String data,
                       List<StoredMention> mentions) {
    }

    /** Streams the case to the sink; returns the number of records. */
    static long run(Deployment d, CaseFile c, Investigator user, CaseView.Sink sink) {
        // one transaction: a consistent view of the case, and a server-side cursor on PostgreSQL (whose
        // driver fetches in batches only outside auto-commit)
        return d.db().read(handle -> handle.inTransaction(h -> {
            List<CaseView.Evidence> evidence = h.createQuery("""
                            SELECT i.id, i.file_name, i.evidence_sha256, i.format, u.name, i.imported_at
                            FROM import_run i JOIN investigator u ON u.id = i.imported_by
                            WHERE i.case_id = ? ORDER BY i.id""")
                    .bind(0, c.id())
                    .map((rs, ctx) -> new CaseView.Evidence(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)))
                    .list();
            CaseView view = new CaseView(c.agency().code(), c.agency().name(), c.number(), c.title(), c.sharing().code(),
                    c.lead().name(), user.name(), Instant.now().toString(), CaseUcoWriter.cardKeyCheck(d.cardHasher()),
                    evidence);
            try {
                sink.begin(view);
                long records = records(h, c, sink);
                sink.end();
                return records;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
            }
        }));
    }

    private static long records(Handle h, CaseFile c, CaseView.Sink sink) throws IOException {
        long count = 0;
        try (Stream<Row> rows = h.createQuery("""
                        SELECT id, import_id, kind, line, byte_offset, occurred_at, data, mentions
                        FROM record WHERE case_id = ? ORDER BY import_id, id""")
                .bind(0, c.id())
                .setFetchSize(GROUP)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), StoredMention.decode(rs.getLong(1), rs.getString(8))))
                .stream()) {
            Iterator<Row> it = rows.iterator();
            List<Row> group = new ArrayList<>(GROUP);
            while (it.hasNext()) {
                group.add(it.next());
                if (group.size() == GROUP || !it.hasNext()) {
                    write(h, group, sink);
                    count += group.size();
                    group.clear();
                }
            }
        }
        return count;
    }

    /** Writes a group of records, their identifiers read by id in one go. */
    private static void write(Handle h, List<Row> group, CaseView.Sink sink) throws IOException {
        Map<Long, IdentifierRows.Row> identifiers = IdentifierRows.named(h, group.stream().map(Row::mentions).toList());
        for (Row r : group) {
            List<Mention> mentions = new ArrayList<>(r.mentions().size());
            for (StoredMention m : r.mentions()) {
                Identifier id = IdentifierRows.of(identifiers, r.id(), m);
                mentions.add(new Mention(id, m.role(), m.raw() == null ? id.display() : m.raw(), m.field(), m.start(), m.end()));
            }
            sink.record(entry(r, mentions));
        }
    }

    private static CaseView.Entry entry(Row r, List<Mention> mentions) throws IOException {
        Map<String, Object> fields = r.data() == null ? Map.of() : JSON.readValue(r.data(), MAP);
        return new CaseView.Entry(r.id(), r.importId(), RecordKind.fromCode(r.kind()), r.line(), r.offset(), r.occurredAt(),
                fields, mentions);
    }
}
