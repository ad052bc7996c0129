package org.opencets.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencets.core.audit.AuditChain;
import org.opencets.core.cases.Agency;
import org.opencets.core.cases.Investigator;
import org.opencets.core.cases.Role;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.Stoplist;
import org.opencets.formats.read.Formats;
import org.opencets.store.StoreConfig;
import org.opencets.store.StoreException;
import org.opencets.store.audit.AuditLog;
import org.opencets.store.directory.Directory;
import org.opencets.store.evidence.EvidenceStore;
import org.opencets.store.keys.DeploymentKeys;
import org.opencets.store.keys.OwnerOnlyFiles;
import org.opencets.store.sql.Database;

/**
 * One OpenCETS deployment: its database, keys, evidence store, audit log, settings and readers.
 * Open it once per process; act through {@link #session} for a user.
 */
public final class Deployment {
    private final StoreConfig config;
    private final Database db;
    private final CardHasher cardHasher;
    private final EvidenceStore evidence;
    private final AuditLog audit;
    private final Directory directory;
    private final Settings settings;
    private final Stoplist stoplist;
    private final Formats formats;

    private Deployment(StoreConfig config, Database db, DeploymentKeys keys, Settings settings, boolean newStore) {
        this.config = config;
        this.db = db;
        this.cardHasher = new CardHasher(keys.card());
        this.evidence = new EvidenceStore(config.home().resolve("evidence"), keys.evidence());
        this.audit = new AuditLog(db, new AuditChain(keys.audit()), headFile(config), newStore);
        this.directory = new Directory(db);
        this.settings = settings;
        List<Path> extra = new ArrayList<>();
        Path userStoplist = config.home().resolve("stoplist.txt");
        if (Files.exists(userStoplist)) {
            extra.add(userStoplist);
        }
        this.stoplist = Stoplist.load(extra, cardHasher);
        this.formats = Formats.installed();
    }

    /** Whether a store exists at this configuration's home. */
    public static boolean exists(StoreConfig config) {
        return DeploymentKeys.exist(config.home());
    }

    private static Path headFile(StoreConfig config) {
        return config.home().resolve("audit.head");
    }

    /**
     * Creates a new store: the data directory, the keys, the schema, the first agency and its
     * administrator, and the audit log's first entry, which writes the audit head. Refuses to touch
     * an existing store. The data directory, when created here, is owner-only (0700), as is
     * everything made in it, now and later (files 0600, folders 0700: see {@link OwnerOnlyFiles});
     * a directory that already exists keeps its mode.
     */
    public static Deployment init(StoreConfig config, String agencyCode, String agencyName, String region,
                                  String adminName) {
        if (exists(config)) {
            throw new StoreException("a store already exists in " + config.home() + " (CETS_HOME); "
                    + "choose another directory or use the existing one");
        }
        try {
            OwnerOnlyFiles.createDirectory(config.home());
        } catch (IOException e) {
            throw new StoreException("cannot create " + config.home() + ": " + e.getMessage(), e);
        }
        Database db = Database.open(config);
        db.ping();
        db.migrate();
        boolean empty = db.read(h -> h.createQuery("SELECT COUNT(*) FROM agency").mapTo(Long.class).one()) == 0;
        if (!empty) {
            throw new StoreException("the database at " + config.effectiveUrl().replaceAll("password=[^&]*", "password=…")
                    + " already holds a deployment; its keys are not in " + config.home());
        }
        DeploymentKeys keys = DeploymentKeys.create(config.home());
        Settings settings = new Settings(config.embedded() ? adminName : null,
                org.opencets.core.correlate.ExactCorrelator.DEFAULT_MAX_CASES);
        settings.save(config.home());
        Deployment d = new Deployment(config, db, keys, settings, true);
        Agency agency = d.directory.addAgency(agencyCode, agencyName, region);
        Investigator admin = d.directory.addInvestigator(adminName, agency, Set.of(Role.ADMIN, Role.INVESTIGATOR), null);
        d.audit.append(new AuditLog.Event(admin.name(), "init", null, agency.code(), null, "ok",
                "store created; agency " + agency.code() + ", administrator " + admin.name()));
        return d;
    }

    /**
     * Opens an existing store, bringing its schema up to date. A store whose audit head is missing
     * still opens, so that {@code cets audit verify} can report it; its log then refuses to record
     * successes (see {@link AuditLog}). An upgrade, which is recorded in the log, is refused before
     * it starts.
     */
    public static Deployment open(StoreConfig config) {
        if (!exists(config)) {
            if (Files.exists(config.home().resolve(Settings.FILE))) {
                // a store whose card key is gone: 'cets init' would make a new store beside the old data
                throw new StoreException("the store in " + config.home() + " has lost its key file "
                        + DeploymentKeys.directory(config.home()).resolve("card.key") + "; restore the keys folder from the "
                        + "store's backup (without it, card numbers can no longer be matched)");
            }
            throw new StoreException("no OpenCETS store in " + config.home() + ": run 'cets init' first, or set CETS_HOME "
                    + "to the data directory");
        }
        DeploymentKeys keys = DeploymentKeys.load(config.home());
        Database db = Database.open(config);
        db.ping();
        List<String> upgrades = db.pendingUpgrades();
        if (!upgrades.isEmpty()) {
            // an upgrade may rewrite every record: say so before a command seems to hang
            System.err.println("cets: upgrading the store in " + config.home() + " to schema version " + String.join(", ", upgrades)
                    + ". On a large store this can take minutes and needs free disk about the size of the database;"
                    + " if it is interrupted, nothing changes and it starts again next time.");
        }
        if (!upgrades.isEmpty() && !Files.exists(headFile(config))) {
            throw new StoreException("the store in " + config.home() + " needs an upgrade, but its audit head file "
                    + headFile(config) + " is missing; restore it from a backup, then run 'cets audit verify'");
        }
        db.migrate();
        Deployment d = new Deployment(config, db, keys, Settings.load(config.home()), false);
        if (!upgrades.isEmpty()) {
            d.audit.append(new AuditLog.Event("cets", "store.upgrade", null, null, null, "ok",
                    "schema brought to " + String.join(", ", upgrades)));
        }
        return d;
    }

    /**
     * A session for the named user, or for the deployment's default user when the name is null (the
     * embedded store's administrator, so that one investigator on one machine need not type it).
     */
    public Session session(String userName) {
        String name = userName != null && !userName.isBlank() ? userName : settings.defaultUser();
        if (name == null) {
            throw new AccessDeniedException("no acting user: pass --as USER or set CETS_USER");
        }
        Investigator user = directory.investigator(name).orElseThrow(() ->
                new AccessDeniedException("unknown user '" + name + "'; an administrator adds users with 'cets user add'"));
        return new Session(this, user);
    }

    StoreConfig config() {
        return config;
    }

    Database db() {
        return db;
    }

    CardHasher cardHasher() {
        return cardHasher;
    }

    EvidenceStore evidence() {
        return evidence;
    }

    AuditLog audit() {
        return audit;
    }

    Directory directory() {
        return directory;
    }

    Settings settings() {
        return settings;
    }

    Stoplist stoplist() {
        return stoplist;
    }

    public Formats formats() {
        return formats;
    }

    public Path home() {
        return config.home();
    }
}
