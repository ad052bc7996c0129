package org.opencets.media.exif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.opencets.media.testdata.DrawnImages;
import org.opencets.media.testdata.SharedData;

class ExifReaderTest {

    @Test
    void phonePhotoGivesMakeModelDateGpsAndSoftware() throws Exception {
        byte[] data = Files.readAllBytes(SharedData.pdqDir().resolve("images/exif-rotn/exif-rotn-1.jpg"));
        CameraFacts c = ExifReader.read(data, 0, data.length);
        assertThat(c.make()).isEqualTo("samsung");
        assertThat(c.model()).isEqualTo("SM-G930V");
        assertThat(c.software()).isEqualTo("G930VVRS4BQI1");
        assertThat(c.takenAt()).startsWith("2017-11-07T22:14");
        assertThat(c.gps()).isNotNull();
        assertThat(c.orientation()).isEqualTo(1);
        assertThat(c.bodySerial()).isNull();
        assertThat(c.device()).isEmpty();
    }

    @Test
    void serialNumbersAndOffsetAreRead() throws Exception {
        byte[] jpeg = DrawnImages.jpegWithExif(DrawnImages.shapes(1, 64, 48), new DrawnImages.Exif(
                "Canon", "Canon EOS 5D", "Firmware 1.1", 6, "  0123456789 ", "LS-42", "2020:02:29 13:14:15", "+01:00"));
        CameraFacts c = ExifReader.read(jpeg, 0, jpeg.length);
        assertThat(c.make()).isEqualTo("Canon");
        assertThat(c.model()).isEqualTo("Canon EOS 5D");
        assertThat(c.bodySerial()).isEqualTo("0123456789");
        assertThat(c.lensSerial()).isEqualTo("LS-42");
        assertThat(c.takenAt()).isEqualTo("2020-02-29T13:14:15+01:00");
        assertThat(c.software()).isEqualTo("Firmware 1.1");
        assertThat(c.orientation()).isEqualTo(6);
        assertThat(c.gps()).isNull();
        var device = c.device().orElseThrow();
        assertThat(device.type()).isEqualTo(org.opencets.core.identifier.IdentifierType.DEVICE);
        assertThat(device.value()).contains("0123456789");
    }

    @Test
    void noMetadataIsNoneNotAnError() {
        byte[] junk = "plain text, not an image".getBytes();
        assertThat(ExifReader.read(junk, 0, junk.length)).isEqualTo(CameraFacts.NONE);
    }

    @Test
    void theGpsPositionPrintsAsDecimalDegrees() {
        assertThat(new GpsPosition(51.5, -0.125)).hasToString("51.500000,-0.125000");
    }

}
