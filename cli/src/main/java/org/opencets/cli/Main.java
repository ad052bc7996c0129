package org.opencets.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.opencets.app.AccessDeniedException;
import org.opencets.formats.read.BadInputException;
import picocli.CommandLine;

/** Entry point of the {@code cets} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs one command line; never exits the JVM, so tests call it directly. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CetsCommand root = new CetsCommand(env);
        CommandLine cl = commandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, commandLine.getErr(), debug));
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("cets: " + shown(ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage and an example.");
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Reports an error that ends a command: one line on standard error (a stack trace before it with
     * {@code --debug}); returns the exit code that says what kind of error it is.
     */
    static int failed(Throwable t, PrintWriter err, boolean debug) {
        if (debug) {
            printStackTrace(t, err);
        }
        err.println("cets: " + shown(message(t)));
        err.flush();
        return exitCode(t);
    }

    /** The exit code of an error: not allowed, input that cannot be read as asked, or any other failure. */
    static int exitCode(Throwable t) {
        if (t instanceof AccessDeniedException) {
            return ExitCodes.DENIED;
        }
        if (t instanceof BadInputException) {
            return ExitCodes.BAD_INPUT;
        }
        if (t instanceof org.opencets.app.ReasonRequiredException) {
            return ExitCodes.USAGE; // an option the deployment makes mandatory is missing
        }
        return ExitCodes.ERROR;
    }

    /** An error's message, or its kind when it has none. */
    static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * An error as the user sees it: a message may quote what was typed or read (an unknown case
     * number, a bad option value, a library's complaint), so a card number in it is masked here, the
     * last place before the screen, whatever produced it.
     */
    static String shown(String message) {
        return org.opencets.core.identifier.TextExtractor.redactCards(message);
    }

    /**
     * A stack trace for {@code --debug}, with each message masked as {@link #shown} masks it: the
     * frames are what a developer needs, and a card number quoted in a message is not.
     */
    static void printStackTrace(Throwable t, PrintWriter err) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        String prefix = "";
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            err.println(prefix + c.getClass().getName() + (c.getMessage() == null ? "" : ": " + shown(c.getMessage())));
            for (StackTraceElement frame : c.getStackTrace()) {
                err.println("\tat " + frame);
            }
            prefix = "Caused by: ";
        }
    }

    /** The command tree, for tests of parsing without running. */
    public static CommandLine commandLine(CetsCommand root) {
        CommandLine cl = new CommandLine(root);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }
}
