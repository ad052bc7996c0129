package org.opencets.media.scan;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a file is by its first bytes (its signature, not its name): an image, a video, or something
 * else, with the format's name when it is known. A seized folder is sorted with it: images and
 * videos are media, whether or not they decode; other files are not.
 *
 * <p>Signatures come from metadata-extractor's {@link FileTypeDetector}, which knows the still-image
 * formats (JPEG, PNG, GIF, BMP, TIFF, WebP, HEIF, camera raw) and most video containers (MP4, 3GP and
 * QuickTime, AVI, ASF/WMV, FLV, MXF, MPEG program stream). It does not know Matroska/WebM or the
 * MPEG transport stream, both common on phones and cameras, so those two are checked here: EBML's
 * header element ID {@code 1A 45 DF A3} (RFC 8794), and the transport stream's sync byte
 * {@code 0x47} at the start of three consecutive 188-byte packets (ISO/IEC 13818-1).
 *
 * @param family image, video or other
 * @param name   the format's long name ("Joint Photographic Experts Group", "ZIP Archive"), or null
 *               when the signature is not one the detector knows
 */
public record FileKind(Family family, String name) {
    /** How many leading bytes {@link #of(byte[], int)} looks at, at most. */
    public static final int HEAD_BYTES = 4096;

    /** A file whose signature is not known. */
    public static final FileKind UNKNOWN = new FileKind(Family.OTHER, null);

    public enum Family { IMAGE, VIDEO, OTHER }

    private static final Set<FileType> IMAGES = EnumSet.of(FileType.Jpeg, FileType.Tiff, FileType.Psd, FileType.Png,
            FileType.Bmp, FileType.Gif, FileType.Ico, FileType.Pcx, FileType.WebP, FileType.Heif, FileType.Arw,
            FileType.Crw, FileType.Cr2, FileType.Crx, FileType.Nef, FileType.Orf, FileType.Raf, FileType.Rw2);
    private static final Set<FileType> VIDEOS = EnumSet.of(FileType.Avi, FileType.QuickTime, FileType.Mp4, FileType.Asf,
            FileType.Flv, FileType.Mxf, FileType.Vob);
    private static final int TS_PACKET = 188;

    /** True for images and videos. */
    public boolean media() {
        return family != Family.OTHER;
    }

    /** The kind of the file whose first {@code length} bytes are in {@code head}. */
    public static FileKind of(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (n >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return new FileKind(Family.VIDEO, "Matroska / WebM");
        }
        if (n > 2 * TS_PACKET && head[0] == 0x47 && head[TS_PACKET] == 0x47 && head[2 * TS_PACKET] == 0x47) {
            return new FileKind(Family.VIDEO, "MPEG transport stream");
        }
        FileType type;
        try (InputStream in = new BufferedInputStream(new ByteArrayInputStream(head, 0, Math.min(n, HEAD_BYTES)))) {
            type = FileTypeDetector.detectFileType(in);
        } catch (IOException e) {
            return UNKNOWN; // a byte array does not fail to read; a detector complaint means "not known"
        }
        if (type == null || type == FileType.Unknown) {
            return UNKNOWN;
        }
        Family family = IMAGES.contains(type) ? Family.IMAGE : VIDEOS.contains(type) ? Family.VIDEO : Family.OTHER;
        return new FileKind(family, type.getLongName());
    }

    /** The kind of a file, from its first {@link #HEAD_BYTES} bytes. */
    public static FileKind of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        return of(head, head.length);
    }
}
