package org.opencets.media.exif;

import java.util.Optional;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.Identifiers;

/**
 * What EXIF says about the camera and the shot. Every field may be null when the file does not say.
 *
 * @param make         camera maker, trimmed (e.g. {@code samsung})
 * @param model        camera model, trimmed
 * @param bodySerial   camera body serial number (EXIF BodySerialNumber, or the maker note's serial)
 * @param lensSerial   lens serial number
 * @param takenAt      original date and time as ISO-8601 local date-time, with the offset when EXIF
 *                     records one (e.g. {@code 2017-11-07T22:14:15} or {@code 2017-11-07T22:14:15+01:00})
 * @param gps          GPS position
 * @param software     the software that wrote the file
 * @param orientation  EXIF orientation 1..8, or 0 when absent
 */
public record CameraFacts(String make, String model, String bodySerial, String lensSerial, String takenAt,
                          GpsPosition gps, String software, int orientation) {

    /** No EXIF at all. */
    public static final CameraFacts NONE = new CameraFacts(null, null, null, null, null, null, null, 0);

    /**
     * The device identifier of the camera body, when its serial is known: make, model and serial, so
     * that the same camera links cases like any other identifier.
     */
    public Optional<Identifier> device() {
        if (bodySerial == null || bodySerial.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Identifiers.device(make, model, bodySerial));
    }
}
