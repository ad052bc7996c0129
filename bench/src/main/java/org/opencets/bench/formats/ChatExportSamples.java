package org.opencets.bench.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large synthetic chat export for the {@code telegram}, {@code discord} or {@code pan12}
 * reader, to measure them with {@link ReaderThroughput}. All content is made up: users are
 * {@code Member N}, e-mails at example.org, phones in the fictional NANP range 555-01XX, cards from the
 * public test numbers.
 *
 * <p>The mix, per message: 3 to 25 words; about 8 % hold a number or a time ("at 10:30"), 3 % a
 * smiley with a colon, 2 % an e-mail, 2 % a phone number, 2 % a URL, 0.5 % a card number, 3 % an
 * @mention; so roughly a fifth of the messages hold a digit, a colon or an @ and go through the
 * identifier search. Telegram: 5 % service messages (joins, calls), entities for the identifiers,
 * Telegram Desktop's one-space indentation. Discord: 4 % system messages, attachments, mentions and
 * replies, DiscordChatExporter's two-space indentation. PAN-12: conversations of 20 to 200 messages.
 * {@code --one-line} writes the JSON formats without any line break.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl bench -am
 * java -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.ChatExportSamples \
 *      --format telegram --mb 500 --out /tmp/telegram.json [--seed 1] [--one-line]
 * java -Xmx1g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.ReaderThroughput \
 *      --format telegram /tmp/telegram.json --runs 3
 * </pre>
 */
public final class ChatExportSamples {
    private static final String[] WORDS = ("hey hi ok yes no maybe later tonight tomorrow today see you then where "
            + "are what is the a an and or but so because when how why who me my your our their we they it this "
            + "that there here send sent got get have had do did done going go come came back again soon now just "
            + "really very much more less good bad fine cool nice great thanks thank please sorry lol haha right "
            + "sure wait call text pic pics photo video link chat group channel new old friend friends meet place "
            + "car train bus home work school money pay paid price deal free busy tired happy weekend morning night")
            .split(" ");
    private static final String[] CARDS = {"4556737586899855", "4111111111111111", "5555555555554444", "378282246310005"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final SplittableRandom random;
    private final boolean oneLine;

    private ChatExportSamples(long seed, boolean oneLine) {
        this.random = new SplittableRandom(seed);
        this.oneLine = oneLine;
    }

    public static void main(String[] args) throws IOException {
        String format = null;
        long mb = 100;
        Path out = null;
        long seed = 1;
        boolean oneLine = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = args[++i];
                case "--mb" -> mb = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--one-line" -> oneLine = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (format == null || out == null) {
            throw new IllegalArgumentException("usage: --format telegram|discord|pan12 --mb N --out FILE [--seed S] [--one-line]");
        }
        long target = mb * 1_000_000L;
        ChatExportSamples samples = new ChatExportSamples(seed, oneLine);
        long messages;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            Counting c = new Counting(w);
            messages = switch (format) {
                case "telegram" -> samples.telegram(c, target);
                case "discord" -> samples.discord(c, target);
                case "pan12" -> samples.pan12(c, target);
                default -> throw new IllegalArgumentException("format must be telegram, discord or pan12");
            };
        }
        System.out.printf(Locale.ROOT, "%s: %,d bytes, %,d messages (seed %d%s)%n", out, Files.size(out), messages, seed,
                oneLine ? ", one line" : "");
    }

    /** A writer that counts the characters written (all ASCII here except names, so close to bytes). */
    private static final class Counting {
        final Writer w;
        long written;

        Counting(Writer w) {
            this.w = w;
        }

        void write(String s) throws IOException {
            w.write(s);
            written += s.length();
        }
    }

    /** A message's words, and what identifiers it holds, for the entity lists. */
    private record Text(String text, String kind, String value) {
    }

    private Text text(int member) {
        int n = 3 + random.nextInt(23);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        double p = random.nextDouble();
        String kind = null;
        String value = null;
        if (p < 0.02) {
            kind = "email";
            value = "member" + random.nextInt(5000) + "@example.org";
        } else if (p < 0.04) {
            kind = "phone";
            value = "+1 415 555 01" + String.format(Locale.ROOT, "%02d", random.nextInt(100));
        } else if (p < 0.06) {
            kind = "link";
            value = "https://example.net/p/" + random.nextInt(100000);
        } else if (p < 0.065) {
            kind = "card";
            value = CARDS[random.nextInt(CARDS.length)];
        } else if (p < 0.095) {
            kind = "mention";
            value = "@member_" + random.nextInt(5000);
        } else if (p < 0.175) {
            sb.append(random.nextBoolean() ? " at " + (1 + random.nextInt(12)) + ":" + (10 + random.nextInt(50))
                    : " " + (2 + random.nextInt(98)) + " mins");
        } else if (p < 0.205) {
            sb.append(" :)");
        }
        if (value != null) {
            sb.append(' ');
            int start = sb.length();
            sb.append(value);
            return new Text(sb.toString(), kind, sb.substring(start));
        }
        return new Text(sb.toString(), null, null);
    }

    private String nl(int indent) {
        return oneLine ? "" : "\n" + " ".repeat(indent);
    }

    // ---------------------------------------------------------------- Telegram

    private long telegram(Counting c, long target) throws IOException {
        c.write("{" + nl(1) + "\"name\": \"Synthetic Group\"," + nl(1) + "\"type\": \"private_supergroup\"," + nl(1)
                + "\"id\": 5550100," + nl(1) + "\"messages\": [");
        long time = 1_700_000_000L;
        long n = 0;
        while (c.written < target) {
            time += 1 + random.nextInt(300);
            int member = random.nextInt(200);
            String date = LocalDateTime.ofEpochSecond(time, 0, ZoneOffset.ofHours(1)).format(LOCAL);
            StringBuilder m = new StringBuilder();
            m.append(n == 0 ? "" : ",").append(nl(2)).append('{');
            field(m, 3, "id", Long.toString(n + 1), false);
            boolean service = random.nextInt(100) < 5;
            field(m, 3, "type", service ? "service" : "message", true);
            field(m, 3, "date", date, true);
            field(m, 3, "date_unixtime", Long.toString(time), true);
            if (service) {
                field(m, 3, "actor", "Member " + member, true);
                field(m, 3, "actor_id", "user" + (5550000 + member), true);
                boolean call = random.nextBoolean();
                field(m, 3, "action", call ? "phone_call" : "join_group_by_link", true);
                if (call) {
                    field(m, 3, "duration_seconds", Integer.toString(random.nextInt(600)), false);
                } else {
                    field(m, 3, "inviter", "Member " + random.nextInt(200), true);
                }
                field(m, 3, "text", "", true);
                m.append(',').append(nl(3)).append("\"text_entities\": []");
            } else {
                field(m, 3, "from", "Member " + member, true);
                field(m, 3, "from_id", "user" + (5550000 + member), true);
                if (random.nextInt(10) == 0) {
                    field(m, 3, "reply_to_message_id", Long.toString(Math.max(1, n - random.nextInt(20))), false);
                }
                Text t = text(member);
                String[][] parts = t.value() == null ? new String[][] {{"plain", t.text()}}
                        : new String[][] {{"plain", t.text().substring(0, t.text().length() - t.value().length())},
                                {t.kind().equals("card") ? "bank_card" : t.kind(), t.value()}};
                if (t.value() == null) {
                    field(m, 3, "text", t.text(), true);
                } else {
                    m.append(',').append(nl(3)).append("\"text\": [");
                    m.append(nl(4)).append('"').append(parts[0][1]).append("\",");
                    entity(m, 4, parts[1]);
                    m.append(nl(3)).append(']');
                }
                m.append(',').append(nl(3)).append("\"text_entities\": [");
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        m.append(',');
                    }
                    entity(m, 4, parts[i]);
                }
                m.append(nl(3)).append(']');
            }
            m.append(nl(2)).append('}');
            c.write(m.toString());
            n++;
        }
        c.write(nl(1) + "]" + nl(0) + "}" + (oneLine ? "" : "\n"));
        return n;
    }

    private void entity(StringBuilder m, int indent, String[] part) {
        m.append(nl(indent)).append('{').append(nl(indent + 1)).append("\"type\": \"").append(part[0]).append("\",")
                .append(nl(indent + 1)).append("\"text\": \"").append(part[1]).append('"').append(nl(indent)).append('}');
    }

    private void field(StringBuilder m, int indent, String name, String value, boolean quoted) {
        if (m.charAt(m.length() - 1) != '{') {
            m.append(',');
        }
        m.append(nl(indent)).append('"').append(name).append("\": ");
        if (quoted) {
            m.append('"').append(value).append('"');
        } else {
            m.append(value);
        }
    }

    // ---------------------------------------------------------------- Discord

    private long discord(Counting c, long target) throws IOException {
        c.write("{" + nl(2) + "\"guild\": {" + nl(4) + "\"id\": \"555000000000000100\"," + nl(4)
                + "\"name\": \"Synthetic Server\"," + nl(4) + "\"iconUrl\": \"https://cdn.discordapp.com/embed/avatars/0.png\""
                + nl(2) + "}," + nl(2) + "\"channel\": {" + nl(4) + "\"id\": \"555000000000000200\"," + nl(4)
                + "\"type\": \"GuildTextChat\"," + nl(4) + "\"categoryId\": \"555000000000000300\"," + nl(4)
                + "\"category\": \"Text Channels\"," + nl(4) + "\"name\": \"general\"," + nl(4) + "\"topic\": null" + nl(2)
                + "}," + nl(2) + "\"dateRange\": {" + nl(4) + "\"after\": null," + nl(4) + "\"before\": null" + nl(2) + "},"
                + nl(2) + "\"exportedAt\": \"2024-04-02T09:00:00.000+00:00\"," + nl(2) + "\"messages\": [");
        long millis = 1_700_000_000_000L;
        long n = 0;
        while (c.written < target) {
            millis += 1000 + random.nextInt(300_000);
            int member = random.nextInt(200);
            Text t = text(member);
            int kindRoll = random.nextInt(100);
            String type = kindRoll < 4 ? (random.nextBoolean() ? "GuildMemberJoin" : "ChannelPinnedMessage")
                    : kindRoll < 14 ? "Reply" : "Default";
            StringBuilder m = new StringBuilder();
            m.append(n == 0 ? "" : ",").append(nl(4)).append('{');
            field(m, 6, "id", Long.toString(555_000_000_000_100_000L + n), true);
            field(m, 6, "type", type, true);
            field(m, 6, "timestamp", Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx", Locale.ROOT)), true);
            m.append(',').append(nl(6)).append("\"timestampEdited\": null");
            m.append(',').append(nl(6)).append("\"callEndedTimestamp\": null");
            m.append(',').append(nl(6)).append("\"isPinned\": false");
            field(m, 6, "content", type.equals("GuildMemberJoin") ? "Joined the server." : t.text(), true);
            m.append(',').append(nl(6)).append("\"author\": ");
            user(m, 6, member);
            m.append(',').append(nl(6)).append("\"attachments\": [");
            if (random.nextInt(100) < 3) {
                long id = 555_000_000_000_900_000L + n;
                m.append(nl(8)).append("{").append(nl(10)).append("\"id\": \"").append(id).append("\",").append(nl(10))
                        .append("\"url\": \"https://cdn.discordapp.com/attachments/555000000000000200/").append(id)
                        .append("/photo.jpg\",").append(nl(10)).append("\"fileName\": \"photo.jpg\",").append(nl(10))
                        .append("\"fileSizeBytes\": ").append(10_000 + random.nextInt(1_000_000)).append(nl(8)).append('}')
                        .append(nl(6));
            }
            m.append("]");
            m.append(',').append(nl(6)).append("\"embeds\": []");
            m.append(',').append(nl(6)).append("\"stickers\": []");
            m.append(',').append(nl(6)).append("\"reactions\": []");
            m.append(',').append(nl(6)).append("\"mentions\": [");
            if ("mention".equals(t.kind()) || random.nextInt(100) < 3) {
                m.append(nl(8));
                user(m, 8, random.nextInt(200));
                m.append(nl(6));
            }
            m.append(']');
            if (type.equals("Reply")) {
                m.append(',').append(nl(6)).append("\"reference\": {").append(nl(8)).append("\"messageId\": \"")
                        .append(555_000_000_000_100_000L + Math.max(0, n - 1 - random.nextInt(20))).append("\",")
                        .append(nl(8)).append("\"channelId\": \"555000000000000200\",").append(nl(8))
                        .append("\"guildId\": \"555000000000000100\"").append(nl(6)).append('}');
            }
            m.append(',').append(nl(6)).append("\"inlineEmojis\": []");
            m.append(nl(4)).append('}');
            c.write(m.toString());
            n++;
        }
        c.write(nl(2) + "]," + nl(2) + "\"messageCount\": " + n + nl(0) + "}" + (oneLine ? "" : "\n"));
        return n;
    }

    private void user(StringBuilder m, int indent, int member) {
        m.append('{');
        field(m, indent + 2, "id", Long.toString(555_000_000_000_000_000L + member), true);
        field(m, indent + 2, "name", "member_" + member, true);
        field(m, indent + 2, "discriminator", member % 10 == 0 ? String.format(Locale.ROOT, "%04d", 1000 + member) : "0000", true);
        field(m, indent + 2, "nickname", "Member " + member, true);
        m.append(',').append(nl(indent + 2)).append("\"color\": null");
        m.append(',').append(nl(indent + 2)).append("\"isBot\": false");
        m.append(',').append(nl(indent + 2)).append("\"roles\": []");
        field(m, indent + 2, "avatarUrl", "https://cdn.discordapp.com/embed/avatars/" + member % 5 + ".png", true);
        m.append(nl(indent)).append('}');
    }

    // ---------------------------------------------------------------- PAN-12

    private long pan12(Counting c, long target) throws IOException {
        c.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<conversations>\n");
        long n = 0;
        long conversation = 0;
        while (c.written < target) {
            conversation++;
            c.write("<conversation id=\"" + hex(conversation * 7919) + "\">\n");
            int messages = 20 + random.nextInt(181);
            int minute = random.nextInt(24 * 60);
            int[] authors = {random.nextInt(100_000), random.nextInt(100_000)};
            for (int i = 1; i <= messages; i++) {
                minute = (minute + random.nextInt(3)) % (24 * 60);
                Text t = text(0);
                c.write("<message line=\"" + i + "\">\n<author>" + hex(authors[random.nextInt(2)]) + "</author>\n<time>"
                        + String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60) + "</time>\n<text>" + t.text()
                        + "</text>\n</message>\n");
                n++;
            }
            c.write("</conversation>\n");
        }
        c.write("</conversations>\n");
        return n;
    }

    /** A 32-hex-digit stand-in for the corpus's anonymised author and conversation hashes. */
    private static String hex(long v) {
        long mixed = v * 0x9E3779B97F4A7C15L;
        return String.format(Locale.ROOT, "%016x%016x", mixed, Long.rotateLeft(mixed, 29) ^ 0x5DEECE66DL);
    }
}
