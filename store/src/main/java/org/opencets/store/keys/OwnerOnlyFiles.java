package org.opencets.store.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories that only their owner may read: the keys, the database, the audit head and
 * the data directory itself ({@code CETS_HOME}). Files are made 0600 and directories 0700 at
 * creation, so there is no moment at which another account could open them. On a file system
 * without POSIX permissions (FAT, some network shares) the modes are skipped: there the directory's
 * access control is the administrator's job.
 *
 * <p>Only new files are given these modes; an existing store with looser ones opens as before.
 */
public final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** Creates an empty file, mode 0600 where the file system has POSIX permissions; fails if it exists. */
    public static void createFile(Path file) throws IOException {
        if (!posix(parentOf(file))) {
            Files.createFile(file);
            return;
        }
        Files.createFile(file, attribute(FILE));
        // the process's umask may take bits away, never add them; set the mode in full anyway
        Files.setPosixFilePermissions(file, FILE);
    }

    /**
     * Creates a directory (and any missing parents, which keep the ordinary mode), the directory
     * itself mode 0700. Returns whether it was created; an existing directory is left as it is.
     */
    public static boolean createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return false;
        }
        Path parent = parentOf(dir);
        Files.createDirectories(parent);
        if (!posix(parent)) {
            Files.createDirectory(dir);
            return true;
        }
        Files.createDirectory(dir, attribute(DIRECTORY));
        Files.setPosixFilePermissions(dir, DIRECTORY);
        return true;
    }

    private static Path parentOf(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent != null ? parent : p.toAbsolutePath().getRoot();
    }

    /** Sets a directory's mode to 0700 where the file system has POSIX permissions. */
    public static void restrictDirectory(Path dir) throws IOException {
        restrict(dir, DIRECTORY);
    }

    /** Whether the file system holding {@code p} has POSIX permissions (tests skip their mode checks if not). */
    public static boolean posix(Path p) throws IOException {
        return Files.getFileStore(p).supportsFileAttributeView("posix");
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        if (posix(p)) {
            Files.setPosixFilePermissions(p, perms);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
