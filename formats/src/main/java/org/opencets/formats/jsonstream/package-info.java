/**
 * Streaming JSON for chat exports that are one large JSON document (Telegram Desktop's
 * {@code result.json}, DiscordChatExporter's JSON): the document is walked token by token with
 * Jackson's streaming parser and only one message object at a time is held in memory, so a
 * multi-gigabyte export — often written as a single line — is read in flat memory.
 *
 * <p>{@link org.opencets.formats.jsonstream.JsonExport} opens a source (strict UTF-8 with byte
 * offsets, or a strictly decoded character stream for UTF-16 and named encodings), walks objects
 * and arrays, reads one message as a tree under a size limit, and turns every parser complaint into a
 * {@link org.opencets.formats.read.BadInputException} naming file, line and column.
 * {@link org.opencets.formats.jsonstream.RecordDraft} collects a record's fields and identifier
 * mentions, with card numbers kept out of stored text.
 */
package org.opencets.formats.jsonstream;
