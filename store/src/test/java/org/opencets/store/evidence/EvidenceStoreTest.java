package org.opencets.store.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {
    @TempDir
    Path dir;

    EvidenceStore store;

    @org.junit.jupiter.api.BeforeEach
    void open() {
        store = new EvidenceStore(dir.resolve("evidence"), new byte[32]);
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    byte[] roundTrip(byte[] content) throws Exception {
        Path f = dir.resolve("f" + content.length);
        Files.write(f, content);
        EvidenceStore.Stored s = store.put(f);
        assertThat(s.sha256()).isEqualTo(sha(content));
        assertThat(s.size()).isEqualTo(content.length);
        try (InputStream in = store.open(s.sha256())) {
            return in.readAllBytes();
        }
    }

    @Test
    void contentComesBackByteForByteAcrossChunkBoundaries() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("EvidenceStoreTest seed " + seed);
        Random r = new Random(seed);
        for (int size : new int[] {0, 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) - 7}) {
            byte[] b = new byte[size];
            r.nextBytes(b);
            assertThat(roundTrip(b)).as("size " + size + ", seed " + seed).isEqualTo(b);
        }
    }

    @Test
    void theSameContentIsKeptOnceAndNothingIsInClear() throws Exception {
        byte[] b = "card 4556737586899855 bought".getBytes();
        Path f1 = dir.resolve("a");
        Path f2 = dir.resolve("b");
        Files.write(f1, b);
        Files.write(f2, b);
        assertThat(store.put(f1).alreadyPresent()).isFalse();
        EvidenceStore.Stored second = store.put(f2);
        assertThat(second.alreadyPresent()).isTrue();
        assertThat(new String(Files.readAllBytes(store.pathOf(second.sha256())), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("4556737586899855");
    }

    @Test
    void anAlteredOrTruncatedFileIsDetected() throws Exception {
        byte[] b = new byte[(1 << 20) + 100];
        new Random(7).nextBytes(b);
        Path f = dir.resolve("x");
        Files.write(f, b);
        String sha = store.put(f).sha256();
        Path stored = store.pathOf(sha);
        byte[] enc = Files.readAllBytes(stored);
        enc[100] ^= 1;
        Files.write(stored, enc);
        assertThatThrownBy(() -> readAll(sha)).isInstanceOf(IOException.class).hasMessageContaining("altered");
        enc[100] ^= 1;
        // drop the last chunk: the first is not marked final, so its authentication fails
        byte[] cut = java.util.Arrays.copyOf(enc, 16 + 4 + (1 << 20) + 16);
        Files.write(stored, cut);
        assertThatThrownBy(() -> readAll(sha)).isInstanceOf(IOException.class);
    }

    private void readAll(String sha) throws IOException {
        try (InputStream in = store.open(sha)) {
            in.readAllBytes();
        }
    }
}
