package org.opencets.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FieldMaskingTest {
    /** A Luhn-valid 16-digit number from 15 digits of body. */
    static String card(long body) {
        String b = String.format("%015d", body);
        for (char c = '0'; c <= '9'; c++) {
            String candidate = b + c;
            int sum = 0;
            for (int i = 0; i < 16; i++) {
                int d = candidate.charAt(15 - i) - '0';
                if (i % 2 == 1) {
                    d *= 2;
                    if (d > 9) {
                        d -= 9;
                    }
                }
                sum += d;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new AssertionError();
    }

    private static final String CARD = card(455_612_340_000_997L);

    private static ParsedRecord note(Map<String, Object> fields) {
        return new ParsedRecord(RecordKind.NOTE, 1, 0, null, fields, List.of());
    }

    @Test
    void masksCardsWhereverTheyHideInTheFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "ok");
        fields.put("extra", Map.of("nested", CARD));
        fields.put("tags", List.of("a", CARD));
        fields.put("ref", Long.parseLong(CARD));
        fields.put("big", new BigInteger(CARD));
        fields.put("decimal", new BigDecimal(CARD));
        fields.put("email", CARD + "@x.org");
        fields.put("url", "http://x.org/?c=" + CARD);
        fields.put(CARD, "as a key");

        ParsedRecord r = note(fields);

        assertThat(String.valueOf(r.fields())).doesNotContain(CARD);
        String masked = CARD.substring(0, 8) + "…" + CARD.substring(12);
        assertThat(r.fields().get("extra")).isEqualTo(Map.of("nested", masked));
        assertThat(r.fields().get("tags")).isEqualTo(List.of("a", masked));
        assertThat(r.fields().get("ref")).isEqualTo(masked);
        assertThat(r.fields().get("big")).isEqualTo(masked);
        assertThat(r.fields().get("decimal")).isEqualTo(masked);
        assertThat(r.fields().get("email")).isEqualTo(masked + "@x.org");
        assertThat(r.fields().get("url")).isEqualTo("http://x.org/?c=" + masked);
        assertThat(r.fields().get(masked)).isEqualTo("as a key");
        assertThat(r.fields().get("text")).isEqualTo("ok");
    }

    @Test
    void masksCardsWrittenWithAnySeparatorTheTextSearchKnows() {
        String masked = CARD.substring(0, 8) + "…" + CARD.substring(12);
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> separators = List.of(".", "  ", "\t", "_", "/", "\u00A0", "\u2013", " - ");
        for (String sep : separators) {
            String written = String.join(sep, CARD.substring(0, 4), CARD.substring(4, 8), CARD.substring(8, 12), CARD.substring(12));
            fields.put("text" + fields.size(), "paid with " + written + " yesterday");
            fields.put("nested" + fields.size(), Map.of("deep", List.of(written)));
        }

        ParsedRecord r = note(fields);

        String all = String.valueOf(r.fields());
        assertThat(all.replaceAll("(?<=\\d)[\\h._/\\-\u2013]+(?=\\d)", "")).doesNotContain(CARD);
        for (int i = 0; i < separators.size(); i++) {
            assertThat(r.fields().get("text" + 2 * i)).isEqualTo("paid with " + masked + " yesterday");
            assertThat(r.fields().get("nested" + (2 * i + 1))).isEqualTo(Map.of("deep", List.of(masked)));
        }
    }

    @Test
    void aCardReadAsAJsonNumberWithAFractionIsMaskedToo() {
        // {"amount": 4556….0} reads as a Double, which would be stored as 4.556…E15: every digit, one dot.
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("amount", Double.parseDouble(CARD + ".0"));
        fields.put("fine", 1234.5);
        fields.put("list", List.of(Double.parseDouble(CARD)));

        ParsedRecord r = note(fields);

        String masked = CARD.substring(0, 8) + "…" + CARD.substring(12);
        assertThat(r.fields().get("amount")).isEqualTo(masked);
        assertThat(r.fields().get("list")).isEqualTo(List.of(masked));
        assertThat(r.fields().get("fine")).isEqualTo(1234.5);
    }

    @Test
    void keepsAFormatsOwnIdsAsWrittenAndMasksEverythingElse() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message_id", CARD);
        fields.put("text", "id " + CARD);
        fields.put("reply", Map.of("message_id", CARD));

        ParsedRecord r = new ParsedRecord(RecordKind.MESSAGE, 1, 0, null, fields, List.of(), java.util.Set.of("message_id"));

        assertThat(r.fields().get("message_id")).isEqualTo(CARD);
        assertThat(String.valueOf(r.fields().get("text"))).doesNotContain(CARD);
        assertThat(String.valueOf(r.fields().get("reply"))).doesNotContain(CARD); // verbatim is by top-level name only
        assertThat(r.verbatim()).containsExactly("message_id");
    }

    @Test
    void keepsValuesWithoutCardsAsTheyAre() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("amount", 12.5);
        inner.put("id", 1234567890123456L); // 16 digits, not Luhn-valid
        inner.put("none", null);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("inner", inner);
        fields.put("list", List.of(1L, "two", true));
        fields.put("masked already", CARD.substring(0, 8) + "…" + CARD.substring(12));

        assertThat(FieldMasking.fields(fields, java.util.Set.of())).isSameAs(fields);
        assertThat(FieldMasking.value(inner)).isSameAs(inner);
    }

    @Test
    void keepsOrderAndNullsOfANestedObjectItRewrites() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("first", null);
        inner.put("second", CARD);
        inner.put("third", "x");

        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) FieldMasking.value(inner);

        assertThat(out.keySet()).containsExactly("first", "second", "third");
        assertThat(out).containsEntry("first", null).containsEntry("third", "x");
        assertThat(out.get("second")).isNotEqualTo(CARD);
    }

    @Property(tries = 300)
    void noCardSurvivesAtAnyDepth(@ForAll @LongRange(min = 400_000_000_000_000L, max = 599_999_999_999_999L) long body,
                                  @ForAll @IntRange(min = 0, max = 6) int depth,
                                  @ForAll @IntRange(min = 0, max = 3) int shape) {
        String card = card(body);
        Object value = switch (shape) {
            case 0 -> card;
            case 1 -> Long.parseLong(card);
            case 2 -> "paid with " + card.substring(0, 4) + " " + card.substring(4, 8) + " " + card.substring(8, 12) + " "
                    + card.substring(12);
            default -> "user" + card + "@example.org";
        };
        for (int i = 0; i < depth; i++) {
            if (i % 2 == 0) {
                List<Object> l = new ArrayList<>();
                l.add("x");
                l.add(value);
                value = l;
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("k" + i, value);
                value = m;
            }
        }
        ParsedRecord r = note(Map.of("field", value));
        assertThat(String.valueOf(r.fields())).doesNotContain(card).doesNotContain(card.substring(8, 12) + " " + card.substring(12));
    }
}
