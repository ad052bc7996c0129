package org.opencets.cli.resolve;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code resolve judge} and {@code resolve explain} act on: two record ids, or one person link. */
final class RecordPairOrLink {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "RECORD",
            description = "two record ids, both in cases you may read (as 'cets links' and 'cets records' show them)")
    List<Long> records = new ArrayList<>();

    @Option(names = "--link", paramLabel = "ID",
            description = "a person link as 'cets links' lists it (#ID), instead of two records")
    Long link;

    /** Checks that exactly one of the two forms was given; a usage error otherwise. */
    void check() {
        if (link != null && !records.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give two record ids or --link ID, not both");
        }
        if (link == null && records.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give two record ids, or --link ID for a person link");
        }
    }

    long first() {
        return records.get(0);
    }

    long second() {
        return records.get(1);
    }
}
