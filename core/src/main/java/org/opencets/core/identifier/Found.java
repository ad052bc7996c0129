package org.opencets.core.identifier;

/**
 * One identifier found in free text by {@link TextExtractor}.
 *
 * @param identifier the normalised identifier
 * @param start      UTF-16 index of the first character of the match in the original text
 * @param end        UTF-16 index one past the last character of the match
 * @param raw        the matched text, {@code text.substring(start, end)}, except for a card, where it
 *                   is the masked display form (BIN … last four) so the number never travels further
 */
public record Found(Identifier identifier, int start, int end, String raw) {
}
