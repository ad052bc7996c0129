package org.opencets.cli.resolve;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencets.core.resolve.PersonResolver;
import org.opencets.core.resolve.Resolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cets resolve dedupe}: the persons among the records of one file. */
@Command(name = "dedupe", mixinStandardHelpOptions = true,
        description = "Group the records of one CSV file into persons.",
        footerHeading = "%nExample:%n",
        footer = {"  cets resolve dedupe dataset2.csv --id rec_id --clusters persons.csv --pairs pairs.csv",
            "  cets resolve dedupe people.csv --id ref --column given_name=Forename --column surname=\"Family name\" --clusters out.csv"})
public final class DedupeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.csv", description = "Person records with a header line.")
    Path file;

    @Mixin
    ResolveOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PersonCsv csv = new PersonCsv(options.idColumn, ColumnMapping.validated(spec, options.columns), options.region);
        PersonCsv.Loaded loaded = csv.read(file, new HashMap<>());
        Resolution r = new PersonResolver(options.settings()).dedupe(loaded.records(), List.of());
        ResolutionFiles.write(r, options.clusters, options.pairs, options.explain);
        Summary.print(spec, options, r);
        return 0;
    }
}
