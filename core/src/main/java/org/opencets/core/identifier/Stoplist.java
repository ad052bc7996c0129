package org.opencets.core.identifier;

import java.nio.file.Path;
import java.util.List;

/** The warning list of values never to correlate. */
public final class Stoplist {
    private Stoplist() {
    }

    public static Stoplist builtIn(CardHasher hasher) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public static Stoplist load(List<Path> extraFiles, CardHasher hasher) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public Stoplist withFile(Path file, CardHasher hasher) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public boolean isStopped(Identifier id) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** Why the identifier is stopped (file, line and the line's comment), or null when it is not. */
    public String reason(Identifier id) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
