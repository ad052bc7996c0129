package org.opencets.cli.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MediaCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** Runs like Main does: a runtime error prints its one-line message and exits 1. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new MediaCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            c.getErr().println("cets: " + ex.getMessage());
            return 1;
        });
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static BufferedImage drawn(long seed, int w, int h) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < 30; i++) {
            g.setColor(new Color(r.nextInt(0xffffff)));
            g.fillOval(r.nextInt(w), r.nextInt(h), 1 + r.nextInt(w / 2), 1 + r.nextInt(h / 2));
        }
        g.dispose();
        return img;
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, format, b);
        return b.toByteArray();
    }

    static List<List<String>> csv(Path f) throws IOException {
        // the values written here never contain commas or quotes
        return Files.readAllLines(f).stream().map(l -> Arrays.asList(l.split(",", -1))).toList();
    }

    private Path evidence() throws IOException {
        Path ev = Files.createDirectories(dir.resolve("evidence/sub"));
        Files.write(dir.resolve("evidence/a.png"), encode(drawn(1, 320, 240), "png"));
        byte[] jpg = encode(drawn(2, 400, 300), "jpg");
        Files.write(ev.resolve("b.jpg"), jpg);
        Files.write(ev.resolve("c-truncated.jpg"), Arrays.copyOf(jpg, 200));
        Files.writeString(ev.resolve("notes.txt"), "hello");
        return dir.resolve("evidence");
    }

    @Test
    void hashWritesTheContractHeaderAndOneRowPerFileRead() throws IOException {
        Path ev = evidence();
        Path out = dir.resolve("hashes.csv");
        Run r = run("hash", ev.toString(), "--output", out.toString(), "--threads", "2");
        assertThat(r.code()).isZero();
        List<List<String>> rows = csv(out);
        assertThat(String.join(",", rows.get(0)))
                .isEqualTo("path,md5,sha1,sha256,pdq,quality,width,height,camera_make,camera_model,camera_serial,taken_at");
        assertThat(rows).hasSize(5);
        List<String> a = rows.get(1);
        assertThat(a.get(0)).isEqualTo(ev.resolve("a.png").toString());
        assertThat(a.get(1)).matches("[0-9a-f]{32}");
        assertThat(a.get(2)).matches("[0-9a-f]{40}");
        assertThat(a.get(3)).matches("[0-9a-f]{64}");
        assertThat(a.get(4)).matches("[0-9a-f]{64}");
        assertThat(Integer.parseInt(a.get(5))).isBetween(0, 100);
        assertThat(a.subList(6, 8)).containsExactly("320", "240");
        assertThat(rows.get(2).get(0)).endsWith("b.jpg");
        List<String> truncated = rows.get(3);
        assertThat(truncated.get(0)).endsWith("c-truncated.jpg");
        assertThat(truncated.get(4)).isEmpty();
        assertThat(rows.get(4).get(0)).endsWith("notes.txt");
        assertThat(r.err()).contains("c-truncated.jpg: ").contains("notes.txt: not a recognised image format");
    }

    @Test
    void hashOfTheSharedPhotosIsWithinTheReferenceTolerance() throws IOException {
        String shared = System.getProperty("cets.shared.dir");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "data/pdq")), "skipped: ../shared/data/pdq not found");
        Path bridge = Path.of(shared, "data/pdq/images/bridge-mods/aaa-orig.jpg");
        Path out = dir.resolve("h.csv");
        assertThat(run("hash", bridge.toString(), "-o", out.toString(), "--full-size", "-q").code()).isZero();
        List<String> row = csv(out).get(1);
        // the Java reference with the JDK's decoder prints exactly this for the file
        assertThat(row.get(4)).isEqualTo("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
        assertThat(row.get(5)).isEqualTo("100");
        assertThat(row.subList(6, 8)).containsExactly("1600", "1004");
        Path phone = Path.of(shared, "data/pdq/images/exif-rotn/exif-rotn-1.jpg");
        assertThat(run("hash", phone.toString(), "-o", out.toString(), "-q").code()).isZero();
        List<String> p = csv(out).get(1);
        assertThat(p.subList(8, 10)).containsExactly("samsung", "SM-G930V");
        assertThat(p.get(11)).startsWith("2017-11-07T22:14");
    }

    @Test
    void matchFindsExactAndPerceptualMatchesWithProvenance() throws IOException {
        Path ev = evidence();
        Path hashes = dir.resolve("hashes.csv");
        assertThat(run("hash", ev.toString(), "-o", hashes.toString(), "-q").code()).isZero();
        List<List<String>> rows = csv(hashes);
        List<String> png = rows.get(1);
        List<String> jpg = rows.get(2);
        // a VICS list knows the PNG by MD5; a PDQ list knows a near copy of the JPEG (3 bits flipped)
        Path vics = dir.resolve("vics.json");
        Files.writeString(vics, "{\"odata.metadata\":\"x/1.3.xml#Media\",\"value\":[{\"MediaID\":77,\"Category\":3,\"MD5\":\""
                + png.get(1).toUpperCase() + "\"}]}");
        char[] near = jpg.get(4).toCharArray();
        near[0] = near[0] == '0' ? '7' : '0'; // flips 1 to 4 bits of the first hex digit
        int flipped = Integer.bitCount(Character.digit(near[0], 16) ^ Character.digit(jpg.get(4).charAt(0), 16));
        Path pdqList = dir.resolve("near.txt");
        Files.writeString(pdqList, "pdq " + new String(near) + " 100 series-b-0001\n");
        Path sums = dir.resolve("known-good.sha256");
        Files.writeString(sums, rows.get(4).get(3) + "  notes.txt\n");
        Path matches = dir.resolve("matches.csv");

        Run r = run("match", "--known", vics.toString(), pdqList.toString(), sums.toString(),
                "--input", hashes.toString(), "--output", matches.toString());

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(matches);
        assertThat(lines.get(0)).isEqualTo("path,known_id,list,kind,distance,category");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                png.get(0) + ",77,vics.json,md5,0,3",
                jpg.get(0) + ",series-b-0001,near.txt,pdq," + flipped + ",",
                rows.get(4).get(0) + ",notes.txt,known-good.sha256,sha256,0,");
        // a tighter threshold drops the perceptual match
        run("match", "--known", pdqList.toString(), "--input", hashes.toString(), "--threshold", "0", "-o", matches.toString());
        assertThat(Files.readAllLines(matches)).hasSize(1);
    }

    @Test
    void runtimeErrorsAreOneLineNamingTheFile() throws IOException {
        Path hashes = dir.resolve("hashes.csv");
        Files.writeString(hashes, "path,md5\nx,y\n");
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "pdq 1234\n");
        Run missing = run("match", "--known", dir.resolve("nope.json").toString(), "--input", hashes.toString(), "-o", dir.resolve("m.csv").toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("cets: " + dir.resolve("nope.json") + ": no such file");
        Run badList = run("match", "--known", list.toString(), "--input", hashes.toString(), "-o", dir.resolve("m.csv").toString());
        assertThat(badList.err().strip()).isEqualTo("cets: " + list + " line 1: '1234' after 'pdq' is not 64 hex digits");
        Files.writeString(list, "pdq " + "0".repeat(64) + "\n");
        Run badInput = run("match", "--known", list.toString(), "--input", hashes.toString(), "-o", dir.resolve("m.csv").toString());
        assertThat(badInput.code()).isEqualTo(1);
        assertThat(badInput.err()).contains(hashes + " line 1: not a 'cets media hash' file: no 'sha1' column");
    }

    @Test
    void usageErrorsExitTwoAndHelpShowsAnExample() {
        assertThat(run("hash", "x").code()).isEqualTo(2); // --output missing
        assertThat(run("match", "--input", "x.csv", "-o", "y.csv").code()).isEqualTo(2); // --known missing
        Run help = run("hash", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Example:").contains("cets media hash /evidence/drive1");
        assertThat(run("match", "--help").out()).contains("path,known_id,list,kind,distance,category");
    }
}
