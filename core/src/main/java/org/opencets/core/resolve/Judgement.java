package org.opencets.core.resolve;

import java.util.Objects;

/**
 * An investigator's decision about two records: they are the same person, or they are not. A
 * judgement overrides the model: a confirmed pair always ends in one person, a rejected pair never
 * does (no chain of other matches may join them either). To confirm or reject a merge of two
 * persons, judge one record of each.
 *
 * <p>Judgements refer to record ids, so they survive re-runs as long as the ids are stable; the
 * store keeps them and passes them in on every run.
 */
public record Judgement(String firstId, String secondId, Verdict verdict) {
    /** What the investigator decided. */
    public enum Verdict {
        SAME_PERSON, DIFFERENT_PERSONS
    }

    public Judgement {
        Objects.requireNonNull(firstId, "firstId");
        Objects.requireNonNull(secondId, "secondId");
        Objects.requireNonNull(verdict, "verdict");
        if (firstId.equals(secondId)) {
            throw new IllegalArgumentException("a judgement needs two different records, got '" + firstId + "' twice");
        }
    }

    public static Judgement samePerson(String firstId, String secondId) {
        return new Judgement(firstId, secondId, Verdict.SAME_PERSON);
    }

    public static Judgement differentPersons(String firstId, String secondId) {
        return new Judgement(firstId, secondId, Verdict.DIFFERENT_PERSONS);
    }
}
