package org.opencets.app;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * The read-ahead on its own, with a fake reader of numbered records: order and threads, batches
 * closing on weight and on count, memory while the store stalls, and failures on either side. Small
 * limits make batches close and the queue fill within a few dozen records.
 */
@Timeout(60) // a safety net only: every wait below has its own, shorter, bound
class ReadAheadTest {
    /** How long a test waits for something that must happen before it calls it a failure. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final ReadSource SOURCE = new ReadSource("fake.txt", InputStream::nullInputStream, null,
            new IdentifierContext(null, new CardHasher(new byte[32])), Map.of(), ReadSource.DEFAULT_MAX_LINE_BYTES);
    private static final ReadAhead.Remarks NO_REMARKS = new ReadAhead.Remarks() {
        @Override
        public void reject(long line, String reason) {
            throw new AssertionError("unexpected rejection of line " + line + ": " + reason);
        }

        @Override
        public void warn(String message) {
            throw new AssertionError("unexpected warning: " + message);
        }
    };

    @Test
    void everyRecordArrivesInOrderOnTheCallingThreadAndIsPreparedOnTheReaderThread() {
        int n = 5_000; // several batches at the production limits
        Set<String> preparedOn = ConcurrentHashMap.newKeySet();
        Set<Thread> storedOn = new HashSet<>();
        List<Long> stored = new ArrayList<>();

        ReadAhead.run(numbered(n), SOURCE, NO_REMARKS, r -> {
            preparedOn.add(Thread.currentThread().getName());
            return r.line();
        }, line -> 1, line -> {
            storedOn.add(Thread.currentThread());
            stored.add(line);
        });

        assertThat(stored).containsExactlyElementsOf(lines(n));
        assertThat(storedOn).containsExactly(Thread.currentThread());
        assertThat(preparedOn).singleElement().satisfies(name -> assertThat(name).startsWith("cets-read-"));
    }

    @Test
    void aBatchClosesOnceItsWeightReachesTheBound() {
        int bound = 10;
        // Mostly light records, so that batches run to several, with weightless ones and, about one in
        // eight, a record that reaches the bound on its own.
        SplittableRandom random = new SplittableRandom(20240101);
        int[] weights = new int[400];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextInt(8) == 0 ? bound + random.nextInt(20) : random.nextInt(4);
        }
        // No batch may weigh more than the bound plus its last record.
        Leash leash = new Leash(weights, bound);
        List<Long> stored = new ArrayList<>();

        // The count bound is above the whole file: only the weight closes a batch before the end.
        ReadAhead.run(leash.reader(), SOURCE, NO_REMARKS, ParsedRecord::line, line -> weights[(int) (line - 1)], line -> {
            stored.add(line);
            leash.stored(line);
        }, 1_000, bound, 2);

        assertThat(stored).containsExactlyElementsOf(lines(weights.length));
    }

    @Test
    void aBatchClosesAtTheRecordCountBound() {
        int batch = 8;
        int[] ones = new int[100];
        Arrays.fill(ones, 1);
        Leash leash = new Leash(ones, batch - 1); // no batch may hold more than batch records
        List<Long> stored = new ArrayList<>();

        // Each record weighs 1 against a bound that is never reached: only the count closes a batch.
        ReadAhead.run(leash.reader(), SOURCE, NO_REMARKS, ParsedRecord::line, line -> 1, line -> {
            stored.add(line);
            leash.stored(line);
        }, batch, Long.MAX_VALUE, 2);

        assertThat(stored).containsExactlyElementsOf(lines(ones.length));
    }

    @Test
    void theReaderStopsAFewBatchesAheadOfAStalledStore() {
        int batch = 4;
        int depth = 3;
        int n = 200;
        AtomicInteger prepared = new AtomicInteger();
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        // More than fit while batch 0 is still queued (depth batches, and one more waiting to be put).
        CountDownLatch pastFirstFill = new CountDownLatch(1);
        int[] preparedWhileStalled = {-1};
        List<Long> stored = new ArrayList<>();

        ReadAhead.run(numbered(n), SOURCE, NO_REMARKS, r -> {
            readerThread.set(Thread.currentThread());
            if (prepared.incrementAndGet() == (depth + 1) * batch + 1) {
                pastFirstFill.countDown();
            }
            return r.line();
        }, line -> 0, line -> {
            if (line == 1) {
                // The store stalls on the first record until the reader can go no further. Once it is
                // past the first fill, it cannot still be parked from before the store took batch 0,
                // so the next time it parks (or if it ends) it stays that way while the store stalls.
                await(pastFirstFill);
                awaitParkedOrEnded(readerThread.get());
                preparedWhileStalled[0] = prepared.get();
            }
            stored.add(line);
        }, batch, Long.MAX_VALUE, depth);

        // Batch 0 in the store's hands, depth batches queued, one more full and waiting to be put.
        assertThat(preparedWhileStalled[0]).as("records prepared while the store stalled")
                .isLessThanOrEqualTo((depth + 2) * batch);
        assertThat(stored).containsExactlyElementsOf(lines(n));
    }

    @Test
    void aReadErrorIsRethrownAfterTheRecordsBeforeItWereStored() {
        IOException broken = new IOException("the disk went away");
        RecordReader reader = new Fake(sink -> {
            for (int i = 0; i < 6; i++) {
                sink.accept(record(i));
            }
            throw broken;
        });
        List<Long> stored = new ArrayList<>();

        // Six records in batches of three: both batches closed before the failure.
        assertThatThrownBy(() -> ReadAhead.run(reader, SOURCE, NO_REMARKS, ParsedRecord::line, line -> 0, stored::add,
                3, Long.MAX_VALUE, 2))
                .isInstanceOf(ReadAhead.ReadFailure.class)
                .hasMessage("the disk went away")
                .cause().isSameAs(broken);
        assertThat(stored).containsExactlyElementsOf(lines(6));
    }

    @Test
    void aReaderRuntimeExceptionIsRethrownAsItWasThrown() {
        IllegalStateException bug = new IllegalStateException("a bug in the reader");
        RecordReader reader = new Fake(sink -> {
            for (int i = 0; i < 6; i++) {
                sink.accept(record(i));
            }
            throw bug;
        });
        List<Long> stored = new ArrayList<>();

        assertThatThrownBy(() -> ReadAhead.run(reader, SOURCE, NO_REMARKS, ParsedRecord::line, line -> 0, stored::add,
                3, Long.MAX_VALUE, 2))
                .isSameAs(bug);
        assertThat(stored).containsExactlyElementsOf(lines(6));
    }

    @Test
    void aStoreFailureIsRethrownAndStopsTheReader() throws InterruptedException {
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        CountDownLatch readerEnded = new CountDownLatch(1);
        // An endless file: only being told to stop ends this reader.
        RecordReader endless = new Fake(sink -> {
            readerThread.set(Thread.currentThread());
            try {
                for (int i = 0; ; i++) {
                    sink.accept(record(i));
                }
            } finally {
                readerEnded.countDown();
            }
        });
        IllegalStateException full = new IllegalStateException("the store is full");
        List<Long> stored = new ArrayList<>();

        assertThatThrownBy(() -> ReadAhead.run(endless, SOURCE, NO_REMARKS, ParsedRecord::line, line -> 0, line -> {
            if (line == 10) {
                throw full;
            }
            stored.add(line);
        }, 4, Long.MAX_VALUE, 2)).isSameAs(full);

        assertThat(stored).containsExactlyElementsOf(lines(9));
        assertThat(readerEnded.await(PATIENCE.toMillis(), MILLISECONDS)).as("the reader stopped reading").isTrue();
        assertThat(readerThread.get().join(PATIENCE)).as("the reader thread ended").isTrue();
    }

    @Test
    void rejectionsAndWarningsReachTheRemarksOnTheReaderThread() {
        List<String> heard = new CopyOnWriteArrayList<>();
        Set<String> heardOn = ConcurrentHashMap.newKeySet();
        ReadAhead.Remarks remarks = new ReadAhead.Remarks() {
            @Override
            public void reject(long line, String reason) {
                heardOn.add(Thread.currentThread().getName());
                heard.add("rejected " + line + ": " + reason);
            }

            @Override
            public void warn(String message) {
                heardOn.add(Thread.currentThread().getName());
                heard.add("warning: " + message);
            }
        };
        RecordReader reader = new Fake(sink -> {
            sink.accept(record(0));
            sink.reject(2, "no amount");
            sink.warn("column memo was not used");
            sink.accept(record(2));
        });
        List<Long> stored = new ArrayList<>();

        ReadAhead.run(reader, SOURCE, remarks, ParsedRecord::line, line -> 0, stored::add);

        assertThat(heard).containsExactly("rejected 2: no amount", "warning: column memo was not used");
        assertThat(heardOn).singleElement().satisfies(name -> assertThat(name).startsWith("cets-read-"));
        assertThat(stored).containsExactly(1L, 3L);
    }

    @Test
    void aRejectionThatThrowsEndsTheRead() {
        IllegalArgumentException bad = new IllegalArgumentException("line 2: no amount");
        ReadAhead.Remarks strict = new ReadAhead.Remarks() {
            @Override
            public void reject(long line, String reason) {
                throw bad;
            }

            @Override
            public void warn(String message) {
            }
        };
        AtomicInteger read = new AtomicInteger();
        RecordReader reader = new Fake(sink -> {
            for (int i = 0; i < 10; i++) {
                if (i == 1) {
                    sink.reject(2, "no amount");
                }
                read.incrementAndGet();
                sink.accept(record(i));
            }
        });

        assertThatThrownBy(() -> ReadAhead.run(reader, SOURCE, strict, ParsedRecord::line, line -> 0, line -> {
        })).isSameAs(bad);
        assertThat(read).hasValue(1);
    }

    /** A reader whose reading is the test's. */
    private record Fake(Body body) implements RecordReader {
        interface Body {
            void read(RecordSink sink) throws IOException;
        }

        @Override
        public String format() {
            return "fake";
        }

        @Override
        public String description() {
            return "a test's reader";
        }

        @Override
        public int sniff(String fileName, byte[] head) {
            return 0;
        }

        @Override
        public void read(ReadSource source, RecordSink sink) throws IOException {
            body.read(sink);
        }
    }

    /**
     * Keeps a fake reader at most {@code slack} units (records, or weight) ahead of the store: before
     * it reads a record, the reader takes the units of the record before it, and the store gives a
     * record's units back once it has stored it. ReadAhead hands a batch over only when the batch
     * closes, so the reader gets past a record only while the batch it is building comes to at most
     * the slack. A batch that comes to more than the slack before its last record leaves the reader
     * waiting for units that never come back, and the read fails after {@link #PATIENCE}.
     */
    private static final class Leash {
        private final int[] units;
        private final Semaphore free;
        private final int slack;

        Leash(int[] units, int slack) {
            this.units = units;
            this.free = new Semaphore(slack);
            this.slack = slack;
        }

        /** Reads {@code units.length} records on the leash. */
        RecordReader reader() {
            return new Fake(sink -> {
                for (int i = 0; i < units.length; i++) {
                    if (i > 0) {
                        take(units[i - 1], i);
                    }
                    sink.accept(record(i));
                }
            });
        }

        /** Called by the store for each record it stored. */
        void stored(long line) {
            free.release(units[(int) (line - 1)]);
        }

        private void take(int n, int index) throws InterruptedIOException {
            try {
                if (!free.tryAcquire(n, PATIENCE.toMillis(), MILLISECONDS)) {
                    throw new AssertionError("the reader, at record " + index + ", waited " + PATIENCE + " for the store:"
                            + " the batch it was building came to more than " + slack + " before its last record");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the store failed; let ReadAhead see why we stop
                throw new InterruptedIOException("stopped");
            }
        }
    }

    private static RecordReader numbered(int n) {
        return new Fake(sink -> {
            for (int i = 0; i < n; i++) {
                sink.accept(record(i));
            }
        });
    }

    /** The record at {@code index}, on line {@code index + 1}. */
    private static ParsedRecord record(int index) {
        return new ParsedRecord(RecordKind.MESSAGE, index + 1, index * 100L, "2024-01-01T00:00:00Z", Map.of("n", index),
                List.of());
    }

    /** Lines 1 to n. */
    private static List<Long> lines(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toMillis(), MILLISECONDS)) {
                throw new AssertionError("waited " + PATIENCE + " in vain");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits until the thread is parked or has ended. There is no event to wait on for that, so this
     * polls the thread's state (as the JSR-166 TCK does); it decides nothing by how long it waits.
     */
    private static void awaitParkedOrEnded(Thread thread) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Thread.State state;
        while ((state = thread.getState()) != Thread.State.WAITING && state != Thread.State.TERMINATED) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(thread.getName() + " still " + state + " after " + PATIENCE);
            }
            Thread.yield();
        }
    }
}
