package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A blocking rule: records that share one of its keys become candidate pairs. A key combines
 * parts: an attribute's exact value, its phonetic code, or "either name's phonetic code" (a record
 * then has one key per name, so given name and surname written the other way round, or one of
 * them garbled, still meet). A record missing a part has no key under the rule. Two special
 * rules: the unordered pair of exact names, and each strong identifier.
 */
final class BlockingRule {
    enum Kind {
        FIELDS, UNORDERED_NAMES, STRONG_IDENTIFIERS
    }

    enum PartKind {
        EXACT, PHONETIC, EITHER_NAME_PHONETIC
    }

    record Part(PartKind kind, PersonAttribute attribute) {
        String label() {
            return switch (kind) {
                case EXACT -> attribute.name().toLowerCase(Locale.ROOT);
                case PHONETIC -> attribute.name().toLowerCase(Locale.ROOT) + " (phonetic)";
                case EITHER_NAME_PHONETIC -> "either name (phonetic)";
            };
        }
    }

    final String name;
    final Kind kind;
    private final List<Part> parts;

    private BlockingRule(String name, Kind kind, List<Part> parts) {
        this.name = name;
        this.kind = kind;
        this.parts = List.copyOf(parts);
    }

    static BlockingRule fields(Part... parts) {
        StringBuilder name = new StringBuilder();
        for (Part p : parts) {
            if (!name.isEmpty()) {
                name.append(" + ");
            }
            name.append(p.label());
        }
        return new BlockingRule(name.toString(), Kind.FIELDS, List.of(parts));
    }

    static Part exact(PersonAttribute a) {
        return new Part(PartKind.EXACT, a);
    }

    static Part phonetic(PersonAttribute a) {
        return new Part(PartKind.PHONETIC, a);
    }

    static Part eitherName() {
        return new Part(PartKind.EITHER_NAME_PHONETIC, null);
    }

    /**
     * The default rules, in precedence order, kept where the data has their attributes. Each pairs
     * evidence on independent fields (or uses one near-unique field), so that a duplicate survives
     * as long as one rule's fields escaped corruption; their union is what gets compared.
     */
    static List<BlockingRule> defaults(RecordTable t) {
        List<BlockingRule> all = new ArrayList<>();
        all.add(fields(exact(PersonAttribute.NATIONAL_ID)));
        all.add(new BlockingRule("strong identifier", Kind.STRONG_IDENTIFIERS, List.of()));
        all.add(new BlockingRule("given name + surname (either order)", Kind.UNORDERED_NAMES,
                List.of(exact(PersonAttribute.GIVEN_NAME), exact(PersonAttribute.SURNAME))));
        all.add(fields(exact(PersonAttribute.DATE_OF_BIRTH), eitherName()));
        all.add(fields(exact(PersonAttribute.DATE_OF_BIRTH), exact(PersonAttribute.POSTCODE)));
        all.add(fields(eitherName(), exact(PersonAttribute.POSTCODE)));
        all.add(fields(exact(PersonAttribute.ADDRESS_LINE_1), exact(PersonAttribute.STREET_NUMBER)));
        all.add(fields(eitherName(), exact(PersonAttribute.LOCALITY)));
        List<BlockingRule> kept = new ArrayList<>();
        for (BlockingRule r : all) {
            if (r.applicable(t)) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** The attributes whose agreement this rule forces on its pairs (both names for the name rules). */
    java.util.Set<PersonAttribute> attributes() {
        java.util.EnumSet<PersonAttribute> out = java.util.EnumSet.noneOf(PersonAttribute.class);
        for (Part p : parts) {
            if (p.kind() == PartKind.EITHER_NAME_PHONETIC) {
                out.add(PersonAttribute.GIVEN_NAME);
                out.add(PersonAttribute.SURNAME);
            } else {
                out.add(p.attribute());
            }
        }
        return out;
    }

    boolean applicable(RecordTable t) {
        if (kind == Kind.STRONG_IDENTIFIERS) {
            return t.recordsWithIdentifiers > 1;
        }
        for (Part p : parts) {
            if (p.kind() == PartKind.EITHER_NAME_PHONETIC) {
                if (t.column(PersonAttribute.GIVEN_NAME) == null && t.column(PersonAttribute.SURNAME) == null) {
                    return false;
                }
            } else if (t.column(p.attribute()) == null) {
                return false;
            }
        }
        return true;
    }

    /** At most how many keys one record has under this rule. */
    int maxKeys(RecordTable t) {
        return switch (kind) {
            case STRONG_IDENTIFIERS -> {
                int max = 0;
                for (int[] ids : t.identifiers) {
                    max = Math.max(max, ids.length);
                }
                yield max;
            }
            case UNORDERED_NAMES -> 1;
            case FIELDS -> parts.stream().anyMatch(p -> p.kind() == PartKind.EITHER_NAME_PHONETIC) ? 2 : 1;
        };
    }

    /** Writes the record's keys to {@code out} (room for {@link #maxKeys}) and returns how many. */
    int keys(RecordTable t, int record, long[] out) {
        switch (kind) {
            case STRONG_IDENTIFIERS -> {
                int[] ids = t.identifiers[record];
                for (int i = 0; i < ids.length; i++) {
                    out[i] = mix(0x5bd1e995L ^ ids[i]);
                }
                return ids.length;
            }
            case UNORDERED_NAMES -> {
                int g = t.column(PersonAttribute.GIVEN_NAME).valueOf[record];
                int s = t.column(PersonAttribute.SURNAME).valueOf[record];
                if (g < 0 || s < 0) {
                    return 0;
                }
                out[0] = mix(mix(Math.min(g, s) + 0x9E3779B97F4A7C15L) ^ Math.max(g, s));
                return 1;
            }
            default -> {
                long h = 0x2545F4914F6CDD1DL;
                int[] alternatives = null;
                for (Part p : parts) {
                    if (p.kind() == PartKind.EITHER_NAME_PHONETIC) {
                        alternatives = nameCodes(t, record);
                        if (alternatives.length == 0) {
                            return 0;
                        }
                        continue;
                    }
                    Column c = t.column(p.attribute());
                    int v = c.valueOf[record];
                    if (v < 0) {
                        return 0;
                    }
                    if (p.kind() == PartKind.PHONETIC) {
                        v = c.domain.primaryPhonetic(v);
                        if (v < 0) {
                            return 0;
                        }
                    }
                    h = mix(h ^ (v + 0x9E3779B97F4A7C15L));
                }
                if (alternatives == null) {
                    out[0] = h;
                    return 1;
                }
                for (int i = 0; i < alternatives.length; i++) {
                    out[i] = mix(h ^ (alternatives[i] + 0x632BE59BD9B4E019L));
                }
                return alternatives.length;
            }
        }
    }

    private static final int[] NONE = new int[0];

    /** The distinct primary phonetic codes of the record's given name and surname (names share one domain). */
    private static int[] nameCodes(RecordTable t, int record) {
        int g = code(t.column(PersonAttribute.GIVEN_NAME), record);
        int s = code(t.column(PersonAttribute.SURNAME), record);
        if (g < 0 && s < 0) {
            return NONE;
        }
        if (g < 0 || s < 0 || g == s) {
            return new int[] {Math.max(g, s)};
        }
        return new int[] {g, s};
    }

    private static int code(Column c, int record) {
        if (c == null) {
            return -1;
        }
        int v = c.valueOf[record];
        return v < 0 ? -1 : c.domain.primaryPhonetic(v);
    }

    /** The finaliser of SplitMix64 (Steele, Lea and Flood 2014): a cheap, well-mixed 64-bit hash step. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return name;
    }
}
