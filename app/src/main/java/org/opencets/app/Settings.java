package org.opencets.app;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.opencets.core.correlate.ExactCorrelator;
import org.opencets.store.StoreException;
import org.opencets.store.keys.OwnerOnlyFiles;

/**
 * The deployment's settings, in {@code CETS_HOME/cets.properties}:
 * <pre>
 * # the user commands act as when neither --as nor CETS_USER names one (embedded store only)
 * default.user = admin
 * # an identifier held by more cases than this is common and links nothing more
 * correlation.max-cases = 20
 * # true: searches, views, exports and imports of case data need a --reason, kept in the audit log
 * audit.require-reason = false
 * </pre>
 */
public record Settings(String defaultUser, int maxCases, boolean requireReason) {

    /** Settings of a new deployment. */
    Settings(String defaultUser, int maxCases) {
        this(defaultUser, maxCases, false);
    }

    static final String FILE = "cets.properties";

    static Settings load(Path home) {
        Path f = home.resolve(FILE);
        Properties p = new Properties();
        if (Files.exists(f)) {
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new StoreException("cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        String max = p.getProperty("correlation.max-cases", Integer.toString(ExactCorrelator.DEFAULT_MAX_CASES)).strip();
        int maxCases;
        try {
            maxCases = Integer.parseInt(max);
        } catch (NumberFormatException e) {
            throw new StoreException(f + ": correlation.max-cases must be a whole number, found '" + max + "'");
        }
        if (maxCases < 2) {
            throw new StoreException(f + ": correlation.max-cases must be at least 2, found " + maxCases);
        }
        String user = p.getProperty("default.user");
        String require = p.getProperty("audit.require-reason", "false").strip();
        if (!require.equals("true") && !require.equals("false")) {
            throw new StoreException(f + ": audit.require-reason must be true or false, found '" + require + "'");
        }
        return new Settings(user == null || user.isBlank() ? null : user.strip(), maxCases, require.equals("true"));
    }

    void save(Path home) {
        Path f = home.resolve(FILE);
        Properties p = new Properties();
        if (defaultUser != null) {
            p.setProperty("default.user", defaultUser);
        }
        p.setProperty("correlation.max-cases", Integer.toString(maxCases));
        p.setProperty("audit.require-reason", Boolean.toString(requireReason));
        StringWriter text = new StringWriter();
        try {
            p.store(text, "OpenCETS settings");
            // owner-only (it may name a database), replaced whole and synced: written once, by init
            OwnerOnlyFiles.replace(f, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StoreException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }
}
