/**
 * Streaming reading of chat exports that are one large document (Telegram Desktop's
 * {@code result.json}, DiscordChatExporter's JSON; the XML of the PAN-12 corpus shares the decoding
 * and record parts): the document is walked token by token and only one message at a time is held in
 * memory, so a multi-gigabyte export — often written as a single line — is read in flat memory.
 *
 * <ul>
 *   <li>{@link org.opencets.formats.jsonstream.JsonExport} opens a source with Jackson's streaming
 *       parser (strict UTF-8 from bytes with byte offsets, or strictly decoded characters for UTF-16
 *       and named encodings), walks objects and arrays, reads one message as a tree under a size
 *       limit, and turns every parser complaint into a
 *       {@link org.opencets.formats.read.BadInputException} naming file, line and column.</li>
 *   <li>{@link org.opencets.formats.jsonstream.StrictDecoding} decodes through the JDK and reports the
 *       byte offset, line and column of the first byte that is not valid in the encoding.</li>
 *   <li>{@link org.opencets.formats.jsonstream.RecordDraft} collects a record's fields and identifier
 *       mentions, with card numbers kept out of stored text and the identifier search skipped for text
 *       that cannot hold an identifier.</li>
 *   <li>{@link org.opencets.formats.jsonstream.IsoTimes} reads and writes the fixed-width ISO-8601
 *       shapes exports use, exactly as {@code java.time} does but faster;
 *       {@link org.opencets.formats.jsonstream.HeadText} answers format sniffers' questions about a
 *       file's first bytes.</li>
 * </ul>
 */
package org.opencets.formats.jsonstream;
