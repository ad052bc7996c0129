package org.opencets.formats.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * Runs a reader over bytes in memory, for reader tests: what it read, what it rejected and what it
 * warned about; and a bounded fuzz loop whose only allowed outcomes are records or a clear error.
 */
public final class ReaderHarness {
    /** Normalisation as a British agency would have it, with an all-zero card key. */
    public static final IdentifierContext CONTEXT = new IdentifierContext("GB", new CardHasher(new byte[32]));

    private ReaderHarness() {
    }

    /** What one read produced. */
    public static final class Result implements RecordSink {
        public final List<ParsedRecord> records = new ArrayList<>();
        /** "LINE: reason", in order. */
        public final List<String> rejected = new ArrayList<>();
        public final List<String> warnings = new ArrayList<>();

        @Override
        public void accept(ParsedRecord r) {
            records.add(r);
        }

        @Override
        public void reject(long line, String reason) {
            rejected.add(line + ": " + reason);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    }

    /** Reads the bytes as the named file, skipping bad rows (every rejection is in the result). */
    public static Result read(RecordReader reader, String fileName, byte[] bytes, Charset charset,
                              Map<String, String> options) throws IOException {
        Result r = new Result();
        reader.read(source(fileName, bytes, charset, options), r);
        return r;
    }

    public static Result read(RecordReader reader, String fileName, byte[] bytes) throws IOException {
        return read(reader, fileName, bytes, null, Map.of());
    }

    /**
     * Reads the bytes all-or-nothing, as an import without {@code --skip-bad} does: the first bad row
     * throws {@link BadInputException}.
     */
    public static List<ParsedRecord> readStrict(RecordReader reader, String fileName, byte[] bytes,
                                                Map<String, String> options) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        reader.read(source(fileName, bytes, null, options), new RecordSink() {
            @Override
            public void accept(ParsedRecord record) {
                out.add(record);
            }

            @Override
            public void reject(long line, String reason) {
                throw new BadInputException(fileName, line, reason);
            }
        });
        return out;
    }

    public static ReadSource source(String fileName, byte[] bytes, Charset charset, Map<String, String> options) {
        return new ReadSource(fileName, () -> new ByteArrayInputStream(bytes), charset, CONTEXT, options,
                ReadSource.DEFAULT_MAX_LINE_BYTES);
    }

    /**
     * Mutates a valid sample many times (bytes flipped, inserted, deleted, the file cut short, a chunk
     * repeated) and reads each mutant with bad rows skipped. A reader may produce records, reject rows
     * with a reason, or throw {@link BadInputException} (or an {@link IOException} that names the
     * file); anything else — a NullPointerException, an IndexOutOfBounds, a hang — fails the test with
     * the seed and round that replay it.
     *
     * @return the number of mutants that ended in a clear error rather than records, for a sanity check
     */
    public static int fuzz(RecordReader reader, String fileName, byte[] sample, long seed, int rounds) {
        SplittableRandom random = new SplittableRandom(seed);
        int errors = 0;
        for (int round = 0; round < rounds; round++) {
            byte[] mutant = mutate(sample, random);
            try {
                Result r = read(reader, fileName, mutant, null, Map.of());
                for (String rejection : r.rejected) {
                    if (rejection.isBlank() || rejection.endsWith(": null")) {
                        throw new AssertionError("fuzz seed " + seed + " round " + round
                                + ": a rejection without a reason: '" + rejection + "'");
                    }
                }
            } catch (BadInputException e) {
                errors++;
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("fuzz seed " + seed + " round " + round + ": an error without a message", e);
                }
            } catch (IOException e) {
                errors++;
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("fuzz seed " + seed + " round " + round + ": an I/O error without a message", e);
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("fuzz seed " + seed + " round " + round + " (replay with this seed): "
                        + reader.format() + " threw " + e, e);
            }
        }
        return errors;
    }

    static byte[] mutate(byte[] sample, SplittableRandom random) {
        byte[] b = sample.clone();
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits && b.length > 0; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, at); // cut short
                case 2 -> { // delete a run
                    int n = Math.min(b.length - at, 1 + random.nextInt(16));
                    byte[] c = new byte[b.length - n];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + n, c, at, b.length - at - n);
                    b = c;
                }
                case 3 -> { // insert a structural character
                    byte[] pick = "{}[]<>\"\n\r\t:,;=*/\\\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    c[at] = pick[random.nextInt(pick.length)];
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                case 4 -> { // repeat a chunk
                    int n = Math.min(b.length - at, 1 + random.nextInt(64));
                    byte[] c = new byte[b.length + n];
                    System.arraycopy(b, 0, c, 0, at + n);
                    System.arraycopy(b, at, c, at + n, b.length - at);
                    b = c;
                }
                default -> b[at] = (byte) (b[at] ^ (1 << random.nextInt(8)));
            }
        }
        return b;
    }
}
