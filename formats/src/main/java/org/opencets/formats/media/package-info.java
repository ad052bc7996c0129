/**
 * Media manifests: the per-file digests, PDQ hashes and camera facts that a scan of seized media
 * produces, read as media records. Scanning itself (decoding, hashing) lives in the media module;
 * this package only reads its output, so a manifest made on a forensic workstation imports the same
 * way as a folder scanned by {@code cets import --format media}.
 */
package org.opencets.formats.media;
