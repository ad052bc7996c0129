package org.opencets.cli.media;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cets media}: the media engine on files, no database needed. */
@Command(name = "media", mixinStandardHelpOptions = true,
        description = "Hash seized media (MD5, SHA-1, SHA-256, PDQ, camera EXIF) and match it against known-hash lists.",
        subcommands = {HashCommand.class, MatchCommand.class},
        footerHeading = "%nExample:%n",
        footer = {"  cets media hash /evidence/drive1 --output hashes.csv",
            "  cets media match --known vics.json NSRLFile.txt --input hashes.csv --output matches.csv"})
public final class MediaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
