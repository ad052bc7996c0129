package org.opencets.app.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a generated scenario holds and how to load it: its agencies, and its cases in import order,
 * each with the file and format of its evidence. Written as {@code scenario.json} beside the files.
 */
public record ScenarioManifest(@JsonProperty("format") String format,
                               @JsonProperty("version") int version,
                               @JsonProperty("seed") long seed,
                               @JsonProperty("people") long people,
                               @JsonProperty("records") long records,
                               @JsonProperty("agencies") List<Agency> agencies,
                               @JsonProperty("cases") List<CaseEntry> cases) {
    public static final String FILE = "scenario.json";
    public static final String FORMAT = "opencets-scenario";
    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A fictional agency: code, name and the ISO 3166 region its national phone numbers belong to. */
    public record Agency(@JsonProperty("code") String code,
                         @JsonProperty("name") String name,
                         @JsonProperty("region") String region) {
    }

    /**
     * One case and its evidence file.
     *
     * @param kind    payments, chat, arrests or tips
     * @param format  the reader to import it with ({@code cets formats})
     * @param file    relative to the scenario folder
     * @param sharing agency or network
     */
    public record CaseEntry(@JsonProperty("agency") String agency,
                            @JsonProperty("number") String number,
                            @JsonProperty("title") String title,
                            @JsonProperty("sharing") String sharing,
                            @JsonProperty("kind") String kind,
                            @JsonProperty("record_kind") String recordKind,
                            @JsonProperty("format") String format,
                            @JsonProperty("file") String file,
                            @JsonProperty("records") long records) {
        /** {@code AGENCY/NUMBER} */
        public String qualified() {
            return agency + "/" + number;
        }
    }

    public void write(Path dir) {
        try {
            Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    public static ScenarioManifest read(Path dir) {
        Path f = dir.resolve(FILE);
        ScenarioManifest m;
        try {
            m = JSON.readValue(f.toFile(), ScenarioManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + " (is " + dir + " a folder made by 'cets generate'?): "
                    + e.getMessage(), e);
        }
        if (!FORMAT.equals(m.format()) || m.version() != VERSION) {
            throw new IllegalArgumentException(f + " is not a version " + VERSION + " scenario manifest");
        }
        return m;
    }
}
