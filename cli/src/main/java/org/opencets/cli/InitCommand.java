package org.opencets.cli;

import java.util.concurrent.Callable;
import org.opencets.app.Deployment;
import org.opencets.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new store in CETS_HOME: the database, the deployment's keys (card, audit, evidence; "
                + "mode 0600), the first agency and its administrator.",
        footerHeading = "%nExample:%n",
        footer = "  CETS_HOME=/srv/cets cets init --agency RCMP --name \"Royal Canadian Mounted Police\" --region CA --admin alice")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--agency", paramLabel = "CODE", defaultValue = "LOCAL", description = "code of the first agency (default: ${DEFAULT-VALUE})")
    String agency;

    @Option(names = "--name", paramLabel = "NAME", description = "the agency's name (default: the code)")
    String name;

    @Option(names = "--region", paramLabel = "CC", converter = OptionValues.RegionCode.class, description = "the agency's ISO 3166 region, for phone numbers without a country code")
    String region;

    @Option(names = "--admin", paramLabel = "USER", defaultValue = "admin", description = "the administrator's user name (default: ${DEFAULT-VALUE})")
    String admin;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    @Override
    public Integer call() {
        CetsCommand root = CetsCommand.root(spec);
        StoreConfig config = root.storeConfig();
        Deployment.init(config, agency, name == null ? agency : name, region, admin);
        var out = spec.commandLine().getOut();
        out.println("Created an OpenCETS store in " + config.home());
        out.println("  agency " + agency + ", administrator " + admin);
        out.println("  keys in " + config.home().resolve("keys") + " (owner-only; back them up, never share them)");
        out.println("Next: cets agency add CODE --name NAME; cets user add NAME --agency CODE; cets case create NUMBER --agency CODE --title TITLE");
        return ExitCodes.OK;
    }
}
