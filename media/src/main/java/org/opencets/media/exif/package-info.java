/**
 * Camera facts from EXIF metadata (read with metadata-extractor): make, model, body and lens serial
 * numbers, the original date and time, GPS position and software.
 *
 * <p>A camera body serial is what links cases: pictures from the same camera in two cases are a
 * lead. {@link org.opencets.media.exif.CameraFacts#device()} turns it into the core device identifier.
 */
package org.opencets.media.exif;
