package org.opencets.core.identifier;

/**
 * A small, bounded, thread-safe memo of recent normalisation results, keyed by the raw input (and,
 * for phones, the default region it was read with).
 *
 * <p>Design note. Evidence repeats itself: a buyer's e-mail and phone recur on every purchase, and a
 * few domains (gmail.com, outlook.com) carry most addresses. The normalisers are pure functions of
 * their input, so a remembered answer is the answer. The memo is direct-mapped (one slot per hash
 * bucket, a newer key evicts an older one; no locks): a slot holds an immutable {@link Entry} whose
 * fields are final, so a thread that reads a slot sees either {@code null} or a whole entry (JLS
 * 17.5, final field semantics), and a lost race only costs a recomputation. Only successes are
 * remembered; a rejected value is normalised again and fails with the same message.
 *
 * <p>No card number may be held in clear (DESIGN principle 8): a key with twelve or more digits, the
 * fewest a card number has, is never remembered, whatever type it was offered as.
 */
final class RecentResults<V> {

    private record Entry<V>(String key, String context, V value) {
    }

    private final Object[] slots;
    private final int mask;

    /** A memo of {@code 2^bits} slots. */
    RecentResults(int bits) {
        this.slots = new Object[1 << bits];
        this.mask = slots.length - 1;
    }

    /** The remembered value for key in context (context may be null), or null. */
    @SuppressWarnings("unchecked")
    V get(String key, String context) {
        Object o = slots[index(key, context)];
        if (o == null) {
            return null;
        }
        Entry<V> e = (Entry<V>) o;
        return e.key.equals(key) && java.util.Objects.equals(e.context, context) ? e.value : null;
    }

    /** Remembers value for key in context, unless the key could hold a card number. */
    void put(String key, String context, V value) {
        if (mayHoldCard(key)) {
            return;
        }
        slots[index(key, context)] = new Entry<>(key, context, value);
    }

    /** True when s has twelve or more ASCII digits, so could carry a card number. */
    static boolean mayHoldCard(String s) {
        return CardNumbers.mayHold(s);
    }

    private int index(String key, String context) {
        int h = key.hashCode() * 31 + (context == null ? 0 : context.hashCode());
        h ^= h >>> 16;
        return h & mask;
    }
}
