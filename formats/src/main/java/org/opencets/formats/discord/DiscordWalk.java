package org.opencets.formats.discord;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencets.core.identifier.Found;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.TextExtractor;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.jsonstream.IsoTimes;
import org.opencets.formats.jsonstream.JsonExport;
import org.opencets.formats.jsonstream.Position;
import org.opencets.formats.jsonstream.RecordDraft;
import org.opencets.formats.jsonstream.RecordDraft.Problem;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordSink;
import org.opencets.formats.read.Redaction;

/**
 * One walk through a DiscordChatExporter JSON export:
 *
 * <pre>
 * export  = { "guild": { "id", "name", … }, "channel": { "id", "type", "category", "name", "topic", … },
 *             "dateRange": {…}, "messages": [ message… ], … } ;
 * message = { "id", "type", "timestamp", "timestampEdited", "isPinned", "content",
 *             "author": user, "attachments": [ { "id", "url", "fileName", "fileSizeBytes" }… ],
 *             "embeds": [ { "title", "url", "description", … }… ], "mentions": [ user… ],
 *             "reference": { "messageId", "channelId", "guildId" }, … } ;
 * user    = { "id", "name", "discriminator", "nickname", "isBot", … } ;
 * </pre>
 *
 * <p>Records: a message of type {@code Default} or {@code Reply} is a MESSAGE; any other type
 * (GuildMemberJoin, Call, ChannelPinnedMessage, RecipientAdd, ThreadCreated, …) is an EVENT.
 *
 * <p>Accounts. A Discord user is identified for good by a numeric id (a snowflake); the username can
 * change. Each user therefore gives two accounts on platform {@code discord}: the id
 * ({@code discord:80351110224678912}, role {@code sender} or {@code mentioned}) and the username
 * ({@code discord:alice}, or {@code discord:alice#1234} while a legacy discriminator other than 0 is
 * shown; role {@code sender_username} or {@code mentioned_username}). Both in one record link them.
 * Usernames compare without case, as core's account rules have it for Discord. The nickname (the
 * server's display name) is only a field.
 *
 * <p>Time: {@code timestamp} is an ISO-8601 date-time with offset and becomes an instant; an
 * impossible one (30 February, hour 25) makes the message a bad row, as does an impossible
 * {@code timestampEdited}.
 */
final class DiscordWalk {
    static final String PLATFORM = "discord";

    private final JsonExport export;
    private final RecordSink sink;
    private final RecordDraft draft;
    private final Map<String, String> context = new LinkedHashMap<>();
    private boolean sawMessages;

    DiscordWalk(JsonExport export, ReadSource source, RecordSink sink) {
        this.export = export;
        this.sink = sink;
        this.draft = new RecordDraft(source.identifiers());
    }

    void root() throws IOException {
        JsonToken first = export.next();
        if (first != JsonToken.START_OBJECT) {
            throw export.error(export.position(), "a DiscordChatExporter export is a JSON object with \"guild\", "
                    + "\"channel\" and \"messages\"; this file starts with " + JsonExport.describe(first));
        }
        while (export.nextMember()) {
            switch (export.memberName()) {
                case "guild" -> place("guild", export.token() == JsonToken.START_OBJECT ? export.readObject() : skipped());
                case "channel" -> place("channel", export.token() == JsonToken.START_OBJECT ? export.readObject() : skipped());
                case "messages" -> {
                    sawMessages = true;
                    export.elements("messages", "message", sink, at -> message(export.readObject(), at));
                }
                default -> export.skip();
            }
        }
        if (!sawMessages) {
            sink.warn("no \"messages\" found: is this a DiscordChatExporter JSON export?");
        }
    }

    private ObjectNode skipped() throws IOException {
        export.skip();
        return null;
    }

    /** The guild (server) or channel the messages were exported from. */
    private void place(String what, ObjectNode node) {
        if (node == null) {
            return;
        }
        put(what, text(node, "name"));
        put(what + "_id", text(node, "id"));
        if (what.equals("channel")) {
            put("channel_type", text(node, "type"));
            put("category", text(node, "category"));
        }
    }

    private void put(String key, String value) {
        if (value != null && !value.isBlank()) {
            context.put(key, value);
        }
    }

    private void message(ObjectNode m, Position at) {
        draft.clear();
        String id = text(m, "id");
        try {
            String type = text(m, "type");
            boolean plain = type == null || type.equalsIgnoreCase("Default") || type.equalsIgnoreCase("Reply");
            RecordKind kind = plain ? RecordKind.MESSAGE : RecordKind.EVENT;
            draft.field("platform", PLATFORM);
            for (Map.Entry<String, String> e : context.entrySet()) {
                if (e.getKey().endsWith("_id")) {
                    draft.id(e.getKey(), e.getValue());
                } else {
                    draft.field(e.getKey(), e.getValue());
                }
            }
            draft.id("message_id", id);
            draft.field("type", type);
            String occurredAt = instant("timestamp", text(m, "timestamp"));
            draft.field("timestamp", text(m, "timestamp"));
            instant("timestampEdited", text(m, "timestampEdited"));
            draft.field("edited", text(m, "timestampEdited"));
            instant("callEndedTimestamp", text(m, "callEndedTimestamp"));
            draft.field("call_ended", text(m, "callEndedTimestamp"));
            if (m.path("isPinned").asBoolean(false)) {
                draft.field("pinned", "true");
            }
            JsonNode author = m.get("author");
            if (author != null && author.isObject()) {
                draft.id("author_id", text(author, "id"));
                draft.field("author", text(author, "name"));
                draft.field("author_nickname", text(author, "nickname"));
                if (author.path("isBot").asBoolean(false)) {
                    draft.field("author_is_bot", "true");
                }
                user(author, "sender", "author");
            }
            JsonNode content = m.get("content");
            if (content != null && !content.isNull()) {
                if (!content.isTextual()) {
                    throw new Problem("content is " + kind(content) + ", not a string");
                }
                draft.text("text", content.textValue());
            }
            attachments(m.get("attachments"));
            embeds(m.get("embeds"));
            mentions(m.get("mentions"));
            JsonNode ref = m.get("reference");
            if (ref != null && ref.isObject()) {
                draft.id("reply_to_message_id", text(ref, "messageId"));
                draft.id("reply_to_channel_id", text(ref, "channelId"));
                draft.id("reply_to_guild_id", text(ref, "guildId"));
            }
            List<String> stickers = new ArrayList<>();
            for (JsonNode s : array(m.get("stickers"))) {
                String name = text(s, "name");
                if (name != null && !name.isBlank()) {
                    stickers.add(name);
                }
            }
            draft.field("stickers", stickers);
            sink.accept(draft.build(kind, at, occurredAt));
        } catch (Problem p) {
            // the id is left out: a snowflake has 17 to 20 digits, and no message may carry such a run
            sink.reject(at.line(), "message at " + at.where() + ": " + p.getMessage());
        }
    }

    /** A user's two accounts: the numeric id (role as given) and the username (role + "_username"). */
    private void user(JsonNode u, String role, String field) throws Problem {
        String id = text(u, "id");
        if (id != null && !id.isBlank()) {
            draft.account(PLATFORM, id, role, field + ".id");
        }
        String handle = username(text(u, "name"), text(u, "discriminator"));
        if (handle != null) {
            draft.account(PLATFORM, handle, role + "_username", field + ".name");
        }
    }

    /** {@code name}, or {@code name#1234} for a legacy discriminator (none, "0" and "0000" mean none). */
    static String username(String name, String discriminator) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (discriminator == null || discriminator.isBlank() || discriminator.chars().allMatch(c -> c == '0')) {
            return name;
        }
        return name + "#" + discriminator;
    }

    private void attachments(JsonNode list) throws Problem {
        List<Map<String, Object>> kept = new ArrayList<>();
        for (JsonNode a : array(list)) {
            Map<String, Object> one = new LinkedHashMap<>();
            String url = text(a, "url");
            putMasked(one, "fileName", text(a, "fileName"));
            if (text(a, "fileSizeBytes") != null) {
                one.put("fileSizeBytes", text(a, "fileSizeBytes"));
            }
            if (url != null && !url.isBlank()) {
                if (isWebUrl(url)) {
                    draft.identifier(IdentifierType.URL, url, "attachment", "attachments");
                }
                putMasked(one, "url", url);
            }
            if (!one.isEmpty()) {
                kept.add(one);
            }
        }
        if (!kept.isEmpty()) {
            draft.structure("attachments", kept);
        }
    }

    private void embeds(JsonNode list) {
        List<Map<String, Object>> kept = new ArrayList<>();
        int i = 0;
        for (JsonNode e : array(list)) {
            Map<String, Object> one = new LinkedHashMap<>();
            putMasked(one, "title", text(e, "title"));
            String url = text(e, "url");
            if (url != null && !url.isBlank()) {
                putMasked(one, "url", url);
                if (isWebUrl(url)) {
                    // a link preview the platform made: a URL that does not normalise is no identifier
                    draft.identifierIfValid(IdentifierType.URL, url, "embed", "embeds");
                }
            }
            String description = text(e, "description");
            if (description != null && !description.isBlank()) {
                String field = "embeds[" + i + "].description";
                List<Found> found = RecordDraft.find(description, draft.context());
                for (Found f : found) {
                    draft.mention(new Mention(f.identifier(), "text", f.raw(), field, f.start(), f.end()));
                }
                one.put("description", TextExtractor.redactCards(description));
            }
            if (!one.isEmpty()) {
                kept.add(one);
            }
            i++;
        }
        if (!kept.isEmpty()) {
            draft.structure("embeds", kept);
        }
    }

    private void mentions(JsonNode list) throws Problem {
        List<String> names = new ArrayList<>();
        for (JsonNode u : array(list)) {
            user(u, "mentioned", "mentions");
            String handle = username(text(u, "name"), text(u, "discriminator"));
            if (handle != null) {
                names.add(handle);
            }
        }
        draft.field("mentions", names);
    }

    private static void putMasked(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, TextExtractor.redactCards(value));
        }
    }

    private static boolean isWebUrl(String url) {
        String l = url.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    /**
     * An ISO-8601 date-time with offset as an instant ({@code 2020-09-01T12:34:56.789+02:00} →
     * {@code 2020-09-01T10:34:56.789Z}); one without offset as a local date-time; null when absent.
     */
    static String instant(String field, String value) throws Problem {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        try {
            return IsoTimes.offsetInstant(s);
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toString();
            } catch (DateTimeException e2) {
                throw new Problem(field + ": '" + shorten(s) + "' is not a valid date and time "
                        + "(DiscordChatExporter writes 2024-03-01T14:05:09.123+00:00)");
            }
        }
    }

    private static Iterable<JsonNode> array(JsonNode list) {
        if (list == null || !list.isArray()) {
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode n : list) {
            if (n.isObject()) {
                objects.add(n);
            }
        }
        return objects;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    private static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "a list" : n.isNumber() ? "a number"
                : n.isBoolean() ? "true or false" : "a string";
    }

    private static String shorten(String s) {
        return Redaction.digits(s.length() > 40 ? s.substring(0, 40) + "…" : s);
    }
}
