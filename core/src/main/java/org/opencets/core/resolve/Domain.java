package org.opencets.core.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * A dictionary of distinct normalised values, shared by the attributes that may hold each other's
 * values (given name and surname; the two address lines), so that "written in the other field" is
 * an integer comparison. Values are interned once; everything per value (phonetic codes, term
 * frequencies) is computed once per distinct value, not per record.
 */
final class Domain {
    private final HashMap<String, Integer> index = new HashMap<>();
    private final ArrayList<String> values = new ArrayList<>();
    private int[] primaryCode;
    private int[] alternateCode;

    int intern(String value) {
        Integer id = index.get(value);
        if (id == null) {
            id = values.size();
            index.put(value, id);
            values.add(value);
        }
        return id;
    }

    int size() {
        return values.size();
    }

    String value(int id) {
        return values.get(id);
    }

    /** Computes the Double Metaphone codes of every value; call once all values are interned. */
    void preparePhonetics() {
        if (primaryCode != null && primaryCode.length == values.size()) {
            return;
        }
        DoubleMetaphone metaphone = new DoubleMetaphone();
        metaphone.setMaxCodeLen(6);
        HashMap<String, Integer> codes = new HashMap<>();
        codes.put("", -1);
        primaryCode = new int[values.size()];
        alternateCode = new int[values.size()];
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String p = metaphone.doubleMetaphone(v, false);
            String a = metaphone.doubleMetaphone(v, true);
            primaryCode[i] = codeId(codes, p);
            alternateCode[i] = codeId(codes, a);
        }
    }

    private static int codeId(HashMap<String, Integer> codes, String code) {
        if (code == null || code.isEmpty()) {
            return -1;
        }
        return codes.computeIfAbsent(code, c -> codes.size());
    }

    /** The primary Double Metaphone code of a value as an id, or -1 when it has none. */
    int primaryPhonetic(int id) {
        return primaryCode[id];
    }

    /** True when the two values share a Double Metaphone code (primary or alternate). */
    boolean soundAlike(int a, int b) {
        int pa = primaryCode[a];
        int aa = alternateCode[a];
        int pb = primaryCode[b];
        int ab = alternateCode[b];
        return pa >= 0 && (pa == pb || pa == ab) || aa >= 0 && (aa == pb || aa == ab);
    }
}
