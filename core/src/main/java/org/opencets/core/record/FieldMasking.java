package org.opencets.core.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencets.core.identifier.TextExtractor;

/**
 * The last guard before a record's fields are kept: every card number anywhere in them is masked,
 * whatever the reader did. Readers mask the fields they know (a card column, a message's text), but
 * a card number can also sit in a field nobody expected to hold one: inside a nested JSON object or
 * array, as a JSON number, in the local part of an e-mail or a URL's query kept as a plain field.
 *
 * <p>Strings are masked as {@link TextExtractor#redactCards} masks free text (a Luhn-valid run of 13
 * to 19 digits, grouped or not, becomes BIN…last four); map keys likewise; a number (whole, decimal or
 * a double) whose plain decimal form holds a card number becomes that form masked; maps and lists are
 * walked to any depth. A value with
 * nothing to mask is kept as the same object, so the common case allocates nothing. The one
 * exception is a top-level field the reader declares verbatim: an id the format defines, which
 * docs/IDENTIFIERS.md keeps as written because masking it would merge different messages or users.
 */
final class FieldMasking {
    private FieldMasking() {
    }

    /**
     * The fields with every card number masked, except the top-level fields named in {@code verbatim}
     * (the same map when there is nothing to mask; keys stay strings, since a masked key is a string).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fields(Map<String, ?> fields, java.util.Set<String> verbatim) {
        return (Map<String, Object>) nested(fields, verbatim);
    }

    /** One value with every card number in it masked: the same object when there is none. */
    static Object value(Object v) {
        if (v instanceof String s) {
            return TextExtractor.redactCards(s);
        }
        if (v instanceof Map<?, ?> m) {
            return nested(m, java.util.Set.of());
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = null;
            int i = 0;
            for (Object item : c) {
                Object masked = value(item);
                if (out == null && masked != item) {
                    out = new ArrayList<>(c.size());
                    int j = 0;
                    for (Object before : c) {
                        if (j++ == i) {
                            break;
                        }
                        out.add(before);
                    }
                }
                if (out != null) {
                    out.add(masked);
                }
                i++;
            }
            return out == null ? v : out;
        }
        if (v instanceof Long || v instanceof BigInteger || v instanceof BigDecimal || v instanceof Double) {
            // A Double (a JSON number with a fraction or an exponent) would be kept as 4.556…E15: every digit
            // of a 16-digit number, one dot after the first. Its plain decimal form is what is searched.
            String digits = switch (v) {
                case BigDecimal d -> d.toPlainString();
                case Double d -> Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : "";
                default -> v.toString();
            };
            String masked = TextExtractor.redactCards(digits);
            return masked.equals(digits) ? v : masked;
        }
        return v;
    }

    private static Object nested(Map<?, ?> m, java.util.Set<String> verbatim) {
        Map<Object, Object> out = null;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            boolean kept = verbatim.contains(e.getKey());
            Object key = !kept && e.getKey() instanceof String k ? TextExtractor.redactCards(k) : e.getKey();
            Object value = kept ? e.getValue() : value(e.getValue());
            if (out == null && (key != e.getKey() || value != e.getValue())) {
                out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> before : m.entrySet()) {
                    if (before.getKey() == e.getKey()) {
                        break;
                    }
                    out.put(before.getKey(), before.getValue());
                }
            }
            if (out != null) {
                out.put(key, value);
            }
        }
        return out == null ? m : out;
    }
}
