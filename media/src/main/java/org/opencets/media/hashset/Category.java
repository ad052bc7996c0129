package org.opencets.media.hashset;

import java.util.Objects;

/**
 * A category a known-hash list gives its entries.
 *
 * @param code  what is printed and stored: {@code 0}..{@code 4} for the Project VIC scheme, else the
 *              list's own label (e.g. {@code known good})
 * @param label a human description
 */
public record Category(String code, String label) {
    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }

    public static final Category VIC_NON_PERTINENT = new Category("0", "non-pertinent");
    public static final Category VIC_CHILD_ABUSE_MATERIAL = new Category("1", "child abuse material");
    public static final Category VIC_CHILD_EXPLOITIVE = new Category("2", "child exploitive / age difficult");
    public static final Category VIC_CGI_ANIMATION = new Category("3", "CGI or animation");
    public static final Category VIC_COMPARISON = new Category("4", "comparison");
    /** Files known to be harmless (NSRL's default). */
    public static final Category KNOWN_GOOD = new Category("known good", "known good");
    /** A list entry without a category. */
    public static final Category UNCATEGORISED = new Category("", "uncategorised");

    /** The Project VIC category {@code n} (0..4). */
    public static Category projectVic(int n) {
        return switch (n) {
            case 0 -> VIC_NON_PERTINENT;
            case 1 -> VIC_CHILD_ABUSE_MATERIAL;
            case 2 -> VIC_CHILD_EXPLOITIVE;
            case 3 -> VIC_CGI_ANIMATION;
            case 4 -> VIC_COMPARISON;
            default -> throw new IllegalArgumentException("Project VIC categories are 0..4, not " + n);
        };
    }

    /**
     * A category from text: {@code 0}..{@code 4} are Project VIC's, anything else is a label of its own;
     * blank is {@link #UNCATEGORISED}.
     */
    public static Category parse(String text) {
        if (text == null || text.isBlank()) {
            return UNCATEGORISED;
        }
        String t = text.strip();
        if (t.length() == 1 && t.charAt(0) >= '0' && t.charAt(0) <= '4') {
            return projectVic(t.charAt(0) - '0');
        }
        return new Category(t, t);
    }
}
