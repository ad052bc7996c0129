package org.opencets.media.scan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.opencets.media.exif.CameraFacts;
import org.opencets.media.exif.ExifReader;
import org.opencets.media.hash.FileDigests;
import org.opencets.media.hash.TripleDigest;
import org.opencets.media.pdq.PdqHasher;
import org.opencets.media.pdq.PdqResult;

/**
 * Walks files and folders and hashes every file: one read per file feeds MD5, SHA-1 and SHA-256,
 * the EXIF reader and the image decoder; decoded images get a PDQ hash.
 *
 * <p>Results stream to a consumer, always on the calling thread and in walk order (folders are
 * walked depth-first, entries sorted by name), whatever the number of worker threads: at most a
 * few files per thread are in flight, so memory stays flat however many files there are. A file
 * that cannot be read or decoded yields a {@link MediaFile} with its reason and never stops the
 * run. Symbolic links are not followed; a link, device, pipe or socket below a root is reported as
 * such (a {@link MediaFile} without digests), never passed over in silence.
 *
 * <p>Videos (by their signature, {@link FileKind}) are hashed as a stream and not decoded: there is
 * no video PDQ, and reading a film whole into memory to find that out would be waste.
 */
public final class MediaScanner {
    private final ScanOptions options;

    public MediaScanner(ScanOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Per-thread reusable state: the hasher keeps large scratch buffers between images. */
    private static final ThreadLocal<TripleDigest> DIGESTS = ThreadLocal.withInitial(TripleDigest::new);
    private static final ThreadLocal<PdqHasher> HASHERS = ThreadLocal.withInitial(PdqHasher::new);

    /**
     * Scans files and folders (recursively), handing each result to {@code sink} in walk order.
     *
     * @throws InterruptedException if the calling thread is interrupted; workers are stopped
     */
    public ScanSummary scan(List<Path> roots, Consumer<? super MediaFile> sink) throws InterruptedException {
        return scan(roots, p -> true, sink);
    }

    /**
     * Scans files and folders (recursively), handing each result to {@code sink} in walk order; a
     * regular file for which {@code include} is false is left alone (not read, no result).
     * {@code include} is called on the calling thread, in walk order, a few files ahead of
     * {@code sink}.
     *
     * @throws InterruptedException if the calling thread is interrupted; workers are stopped
     */
    public ScanSummary scan(List<Path> roots, Predicate<? super Path> include, Consumer<? super MediaFile> sink)
            throws InterruptedException {
        Objects.requireNonNull(include, "include");
        long start = System.nanoTime();
        long[] counts = new long[4];
        Consumer<MediaFile> counting = f -> {
            counts[0]++;
            if (f.decoded()) {
                counts[1]++;
            }
            if (f.error() != null) {
                counts[2]++;
            }
            if (f.size() > 0) {
                counts[3] += f.size();
            }
            sink.accept(f);
        };
        if (options.threads() == 1) {
            walk(roots, include, p -> counting.accept(p.file != null ? scanFile(p.file) : p.failure));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
                Thread t = new Thread(r, "media-scan");
                t.setDaemon(true);
                return t;
            });
            try {
                Deque<Future<MediaFile>> window = new ArrayDeque<>();
                int maxInFlight = options.threads() * 3;
                InterruptedException[] interrupted = new InterruptedException[1];
                walk(roots, include, p -> {
                    if (interrupted[0] != null) {
                        return;
                    }
                    window.add(p.file != null ? pool.submit(() -> scanFile(p.file))
                            : CompletableFuture.completedFuture(p.failure));
                    try {
                        while (window.size() >= maxInFlight) {
                            counting.accept(take(window.poll()));
                        }
                    } catch (InterruptedException e) {
                        interrupted[0] = e;
                    }
                });
                if (interrupted[0] != null) {
                    throw interrupted[0];
                }
                while (!window.isEmpty()) {
                    counting.accept(take(window.poll()));
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return new ScanSummary(counts[0], counts[1], counts[2], counts[3],
                java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    private static MediaFile take(Future<MediaFile> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // scanFile catches everything it expects; anything else is a bug worth seeing
            throw new IllegalStateException("media scan worker failed", e.getCause());
        }
    }

    /** A walked entry: a file to scan, or a failure to report (a root or folder that cannot be read). */
    private record Walked(Path file, MediaFile failure) {
    }

    private static void walk(List<Path> roots, Predicate<? super Path> include, Consumer<Walked> visit) {
        for (Path root : roots) {
            walk(root, include, visit, true);
        }
    }

    private static void walk(Path path, Predicate<? super Path> include, Consumer<Walked> visit, boolean isRoot) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) || (isRoot && Files.isDirectory(path))) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(path)) {
                for (Path c : ds) {
                    children.add(c);
                }
            } catch (IOException e) {
                visit.accept(new Walked(null, MediaFile.unreadable(path, "cannot list folder: " + ImageDecoder.describe(e))));
                return;
            }
            children.sort(null);
            for (Path c : children) {
                walk(c, include, visit, false);
            }
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || (isRoot && Files.isRegularFile(path))) {
            if (include.test(path)) {
                visit.accept(new Walked(path, null));
            }
        } else if (isRoot && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            visit.accept(new Walked(null, MediaFile.unreadable(path, "no such file or folder")));
        } else if (Files.isSymbolicLink(path)) {
            // followed, a link on a mounted seized disk could lead out of it, or round in a loop
            visit.accept(new Walked(null, MediaFile.unreadable(path, NOT_FOLLOWED)));
        } else {
            visit.accept(new Walked(null, MediaFile.unreadable(path, NOT_A_FILE)));
        }
    }

    /** The reason given for a symbolic link below a root. */
    public static final String NOT_FOLLOWED = "symbolic link, not followed";
    /** The reason given for a device, pipe or socket below a root. */
    public static final String NOT_A_FILE = "not a regular file (a device, pipe or socket)";

    /** Scans one file on the calling thread. Never throws for a bad file: the reason is in the result. */
    public MediaFile scanFile(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return MediaFile.unreadable(file, "no such file");
        } catch (IOException | SecurityException e) {
            return MediaFile.unreadable(file, "cannot read file: " + ImageDecoder.describe(e));
        }
        TripleDigest digest = DIGESTS.get();
        byte[] data;
        FileKind kind;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(FileKind.HEAD_BYTES);
            kind = FileKind.of(head, head.length);
            boolean video = kind.family() == FileKind.Family.VIDEO;
            if (video || size > options.maxDecodeBytes()) {
                digest.update(head, 0, head.length);
                long n = head.length + digest.update(in);
                return new MediaFile(file, n, digest.finish(), null, 0, 0, CameraFacts.NONE, kind, video ? null
                        : "not decoded: " + n + " bytes is over the " + options.maxDecodeBytes() + "-byte decode limit");
            }
            byte[] rest = in.readAllBytes();
            if (rest.length == 0) {
                data = head;
            } else {
                data = java.util.Arrays.copyOf(head, head.length + rest.length);
                System.arraycopy(rest, 0, data, head.length, rest.length);
            }
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            digest.finish(); // leave the thread's digest clean for its next file
            return MediaFile.unreadable(file, "cannot read file: " + ImageDecoder.describe(e));
        }
        digest.update(data, 0, data.length);
        FileDigests digests = digest.finish();
        if (data.length == 0) {
            return new MediaFile(file, 0, digests, null, 0, 0, CameraFacts.NONE, kind, "empty file");
        }
        CameraFacts camera = ExifReader.read(data, 0, data.length);
        ImageDecoder.Decoded decoded;
        try {
            decoded = ImageDecoder.decode(data, data.length, options.minDecodedSide());
        } catch (ImageDecoder.DecodeException e) {
            return new MediaFile(file, data.length, digests, null, 0, 0, camera, kind, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return new MediaFile(file, data.length, digests, null, 0, 0, camera, kind, "decoder failed: " + ImageDecoder.describe(e));
        }
        data = null; // let the compressed bytes go before the float buffers grow
        try {
            int orientation = options.applyExifOrientation() ? camera.orientation() : 1;
            PdqResult pdq = HASHERS.get().hash(decoded.image(), orientation);
            return new MediaFile(file, size, digests, pdq, decoded.width(), decoded.height(), camera, kind, null);
        } catch (RuntimeException | OutOfMemoryError e) {
            return new MediaFile(file, size, digests, null, decoded.width(), decoded.height(), camera, kind,
                    "hashing failed: " + ImageDecoder.describe(e));
        }
    }
}
