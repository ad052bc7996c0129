package org.opencets.formats.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The readers on the class path, found through {@link ServiceLoader}: adding a format is one class
 * and one line in {@code META-INF/services/org.opencets.formats.read.RecordReader}.
 */
public final class Formats {
    private final List<RecordReader> readers;

    private Formats(List<RecordReader> readers) {
        this.readers = List.copyOf(readers);
    }

    public static Formats installed() {
        List<RecordReader> list = new ArrayList<>();
        ServiceLoader.load(RecordReader.class, Formats.class.getClassLoader()).forEach(list::add);
        list.sort(Comparator.comparing(RecordReader::format));
        return new Formats(list);
    }

    public List<RecordReader> all() {
        return readers;
    }

    public List<String> names() {
        return readers.stream().map(RecordReader::format).toList();
    }

    /** The reader of that name; the error lists the known names. */
    public RecordReader byName(String name) {
        return readers.stream().filter(r -> r.format().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + name + "'; known formats: "
                        + String.join(", ", names()) + " (or auto)"));
    }

    /** The reader most confident about this file, if any is at all. */
    public Optional<RecordReader> detect(String fileName, byte[] head) {
        RecordReader best = null;
        int bestScore = 0;
        for (RecordReader r : readers) {
            int s = r.sniff(fileName, head);
            if (s > bestScore) {
                bestScore = s;
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The score the given reader gives this file, for "did you mean" messages. */
    public static int score(RecordReader reader, String fileName, byte[] head) {
        return reader.sniff(fileName, head);
    }
}
