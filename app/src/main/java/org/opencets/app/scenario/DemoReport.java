package org.opencets.app.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.opencets.app.AlertView;

/**
 * What a demonstration run did and found, for a front end to tell.
 *
 * @param home         the store's data directory
 * @param scenario     the folder the scenario was generated into
 * @param users        per agency code, the investigator who imported its cases (for the commands to try next)
 * @param counts       per agency code, records imported per record kind
 * @param records      records imported in all
 * @param strongest    the case pairs sharing the most identifiers, strongest first (between two agencies
 *                     first among equals)
 * @param story        each planted part of the story, and whether its links were found
 * @param newTip       the new tip's case ({@code AGENCY/NUMBER}), imported last
 * @param newTipAlerts the alerts on the new tip's case
 * @param alerts       alerts in all
 * @param noise        each noise identifier, the cases it was planted in and the links it made
 * @param evaluation   exact links found compared with truth.json (links flagged common not counted)
 * @param flagged      links the system made before their identifier proved common, and now flags
 * @param lookups      values worth looking up next, with the user who should look
 */
public record DemoReport(Path home, Path scenario, ScenarioSpec spec, Map<String, String> users,
                         Map<String, Map<String, Long>> counts, long records, Timings timings,
                         List<CasePair> strongest, List<StoryCheck> story, String newTip, List<AlertView> newTipAlerts,
                         long alerts, List<NoiseCheck> noise, LinkEvaluation evaluation, List<CaseLink> flagged,
                         List<Lookup> lookups) {

    /**
     * How long each part took, in milliseconds.
     *
     * @param correlation the part of the imports spent correlating (summed over imports)
     * @param newTipCorrelation the correlation of the last import, a new tip, against everything before
     */
    public record Timings(long generation, long setUp, long imports, long correlation, long newTipCorrelation,
                          long evaluation, long total) {
    }

    /** Two cases and the identifiers that link them. */
    public record CasePair(String caseA, String titleA, String caseB, String titleB, List<Evidence> evidence) {
    }

    /**
     * One identifier linking a pair, with the roles it plays on each side (null where the reading
     * user was not entitled to that side's detail).
     */
    public record Evidence(String identifier, String roleA, String roleB) {
    }

    /** A planted part of the story: the links it should produce and those not found. */
    public record StoryCheck(String name, String description, List<CaseLink> expected, List<CaseLink> missing) {
        public boolean found() {
            return missing.isEmpty();
        }
    }

    /**
     * A noise identifier: in how many cases it was planted, the rule meant to stop it, the links it
     * made that the system still asserts (there should be none), and those it made before it proved
     * common, which the system flags.
     */
    public record NoiseCheck(String identifier, String rule, int cases, List<CaseLink> links, long flagged) {
    }

    /** A value to look up next, as whom, and why. */
    public record Lookup(String value, String user, String why) {
    }
}
