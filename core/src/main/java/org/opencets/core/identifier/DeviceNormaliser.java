package org.opencets.core.identifier;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cameras and other capture devices, as EXIF names them: {@code value = make|model|serial}.
 *
 * <p>Make and model: control characters removed (EXIF strings are often NUL-padded), white space
 * collapsed to one space and stripped, case-folded with {@link Locale#ROOT}; either may be absent
 * (empty). Serial: control characters and all white space removed, upper-cased; required, because
 * make and model alone name millions of cameras. A {@code |} in any part is rejected, since it
 * separates the parts.
 */
final class DeviceNormaliser {
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private DeviceNormaliser() {
    }

    static Identifier device(String make, String model, String serial) {
        String s = serial == null ? "" : SPACES.matcher(CONTROL.matcher(serial).replaceAll("")).replaceAll("").toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new InvalidIdentifierException(IdentifierType.DEVICE, "device has no serial number; make and model alone do not identify a device");
        }
        String value = part(make, "make") + "|" + part(model, "model") + "|" + noBar(s, "serial");
        return Identifier.of(IdentifierType.DEVICE, value, true);
    }

    /** Parses {@code make|model|serial}, or a bare serial. */
    static Identifier normalise(String raw) {
        String[] parts = raw.split("\\|", -1);
        return switch (parts.length) {
            case 1 -> device(null, null, parts[0]);
            case 3 -> device(parts[0], parts[1], parts[2]);
            default -> throw new InvalidIdentifierException(IdentifierType.DEVICE,
                    "device " + Quoted.of(raw) + " must be written make|model|serial (or a serial alone)");
        };
    }

    private static String part(String raw, String what) {
        if (raw == null) {
            return "";
        }
        String s = SPACES.matcher(CONTROL.matcher(raw).replaceAll(" ")).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
        return noBar(s, what);
    }

    private static String noBar(String s, String what) {
        if (s.indexOf('|') >= 0) {
            throw new InvalidIdentifierException(IdentifierType.DEVICE, "device " + what + " " + Quoted.of(s) + " contains '|', which separates make, model and serial");
        }
        return s;
    }
}
