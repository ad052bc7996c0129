package org.opencets.cli;

/** What {@code cets} exits with. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Failed: the message says why (a store problem, a failed check). */
    public static final int ERROR = 1;
    /**
     * The command line itself is wrong: unknown option, missing argument, a value an option does not
     * take (an unknown role or format, a limit below 1), or no command at all.
     */
    public static final int USAGE = 2;
    /** The acting user is not entitled to do this. */
    public static final int DENIED = 3;
    /**
     * The input file cannot be read as asked (with {@code --skip-bad}: no row of it could be kept);
     * nothing of it was stored. For a folder: it is empty, holds nothing to import, or a file in it
     * failed (nothing of that file was stored; the folder's other files were imported). With several
     * files: one of them failed, and the others were imported.
     */
    public static final int BAD_INPUT = 4;

    private ExitCodes() {
    }
}
