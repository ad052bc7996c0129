package org.opencets.formats.whatsapp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line WhatsApp wrote itself rather than a person: the encryption notice, a member added, removed
 * or leaving, the subject changed, a number changed. Only the English wording is recognised by type;
 * a line without a sender in another language is still an event, of type {@code other}.
 *
 * @param type         encryption_notice, created_group, added, removed, left, joined, subject_changed,
 *                     icon_changed, description_changed, number_changed, security_code_changed, other
 * @param actor        who did it, as written (a name, a number or "You"), or null
 * @param participants whom it was done to (added, removed; the new number of a number change), as written
 * @param subject      the new subject, or null
 */
record SystemMessage(String type, String actor, List<String> participants, String subject) {
    /** A wording: its type, a word it cannot do without (tested first, cheaply), and its pattern. */
    private record Form(String type, String keyword, Pattern pattern) {
    }

    private static final List<Form> FORMS = List.of(
            form("created_group", " created ", "(?<actor>.+?) created (?:group \"(?<subject>.*)\"|this group)"),
            form("added", " added ", "(?<actor>.+?) added (?<who>.+)"),
            form("removed", " removed ", "(?<actor>.+?) removed (?<who>.+)"),
            form("left", " left", "(?<actor>.+?) left"),
            form("joined", " joined using ", "(?<actor>.+?) joined using this group's invite link"),
            form("subject_changed", " changed the subject ", "(?<actor>.+?) changed the subject (?:from \".*\" )?to \"(?<subject>.*)\""),
            form("icon_changed", " this group's icon", "(?<actor>.+?) (?:changed|deleted) this group's icon"),
            form("description_changed", " changed the group description", "(?<actor>.+?) changed the group description"),
            form("number_changed", " changed their phone number ", "(?<actor>.+?) changed their phone number to a new number\\..*"),
            form("number_changed", " changed to +", "(?<actor>.+?) changed to (?<who>\\+[\\d\\s()\\-]+)"),
            form("security_code_changed", "Your security code with ", "Your security code with (?<actor>.+?) changed\\..*"),
            form("added", "You were added", "(?<actor>You) were added"));

    private static Form form(String type, String keyword, String regex) {
        return new Form(type, keyword, Pattern.compile(regex, Pattern.DOTALL));
    }

    /** True for the notice WhatsApp puts at the start of every chat. */
    static boolean isEncryptionNotice(String text) {
        return text.contains("end-to-end encrypted") || text.contains("end-to-end encryption");
    }

    /** What the line says; type {@code other} when the wording is not recognised. */
    static SystemMessage parse(String text) {
        if (isEncryptionNotice(text)) {
            return new SystemMessage("encryption_notice", null, List.of(), null);
        }
        if (text.length() <= 2000) {
            for (Form f : FORMS) {
                if (!text.contains(f.keyword)) {
                    continue;
                }
                Matcher m = f.pattern.matcher(text);
                if (m.matches()) {
                    String who = f.pattern.pattern().contains("<who>") ? m.group("who") : null;
                    String subject = f.pattern.pattern().contains("<subject>") ? m.group("subject") : null;
                    return new SystemMessage(f.type, m.group("actor").strip(), split(who), subject);
                }
            }
        }
        return new SystemMessage("other", null, List.of(), null);
    }

    /** "Bob, +44 7700 900123 and Carol" as its three names. */
    private static List<String> split(String who) {
        if (who == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : who.split(", | and ")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** True when the text reads as something WhatsApp wrote (used where a sender is present but doubtful). */
    boolean recognised() {
        return !type.equals("other");
    }
}
