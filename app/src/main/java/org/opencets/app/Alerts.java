package org.opencets.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.opencets.core.cases.CaseFile;
import org.opencets.store.ingest.Ingest;

/**
 * "Previously seen": an import that made links alerts the importing case and every other case it
 * touched, one alert per pair of cases per import. The message names only the shared identifiers —
 * which both sides hold already — and never the other case's content; who the other case is, is
 * rendered when the alert is read, in full or as a pointer by the reader's entitlement.
 */
final class Alerts {
    private static final int LISTED = 5;

    private Alerts() {
    }

    static long create(Handle h, CaseFile importing, List<Ingest.NewLink> links, long importId, String now) {
        Map<Long, List<Ingest.NewLink>> byOther = new LinkedHashMap<>();
        for (Ingest.NewLink l : links) {
            byOther.computeIfAbsent(l.otherCase(), k -> new ArrayList<>()).add(l);
        }
        long created = 0;
        for (Map.Entry<Long, List<Ingest.NewLink>> e : byOther.entrySet()) {
            List<Ingest.NewLink> shared = e.getValue();
            String ids = describe(shared);
            insert(h, importing.id(), e.getKey(), shared.get(0).linkId(), importId, now,
                    "previously seen: this import shares " + ids + " with another case");
            insert(h, e.getKey(), importing.id(), shared.get(0).linkId(), importId, now,
                    "new data elsewhere: an import into another case shares " + ids + " with this case");
            created += 2;
        }
        return created;
    }

    private static String describe(List<Ingest.NewLink> shared) {
        StringBuilder sb = new StringBuilder();
        sb.append(shared.size()).append(shared.size() == 1 ? " identifier (" : " identifiers (");
        for (int i = 0; i < Math.min(LISTED, shared.size()); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Ingest.NewLink l = shared.get(i);
            sb.append(l.kind().equals("media") ? "a near-duplicate image" : l.identifier().label());
        }
        if (shared.size() > LISTED) {
            sb.append(", …");
        }
        return sb.append(')').toString();
    }

    private static void insert(Handle h, long caseId, long otherCase, long linkId, long importId, String now, String message) {
        h.execute("INSERT INTO alert(case_id, other_case_id, link_id, import_id, created_at, message) VALUES (?, ?, ?, ?, ?, ?)",
                caseId, otherCase, linkId, importId, now, message);
    }
}
