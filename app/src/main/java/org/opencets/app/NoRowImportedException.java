package org.opencets.app;

import org.opencets.formats.read.BadInputException;

/**
 * An import with bad rows skipped that kept no row: every row was rejected. Nothing of the file is
 * stored (no records, no evidence copy, no import row), so that once fixed, or read with the right
 * options, the same file imports rather than being taken for a duplicate. The report that was not
 * stored lists every rejection, for the user to see what to fix.
 */
public final class NoRowImportedException extends BadInputException {
    private final transient ImportReport report;

    NoRowImportedException(ImportReport report) {
        super(report.file(), 0, "no row could be imported; " + report.rejected() + " rejected, the first on line "
                + report.rejections().get(0).line() + ": " + report.rejections().get(0).reason()
                + " (nothing of the file was stored)");
        this.report = report;
    }

    /** What the import would have reported: no records, every rejection with its line and reason. */
    public ImportReport report() {
        return report;
    }
}
