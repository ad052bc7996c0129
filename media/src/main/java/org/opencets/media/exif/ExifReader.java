package org.opencets.media.exif;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.exif.makernotes.CanonMakernoteDirectory;
import com.drew.metadata.exif.makernotes.NikonType2MakernoteDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/** Reads {@link CameraFacts} from an image file's bytes. */
public final class ExifReader {
    private ExifReader() {
    }

    /**
     * The camera facts of a file, or {@link CameraFacts#NONE} when it has no readable metadata.
     * Metadata errors never fail a file: EXIF is a bonus, the pixels are the evidence.
     */
    public static CameraFacts read(byte[] data, int offset, int length) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(data, offset, length), length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return CameraFacts.NONE;
        }
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        GpsDirectory gpsDir = metadata.getFirstDirectoryOfType(GpsDirectory.class);

        String make = text(ifd0, ExifDirectoryBase.TAG_MAKE);
        String model = text(ifd0, ExifDirectoryBase.TAG_MODEL);
        String software = text(ifd0, ExifDirectoryBase.TAG_SOFTWARE);
        String serial = text(sub, ExifDirectoryBase.TAG_BODY_SERIAL_NUMBER);
        if (serial == null) {
            serial = text(ifd0, ExifDirectoryBase.TAG_BODY_SERIAL_NUMBER);
        }
        if (serial == null) {
            serial = text(metadata.getFirstDirectoryOfType(CanonMakernoteDirectory.class),
                    CanonMakernoteDirectory.TAG_CANON_SERIAL_NUMBER);
        }
        if (serial == null) {
            serial = text(metadata.getFirstDirectoryOfType(NikonType2MakernoteDirectory.class),
                    NikonType2MakernoteDirectory.TAG_CAMERA_SERIAL_NUMBER);
        }
        String lensSerial = text(sub, ExifDirectoryBase.TAG_LENS_SERIAL_NUMBER);
        String takenAt = takenAt(sub, ifd0);
        GpsPosition gps = null;
        if (gpsDir != null) {
            GeoLocation loc = gpsDir.getGeoLocation();
            if (loc != null && !loc.isZero() && Math.abs(loc.getLatitude()) <= 90 && Math.abs(loc.getLongitude()) <= 180) {
                gps = new GpsPosition(loc.getLatitude(), loc.getLongitude());
            }
        }
        int orientation = 0;
        if (ifd0 != null && ifd0.containsTag(ExifDirectoryBase.TAG_ORIENTATION)) {
            Integer o = ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            if (o != null && o >= 1 && o <= 8) {
                orientation = o;
            }
        }
        return new CameraFacts(make, model, serial, lensSerial, takenAt, gps, software, orientation);
    }

    private static String text(Directory dir, int tag) {
        if (dir == null || !dir.containsTag(tag)) {
            return null;
        }
        String s = dir.getString(tag);
        if (s == null) {
            return null;
        }
        s = s.replace('\0', ' ').strip();
        return s.isEmpty() ? null : s;
    }

    /** EXIF "YYYY:MM:DD HH:MM:SS" (plus OffsetTimeOriginal when present) to ISO-8601. */
    private static String takenAt(ExifSubIFDDirectory sub, ExifIFD0Directory ifd0) {
        String raw = text(sub, ExifDirectoryBase.TAG_DATETIME_ORIGINAL);
        if (raw == null) {
            raw = text(ifd0, ExifDirectoryBase.TAG_DATETIME);
        }
        if (raw == null || raw.length() < 19 || raw.startsWith("0000")) {
            return null;
        }
        String d = raw.substring(0, 19);
        if (!d.matches("\\d{4}[:-]\\d{2}[:-]\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}")) {
            return null;
        }
        String iso = d.substring(0, 4) + "-" + d.substring(5, 7) + "-" + d.substring(8, 10) + "T" + d.substring(11);
        String offset = text(sub, ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL);
        if (offset != null && offset.matches("[+-]\\d{2}:\\d{2}")) {
            iso += offset;
        }
        return iso;
    }
}
