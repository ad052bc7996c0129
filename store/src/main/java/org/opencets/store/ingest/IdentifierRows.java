package org.opencets.store.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;

/** Identifiers read back by id, for the readers of {@link StoredMention}s. */
public final class IdentifierRows {
    /** Ids per query: well under both engines' limits on bound parameters. */
    private static final int BATCH = 500;

    private IdentifierRows() {
    }

    /** A stored identifier: its id, the identifier as stored (display is the shareable form), and whether it is common. */
    public record Row(long id, Identifier identifier, boolean common) {
    }

    /** The identifiers with these ids (ids not in the store are absent from the answer). */
    public static Map<Long, Row> byId(Handle h, Collection<Long> ids) {
        Map<Long, Row> out = new HashMap<>(ids.size() * 2);
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += BATCH) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + BATCH));
            h.createQuery("SELECT id, type, value, display, correlatable, common FROM identifier WHERE id IN (<ids>)")
                    .bindList("ids", part)
                    .map((rs, ctx) -> new Row(rs.getLong(1), new Identifier(IdentifierType.fromCode(rs.getString(2)),
                            rs.getString(3), rs.getString(4), rs.getInt(5) != 0), rs.getInt(6) != 0))
                    .forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    /** The identifiers these records' stored mentions name. */
    public static Map<Long, Row> named(Handle h, Collection<? extends Collection<StoredMention>> mentions) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        mentions.forEach(ms -> ms.forEach(m -> ids.add(m.identifierId())));
        return byId(h, ids);
    }

    /** The identifier a record's mention names, from rows read by {@link #byId}; a store that lost it is reported. */
    public static Identifier of(Map<Long, Row> rows, long recordId, StoredMention m) {
        Row row = rows.get(m.identifierId());
        if (row == null) {
            throw new org.opencets.store.StoreException("record " + recordId + " names identifier " + m.identifierId()
                    + ", which is not in the store");
        }
        return row.identifier();
    }
}
