package org.opencets.formats.telegram;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencets.core.identifier.Found;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;
import org.opencets.core.identifier.InvalidIdentifierException;
import org.opencets.core.record.Mention;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.jsonstream.IsoTimes;
import org.opencets.formats.jsonstream.JsonExport;
import org.opencets.formats.jsonstream.Position;
import org.opencets.formats.jsonstream.RecordDraft;
import org.opencets.formats.jsonstream.RecordDraft.Problem;
import org.opencets.formats.read.ReadSource;
import org.opencets.formats.read.RecordSink;

/**
 * One walk through a Telegram Desktop export. The layout, as Telegram Desktop writes it:
 *
 * <pre>
 * export       = chat | account ;
 * chat         = { "name", "type", "id", "messages": [ message… ] } ;
 * account      = { "personal_information": {…}, "contacts": { "list": [ contact… ] },
 *                  "chats": { "list": [ chat… ] }, "left_chats": { "list": [ chat… ] }, … } ;
 * message      = { "id", "type": "message" | "service", "date", "date_unixtime", "from", "from_id",
 *                  "actor", "actor_id", "action", "text", "text_entities", … } ;
 * text         = string | [ string | entity … ] ;   entity = { "type", "text", "href"?, "user_id"? }
 * </pre>
 *
 * <p>Records: a {@code message} is a MESSAGE, a {@code service} message (join, invite, phone call, pin,
 * …) an EVENT, each contact and the personal information a NOTE. Other members (profile pictures,
 * sessions, frequent contacts, …) and unknown fields are skipped.
 *
 * <p>Accounts: Telegram's peer ids become accounts on platform {@code telegram} in the form the Bot
 * API uses for chat ids, which never collides with a username (usernames start with a letter):
 * {@code user123} is {@code telegram:123}, {@code channel123} is {@code telegram:-1000000000123}
 * ({@code -100} before the id), {@code chat123} is {@code telegram:-123}. A username ({@code @name},
 * a {@code mention} entity, {@code via_bot}) is {@code telegram:name}.
 *
 * <p>Time: {@code date_unixtime} (seconds since 1970, UTC) gives the instant when present; otherwise
 * {@code date}, the exporting computer's local time, gives a local date-time. A {@code date} that is no
 * real date (30 February) makes the message a bad row even when {@code date_unixtime} is present.
 */
final class TelegramWalk {
    static final String PLATFORM = "telegram";
    /** 9999-12-31T23:59:59Z: beyond it an ISO instant needs a sign and more digits. */
    private static final long LAST_SECOND = 253_402_300_799L;

    /** Display values kept as written, by name; other members are not stored. */
    private static final List<String> SHOWN = List.of("forwarded_from", "saved_from", "author", "edited", "photo",
            "file", "file_name", "thumbnail", "media_type", "mime_type", "sticker_emoji", "title", "performer",
            "inviter", "discard_reason", "game_title", "place_name", "address", "reason_domain");
    /** Numbers kept as written. */
    private static final List<String> NUMBERS = List.of("reply_to_message_id", "duration_seconds", "width", "height",
            "file_size", "reply_to_peer_id");

    private final JsonExport export;
    private final RecordSink sink;
    private final RecordDraft draft;
    private int unreadPhones;
    private String firstUnreadPhone;
    private boolean sawContent;

    TelegramWalk(JsonExport export, ReadSource source, RecordSink sink) {
        this.export = export;
        this.sink = sink;
        this.draft = new RecordDraft(source.identifiers());
    }

    /** The chat messages belong to, as far as the export has named it before its messages. */
    private static final class Chat {
        String name;
        String type;
        String id;
    }

    void root() throws IOException {
        JsonToken first = export.next();
        if (first != JsonToken.START_OBJECT) {
            throw export.error(export.position(), "a Telegram export is a JSON object with \"messages\" (one chat) "
                    + "or \"chats\" (a whole account); this file starts with " + JsonExport.describe(first));
        }
        Chat top = new Chat();
        while (export.nextMember()) {
            String name = export.memberName();
            switch (name) {
                case "name" -> top.name = export.scalar();
                case "type" -> top.type = export.scalar();
                case "id" -> top.id = export.scalar();
                case "messages" -> messages(top);
                case "personal_information" -> personalInformation();
                case "contacts" -> section(name, "contact", this::contact);
                case "chats", "left_chats" -> section(name, "chat", this::chat);
                default -> export.skip();
            }
        }
        if (!sawContent) {
            sink.warn("no \"messages\", \"chats\", \"contacts\" or \"personal_information\" found: is this a Telegram "
                    + "Desktop JSON export?");
        }
        if (unreadPhones > 0) {
            sink.warn(unreadPhones + " phone number(s) in contacts or shared contacts are not valid phone numbers and "
                    + "were kept as written, without a phone identifier (first: " + firstUnreadPhone + ")");
        }
    }

    /** {@code "chats": {"about": …, "list": [ … ]}}: the list's elements, each read by {@code element}. */
    private void section(String member, String what, JsonExport.Element element) throws IOException {
        sawContent = true;
        if (export.token() == JsonToken.START_ARRAY) {
            export.elements(member, what, sink, element);
            return;
        }
        if (export.token() != JsonToken.START_OBJECT) {
            throw export.error(export.position(), "\"" + member + "\" should be an object with a \"list\" of " + what
                    + "s, found " + JsonExport.describe(export.token()));
        }
        while (export.nextMember()) {
            if (export.memberName().equals("list")) {
                export.elements(member + ".list", what, sink, element);
            } else {
                export.skip();
            }
        }
    }

    private void chat(Position at) throws IOException {
        Chat chat = new Chat();
        while (export.nextMember()) {
            switch (export.memberName()) {
                case "name" -> chat.name = export.scalar();
                case "type" -> chat.type = export.scalar();
                case "id" -> chat.id = export.scalar();
                case "messages" -> messages(chat);
                default -> export.skip();
            }
        }
    }

    private void messages(Chat chat) throws IOException {
        sawContent = true;
        export.elements("messages", "message", sink, at -> message(chat, export.readObject(), at));
    }

    private void message(Chat chat, ObjectNode m, Position at) {
        draft.clear();
        String id = text(m, "id");
        try {
            String type = text(m, "type");
            RecordKind kind = "service".equals(type) ? RecordKind.EVENT : RecordKind.MESSAGE;
            draft.field("platform", PLATFORM);
            draft.field("chat", chat.name);
            draft.field("chat_type", chat.type);
            draft.id("chat_id", chat.id);
            draft.id("message_id", id);
            String occurredAt = time(m, "date", "date_unixtime");
            draft.field("date", text(m, "date"));
            person(m, "from", "from_id", "sender");
            person(m, "actor", "actor_id", "actor");
            if (kind == RecordKind.EVENT) {
                draft.field("action", text(m, "action"));
                draft.id("target_message_id", text(m, "message_id"));
                List<String> members = strings(m.get("members"));
                draft.field("members", members);
            }
            for (String f : SHOWN) {
                draft.field(f, text(m, f));
            }
            for (String f : NUMBERS) {
                draft.id(f, text(m, f));
            }
            String bot = text(m, "via_bot");
            if (bot != null && !bot.isBlank()) {
                draft.field("via_bot", bot);
                draft.account(PLATFORM, bot, "via_bot", "via_bot");
            }
            sharedContact(m.get("contact_information"), at);
            JsonNode location = m.get("location_information");
            if (location != null && location.isObject()) {
                draft.id("latitude", text(location, "latitude"));
                draft.id("longitude", text(location, "longitude"));
            }
            messageText(m);
            sink.accept(draft.build(kind, at, occurredAt));
        } catch (Problem p) {
            sink.reject(at.line(), "message " + (id == null ? "" : shorten(id) + " ") + "at " + at.where() + ": " + p.getMessage());
        }
    }

    /** A sender or actor: the display name as a field, the peer id as an account. */
    private void person(JsonNode m, String nameField, String idField, String role) throws Problem {
        draft.field(nameField, text(m, nameField));
        String peer = text(m, idField);
        if (peer == null || peer.isBlank()) {
            return;
        }
        draft.id(idField, peer);
        draft.account(PLATFORM, peerHandle(idField, peer), role, idField);
    }

    /** {@code user123} → {@code 123}; {@code channel123} → {@code -1000000000123}; {@code chat123} → {@code -123}. */
    static String peerHandle(String field, String peer) throws Problem {
        String p = peer.strip();
        String prefix = p.startsWith("user") ? "user" : p.startsWith("channel") ? "channel" : p.startsWith("chat") ? "chat" : "";
        String digits = p.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Problem(field + ": '" + shorten(peer) + "' is not a Telegram peer id (user…, channel… or chat… "
                    + "followed by digits)");
        }
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new Problem(field + ": the number in '" + shorten(peer) + "' is too large for a Telegram peer id");
        }
        return switch (prefix) {
            case "channel" -> n <= 999_999_999_999L ? Long.toString(-(1_000_000_000_000L + n)) : "-100" + n;
            case "chat" -> Long.toString(-n);
            default -> Long.toString(n);
        };
    }

    /**
     * The message's text: {@code text_entities} when present, else {@code text} (a string, or a list of
     * strings and entities), joined. Identifiers are found in the joined text; entities add what the
     * text alone does not show: {@code mention} (@username) and {@code mention_name} (a user id)
     * accounts, the target of a {@code text_link}, and {@code email}, {@code phone} and {@code link}
     * entities the text search missed.
     */
    private void messageText(JsonNode m) throws Problem {
        JsonNode entities = m.get("text_entities");
        JsonNode plain = m.get("text");
        boolean useEntities = entities != null && entities.isArray()
                && (!entities.isEmpty() || plain == null || plain.isNull() || plain.isTextual() && plain.textValue().isEmpty());
        JsonNode parts = useEntities ? entities : plain;
        String field = useEntities ? "text_entities" : "text";
        StringBuilder text = new StringBuilder();
        List<Entity> spans = new ArrayList<>();
        if (parts == null || parts.isNull()) {
            return;
        }
        if (parts.isTextual()) {
            text.append(parts.textValue());
        } else if (parts.isArray()) {
            for (JsonNode part : parts) {
                if (part.isTextual()) {
                    text.append(part.textValue());
                } else if (part.isObject()) {
                    JsonNode t = part.get("text");
                    if (t == null || t.isNull()) {
                        continue;
                    }
                    if (!t.isTextual()) {
                        throw new Problem(field + ": an entity's \"text\" is " + kind(t) + ", not a string");
                    }
                    int start = text.length();
                    text.append(t.textValue());
                    spans.add(new Entity(text(part, "type"), start, text.length(), part));
                } else if (!part.isNull()) {
                    throw new Problem(field + ": a part of the text is " + kind(part) + ", not a string or an entity");
                }
            }
        } else {
            throw new Problem("text is " + kind(parts) + ", not a string or a list of parts");
        }
        String joined = text.toString();
        List<Found> found = draft.text("text", joined);
        for (Entity e : spans) {
            entity(e, joined, found);
        }
    }

    private record Entity(String type, int start, int end, JsonNode node) {
    }

    private void entity(Entity e, String text, List<Found> found) {
        if (e.type() == null) {
            return;
        }
        String written = text.substring(e.start(), e.end());
        try {
            switch (e.type()) {
                case "mention" -> {
                    if (written.startsWith("@")) {
                        Identifier id = draft.account(PLATFORM, written);
                        if (id != null) {
                            mention(id, "mentioned", written, e);
                        }
                    }
                }
                case "mention_name" -> {
                    String user = text(e.node(), "user_id");
                    if (user != null && !user.isBlank()) {
                        Identifier id = draft.account(PLATFORM, peerHandle("user_id", user));
                        if (id != null) {
                            mention(id, "mentioned", written, e);
                        }
                    }
                }
                case "text_link" -> {
                    String href = text(e.node(), "href");
                    if (href == null || href.isBlank()) {
                        return;
                    }
                    String lower = href.strip().toLowerCase(Locale.ROOT);
                    IdentifierType type = lower.startsWith("mailto:") ? IdentifierType.EMAIL
                            : lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("ftp://")
                                    || lower.startsWith("www.") ? IdentifierType.URL : null;
                    if (type != null) {
                        mention(Identifiers.normalise(type, href, draft.context()), "text", href, e);
                    }
                }
                case "email", "phone", "link" -> {
                    if (covered(found, e)) {
                        return;
                    }
                    IdentifierType type = switch (e.type()) {
                        case "email" -> IdentifierType.EMAIL;
                        case "phone" -> IdentifierType.PHONE;
                        default -> IdentifierType.URL;
                    };
                    mention(Identifiers.normalise(type, written, draft.context()), "text", written, e);
                }
                default -> {
                }
            }
        } catch (InvalidIdentifierException | Problem ignored) {
            // an entity is Telegram's reading of free text: one that is no valid identifier is no identifier
        }
    }

    private void mention(Identifier id, String role, String raw, Entity e) {
        draft.mention(new Mention(id, role, raw, "text", e.start(), e.end()));
    }

    /** Whether the text search already found something (a card, above all) where the entity is. */
    private static boolean covered(List<Found> found, Entity e) {
        for (Found f : found) {
            if (f.start() < e.end() && e.start() < f.end()) {
                return true;
            }
        }
        return false;
    }

    /** A contact card sent in a message: its phone number, when it is one. */
    private void sharedContact(JsonNode c, Position at) {
        if (c == null || !c.isObject()) {
            return;
        }
        String name = join(text(c, "first_name"), text(c, "last_name"));
        draft.field("shared_contact", name);
        String phone = text(c, "phone_number");
        if (phone != null && !phone.isBlank()) {
            draft.field("shared_contact_phone", phone);
            softPhone(phone, "shared_contact_phone", "contact_information", at);
        }
    }

    private void personalInformation() throws IOException {
        sawContent = true;
        if (export.token() != JsonToken.START_OBJECT) {
            throw export.error(export.position(), "\"personal_information\" should be an object, found "
                    + JsonExport.describe(export.token()));
        }
        Position at = export.position();
        ObjectNode p = export.readObject();
        draft.clear();
        try {
            draft.field("platform", PLATFORM);
            draft.field("section", "personal_information");
            draft.field("first_name", text(p, "first_name"));
            draft.field("last_name", text(p, "last_name"));
            String user = text(p, "user_id");
            if (user != null && !user.isBlank()) {
                draft.id("user_id", user);
                draft.account(PLATFORM, peerHandle("user_id", user), "owner", "user_id");
            }
            String username = text(p, "username");
            if (username != null && !username.isBlank()) {
                draft.field("username", username);
                draft.account(PLATFORM, username, "owner", "username");
            }
            String phone = text(p, "phone_number");
            if (phone != null && !phone.isBlank()) {
                draft.field("phone_number", phone);
                softPhone(phone, "owner_phone", "phone_number", at);
            }
            draft.text("bio", text(p, "bio"));
            sink.accept(draft.build(RecordKind.NOTE, at, null));
        } catch (Problem e) {
            sink.reject(at.line(), "personal_information at " + at.where() + ": " + e.getMessage());
        }
    }

    private void contact(Position at) throws IOException {
        ObjectNode c = export.readObject();
        draft.clear();
        try {
            draft.field("platform", PLATFORM);
            draft.field("section", "contact");
            draft.field("first_name", text(c, "first_name"));
            draft.field("last_name", text(c, "last_name"));
            String occurredAt = time(c, "date", "date_unixtime");
            draft.field("date", text(c, "date"));
            String user = text(c, "user_id");
            if (user != null && !user.isBlank() && !user.equals("0")) {
                draft.id("user_id", user);
                draft.account(PLATFORM, peerHandle("user_id", user), "contact", "user_id");
            }
            String phone = text(c, "phone_number");
            if (phone != null && !phone.isBlank()) {
                draft.field("phone_number", phone);
                softPhone(phone, "contact_phone", "phone_number", at);
            }
            sink.accept(draft.build(RecordKind.NOTE, at, occurredAt));
        } catch (Problem e) {
            sink.reject(at.line(), "contact at " + at.where() + ": " + e.getMessage());
        }
    }

    /** An address-book number: a phone identifier when it is a valid number, else only the field (counted). */
    private void softPhone(String phone, String role, String field, Position at) {
        String why = draft.identifierIfValid(IdentifierType.PHONE, phone, role, field);
        if (why != null) {
            unreadPhones++;
            if (firstUnreadPhone == null) {
                firstUnreadPhone = "line " + at.line() + ", " + at.where() + ": " + why;
            }
        }
    }

    /**
     * The time of a message or contact: the instant of {@code date_unixtime} when present, else the
     * local date-time of {@code date}; null when neither is there.
     */
    static String time(JsonNode m, String localField, String unixField) throws Problem {
        String local = text(m, localField);
        String unix = text(m, unixField);
        LocalDateTime localTime = null;
        if (local != null && !local.isBlank()) {
            try {
                localTime = IsoTimes.localDateTime(local.strip());
            } catch (DateTimeException e) {
                throw new Problem(localField + ": '" + shorten(local) + "' is not a valid date and time "
                        + "(Telegram writes 2024-03-01T14:05:09)");
            }
        }
        if (unix != null && !unix.isBlank()) {
            String u = unix.strip();
            if (u.length() > 12 || !u.chars().allMatch(c -> c >= '0' && c <= '9') || Long.parseLong(u) > LAST_SECOND) {
                throw new Problem(unixField + ": '" + shorten(unix) + "' is not a time in seconds since 1970 "
                        + "(0 to " + LAST_SECOND + ")");
            }
            return IsoTimes.instant(Long.parseLong(u), 0);
        }
        return localTime == null ? null : localTime.toString();
    }

    /** A member as text (strings, numbers, booleans); null when absent, null or a structure. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            for (JsonNode n : list) {
                if (n.isValueNode() && !n.isNull() && !n.asText().isBlank()) {
                    out.add(n.asText());
                }
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    private static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "a list" : n.isNumber() ? "a number"
                : n.isBoolean() ? "true or false" : "a string";
    }

    /** A value quoted in a message: cut short and without long digit runs. */
    static String shorten(String s) {
        String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return org.opencets.formats.read.Redaction.digits(t);
    }
}
