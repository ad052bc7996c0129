/**
 * IRC logs as clients write them (irssi, mIRC, eggdrop, ZNC, the Ubuntu channel logs, XChat, HexChat,
 * WeeChat): {@link org.opencets.formats.irc.IrcLogReader}, format {@code irc}. A log is a sequence of
 * lines, each a time stamp and a message, an action, a notice or an event (join, part, quit, kick,
 * nick change); the stamp layout is one per file and decides where the date comes from (a day-change
 * line, the file name, or the {@code date} option). A sender is the account {@code irc:nick}.
 *
 * <p>Also here, shared with the WhatsApp reader: {@link org.opencets.formats.irc.ChatText} (the free
 * text of a chat line handed to identifier extraction, with a cheap test that skips text which cannot
 * hold an identifier) and {@link org.opencets.formats.irc.Fields} (a record's fields built straight
 * into an immutable map).
 */
package org.opencets.formats.irc;
