/**
 * Telegram Desktop's JSON export: one chat or a whole account. Messages become MESSAGE records,
 * service messages (joins, invitations, calls, pins, …) EVENT records, contacts and the account's
 * personal information NOTE records. Senders, actors and @mentions become accounts on platform
 * {@code telegram}; contacts' phone numbers become phone identifiers; text is searched for
 * identifiers. The export is streamed one message at a time (see
 * {@link org.opencets.formats.jsonstream}).
 */
package org.opencets.formats.telegram;
