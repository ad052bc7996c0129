/**
 * Cryptographic file hashes: MD5, SHA-1 and SHA-256 of the same bytes, computed in one read.
 *
 * <p>These are the hashes known-file lists carry (Project VIC, NSRL, md5sum lists): an exact match
 * means the very same file. They are printed in lower-case hex.
 */
package org.opencets.media.hash;
