package org.opencets.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** junit-platform.properties is read: temporary folders carry no digits a report would mask. */
class LetterTempDirFactoryTest {
    @Test
    void temporaryFoldersAreNamedWithLettersOnly(@TempDir Path dir) {
        assertThat(dir.getFileName().toString()).matches("cets-test-[a-z]{12}");
        assertThat(Files.isDirectory(dir)).isTrue();
    }
}
