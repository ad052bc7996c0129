/**
 * Discord channels exported by DiscordChatExporter as JSON. Each message becomes a MESSAGE record
 * (an EVENT for system messages: member joined, call, pin, …); its author and the users it mentions
 * become accounts on platform {@code discord}, by their numeric user id and by their username; its
 * content is searched for identifiers; attachment links become URLs. The export is streamed one
 * message at a time (see {@link org.opencets.formats.jsonstream}).
 */
package org.opencets.formats.discord;
