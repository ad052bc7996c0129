package org.opencets.app.scenario;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Exact links found by the system compared with the links a scenario planted: a found link is right
 * when truth holds the same identifier label and the same (unordered) pair of cases.
 *
 * @param correct links found and planted
 * @param wrong   links found that truth does not hold (false links)
 * @param missed  links planted and not found
 */
public record LinkEvaluation(Set<CaseLink> correct, Set<CaseLink> wrong, Set<CaseLink> missed) {

    public static LinkEvaluation compare(Collection<CaseLink> found, Collection<CaseLink> truth) {
        Set<CaseLink> f = new TreeSet<>(LinkEvaluation::order);
        f.addAll(found);
        Set<CaseLink> t = new TreeSet<>(LinkEvaluation::order);
        t.addAll(truth);
        Set<CaseLink> correct = new TreeSet<>(LinkEvaluation::order);
        Set<CaseLink> wrong = new TreeSet<>(LinkEvaluation::order);
        for (CaseLink l : f) {
            (t.contains(l) ? correct : wrong).add(l);
        }
        Set<CaseLink> missed = new TreeSet<>(LinkEvaluation::order);
        for (CaseLink l : t) {
            if (!f.contains(l)) {
                missed.add(l);
            }
        }
        return new LinkEvaluation(Collections.unmodifiableSet(correct), Collections.unmodifiableSet(wrong),
                Collections.unmodifiableSet(missed));
    }

    /** Correct links over links found; 1 when nothing was found and nothing was planted, 0 when nothing was found. */
    public double precision() {
        int found = correct.size() + wrong.size();
        if (found == 0) {
            return missed.isEmpty() ? 1.0 : 0.0;
        }
        return (double) correct.size() / found;
    }

    /** Correct links over links planted; 1 when nothing was planted. */
    public double recall() {
        int planted = correct.size() + missed.size();
        return planted == 0 ? 1.0 : (double) correct.size() / planted;
    }

    private static int order(CaseLink a, CaseLink b) {
        int c = a.identifier().compareTo(b.identifier());
        if (c == 0) {
            c = a.caseA().compareTo(b.caseA());
        }
        return c != 0 ? c : a.caseB().compareTo(b.caseB());
    }
}
