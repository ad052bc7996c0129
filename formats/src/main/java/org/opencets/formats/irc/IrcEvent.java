package org.opencets.formats.irc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A join, part, quit, nick change or kick, as the clients write them. Each client has its own
 * sentence; these are the ones of irssi, mIRC, XChat/HexChat, WeeChat, eggdrop, ZNC and the Ubuntu
 * logs:
 *
 * <pre>
 * nick [user@host] has joined #chan           irssi, Ubuntu ("=== ")      nick (user@host) has joined #chan   HexChat, WeeChat, mIRC
 * Joins: nick (user@host)                     ZNC ("*** ")                nick (user@host) joined #chan.      eggdrop
 * nick [user@host] has left #chan [reason]    nick (user@host) has left #chan (reason)
 * Parts: nick (user@host) (reason)            nick (user@host) left #chan (reason).
 * nick [user@host] has quit [reason]          nick (user@host) has quit (reason)     nick has quit IRC (reason)
 * Quits: nick (user@host) (reason)            nick (user@host) left irc: reason      nick (user@host) Quit (reason)
 * old is now known as new                     Nick change: old -&gt; new
 * nick was kicked from #chan by op [reason]   op has kicked nick from #chan (reason) nick was kicked by op (reason)
 * nick kicked from #chan by op: reason
 * </pre>
 *
 * @param type     join, part, quit, nick or kick
 * @param nick     who joined, left or quit; the old nick; the one kicked
 * @param other    the new nick; the one who kicked; else null
 * @param userhost user@host where written, else null
 * @param channel  the channel where written, else null
 * @param reason   the part, quit or kick message, else null
 */
record IrcEvent(String type, String nick, String other, String userhost, String channel, String reason) {
    private static final String UH = "(?: [\\[(](?<uh>[^\\])\\s]*)[\\])])?";
    private static final String REASON = "(?: [\\[(](?<reason>.*)[\\])])?";

    private record Form(String type, Pattern pattern) {
    }

    private static final List<Form> FORMS = List.of(
            form("nick", "(?<nick>\\S+) is now known as (?<other>\\S+?)\\.?"),
            form("nick", "Nick change: (?<nick>\\S+) -> (?<other>\\S+)"),
            form("join", "(?<nick>\\S+)" + UH + " has joined (?<chan>\\S+)"),
            form("join", "Joins: (?<nick>\\S+)" + UH + ".*"),
            form("join", "(?<nick>\\S+) \\((?<uh>[^)\\s]*)\\) joined (?<chan>\\S+?)\\.?"),
            form("part", "(?<nick>\\S+)" + UH + " has left (?<chan>\\S+)" + REASON),
            form("part", "Parts: (?<nick>\\S+)" + UH + REASON),
            form("part", "(?<nick>\\S+) \\((?<uh>[^)\\s]*)\\) left (?<chan>[#&!+]\\S*?)" + REASON + "\\.?"),
            form("quit", "(?<nick>\\S+)" + UH + " has quit(?: IRC)?" + REASON),
            form("quit", "Quits: (?<nick>\\S+)" + UH + REASON),
            form("quit", "(?<nick>\\S+) \\((?<uh>[^)\\s]*)\\) (?:left irc:|Quit) ?(?<reason>.*)"),
            form("kick", "(?<nick>\\S+) was kicked from (?<chan>\\S+) by (?<other>\\S+)" + REASON),
            form("kick", "(?<other>\\S+) has kicked (?<nick>\\S+)(?: from (?<chan>\\S+))?" + REASON),
            form("kick", "(?<nick>\\S+) was kicked by (?<other>\\S+)" + REASON),
            form("kick", "(?<nick>\\S+) kicked from (?<chan>\\S+) by (?<other>[^\\s:]+):? ?(?<reason>.*)"));

    private static Form form(String type, String regex) {
        return new Form(type, Pattern.compile(regex));
    }

    /** The event the sentence states, or null if it is none of these. */
    static IrcEvent parse(String sentence) {
        if (sentence.length() > 4096) {
            return null;
        }
        IrcEvent common = common(sentence);
        return common != null ? common : byPatterns(sentence);
    }

    /** The event as the patterns read it (what {@link #common} must agree with). */
    static IrcEvent byPatterns(String sentence) {
        if (sentence.length() > 4096) {
            return null;
        }
        boolean nick = sentence.contains("known as") || sentence.contains("Nick change");
        boolean join = sentence.contains("join") || sentence.contains("Join");
        boolean part = sentence.contains("left") || sentence.contains("Part");
        boolean quit = sentence.contains("quit") || sentence.contains("Quit") || sentence.contains("left irc");
        boolean kick = sentence.contains("kick");
        if (!(nick || join || part || quit || kick)) {
            return null;
        }
        for (Form f : FORMS) {
            boolean candidate = switch (f.type) {
                case "nick" -> nick;
                case "join" -> join;
                case "part" -> part;
                case "quit" -> quit;
                default -> kick;
            };
            if (!candidate) {
                continue;
            }
            Matcher m = f.pattern.matcher(sentence);
            if (m.matches()) {
                String other = group(m, "other");
                return new IrcEvent(f.type, strip(m.group("nick")), other == null ? null : strip(other), group(m, "uh"),
                        group(m, "chan"),
                        unwrap(group(m, "reason")));
            }
        }
        return null;
    }

    /**
     * The most frequent sentences, read without the patterns: {@code nick [user@host] has joined #chan},
     * {@code has left #chan [reason]}, {@code has quit [reason]}, with brackets or parentheses (irssi,
     * Ubuntu, HexChat, WeeChat). Returns null for anything else, which then goes to the patterns.
     */
    static IrcEvent common(String s) {
        int sp = s.indexOf(' ');
        if (sp <= 0 || sp + 2 >= s.length()) {
            return null;
        }
        char open = s.charAt(sp + 1);
        char close = open == '[' ? ']' : open == '(' ? ')' : 0;
        if (close == 0) {
            return null;
        }
        int end = s.indexOf(close, sp + 2);
        if (end < 0 || !s.startsWith(" has ", end + 1)) {
            return null;
        }
        for (int i = sp + 2; i < end; i++) {
            if (s.charAt(i) == ' ') {
                return null;
            }
        }
        String nick = strip(s.substring(0, sp));
        String uh = end > sp + 2 ? s.substring(sp + 2, end) : null;
        int verb = end + 6;
        if (s.startsWith("joined ", verb)) {
            String chan = s.substring(verb + 7);
            return chan.isEmpty() || chan.indexOf(' ') >= 0 ? null : new IrcEvent("join", nick, null, uh, chan, null);
        }
        if (s.startsWith("quit", verb)) {
            String rest = s.substring(verb + 4);
            if (rest.isEmpty()) {
                return new IrcEvent("quit", nick, null, uh, null, null);
            }
            return rest.startsWith(" ") && wrapped(rest.substring(1)) ? new IrcEvent("quit", nick, null, uh, null, unwrap(rest.substring(1))) : null;
        }
        if (s.startsWith("left ", verb)) {
            String rest = s.substring(verb + 5);
            int chanEnd = rest.indexOf(' ');
            if (chanEnd < 0) {
                return rest.isEmpty() ? null : new IrcEvent("part", nick, null, uh, rest, null);
            }
            String reason = rest.substring(chanEnd + 1);
            return wrapped(reason) ? new IrcEvent("part", nick, null, uh, rest.substring(0, chanEnd), unwrap(reason)) : null;
        }
        return null;
    }

    private static boolean wrapped(String r) {
        return r.length() >= 2 && (r.charAt(0) == '[' && r.endsWith("]") || r.charAt(0) == '(' && r.endsWith(")"));
    }

    private static String group(Matcher m, String name) {
        if (!m.pattern().pattern().contains("<" + name + ">")) {
            return null;
        }
        String v = m.group(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static String strip(String nick) {
        int i = 0;
        while (i < nick.length() - 1 && "@+%&~".indexOf(nick.charAt(i)) >= 0) {
            i++;
        }
        return nick.substring(i);
    }

    private static String unwrap(String reason) {
        if (reason == null) {
            return null;
        }
        String r = reason.strip();
        if (r.length() >= 2 && (r.charAt(0) == '(' && r.endsWith(")") || r.charAt(0) == '[' && r.endsWith("]"))) {
            r = r.substring(1, r.length() - 1).strip();
        }
        return r.isEmpty() ? null : r;
    }
}
