package org.opencets.store.keys;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import org.opencets.store.StoreException;

/**
 * The deployment's secret keys, one file each under {@code CETS_HOME/keys}, readable by the owner
 * only (mode 0600, directory 0700):
 * <ul>
 *   <li>{@code card.key}: the HMAC key that turns card numbers into keyed hashes;</li>
 *   <li>{@code audit.key}: the HMAC key of the audit log's hash chain;</li>
 *   <li>{@code evidence.key}: the AES-256 key that encrypts the evidence store at rest.</li>
 * </ul>
 * Every server of one network must share {@code card.key} for cards to correlate. Losing it makes
 * new card hashes unrelated to old ones; the keys belong in the deployment's backup, never in a
 * repository or a log.
 */
public record DeploymentKeys(byte[] card, byte[] audit, byte[] evidence) {
    private static final String[] NAMES = {"card.key", "audit.key", "evidence.key"};

    public static Path directory(Path home) {
        return home.resolve("keys");
    }

    public static boolean exist(Path home) {
        return Files.exists(directory(home).resolve(NAMES[0]));
    }

    /** Creates the three keys; refuses to overwrite an existing one. */
    public static DeploymentKeys create(Path home) {
        Path dir = directory(home);
        try {
            OwnerOnlyFiles.createDirectories(dir);
            OwnerOnlyFiles.restrictDirectory(dir);
            SecureRandom random = new SecureRandom();
            byte[][] keys = new byte[3][32];
            for (int i = 0; i < 3; i++) {
                random.nextBytes(keys[i]);
                // forced to disk: a key lost to a power cut after imports had committed would leave
                // their card hashes unmatched and their evidence unreadable
                OwnerOnlyFiles.createFile(dir.resolve(NAMES[i]),
                        java.util.HexFormat.of().formatHex(keys[i]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            OwnerOnlyFiles.syncDirectory(dir);
            OwnerOnlyFiles.syncDirectory(dir.toAbsolutePath().getParent());
            return new DeploymentKeys(keys[0], keys[1], keys[2]);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("a key already exists at " + e.getFile() + "; refusing to replace it "
                    + "(card hashes made under it would stop correlating)");
        } catch (IOException e) {
            throw new StoreException("cannot create the keys in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Loads the keys, checking that no one but the owner can read them. */
    public static DeploymentKeys load(Path home) {
        Path dir = directory(home);
        byte[][] keys = new byte[3][];
        for (int i = 0; i < 3; i++) {
            Path file = dir.resolve(NAMES[i]);
            if (!Files.exists(file)) {
                throw new StoreException("no key at " + file + ": run 'cets init' to create the store (CETS_HOME="
                        + home + ")");
            }
            try {
                if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                    if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                        throw new StoreException("key file " + file + " is readable by others (" +
                                PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
                    }
                }
                String hex = Files.readString(file).strip();
                keys[i] = java.util.HexFormat.of().parseHex(hex);
                if (keys[i].length != 32) {
                    throw new StoreException("key file " + file + " is damaged: expected 64 hex digits");
                }
            } catch (IllegalArgumentException e) {
                throw new StoreException("key file " + file + " is damaged: expected 64 hex digits");
            } catch (IOException e) {
                throw new StoreException("cannot read key file " + file + ": " + e.getMessage(), e);
            }
        }
        return new DeploymentKeys(keys[0], keys[1], keys[2]);
    }

    @Override
    public String toString() {
        return "DeploymentKeys[…]";
    }
}
