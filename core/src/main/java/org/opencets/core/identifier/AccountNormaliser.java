package org.opencets.core.identifier;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accounts on online platforms: {@code value = platform:handle}.
 *
 * <p>Platform: stripped and lower-cased, then an alias is replaced by the platform's canonical name
 * (table below). It must be letters, digits, dots, hyphens or underscores; unknown platforms are
 * accepted as written (lower-cased).
 *
 * <p>Handle: stripped, inner white space collapsed to one space, leading {@code @} signs removed (and
 * for Reddit leading {@code u/} or {@code /u/}); a card number in it, however its digits are
 * grouped, replaced by its masked form (BIN…last four), so a merchant id or handle that is a card
 * number is never stored in clear. Then, by platform:
 *
 * <table>
 *   <caption>Platforms and how handles compare</caption>
 *   <tr><th>canonical</th><th>aliases</th><th>handle comparison</th></tr>
 *   <tr><td>twitter</td><td>x, x.com, twitter.com</td><td>case-insensitive</td></tr>
 *   <tr><td>facebook</td><td>fb, facebook.com</td><td>case-insensitive</td></tr>
 *   <tr><td>instagram</td><td>ig, insta, instagram.com</td><td>case-insensitive</td></tr>
 *   <tr><td>telegram</td><td>tg, t.me, telegram.org</td><td>case-insensitive</td></tr>
 *   <tr><td>discord</td><td>discord.com, discordapp</td><td>case-insensitive</td></tr>
 *   <tr><td>reddit</td><td>reddit.com</td><td>case-insensitive</td></tr>
 *   <tr><td>tiktok</td><td>tik-tok, tiktok.com</td><td>case-insensitive</td></tr>
 *   <tr><td>snapchat</td><td>snap</td><td>case-insensitive</td></tr>
 *   <tr><td>kik</td><td>kik messenger</td><td>case-insensitive</td></tr>
 *   <tr><td>skype</td><td></td><td>case-insensitive</td></tr>
 *   <tr><td>github</td><td>gh, github.com</td><td>case-insensitive</td></tr>
 *   <tr><td>whatsapp</td><td>wa, whats app</td><td>case-insensitive</td></tr>
 *   <tr><td>youtube</td><td>yt, youtube.com</td><td>case-insensitive (handles)</td></tr>
 *   <tr><td>twitch, tumblr, pinterest, linkedin, roblox, steam, signal, mastodon, threads</td><td></td><td>case-insensitive</td></tr>
 *   <tr><td>bluesky</td><td>bsky, bsky.app</td><td>case-insensitive (handles are domain names)</td></tr>
 *   <tr><td>irc</td><td></td><td>case-insensitive by the RFC 1459 case mapping: also {@code []\~} equal {@code {}|^}</td></tr>
 *   <tr><td>matrix</td><td></td><td>case-sensitive (historical user IDs differ only by case, Matrix spec appendix "user identifiers")</td></tr>
 *   <tr><td>any other</td><td></td><td>case-sensitive: without knowing the platform, two spellings are not merged</td></tr>
 * </table>
 */
final class AccountNormaliser {
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Map<String, String> ALIASES = new HashMap<>();
    private static final Set<String> CASE_INSENSITIVE = Set.of(
            "twitter", "facebook", "instagram", "telegram", "discord", "reddit", "tiktok", "snapchat", "kik",
            "skype", "github", "whatsapp", "youtube", "twitch", "tumblr", "pinterest", "linkedin", "roblox",
            "steam", "signal", "mastodon", "threads", "bluesky");
    private static final Set<String> CASE_SENSITIVE = Set.of("matrix");

    static {
        alias("twitter", "x", "x.com", "twitter.com");
        alias("facebook", "fb", "facebook.com");
        alias("instagram", "ig", "insta", "instagram.com");
        alias("telegram", "tg", "t.me", "telegram.org");
        alias("discord", "discord.com", "discordapp");
        alias("reddit", "reddit.com");
        alias("tiktok", "tik-tok", "tiktok.com");
        alias("snapchat", "snap");
        alias("kik", "kik messenger");
        alias("github", "gh", "github.com");
        alias("whatsapp", "wa", "whats app");
        alias("youtube", "yt", "youtube.com");
        alias("bluesky", "bsky", "bsky.app");
    }

    private AccountNormaliser() {
    }

    private static void alias(String canonical, String... names) {
        for (String n : names) {
            ALIASES.put(n, canonical);
        }
    }

    /** The canonical platform name for a name or alias, or null when the text is not a platform name. */
    static String platform(String raw) {
        if (raw == null) {
            return null;
        }
        String p = SPACES.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        p = ALIASES.getOrDefault(p, p);
        return PLATFORM.matcher(p).matches() ? p : null;
    }

    /** True for a platform this table knows (used to detect {@code platform:handle} in user input). */
    static boolean isKnownPlatform(String raw) {
        String p = platform(raw);
        return p != null && (CASE_INSENSITIVE.contains(p) || CASE_SENSITIVE.contains(p) || p.equals("irc"));
    }

    static Identifier account(String platformRaw, String handleRaw) {
        if (platformRaw == null || platformRaw.isBlank()) {
            throw new InvalidIdentifierException(IdentifierType.ACCOUNT, "account has no platform; write it as platform:handle");
        }
        String platform = platform(platformRaw);
        if (platform == null) {
            throw new InvalidIdentifierException(IdentifierType.ACCOUNT, "platform " + Quoted.of(platformRaw)
                    + " must be letters, digits, dots, hyphens or underscores");
        }
        String handle = handleRaw == null ? "" : SPACES.matcher(handleRaw.strip()).replaceAll(" ");
        boolean stripped = true;
        while (stripped && !handle.isEmpty()) {
            String before = handle;
            if (handle.startsWith("@")) {
                handle = handle.substring(1).strip();
            } else if (platform.equals("reddit") && handle.startsWith("/u/")) {
                handle = handle.substring(3).strip();
            } else if (platform.equals("reddit") && handle.startsWith("u/")) {
                handle = handle.substring(2).strip();
            }
            stripped = !handle.equals(before);
        }
        if (handle.isEmpty()) {
            throw new InvalidIdentifierException(IdentifierType.ACCOUNT, "account on " + platform + " has an empty handle");
        }
        // a handle or merchant id may be a card number (or a column mapped wrongly): masked, however
        // its digits are grouped, as an e-mail's local part is; never kept in clear
        handle = CardNumbers.redactAnyGrouping(handle);
        String folded = fold(platform, handle);
        return new Identifier(IdentifierType.ACCOUNT, platform + ":" + folded, platform + ":" + handle, true);
    }

    /** Parses {@code platform:handle}, splitting at the first colon. */
    static Identifier normalise(String raw) {
        int colon = raw.indexOf(':');
        if (colon < 0) {
            throw new InvalidIdentifierException(IdentifierType.ACCOUNT, "account " + Quoted.of(raw)
                    + " has no platform; write it as platform:handle, e.g. twitter:@name");
        }
        return account(raw.substring(0, colon), raw.substring(colon + 1));
    }

    private static String fold(String platform, String handle) {
        if (platform.equals("irc")) {
            // RFC 1459 section 2.2: {}| are the lower-case forms of []\ ; ^ of ~ (casemapping=rfc1459).
            StringBuilder sb = new StringBuilder(handle.length());
            for (char c : handle.toLowerCase(Locale.ROOT).toCharArray()) {
                sb.append(switch (c) {
                    case '[' -> '{';
                    case ']' -> '}';
                    case '\\' -> '|';
                    case '~' -> '^';
                    default -> c;
                });
            }
            return sb.toString();
        }
        return CASE_INSENSITIVE.contains(platform) ? handle.toLowerCase(Locale.ROOT) : handle;
    }
}
