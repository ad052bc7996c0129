/**
 * E-mail evidence: mailbox files ({@code mbox}: mboxo and mboxrd, RFC 4155) and single messages
 * ({@code eml}: RFC 5322 with MIME, RFCs 2045-2049 and 2047). Each message becomes one MESSAGE
 * record: its addresses with their roles (sender, recipient, cc, bcc, reply-to), the public IPs its
 * {@code Received:} trace names and the originating IP some providers add, the MD5, SHA-1 and
 * SHA-256 of each attachment, and the identifiers in its subject and text.
 *
 * <p>MIME itself (header fields, multipart structure, RFC 2047 encoded words, quoted-printable and
 * base64, addresses and dates) is parsed by Apache James mime4j; this package cuts mailboxes into
 * messages on bytes, decides what becomes which identifier, and reports every flaw it meets (a
 * mislabelled charset, a truncated part, an unreadable date) as a warning naming the message and
 * part, rather than replacing or dropping anything in silence.
 */
package org.opencets.formats.email;
