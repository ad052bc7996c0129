package org.opencets.media.pdq;

/**
 * The eight rotations and reflections of the square, in the order the reference tools print them:
 * original, rot90, rot180, rot270, flipx, flipy, flip+1 (transpose), flip-1 (anti-transpose).
 */
public enum Dihedral {
    ORIGINAL, ROTATE_90, ROTATE_180, ROTATE_270, FLIP_X, FLIP_Y, FLIP_PLUS_1, FLIP_MINUS_1
}
