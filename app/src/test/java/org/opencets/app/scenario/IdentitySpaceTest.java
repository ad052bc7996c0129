package org.opencets.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.CardHasher;
import org.opencets.core.identifier.Identifier;
import org.opencets.core.identifier.IdentifierContext;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.identifier.Identifiers;

/**
 * The generator's claims about the values it writes, checked against the published rules: the
 * scramble is a bijection, phone numbers are valid for libphonenumber, cards pass Luhn, addresses
 * are ordinary public ones, and every spelling of a planted identifier has the canonical form the
 * truth file gives it. (The demo's evaluation never uses these normalisers; this test only keeps the
 * generator honest about the forms it promises.)
 */
class IdentitySpaceTest {
    private static final IdentifierContext NO_REGION = new IdentifierContext(null, new CardHasher(CardHasher.newKey()));

    @Property(tries = 200)
    void scrambleIsABijectionOfItsSpace(@ForAll @IntRange(min = 1, max = 5_000) int m, @ForAll @LongRange(min = 0, max = 1_000) long salt) {
        Set<Long> seen = new HashSet<>();
        for (long k = 0; k < m; k++) {
            long v = IdentitySpace.scramble(k, m, salt);
            assertThat(v).isBetween(0L, m - 1L);
            seen.add(v);
        }
        assertThat(seen).hasSize(m);
    }

    @Test
    void phoneNumbersAreValidInEveryFormTheyAreWritten() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (String region : List.of("CA", "US", "GB", "AU")) {
            Set<String> seen = new HashSet<>();
            for (long key = 0; key < 20_000; key += 7) {
                IdentitySpace.Phone p = IdentitySpace.phone(region, key * 331);
                assertThat(seen.add(p.e164())).as("unique " + p.e164()).isTrue();
                for (String written : List.of(p.e164(), p.international())) {
                    assertThat(e164(util, written, "ZZ")).as(written).isEqualTo(p.e164());
                }
                assertThat(e164(util, p.national(), region)).as(p.national()).isEqualTo(p.e164());
                assertThat(util.getRegionCodeForNumber(parse(util, p.e164(), "ZZ"))).isEqualTo(region);
            }
        }
    }

    private static Phonenumber.PhoneNumber parse(PhoneNumberUtil util, String s, String region) {
        try {
            return util.parse(s, region);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            throw new AssertionError(s + ": " + e.getMessage());
        }
    }

    private static String e164(PhoneNumberUtil util, String s, String region) {
        Phonenumber.PhoneNumber n = parse(util, s, region);
        assertThat(util.isValidNumber(n)).as(s + " valid").isTrue();
        return util.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    @Property(tries = 300)
    void cardsPassLuhnAndAreLabelledByBinAndLastFour(@ForAll @LongRange(min = 0, max = 40_000_000) long key,
                                                     @ForAll @IntRange(min = 0, max = 2) int style) {
        IdentitySpace.Card c = IdentitySpace.card(key);
        assertThat(c.digits()).hasSize(16).containsOnlyDigits();
        assertThat(IdentitySpace.luhnDigit(c.digits().substring(0, 15))).isEqualTo(c.digits().charAt(15) - '0');
        assertThat(c.label()).isEqualTo("card:" + c.digits().substring(0, 8) + "…" + c.digits().substring(12));
        Identifier id = Identifiers.normalise(IdentifierType.CARD, IdentitySpace.written(c, style), NO_REGION);
        assertThat(id.label()).isEqualTo(c.label());
        assertThat(c.toString()).doesNotContain(c.digits());
    }

    @Property(tries = 500)
    void addressesArePublicAndCorrelatable(@ForAll @LongRange(min = 0, max = 40_000_000) long key) {
        String ip = IdentitySpace.ip(key);
        Identifier id = Identifiers.normalise(IdentifierType.IP, ip, NO_REGION);
        assertThat(id.correlatable()).as(ip).isTrue();
        assertThat(id.value()).isEqualTo(ip);
        assertThat(ip).doesNotEndWith(".0").doesNotEndWith(".255");
    }

    @Test
    void everySpellingOfAnOffendersMailboxAndHandleHasTheCanonicalFormOfTruth() {
        Catalogue.AgencyDef home = Catalogue.AGENCIES.get(1);
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            Offender o = new Offender(i, SyntheticPerson.planted(i, r, home), home, 1, "test");
            for (int slot = 0; slot < 2; slot++) {
                for (int style = 0; style < 5; style++) {
                    Identifier e = Identifiers.normalise(IdentifierType.EMAIL, o.writtenMailbox(slot, style), NO_REGION);
                    assertThat(e.label()).as(o.writtenMailbox(slot, style)).isEqualTo(o.mailboxLabel(slot));
                }
            }
            for (String platform : Catalogue.CHAT_PLATFORMS) {
                for (int style = 0; style < 4; style++) {
                    Identifier a = Identifiers.account(platform, o.writtenHandle(platform, style));
                    assertThat(a.label()).isEqualTo(o.accountLabel(platform));
                }
            }
        }
    }

    @Test
    void noTwoPeopleShareAMailboxOrHandle() {
        // canonical forms as the rules compare them: lower case, Gmail without dots
        Set<String> mailboxes = new HashSet<>();
        Set<String> handles = new HashSet<>();
        Catalogue.AgencyDef home = Catalogue.AGENCIES.get(0);
        for (long id = 0; id < 200_000; id++) {
            SyntheticPerson p = SyntheticPerson.background(id, 1, home);
            assertThat(mailboxes.add(gmailCanonical(Background.mailbox(p)))).as(Background.mailbox(p)).isTrue();
            assertThat(handles.add(Background.handle(p))).as(Background.handle(p)).isTrue();
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < Catalogue.NICK_FIRST.size() * Catalogue.NICK_SECOND.size() * 90; i += 3) {
            Offender o = new Offender(i, SyntheticPerson.planted(1_000_000 + i, r, home), home, 0, "test");
            assertThat(mailboxes.add(o.mailbox(0))).as(o.mailbox(0)).isTrue();
            assertThat(mailboxes.add(o.mailbox(1))).as(o.mailbox(1)).isTrue();
            for (String platform : List.of("telegram", "discord", "kik")) {
                assertThat(handles.add(platform + ":" + o.handle(platform))).isTrue();
            }
        }
    }

    @Test
    void nameWordsJoinWithoutAmbiguity() {
        List<String> given = new java.util.ArrayList<>(Catalogue.GIVEN_FEMALE);
        given.addAll(Catalogue.GIVEN_MALE);
        Set<String> joined = new HashSet<>();
        int pairs = 0;
        for (String g : given) {
            for (String s : Catalogue.SURNAMES) {
                joined.add((g + s).toLowerCase(Locale.ROOT));
                joined.add((s + g).toLowerCase(Locale.ROOT));
                pairs += 2;
            }
        }
        for (String a : Catalogue.NICK_FIRST) {
            for (String b : Catalogue.NICK_SECOND) {
                joined.add(a + b);
                pairs++;
            }
        }
        assertThat(joined).hasSize(pairs);
        assertThat(new HashSet<>(given)).hasSize(given.size());
        assertThat(new HashSet<>(Catalogue.SURNAMES)).hasSize(Catalogue.SURNAMES.size());
    }

    private static String gmailCanonical(String mailbox) {
        int at = mailbox.indexOf('@');
        String local = mailbox.substring(0, at);
        String domain = mailbox.substring(at + 1);
        return (domain.equals("gmail.com") ? local.replace(".", "") : local) + "@" + domain;
    }
}
