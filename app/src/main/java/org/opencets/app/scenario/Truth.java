package org.opencets.app.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a generated scenario planted, read back from its {@code truth.json}: every cross-case link
 * that must be found, the identifiers that must link nothing and why, and the named parts of the
 * story. The file also lists every synthetic person with their records ({@code persons}); this
 * reader skips that part, which for ten million records is large.
 *
 * <p>The links are the generator's own ground truth — which identifier it planted in which case,
 * in the canonical form the system is specified to print — never the output of the system's
 * normalisers run over the generated files.
 *
 * <h2>truth.json, version 1</h2>
 * <pre>
 * {
 *   "format": "opencets-scenario-truth", "version": 1, "seed": S, "agencies": N, "records": R,
 *   "links": [ {"identifier": "email:…", "case_a": "AGY/NUM", "case_b": "AGY/NUM"}, … ],
 *   "story": { "tip_chain": {"description": "…", "links": [ … ], "cases": [ … ]}, … },
 *   "must_not_link": [ {"identifier": "ip:…", "rule": "…", "reason": "…", "cases": [ … ]}, … ],
 *   "persons": [ {"id": "P12", "role": "background", "name": "…", "dob": "…",
 *                 "records": ["NRP/payments.csv:14", …]}, … ]
 * }
 * </pre>
 * A record is named by its file, relative to the scenario folder, and the line the importer
 * reports for it (a CSV file's header is line 1).
 */
public record Truth(long seed, int agencies, long records, List<CaseLink> links, Map<String, StoryItem> story,
                    List<NoiseEntry> mustNotLink) {
    public static final String FORMAT = "opencets-scenario-truth";
    public static final int VERSION = 1;

    /**
     * A named part of the planted story.
     *
     * @param links the links it must produce
     * @param cases the case the story is told from, if any: the new tip's case for the tip chain, the
     *              payments case for the known offender
     */
    public record StoryItem(@JsonProperty("name") String name,
                            @JsonProperty("description") String description,
                            @JsonProperty("links") List<CaseLink> links,
                            @JsonProperty("cases") List<String> cases) {
    }

    /** An identifier planted in several cases that must link none of them, with the rule expected to stop it. */
    public record NoiseEntry(@JsonProperty("identifier") String identifier,
                             @JsonProperty("rule") String rule,
                             @JsonProperty("reason") String reason,
                             @JsonProperty("cases") List<String> cases) {
    }

    /** The set of links, for evaluation. */
    public Set<CaseLink> linkSet() {
        return new LinkedHashSet<>(links);
    }

    /** Reads truth.json, skipping the persons. */
    public static Truth read(Path file) {
        ObjectMapper json = new ObjectMapper();
        long seed = 0;
        int agencies = 0;
        long records = 0;
        List<CaseLink> links = new ArrayList<>();
        Map<String, StoryItem> story = new LinkedHashMap<>();
        List<NoiseEntry> noise = new ArrayList<>();
        String format = null;
        int version = -1;
        try (InputStream in = Files.newInputStream(file); JsonParser p = json.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(file + " is not a truth file: it does not start with a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "format" -> format = p.getValueAsString();
                    case "version" -> version = p.getIntValue();
                    case "seed" -> seed = p.getLongValue();
                    case "agencies" -> agencies = p.getIntValue();
                    case "records" -> records = p.getLongValue();
                    case "links" -> links.addAll(json.readValue(p, new TypeReference<List<CaseLink>>() { }));
                    case "story" -> story.putAll(json.readValue(p, new TypeReference<LinkedHashMap<String, StoryItem>>() { }));
                    case "must_not_link" -> noise.addAll(json.readValue(p, new TypeReference<List<NoiseEntry>>() { }));
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!FORMAT.equals(format) || version != VERSION) {
            throw new IllegalArgumentException(file + " is not a version " + VERSION + " truth file (format '" + format
                    + "', version " + version + "); generate the scenario again with this version of cets");
        }
        return new Truth(seed, agencies, records, List.copyOf(links), java.util.Collections.unmodifiableMap(story), List.copyOf(noise));
    }
}
