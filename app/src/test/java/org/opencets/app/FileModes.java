package org.opencets.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** File modes under a store's home, for tests that check it is owner-only. */
public final class FileModes {
    private FileModes() {
    }

    /** A path's mode as {@code rwx------}. */
    public static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /**
     * Every path under home, home included, whose mode is not 0600 (a file) or 0700 (a folder),
     * relative to home, with its mode; empty when all of it is owner-only.
     */
    public static Map<String, String> notOwnerOnly(Path home) {
        Map<String, String> loose = new TreeMap<>();
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String expected = Files.isDirectory(p) ? "rwx------" : "rw-------";
                String actual = mode(p);
                if (!actual.equals(expected)) {
                    loose.put(p.equals(home) ? "." : home.relativize(p).toString(), actual);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loose;
    }
}
