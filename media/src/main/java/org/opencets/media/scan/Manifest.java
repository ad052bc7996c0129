package org.opencets.media.scan;

import java.util.ArrayList;
import java.util.List;
import org.opencets.media.exif.CameraFacts;
import org.opencets.media.match.Match;
import org.opencets.media.match.MatchKind;

/**
 * The media manifest: one CSV row per file read, as {@code cets media hash} writes it and the
 * {@code media-manifest} reader reads it. {@code pdq} is 64 lower-case hex digits as the PDQ
 * reference tools print them; cells are empty where a value is unknown. An import of a folder adds
 * the best known-list match of each file in the {@link #MATCH_COLUMNS}.
 */
public final class Manifest {
    private Manifest() {
    }

    public static final List<String> HEADER = List.of("path", "md5", "sha1", "sha256", "pdq", "quality", "width", "height",
            "camera_make", "camera_model", "camera_serial", "taken_at");

    public static final List<String> MATCH_COLUMNS = List.of("known_list", "known_id", "match_kind", "distance", "category");

    /** {@link #HEADER} followed by {@link #MATCH_COLUMNS}. */
    public static List<String> headerWithMatches() {
        List<String> h = new ArrayList<>(HEADER);
        h.addAll(MATCH_COLUMNS);
        return h;
    }

    /** The row of a readable file. */
    public static List<String> row(MediaFile f) {
        CameraFacts c = f.camera();
        return List.of(
                f.path().toString(),
                f.digests().md5(),
                f.digests().sha1(),
                f.digests().sha256(),
                f.decoded() ? f.pdq().hash().toHex() : "",
                f.decoded() ? Integer.toString(f.pdq().quality()) : "",
                f.width() > 0 ? Integer.toString(f.width()) : "",
                f.height() > 0 ? Integer.toString(f.height()) : "",
                nz(c.make()), nz(c.model()), nz(c.bodySerial()), nz(c.takenAt()));
    }

    /** The row of a readable file with its best match (or empty match cells when {@code best} is null). */
    public static List<String> row(MediaFile f, Match best) {
        List<String> r = new ArrayList<>(row(f));
        if (best == null) {
            r.addAll(List.of("", "", "", "", ""));
        } else {
            r.addAll(List.of(best.list(), best.knownId(), best.kind().code(),
                    Integer.toString(best.distance()), best.category().code()));
        }
        return r;
    }

    /** The match that says most: an exact digest match before a perceptual one, then the closest. */
    public static Match best(List<Match> matches) {
        Match best = null;
        for (Match m : matches) {
            if (best == null || rank(m) < rank(best)) {
                best = m;
            }
        }
        return best;
    }

    private static int rank(Match m) {
        return m.kind() == MatchKind.PDQ ? 1000 + m.distance() : 0;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
