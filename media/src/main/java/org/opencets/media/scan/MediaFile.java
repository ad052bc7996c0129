package org.opencets.media.scan;

import java.nio.file.Path;
import java.util.Objects;
import org.opencets.media.exif.CameraFacts;
import org.opencets.media.hash.FileDigests;
import org.opencets.media.pdq.PdqResult;

/**
 * What a scan learned about one file.
 *
 * @param path    the file
 * @param size    its size in bytes, or -1 when it could not be read
 * @param digests MD5, SHA-1 and SHA-256, or null when the file could not be read
 * @param pdq     PDQ hash and quality, or null when the file was not decoded as an image
 * @param width   decoded width in pixels as stored (before any EXIF rotation), or 0
 * @param height  decoded height in pixels as stored, or 0
 * @param camera  EXIF camera facts ({@link CameraFacts#NONE} when none)
 * @param kind    what the file is by its signature ({@link FileKind#UNKNOWN} when not known or not read)
 * @param error   why the file could not be read or decoded, or null when all went well (a video,
 *                hashed and not decoded, has none)
 */
public record MediaFile(Path path, long size, FileDigests digests, PdqResult pdq, int width, int height,
                        CameraFacts camera, FileKind kind, String error) {
    public MediaFile {
        Objects.requireNonNull(path, "path");
        camera = camera == null ? CameraFacts.NONE : camera;
        kind = kind == null ? FileKind.UNKNOWN : kind;
    }

    /** A file that could not be read at all, or an entry that is not a file. */
    static MediaFile unreadable(Path path, String reason) {
        return new MediaFile(path, -1, null, null, 0, 0, CameraFacts.NONE, FileKind.UNKNOWN, reason);
    }

    /** True if the bytes were read and hashed. */
    public boolean readable() {
        return digests != null;
    }

    /** True if the file is an image or a video: decoded as an image, or so by its signature. */
    public boolean media() {
        return decoded() || kind.media();
    }

    /** True if the file was decoded as an image and has a PDQ hash. */
    public boolean decoded() {
        return pdq != null;
    }
}
