package org.opencets.formats.email;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * The warnings of one file, capped: the first few of each kind are passed on in full, the rest are
 * counted and summed up at the end, so a mailbox of a million mislabelled messages gives a readable
 * report and bounded memory. Messages quoting input are stripped of long digit runs.
 */
final class WarningLog {
    static final int LISTED_PER_KIND = 20;

    private final RecordSink sink;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    WarningLog(RecordSink sink) {
        this.sink = sink;
    }

    /** @param kind a short plural noun phrase for the summary, e.g. "messages without a Date header" */
    void warn(String kind, String message) {
        int n = counts.merge(kind, 1, Integer::sum);
        if (n <= LISTED_PER_KIND) {
            sink.warn(Redaction.digits(message));
        }
    }

    /** Passes on one line per kind that had more warnings than were listed. */
    void finish() {
        counts.forEach((kind, n) -> {
            if (n > LISTED_PER_KIND) {
                sink.warn(n + " " + kind + " in all (the first " + LISTED_PER_KIND + " are listed above)");
            }
        });
    }
}
