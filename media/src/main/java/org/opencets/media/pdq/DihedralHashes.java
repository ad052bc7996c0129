package org.opencets.media.pdq;

import java.util.List;
import java.util.Objects;

/**
 * The PDQ hashes of an image's eight dihedral variants, all derived from one DCT.
 *
 * @param hashes  eight hashes in {@link Dihedral} order
 * @param quality the image's quality (the same for every variant)
 */
public record DihedralHashes(List<PdqHash> hashes, int quality) {
    public DihedralHashes {
        hashes = List.copyOf(Objects.requireNonNull(hashes, "hashes"));
        if (hashes.size() != Dihedral.values().length) {
            throw new IllegalArgumentException("eight dihedral hashes expected, got " + hashes.size());
        }
    }

    /** The hash of one variant. */
    public PdqHash get(Dihedral d) {
        return hashes.get(d.ordinal());
    }
}
