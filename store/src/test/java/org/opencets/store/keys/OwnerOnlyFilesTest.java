package org.opencets.store.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each way of making a file in {@code CETS_HOME} leaves on disk: its mode and its content. */
class OwnerOnlyFilesTest {
    @TempDir
    Path home;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(OwnerOnlyFiles.posix(home), "file system without POSIX permissions");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void createDirectoriesMakesEveryMissingLevelOwnerOnlyAndLeavesExistingOnes() throws IOException {
        Path evidence = Files.createDirectory(home.resolve("evidence"));
        Files.setPosixFilePermissions(evidence, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnlyFiles.createDirectories(evidence.resolve("ab").resolve("cd"));
        OwnerOnlyFiles.createDirectories(evidence.resolve("ab").resolve("cd")); // again: nothing to do

        assertThat(mode(evidence)).as("made by an older version").isEqualTo("rwxr-xr-x");
        assertThat(mode(evidence.resolve("ab"))).isEqualTo("rwx------");
        assertThat(mode(evidence.resolve("ab/cd"))).isEqualTo("rwx------");
    }

    @Test
    void createDirectoriesFromManyThreadsAtOnceSucceedsEverywhere() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Path leaf = home.resolve("evidence/ab").resolve(i % 2 == 0 ? "cd" : "ef");
            done.add(pool.submit(() -> {
                start.await();
                OwnerOnlyFiles.createDirectories(leaf);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        for (String d : new String[] {"evidence", "evidence/ab", "evidence/ab/cd", "evidence/ab/ef"}) {
            assertThat(mode(home.resolve(d))).as(d).isEqualTo("rwx------");
        }
    }

    @Test
    void createDirectoriesRefusesAFileInTheWay() throws IOException {
        Files.writeString(home.resolve("evidence"), "not a folder");
        assertThatThrownBy(() -> OwnerOnlyFiles.createDirectories(home.resolve("evidence/ab")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void createFileWithContentIsOwnerOnlyAndNeverReplacesAnExistingFile() throws IOException {
        Path key = home.resolve("card.key");
        OwnerOnlyFiles.createFile(key, "00ff".getBytes(StandardCharsets.US_ASCII));
        assertThat(mode(key)).isEqualTo("rw-------");
        assertThat(key).hasContent("00ff");

        assertThatThrownBy(() -> OwnerOnlyFiles.createFile(key, "11ee".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(key).as("the refused write leaves the key as it was").hasContent("00ff");
    }

    @Test
    void newOutputStreamMakesAnOwnerOnlyFileAndRefusesAnExistingOne() throws IOException {
        Path manifest = home.resolve("laptop.media.csv");
        try (OutputStream out = OwnerOnlyFiles.newOutputStream(manifest)) {
            out.write("path,md5\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(mode(manifest)).isEqualTo("rw-------");
        assertThat(manifest).hasContent("path,md5");
        assertThatThrownBy(() -> OwnerOnlyFiles.newOutputStream(manifest)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void replaceSwapsTheContentWholeLeavesNoTemporaryFileAndIsOwnerOnly() throws IOException {
        Path head = home.resolve("audit.head");
        Files.writeString(head, "1 aaaa\n");
        Files.setPosixFilePermissions(head, PosixFilePermissions.fromString("rw-r--r--"));
        // left by a crash, readable by everyone
        Path stale = Files.writeString(home.resolve("audit.head.tmp"), "half");
        Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-rw-rw-"));

        OwnerOnlyFiles.replace(head, "2 bbbb\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(head).hasContent("2 bbbb");
        assertThat(mode(head)).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("audit.head");
        }
    }

    @Test
    void temporaryFilesAndFoldersAreOwnerOnly() throws IOException {
        Path file = OwnerOnlyFiles.createTempFile(home, "incoming-", ".tmp");
        Path folder = OwnerOnlyFiles.createTempDirectory(home, ".media-import-");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(file.getFileName().toString()).startsWith("incoming-").endsWith(".tmp");
        assertThat(file.getParent()).isEqualTo(home);
        assertThat(folder.getParent()).isEqualTo(home);
    }

    @Test
    void syncingADirectoryThatCannotBeOpenedIsNotAnError() {
        // stands for a system without directory sync: the call must go on, not throw
        OwnerOnlyFiles.syncDirectory(home.resolve("no-such-folder"));
        OwnerOnlyFiles.syncDirectory(home);
    }
}
