package org.opencets.formats.caseuco;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;

/**
 * A case as it leaves the system for exchange: what it is, who exports it, the evidence files its
 * records came from; its records follow one by one through a {@link Sink}, so a case of any size is
 * exported in flat memory. Filled by the application (which checks that the user may read the case)
 * and consumed by {@link CaseUcoWriter}; nothing here holds a card number (mentions carry the keyed hash
 * and the masked form only).
 *
 * @param agencyCode    the owning agency's code
 * @param agencyName    its name
 * @param caseNumber    the case number within the agency
 * @param title         the case title
 * @param sharing       {@code agency} or {@code network}
 * @param lead          the lead investigator's user name
 * @param exportedBy    who exports
 * @param exportedAt    when, ISO-8601 instant
 * @param cardKeyCheck  {@link CaseUcoWriter#cardKeyCheck}: tells an importer whether card hashes were made
 *                      under its own deployment key
 * @param evidence      the evidence files imported into the case, in import order
 */
public record CaseView(String agencyCode, String agencyName, String caseNumber, String title, String sharing,
                       String lead, String exportedBy, String exportedAt, String cardKeyCheck, List<Evidence> evidence) {
    public CaseView {
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(exportedAt, "exportedAt");
        evidence = List.copyOf(evidence);
    }

    /** {@code AGENCY/NUMBER} */
    public String qualified() {
        return agencyCode + "/" + caseNumber;
    }

    /** One imported evidence file. */
    public record Evidence(long importId, String fileName, String sha256, String format, String importedBy,
                           String importedAt) {
    }

    /**
     * One stored record.
     *
     * @param id         its id in the store (unique in the deployment)
     * @param importId   the import (evidence file) it came from
     * @param kind       message, transaction, …
     * @param line       1-based line (or entry) in the evidence file
     * @param offset     byte offset there, or -1
     * @param occurredAt ISO-8601 time as stored, or null
     * @param fields     the stored fields (cards already masked)
     * @param mentions   its identifiers with roles
     */
    public record Entry(long id, long importId, RecordKind kind, long line, long offset, String occurredAt,
                        Map<String, Object> fields, List<Mention> mentions) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            fields = fields == null ? Map.of() : fields;
            mentions = List.copyOf(mentions);
        }
    }

    /** Receives a case: {@link #begin} once, then each record in import order, then {@link #end}. */
    public interface Sink {
        void begin(CaseView view) throws IOException;

        void record(Entry entry) throws IOException;

        void end() throws IOException;
    }
}
