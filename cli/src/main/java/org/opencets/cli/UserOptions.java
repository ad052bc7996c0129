package org.opencets.cli;

import picocli.CommandLine.Option;

/** Options every command that acts for a user shares. */
public final class UserOptions {
    @Option(names = "--as", paramLabel = "USER", description = "act as this user (default: $CETS_USER, else the store's administrator)")
    String as;

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    @Option(names = "--debug", description = "print stack traces of errors")
    boolean debug;

    /** The user named by {@code --as}, or null. */
    public String as() {
        return as;
    }

    /** Whether {@code --json} was given. */
    public boolean json() {
        return json;
    }
}
