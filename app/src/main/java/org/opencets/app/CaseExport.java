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
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.caseuco.CaseUcoWriter;
import org.opencets.formats.caseuco.CaseView;

/**
 * Reads one case out of the store for {@link Session#exportCase}: its evidence files, then its records
 * with their mentions, in import order, streamed to a {@link CaseView.Sink} in one read (one query,
 * rows grouped by record), so memory stays flat whatever the size of the case. The caller has already
 * checked that the user may read the case.
 */
final class CaseExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() { };

    private CaseExport() {
    }

    private record Row(long id, long importId, String kind, long line, long offset, String occurredAt, String data,
                       String type, String value, String display, boolean correlatable, String role, String raw,
                       String field, int start, int end) {
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
                        SELECT r.id, r.import_id, r.kind, r.line, r.byte_offset, r.occurred_at, r.data,
                               i.type, i.value, i.display, i.correlatable, m.role, m.raw, m.field, m.start_pos, m.end_pos
                        FROM record r
                        LEFT JOIN mention m ON m.record_id = r.id
                        LEFT JOIN identifier i ON i.id = m.identifier_id
                        WHERE r.case_id = ?
                        ORDER BY r.import_id, r.id, m.ord""")
                .bind(0, c.id())
                .setFetchSize(1000)
                .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getInt(11) != 0, rs.getString(12), rs.getString(13), rs.getString(14), rs.getInt(15), rs.getInt(16)))
                .stream()) {
            Iterator<Row> it = rows.iterator();
            Row first = null;
            List<Mention> mentions = new ArrayList<>();
            while (it.hasNext()) {
                Row row = it.next();
                if (first != null && row.id() != first.id()) {
                    sink.record(entry(first, mentions));
                    count++;
                    mentions = new ArrayList<>();
                }
                first = first == null || row.id() != first.id() ? row : first;
                if (row.type() != null) {
                    Identifier id = new Identifier(IdentifierType.fromCode(row.type()), row.value(), row.display(),
                            row.correlatable());
                    mentions.add(new Mention(id, row.role(), row.raw() == null ? row.display() : row.raw(), row.field(),
                            row.start(), row.end()));
                }
            }
            if (first != null) {
                sink.record(entry(first, mentions));
                count++;
            }
        }
        return count;
    }

    private static CaseView.Entry entry(Row r, List<Mention> mentions) throws IOException {
        Map<String, Object> fields = r.data() == null ? Map.of() : JSON.readValue(r.data(), MAP);
        return new CaseView.Entry(r.id(), r.importId(), RecordKind.fromCode(r.kind()), r.line(), r.offset(), r.occurredAt(),
                fields, mentions);
    }
}
