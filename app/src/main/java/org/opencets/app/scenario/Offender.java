package org.opencets.app.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A planted person whose identifiers recur across cases: two nickname words and two digits make
 * their mailboxes and screen names (unique per offender), and each record writes them in one of
 * the ways people and systems do — with dots, a {@code +tag}, another case, a leading {@code @}.
 * The canonical forms, which the system is specified to print, are what truth.json holds.
 */
final class Offender {
    /** Mailbox domains of the second mailbox, where dots are significant. */
    private static final List<String> SECOND_DOMAINS = List.of("outlook.com", "proton.me", "yahoo.com", "gmx.com");
    private static final List<String> TAGS = List.of("vip", "pay", "shop", "alt", "x");

    final int index;
    final SyntheticPerson person;
    final Catalogue.AgencyDef home;
    final int homeAgency;
    final String first;
    final String second;
    final int digits;
    final IdentitySpace.Phone phone;
    final IdentitySpace.Card card;
    final String homeIp;
    final String role;
    /** Where this person's records were written, as {@code file:line}. */
    final List<String> records = new ArrayList<>();

    Offender(int index, SyntheticPerson person, Catalogue.AgencyDef home, int homeAgency, String role) {
        this.index = index;
        this.person = person;
        this.home = home;
        this.homeAgency = homeAgency;
        this.role = role;
        int nf = Catalogue.NICK_FIRST.size();
        int ns = Catalogue.NICK_SECOND.size();
        long s = IdentitySpace.scramble(index, (long) nf * ns * 90, 37);
        this.first = Catalogue.NICK_FIRST.get((int) (s % nf));
        this.second = Catalogue.NICK_SECOND.get((int) (s / nf % ns));
        this.digits = 10 + (int) (s / ((long) nf * ns));
        this.phone = IdentitySpace.phone(home.region(), person.id());
        this.card = IdentitySpace.card(person.id() * 2);
        this.homeIp = IdentitySpace.ip(person.id() * 2);
    }

    /** The canonical mailbox of slot 0 (Gmail, where dots do not count) or 1 (a host where they do). */
    String mailbox(int slot) {
        if (slot == 0) {
            return first + second + digits + "@gmail.com";
        }
        return first + "." + second + "." + digits + "@" + SECOND_DOMAINS.get(index % SECOND_DOMAINS.size());
    }

    String mailboxLabel(int slot) {
        return "email:" + mailbox(slot);
    }

    /** The mailbox of a slot as one record writes it; every style has the same canonical mailbox. */
    String writtenMailbox(int slot, int style) {
        String tag = TAGS.get(Math.floorMod(index + style, TAGS.size()));
        if (slot == 0) {
            return switch (Math.floorMod(style, 5)) {
                case 0 -> first + second + digits + "@gmail.com";
                case 1 -> cap(first) + "." + cap(second) + digits + "@gmail.com";
                case 2 -> first + second + digits + "+" + tag + "@gmail.com";
                case 3 -> (first + second + digits).toUpperCase(Locale.ROOT) + "@GOOGLEMAIL.COM";
                default -> first + "." + second + "." + digits + "@gmail.com";
            };
        }
        String domain = SECOND_DOMAINS.get(index % SECOND_DOMAINS.size());
        return switch (Math.floorMod(style, 4)) {
            case 0 -> first + "." + second + "." + digits + "@" + domain;
            case 1 -> cap(first) + "." + cap(second) + "." + digits + "@" + cap(domain);
            case 2 -> first + "." + second + "." + digits + "+" + tag + "@" + domain;
            default -> (first + "." + second + "." + digits + "@" + domain).toUpperCase(Locale.ROOT);
        };
    }

    /** The canonical handle on a platform (platforms of the scenario compare handles without case). */
    String handle(String platform) {
        int p = Catalogue.CHAT_PLATFORMS.indexOf(platform);
        return switch (Math.floorMod(index + p, 3)) {
            case 0 -> first + "_" + second + digits;
            case 1 -> first + second + digits;
            default -> first + "_" + second + "_" + digits;
        };
    }

    String accountLabel(String platform) {
        return "account:" + platform + ":" + handle(platform);
    }

    /** The handle as one record writes it: as is, with a leading @, capitalised, or in capitals. */
    String writtenHandle(String platform, int style) {
        String h = handle(platform);
        return switch (Math.floorMod(style, 4)) {
            case 0 -> h;
            case 1 -> "@" + h;
            case 2 -> cap(h);
            default -> "@" + h.toUpperCase(Locale.ROOT);
        };
    }

    String nick() {
        return first + second + digits;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
