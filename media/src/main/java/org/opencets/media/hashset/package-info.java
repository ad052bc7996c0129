/**
 * Known-hash lists: what agencies load to recognise material already seen. Readers stream each list
 * into {@link org.opencets.media.hashset.KnownEntry} values, whatever its size:
 * <ul>
 *   <li>Project VIC VICS JSON, OData 1.3 and 2.0 ({@code MediaID}, {@code Category}, {@code MD5},
 *       {@code SHA1}, {@code PhotoDNA} kept as an opaque string, {@code Series},
 *       {@code VictimIdentified}, {@code OffenderIdentified}, ...);</li>
 *   <li>NSRL RDS 2 ({@code NSRLFile.txt}) and RDS 3 (SQLite);</li>
 *   <li>plain {@code md5sum} / {@code sha1sum} / {@code sha256sum} lists and {@code pdq <hex>} lines;</li>
 *   <li>CSV with a header naming its columns.</li>
 * </ul>
 * Categories follow the Project VIC scheme (0 non-pertinent, 1 child abuse material, 2 child
 * exploitive / age difficult, 3 CGI or animation, 4 comparison) or a list's own label such as
 * "known good". {@link org.opencets.media.hashset.KnownLists} detects the format and reads a file.
 */
package org.opencets.media.hashset;
