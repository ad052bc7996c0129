package org.opencets.media.exif;

import java.util.Locale;

/**
 * A GPS position in decimal degrees (WGS 84), as EXIF records it.
 *
 * @param latitude  -90..90, north positive
 * @param longitude -180..180, east positive
 */
public record GpsPosition(double latitude, double longitude) {
    public GpsPosition {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("GPS position out of range: " + latitude + ", " + longitude);
        }
    }

    /** {@code lat,lon} with six decimals (about 0.1 m). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6f,%.6f", latitude, longitude);
    }
}
