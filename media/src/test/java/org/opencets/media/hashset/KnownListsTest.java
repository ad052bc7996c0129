package org.opencets.media.hashset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencets.media.pdq.PdqHash;

class KnownListsTest {
    @TempDir
    Path dir;

    static final String MD5 = "0123456789abcdef0123456789abcdef";
    static final String SHA1 = "0123456789abcdef0123456789abcdef01234567";
    static final String SHA256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    static final String PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

    private List<KnownEntry> read(Path f) throws IOException {
        List<KnownEntry> out = new ArrayList<>();
        long n = KnownLists.read(f, out::add);
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    @Test
    void vicsOData13() throws IOException {
        Path f = dir.resolve("vics13.json");
        Files.writeString(f, """
                {"odata.metadata":"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media",
                 "value":[
                  {"odata.id":"Media(1)","MediaID":1,"Category":1,"MD5":"%s","SHA1":"%s","MediaSize":1234,
                   "PhotoDNA":"AAECAwQFBgc=","Series":"SERIES-A","VictimIdentified":true,"OffenderIdentified":false,
                   "MediaFiles":[{"FileName":"a.jpg","FilePath":"C:\\\\x"}]},
                  {"MediaID":2,"Category":0,"MD5":"%s","SHA1":null}
                 ]}
                """.formatted(MD5.toUpperCase(), SHA1.toUpperCase(), SHA256.substring(0, 32)));
        assertThat(KnownLists.detect(f)).isEqualTo(KnownListFormat.VICS_JSON);
        List<KnownEntry> e = read(f);
        assertThat(e).hasSize(2);
        KnownEntry first = e.get(0);
        assertThat(first.id()).isEqualTo("1");
        assertThat(first.md5()).isEqualTo(MD5);
        assertThat(first.sha1()).isEqualTo(SHA1);
        assertThat(first.category()).isEqualTo(Category.VIC_CHILD_ABUSE_MATERIAL);
        assertThat(first.attributes()).containsEntry("PhotoDNA", "AAECAwQFBgc=").containsEntry("Series", "SERIES-A")
                .containsEntry("VictimIdentified", "true").containsEntry("OffenderIdentified", "false")
                .doesNotContainKey("odata.id");
        assertThat(e.get(1).category()).isEqualTo(Category.VIC_NON_PERTINENT);
        assertThat(e.get(1).sha1()).isNull();
    }

    @Test
    void vicsOData20WithMediaInsideCases() throws IOException {
        Path f = dir.resolve("vics20.json");
        Files.writeString(f, """
                {"@odata.context":"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Cases",
                 "value":[{"CaseID":"c1","CaseNumber":"2024-1","Media":[
                   {"MediaID":"m-10","Category":2,"MD5":"%s","SHA1":"%s","SHA256":"%s","IsDistributed":true},
                   {"MediaID":"m-11","Category":3,"SHA1":"%s"}]},
                  {"CaseID":"c2","Media":[{"MediaID":"m-12","Category":4,"MD5":"%s"}]}]}
                """.formatted(MD5, SHA1, SHA256, SHA1, MD5));
        List<KnownEntry> e = read(f);
        assertThat(e).extracting(KnownEntry::id).containsExactly("m-10", "m-11", "m-12");
        assertThat(e).extracting(k -> k.category().code()).containsExactly("2", "3", "4");
        assertThat(e.get(0).sha256()).isEqualTo(SHA256);
    }

    @Test
    void vicsErrorsNameTheFileTheLineAndTheMedia() throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"value\":[\n{\"MediaID\":7,\"Category\":9,\"MD5\":\"" + MD5 + "\"}]}");
        assertThatThrownBy(() -> read(f)).isInstanceOf(KnownListException.class)
                .hasMessageContaining("bad.json line 2").hasMessageContaining("MediaID 7").hasMessageContaining("0..4");
        Path g = dir.resolve("broken.json");
        Files.writeString(g, "{\"value\":[{\"MediaID\":7,");
        assertThatThrownBy(() -> read(g)).isInstanceOf(KnownListException.class).hasMessageContaining("broken.json");
    }

    @Test
    void nsrlRds2() throws IOException {
        Path f = dir.resolve("NSRLFile.txt");
        Files.writeString(f, """
                "SHA-1","MD5","CRC32","FileName","FileSize","ProductCode","OpSystemCode","SpecialCode"
                "%s","%s","AABBCCDD","setup.exe",1024,1234,"358",""
                "%s","%s","00000000","readme.txt",10,1234,"358",""
                """.formatted(SHA1.toUpperCase(), MD5.toUpperCase(), "f".repeat(40), "e".repeat(32)));
        assertThat(KnownLists.detect(f)).isEqualTo(KnownListFormat.NSRL_RDS2);
        List<KnownEntry> e = read(f);
        assertThat(e).hasSize(2);
        assertThat(e.get(0).md5()).isEqualTo(MD5);
        assertThat(e.get(0).sha1()).isEqualTo(SHA1);
        assertThat(e.get(0).category()).isEqualTo(Category.KNOWN_GOOD);
        assertThat(e.get(0).attributes()).containsEntry("FileName", "setup.exe");
        assertThat(e.get(1).line()).isEqualTo(3);
    }

    @Test
    void nsrlRds3Sqlite() throws Exception {
        Path f = dir.resolve("RDS_minimal.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE FILE (sha256 TEXT, sha1 TEXT, md5 TEXT, crc32 TEXT, file_name TEXT, file_size INTEGER, package_id INTEGER)");
            st.execute("INSERT INTO FILE VALUES ('" + SHA256.toUpperCase() + "','" + SHA1.toUpperCase() + "','" + MD5.toUpperCase()
                    + "','00','a.dll',1,1)");
            st.execute("INSERT INTO FILE VALUES ('" + "a".repeat(64) + "','" + "b".repeat(40) + "','" + "c".repeat(32) + "','00','b.dll',1,1)");
        }
        assertThat(KnownLists.detect(f)).isEqualTo(KnownListFormat.NSRL_RDS3);
        List<KnownEntry> e = read(f);
        assertThat(e).hasSize(2);
        assertThat(e.get(0).sha256()).isEqualTo(SHA256);
        assertThat(e.get(0).md5()).isEqualTo(MD5);
        assertThat(e.get(1).attributes()).containsEntry("FileName", "b.dll");
    }

    @Test
    void plainSumListsAndPdqLines() throws IOException {
        Path f = dir.resolve("sums.txt");
        Files.writeString(f, """
                # comment
                %s  photo one.jpg
                %s *binary.bin
                %s
                SHA1 (bsd.jpg) = %s
                pdq %s
                pdq %s 85 bridge.jpg
                """.formatted(MD5, SHA1, SHA256, SHA1, PDQ, PDQ));
        assertThat(KnownLists.detect(f)).isEqualTo(KnownListFormat.HASH_LINES);
        List<KnownEntry> e = read(f);
        assertThat(e).hasSize(6);
        assertThat(e.get(0).md5()).isEqualTo(MD5);
        assertThat(e.get(0).id()).isEqualTo("photo one.jpg");
        assertThat(e.get(1).sha1()).isEqualTo(SHA1);
        assertThat(e.get(1).id()).isEqualTo("binary.bin");
        assertThat(e.get(2).sha256()).isEqualTo(SHA256);
        assertThat(e.get(2).id()).isNull();
        assertThat(e.get(3).id()).isEqualTo("bsd.jpg");
        assertThat(e.get(4).pdq()).isEqualTo(PdqHash.fromHex(PDQ));
        assertThat(e.get(5).pdqQuality()).isEqualTo(85);
        assertThat(e.get(5).id()).isEqualTo("bridge.jpg");
        assertThat(e.get(5).line()).isEqualTo(7);
    }

    @Test
    void aBadLineIsNamedWithItsNumber() throws IOException {
        Path f = dir.resolve("sums.txt");
        Files.writeString(f, MD5 + "  a\nnot-a-hash  b\n");
        assertThatThrownBy(() -> read(f)).isInstanceOf(KnownListException.class)
                .hasMessage(f + " line 2: 'not-a-hash' is not an MD5, SHA-1 or SHA-256 digest (32, 40 or 64 hex digits) nor 'pdq <64 hex digits>'");
    }

    @Test
    void csvWithHeader() throws IOException {
        Path f = dir.resolve("list.csv");
        Files.writeString(f, """
                id,md5,sha256,pdq,category,note
                k1,%s,,,known good,from vendor
                k2,,%s,%s,1,
                """.formatted(MD5, SHA256, PDQ));
        assertThat(KnownLists.detect(f)).isEqualTo(KnownListFormat.CSV);
        List<KnownEntry> e = read(f);
        assertThat(e).hasSize(2);
        assertThat(e.get(0).category()).isEqualTo(Category.parse("known good"));
        assertThat(e.get(0).attributes()).containsEntry("note", "from vendor").containsEntry("id", "k1");
        assertThat(e.get(1).category()).isEqualTo(Category.VIC_CHILD_ABUSE_MATERIAL);
        assertThat(e.get(1).pdq()).isEqualTo(PdqHash.fromHex(PDQ));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,md5\nk1,xyz\n");
        assertThatThrownBy(() -> read(bad)).hasMessage(bad + " line 2: md5 'xyz' is not 32 hex digits");
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("nope.txt");
        assertThatThrownBy(() -> KnownLists.read(f, e -> { })).isInstanceOf(KnownListException.class)
                .hasMessage(f + ": no such file");
    }
}
