package org.opencets.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.opencets.core.record.ParsedRecord;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordReader;
import org.opencets.formats.read.RecordSink;

/**
 * Runs a reader on a thread of its own, a bounded number of record batches ahead of the thread that
 * stores them: parsing, decoding and normalising (libphonenumber, the card HMAC, text extraction)
 * use one core while the store's writes use the other, instead of taking turns.
 *
 * <p>The reader thread owns the sink's rejections and warnings; the storing thread sees them only
 * after the end marker, which the queue hands over with a happens-before edge. A failure on either
 * side ends both: a reader's exception is rethrown on the storing thread as it was thrown; a
 * storing failure interrupts the reader. Memory is bounded by {@code DEPTH} batches, each closed at
 * {@code BATCH} records or once the weights of its records (the caller's measure, e.g. characters
 * of serialised fields) pass {@code BATCH_WEIGHT}, so a file of huge records does not fill the heap.
 * Tests pass smaller limits through the package-private overload, to watch batches close.
 */
final class ReadAhead {
    private static final int BATCH = 1_024;
    private static final int DEPTH = 16;
    private static final long BATCH_WEIGHT = 4L << 20;
    private static final Object END = new Object();

    private ReadAhead() {
    }

    /** What the reader produced besides records, handed over at the end. */
    interface Remarks {
        /** Called on the reader thread for a row the reader rejected; may throw to end the read. */
        void reject(long line, String reason);

        /** Called on the reader thread. */
        void warn(String message);
    }

    /** Thrown on the storing thread when the reader failed with a checked I/O error. */
    static final class ReadFailure extends RuntimeException {
        ReadFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /**
     * Reads the source on a new thread, turns each record into what {@code store} takes with
     * {@code prepare} on that same thread, and hands them, in order, to {@code store} on the calling
     * thread. Returns when the reader has finished and every record was stored. Work that needs no
     * store (serialising, keying) belongs in {@code prepare}: it then runs beside the writes.
     */
    static <T> void run(RecordReader reader, ReadSource source, Remarks remarks, Function<ParsedRecord, T> prepare,
                        ToLongFunction<T> weight, Consumer<T> store) {
        run(reader, source, remarks, prepare, weight, store, BATCH, BATCH_WEIGHT, DEPTH);
    }

    /**
     * {@link #run(RecordReader, ReadSource, Remarks, Function, ToLongFunction, Consumer)} with the limits
     * given instead of {@code BATCH}, {@code BATCH_WEIGHT} and {@code DEPTH}: for tests.
     */
    static <T> void run(RecordReader reader, ReadSource source, Remarks remarks, Function<ParsedRecord, T> prepare,
                        ToLongFunction<T> weight, Consumer<T> store, int batchSize, long batchWeightBound, int depth) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(depth);
        Thread thread = Thread.ofPlatform().name("cets-read-" + reader.format()).daemon().unstarted(() -> {
            Object last = END;
            try {
                Batching<T> sink = new Batching<>(queue, remarks, prepare, weight, batchSize, batchWeightBound);
                reader.read(source, sink);
                sink.flush();
            } catch (Interrupted e) {
                return; // the storing side failed and stopped listening
            } catch (Throwable t) {
                last = t;
            }
            try {
                queue.put(last);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        boolean finished = false;
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    finished = true;
                    return;
                }
                if (item instanceof Throwable t) {
                    finished = true;
                    rethrow(t);
                }
                @SuppressWarnings("unchecked")
                List<T> prepared = (List<T>) item;
                for (T r : prepared) {
                    store.accept(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        } finally {
            if (!finished) {
                thread.interrupt();
            }
        }
    }

    /** The reader's sink: records in batches onto the queue, remarks straight to their owner. */
    private static final class Batching<T> implements RecordSink {
        private final BlockingQueue<Object> queue;
        private final Remarks remarks;
        private final Function<ParsedRecord, T> prepare;
        private final ToLongFunction<T> weight;
        private final int maxRecords;
        private final long maxWeight;
        private List<T> batch;
        private long batchWeight;

        Batching(BlockingQueue<Object> queue, Remarks remarks, Function<ParsedRecord, T> prepare, ToLongFunction<T> weight,
                 int maxRecords, long maxWeight) {
            this.queue = queue;
            this.remarks = remarks;
            this.prepare = prepare;
            this.weight = weight;
            this.maxRecords = maxRecords;
            this.maxWeight = maxWeight;
            this.batch = new ArrayList<>(maxRecords);
        }

        @Override
        public void accept(ParsedRecord record) {
            T prepared = prepare.apply(record);
            batch.add(prepared);
            batchWeight += weight.applyAsLong(prepared);
            if (batch.size() == maxRecords || batchWeight >= maxWeight) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                put(queue, batch);
                batch = new ArrayList<>(maxRecords);
                batchWeight = 0;
            }
        }

        @Override
        public void reject(long line, String reason) {
            remarks.reject(line, reason);
        }

        @Override
        public void warn(String message) {
            remarks.warn(message);
        }
    }

    /** The reader thread was told to stop. */
    private static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Interrupted();
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof IOException io) {
            throw new ReadFailure(io);
        }
        throw new IllegalStateException(t);
    }
}
