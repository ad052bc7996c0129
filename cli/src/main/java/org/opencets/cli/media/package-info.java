/**
 * {@code cets media}: hash seized media ({@code hash}) and match the hashes against known lists
 * ({@code match}), without a database. The CSV columns are a contract: other tools and checks read
 * them, so they change only with a version note.
 */
package org.opencets.cli.media;
