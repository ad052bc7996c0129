package org.opencets.cli.resolve;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencets.core.resolve.PersonResolver;
import org.opencets.core.resolve.Resolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cets resolve link}: the persons shared by two files. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Link the records of two CSV files: only pairs with one record from each file are compared.",
            "Ids must be unique across both files; OUT.csv lists the records of both."},
        footerHeading = "%nExample:%n",
        footer = {"  cets resolve link buyers.csv arrests.csv --id id --clusters persons.csv --pairs pairs.csv"})
public final class LinkCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LEFT.csv", description = "Person records with a header line.")
    Path left;

    @Parameters(index = "1", paramLabel = "RIGHT.csv", description = "Person records with a header line.")
    Path right;

    @Mixin
    ResolveOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PersonCsv csv = new PersonCsv(options.idColumn, ColumnMapping.validated(spec, options.columns), options.region);
        Map<String, PersonCsv.Source> seen = new HashMap<>();
        PersonCsv.Loaded l = csv.read(left, seen);
        PersonCsv.Loaded r = csv.read(right, seen);
        Resolution resolution = new PersonResolver(options.settings()).link(l.records(), r.records(), List.of());
        ResolutionFiles.write(resolution, options.clusters, options.pairs, options.explain);
        Summary.print(spec, options, resolution);
        return 0;
    }
}
