package org.opencets.store.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files and directories that only their owner may read: everything the deployment makes in its data
 * directory ({@code CETS_HOME}) — the directory itself, the keys, the database, the audit head,
 * {@code cets.properties}, the evidence store's folders and files, and the working files of an
 * import. Evidence is encrypted, but its names are the SHA-256 of seized files, and a digest of a
 * known image says what was seized; {@code cets.properties} may name a database. Files are made 0600
 * and directories 0700 at creation, so there is no moment at which another account could open them
 * (the mode is set again after creation, because the process's umask may have taken bits away). On
 * a file system without POSIX permissions (FAT, some network shares) the modes are skipped: there
 * the directory's access control is the administrator's job.
 *
 * <p>Only new files and directories are given these modes; an existing store with looser ones opens
 * as before and keeps them (an administrator may have chosen them; walking the evidence tree on
 * every command would cost time on a large store).
 *
 * <p>The files that must survive a power cut as soon as the call returns — the keys and the audit
 * head — are written with {@link #createFile(Path, byte[])} and {@link #replace(Path, byte[])}, which
 * force the content, and then the directory entry, to disk.
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
     * Creates a file holding {@code content}, mode 0600, and forces the content to disk before
     * returning; fails if the file exists. The caller syncs the directory (see
     * {@link #syncDirectory}) once it has made all its files.
     */
    public static void createFile(Path file, byte[] content) throws IOException {
        FileChannel made = openNew(file);
        boolean written = false;
        try (FileChannel ch = made) {
            ByteBuffer b = ByteBuffer.wrap(content);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
            written = true;
        } finally {
            if (!written) {
                // a half-written key would be refused as "already exists" by the next attempt
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the failure being thrown says more than this one
                }
            }
        }
    }

    /**
     * Opens a new file for writing, mode 0600; fails if it exists. For working files such as a
     * media import's manifest, which need no sync.
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        return Channels.newOutputStream(openNew(file));
    }

    /**
     * Replaces a file's content atomically and durably: the content is written to
     * {@code <name>.tmp} beside it (mode 0600; one left by a crash is removed first), forced to
     * disk, moved over the file, and the directory is synced so that the move itself survives a
     * power cut. A reader sees the old content or the new one, never a mix; after a crash the file
     * holds one of the two.
     */
    public static void replace(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp); // left by a crash, perhaps with another mode
        createFile(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(parentOf(file));
    }

    /**
     * Forces a directory's entries (files created, moved or removed in it) to disk. Linux and
     * macOS do this for a directory opened read-only; where a directory cannot be opened or forced
     * (Windows, some network file systems) the call does nothing, since there the file system gives
     * no way to ask and the file's own content has been forced already.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // no directory sync on this system (Windows refuses to open a directory, some file
            // systems refuse fsync on one): nothing more can be done, and nothing is lost by going on
        }
    }

    /**
     * Creates a directory (and any missing parents, which keep the ordinary mode), the directory
     * itself mode 0700. Returns whether it was created; an existing directory is left as it is.
     * For {@code CETS_HOME}, whose parents are not the deployment's.
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

    /**
     * Creates a directory and every missing parent, each mode 0700: for folders inside
     * {@code CETS_HOME}, such as the evidence store's {@code evidence/ab/cd}. Existing directories
     * keep their mode. Safe when other threads create the same folders at the same time.
     */
    public static void createDirectories(Path dir) throws IOException {
        Path p = dir.toAbsolutePath();
        if (Files.isDirectory(p)) {
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        while (p != null && !Files.exists(p)) {
            missing.push(p);
            p = p.getParent();
        }
        boolean posix = p != null && posix(p);
        for (Path m : missing) { // the outermost first
            try {
                if (posix) {
                    Files.createDirectory(m, attribute(DIRECTORY));
                    Files.setPosixFilePermissions(m, DIRECTORY);
                } else {
                    Files.createDirectory(m);
                }
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(m)) {
                    throw e;
                }
            }
        }
    }

    /** Creates a new, empty, uniquely named file in dir, mode 0600. */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        if (!posix(dir)) {
            return Files.createTempFile(dir, prefix, suffix);
        }
        Path file = Files.createTempFile(dir, prefix, suffix, attribute(FILE));
        Files.setPosixFilePermissions(file, FILE);
        return file;
    }

    /** Creates a new, uniquely named directory in dir, mode 0700. */
    public static Path createTempDirectory(Path dir, String prefix) throws IOException {
        if (!posix(dir)) {
            return Files.createTempDirectory(dir, prefix);
        }
        Path made = Files.createTempDirectory(dir, prefix, attribute(DIRECTORY));
        Files.setPosixFilePermissions(made, DIRECTORY);
        return made;
    }

    /** Sets a directory's mode to 0700 where the file system has POSIX permissions. */
    public static void restrictDirectory(Path dir) throws IOException {
        restrict(dir, DIRECTORY);
    }

    /** Sets a file's mode to 0600 where the file system has POSIX permissions. */
    public static void restrictFile(Path file) throws IOException {
        restrict(file, FILE);
    }

    /** Whether the file system holding {@code p} has POSIX permissions (tests skip their mode checks if not). */
    public static boolean posix(Path p) throws IOException {
        return Files.getFileStore(p).supportsFileAttributeView("posix");
    }

    private static FileChannel openNew(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (!posix(parentOf(file))) {
            return FileChannel.open(file, options);
        }
        FileChannel ch = FileChannel.open(file, options, attribute(FILE));
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return ch;
    }

    private static Path parentOf(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent != null ? parent : p.toAbsolutePath().getRoot();
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
