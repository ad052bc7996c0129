package org.opencets.core.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.opencets.core.identifier.Identifier;

/**
 * Decides, for one identifier of a new import, which links to make.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>An identifier that is not correlatable (a private or documentation IP address, say) links
 *       nothing.</li>
 *   <li>An identifier on the stoplist (example domains, test card numbers, documentation phone
 *       ranges, and whatever the deployment adds) links nothing.</li>
 *   <li>An identifier already marked common links nothing more.</li>
 *   <li>If, with this import, the identifier is held by more than {@code maxCases} cases, it becomes
 *       common: a public library's e-mail, a carrier-grade NAT address. It links nothing more, and the
 *       store marks it so no later import tries again. Links made before it became common stay, as
 *       they were true when made; investigators see it flagged.</li>
 *   <li>Otherwise every other case that holds it gets one link with the importing case.</li>
 * </ol>
 */
public final class ExactCorrelator {
    /** The default over-correlation guard: more cases than this and an identifier is common. */
    public static final int DEFAULT_MAX_CASES = 20;

    private final int maxCases;
    private final Predicate<Identifier> stopped;

    public ExactCorrelator(int maxCases, Predicate<Identifier> stopped) {
        if (maxCases < 2) {
            throw new IllegalArgumentException("the common-identifier threshold must be at least 2 cases, got " + maxCases);
        }
        this.maxCases = maxCases;
        this.stopped = stopped;
    }

    /** The most cases an identifier may be held by and still link. */
    public int maxCases() {
        return maxCases;
    }

    /** What to do with one identifier. */
    public record Decision(Outcome outcome, List<Holding> linkTo) {
    }

    public enum Outcome { LINK, NOT_CORRELATABLE, STOPLISTED, ALREADY_COMMON, BECOMES_COMMON, NOTHING_TO_LINK }

    /**
     * @param identifier the identifier
     * @param common     whether the store already marks it common
     * @param importing  the importing case's id
     * @param others     the other cases that hold it (not including the importing case)
     */
    public Decision decide(Identifier identifier, boolean common, long importing, List<Holding> others) {
        if (!identifier.correlatable()) {
            return new Decision(Outcome.NOT_CORRELATABLE, List.of());
        }
        if (stopped.test(identifier)) {
            return new Decision(Outcome.STOPLISTED, List.of());
        }
        if (common) {
            return new Decision(Outcome.ALREADY_COMMON, List.of());
        }
        List<Holding> targets = new ArrayList<>();
        for (Holding h : others) {
            if (h.caseId() != importing) {
                targets.add(h);
            }
        }
        if (targets.size() + 1 > maxCases) {
            return new Decision(Outcome.BECOMES_COMMON, List.of());
        }
        if (targets.isEmpty()) {
            return new Decision(Outcome.NOTHING_TO_LINK, List.of());
        }
        return new Decision(Outcome.LINK, List.copyOf(targets));
    }
}
