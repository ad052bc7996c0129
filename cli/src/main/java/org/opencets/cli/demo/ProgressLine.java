package org.opencets.cli.demo;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One updating line on the error stream: what is being done, a bar, records so far, the rate and
 * the time left. Silent when told to be, or when the output is not a terminal (piped, redirected,
 * or under a test), so logs and pipes get the results and nothing else.
 */
final class ProgressLine {
    private static final long EVERY_NANOS = 200_000_000L;
    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean enabled;
    private long lastDraw;
    private int lastLength;
    private long started = System.nanoTime();

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /**
     * Whether the JVM's standard streams are a terminal. Before JDK 22, {@link System#console()} is
     * null when they are not; from JDK 22 it always returns a console and {@code Console.isTerminal()}
     * (called reflectively, as the code is compiled for JDK 21) tells.
     */
    static boolean terminal() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Starts timing a new task (the rate and time left count from here). */
    void restart() {
        started = System.nanoTime();
        lastDraw = 0;
    }

    /** Redraws the line, at most five times a second unless forced. */
    void show(String label, long done, long total, boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < EVERY_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        int filled = total <= 0 ? 0 : (int) Math.min(BAR, BAR * done / total);
        String bar = "=".repeat(filled) + (filled < BAR ? ">" + " ".repeat(BAR - filled - 1) : "");
        String left = rate > 0 && total > done ? String.format(Locale.ROOT, ", %s left", duration((total - done) / rate)) : "";
        String line = String.format(Locale.ROOT, "  %-34s [%s] %,d / %,d records, %,.0f/s%s", label, bar, done, total, rate, left);
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** Shows a phase without a count. */
    void note(String text) {
        if (!enabled) {
            return;
        }
        String line = "  " + text;
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        err.flush();
        lastLength = line.length();
    }

    /** Ends the line, leaving what it last showed. */
    void done() {
        if (enabled && lastLength > 0) {
            err.println();
            err.flush();
            lastLength = 0;
        }
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.0f s", Math.ceil(seconds));
        }
        long s = (long) seconds;
        return s / 60 + " min " + s % 60 + " s";
    }
}
