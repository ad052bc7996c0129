package org.opencets.cli;

import java.util.Map;
import org.opencets.app.Deployment;
import org.opencets.app.Session;
import org.opencets.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cets}: the root command. Holds the environment and opens the deployment on first use. */
@Command(name = "cets",
        mixinStandardHelpOptions = true,
        versionProvider = CetsCommand.Version.class,
        description = "OpenCETS: link what agencies know — cards, e-mails, screen names, phones — across their cases.",
        subcommands = {
                InitCommand.class,
                AgencyCommand.class,
                UserCommand.class,
                CaseCommand.class,
                ImportCommand.class,
                LookupCommand.class,
                LinksCommand.class, RecordsCommand.class,
                AlertsCommand.class,
                AuditCommand.class,
                FormatsCommand.class,
                org.opencets.cli.resolve.ResolveCommand.class,
                org.opencets.cli.media.MediaCommand.class,
                org.opencets.cli.demo.GenerateCommand.class,
                org.opencets.cli.demo.DemoCommand.class,
        },
        footerHeading = "%nEnvironment:%n",
        footer = {
                "  CETS_HOME     data directory (default ./cets-data): database, keys, evidence",
                "  CETS_DB_URL   a PostgreSQL JDBC URL for a shared server (default: embedded SQLite in CETS_HOME)",
                "  CETS_USER     the acting user (or --as USER)",
                "",
                "Exit codes:",
                "  0  done",
                "  1  failed; the message says why (no such case, a store problem, a failed check)",
                "  2  the command line is wrong (unknown option, missing argument,",
                "     a value an option does not take, no command)",
                "  3  not allowed: an unknown acting user, or one not entitled to do this",
                "  4  the input cannot be read as asked (no such file, bad row); nothing of it was stored",
                "",
                "Example:",
                "  cets init --agency TPS --name \"Toronto Police Service\" --admin alice",
                "  cets case create 2024-17 --agency TPS --title \"Payment site buyers\"",
                "  cets import --case 2024-17 --format auto buyers.csv",
                "  cets lookup someone@example.org"})
public final class CetsCommand extends CommandGroup {
    private final Map<String, String> env;
    private Deployment deployment;

    public CetsCommand(Map<String, String> env) {
        this.env = env;
    }

    /** The environment the command line runs in (CETS_HOME, CETS_DB_URL, CETS_USER, …), for subcommands in other packages. */
    public Map<String, String> env() {
        return env;
    }

    StoreConfig storeConfig() {
        return StoreConfig.fromEnvironment(env);
    }

    Deployment deployment() {
        if (deployment == null) {
            deployment = Deployment.open(storeConfig());
        }
        return deployment;
    }

    /** The session of the user named by {@code --as}, else CETS_USER, else the store's default user. */
    public Session session(String as) {
        String name = as != null ? as : env.get("CETS_USER");
        return deployment().session(name);
    }

    public static CetsCommand root(CommandSpec spec) {
        return (CetsCommand) spec.root().userObject();
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CetsCommand.class.getPackage().getImplementationVersion();
            return new String[] {"OpenCETS " + (v == null ? "development build" : v)};
        }
    }
}
