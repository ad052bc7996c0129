package org.opencets.testing;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Makes every test's {@code @TempDir} with a name of letters only ({@code cets-test-qmzvhkcaxrwe}),
 * set for all modules in {@code junit-platform.properties}.
 *
 * <p>Why: JUnit's own names end in up to 20 random digits, and a run of 13 to 19 digits passes the
 * Luhn check about one time in ten. Every report, error and stored file name masks a card number in
 * a path, so a test comparing output with its temporary folder's path failed about one run in ten.
 */
public final class LetterTempDirFactory implements TempDirFactory {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext)
            throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"));
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder name = new StringBuilder("cets-test-");
            for (int i = 0; i < 12; i++) {
                name.append((char) ('a' + RANDOM.nextInt(26)));
            }
            Path dir = base.resolve(name.toString());
            try {
                if (Files.getFileStore(base).supportsFileAttributeView("posix")) {
                    return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                // another test has this name; draw again
            }
        }
        throw new IOException("cannot make a temporary folder in " + base);
    }
}
