package org.opencets.app.scenario;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.opencets.core.cases.Sharing;

/**
 * The planted world of a scenario, decided before a single record is written: the agencies and
 * their cases, the offenders and the networks they form, and every record that carries an
 * identifier meant to recur — the story's and the networks'. It is small (thousands of records even
 * for ten million in all); the background population around it is streamed by {@link Background}.
 *
 * <p>The story, with agencies numbered as the scenario lists them (A0 is the first; with three
 * agencies A3 is A0 again):
 * <ul>
 *   <li><b>tip chain</b>: a tip to A0, imported last, names a screen name from A1's seized chat log
 *       and a mailbox (written differently) from A2's payment records: it links two earlier
 *       reports;</li>
 *   <li><b>known-offender buyer</b>: a card buyer in A0's payments is in A1's arrest records, with
 *       the same mailbox and phone number written differently;</li>
 *   <li><b>screen name in three agencies</b>: one account in A1's and A2's chat logs and in a tip to
 *       A3;</li>
 *   <li><b>e-mail variations</b>: one Gmail mailbox written with dots, a {@code +tag} and in capitals
 *       at googlemail.com, in A2's payments, A3's arrests and a chat message of A0;</li>
 *   <li><b>shared card</b>: two buyers, one card, in A1's and A3's payments;</li>
 *   <li><b>IP reuse</b>: a buyer's home address in A2's payments and, two days later, as the upload
 *       address of a tip to A0.</li>
 * </ul>
 * Around it, networks of three to six offenders spanning two or three agencies buy, chat, get
 * reported and arrested, each record writing their identifiers in a varied form.
 */
final class Plan {
    static final long DAY = 86_400L;

    final ScenarioSpec spec;
    final List<Catalogue.AgencyDef> agencies;
    /** In import order. */
    final List<CasePlan> cases = new ArrayList<>();
    final List<Offender> offenders = new ArrayList<>();
    /** Named parts of the story: the links each must produce. */
    final Map<String, Truth.StoryItem> story = new LinkedHashMap<>();
    /** The first person number of the background population. */
    final long firstBackground;
    final int networks;

    private final SplittableRandom r;
    private final List<CasePlan> payments = new ArrayList<>();
    private final List<CasePlan> chats = new ArrayList<>();
    private final List<CasePlan> arrests = new ArrayList<>();
    private final List<List<CasePlan>> tips = new ArrayList<>();
    private CasePlan finalTip;
    private long nextPersonId;

    private Plan(ScenarioSpec spec) {
        this.spec = spec;
        this.r = new SplittableRandom(SyntheticPerson.mix(spec.seed(), 0x5CE7A510L));
        this.agencies = Catalogue.AGENCIES.subList(0, spec.agencies());
        this.networks = (int) Math.max(2, Math.min(600, spec.people() / 5_000));
        planCases();
        plantStory();
        plantNetworks();
        this.firstBackground = nextPersonId;
        sizeBackground();
    }

    static Plan of(ScenarioSpec spec) {
        return new Plan(spec);
    }

    // ------------------------------------------------------------------ cases

    static long epoch(int y, int m, int d) {
        return LocalDate.of(y, m, d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    private void planCases() {
        long total = spec.targetRecords();
        int n = agencies.size();
        long perAgency = total / n;
        long tipsPerAgency = Math.max(6, perAgency * 6 / 100);
        int tipCases = (int) Math.max(6, Math.min(25, tipsPerAgency / 40));
        for (int a = 0; a < n; a++) {
            Catalogue.AgencyDef ag = agencies.get(a);
            String[] merchant = Catalogue.MERCHANTS.get(a % Catalogue.MERCHANTS.size());
            CasePlan pay = new CasePlan(a, ag, CasePlan.Kind.PAYMENTS, "PAY-2024-" + (101 + 17 * a),
                    "Buyers of " + merchant[0] + " (processor return)", a % 2 == 0 ? Sharing.NETWORK : Sharing.AGENCY,
                    ag.code() + "/payments.csv", epoch(2024, 1, 1), epoch(2024, 7, 1), List.of(), merchant);
            pay.backgroundRecords = perAgency * 45 / 100;
            List<String> platforms = List.of(Catalogue.CHAT_PLATFORMS.get(a % Catalogue.CHAT_PLATFORMS.size()),
                    Catalogue.CHAT_PLATFORMS.get((a + 1) % Catalogue.CHAT_PLATFORMS.size()));
            CasePlan chat = new CasePlan(a, ag, CasePlan.Kind.CHAT, "CHAT-2024-" + (301 + 11 * a),
                    "Seized handset: " + platforms.get(0) + " and " + platforms.get(1) + " exports", Sharing.AGENCY,
                    ag.code() + "/chat.jsonl", epoch(2024, 3, 1), epoch(2024, 10, 1), platforms, null);
            chat.backgroundRecords = perAgency * 37 / 100;
            CasePlan arr = new CasePlan(a, ag, CasePlan.Kind.ARRESTS, "ARR-2019-2024",
                    "Booking records 2019-2024 (records-management extract)", Sharing.AGENCY,
                    ag.code() + "/arrests.csv", epoch(2019, 1, 1), epoch(2024, 11, 1), List.of(), null);
            arr.backgroundRecords = perAgency * 12 / 100;
            payments.add(pay);
            chats.add(chat);
            arrests.add(arr);
            List<CasePlan> agencyTips = new ArrayList<>();
            long tipsLeft = perAgency - pay.backgroundRecords - chat.backgroundRecords - arr.backgroundRecords;
            long gap = 290L / tipCases;
            for (int j = 0; j < tipCases; j++) {
                String tipNumber = "CT-2024-" + (10_001 + 1_000 * a + j);
                String provider = provider(tipNumber);
                long start = epoch(2024, 1, 1) + j * gap * DAY;
                CasePlan tip = new CasePlan(a, ag, CasePlan.Kind.TIPS, tipNumber,
                        "Referral batch " + (j + 1) + ": " + provider + " reports", j % 5 == 4 ? Sharing.NETWORK : Sharing.AGENCY,
                        ag.code() + "/tips/CT-2024-" + (10_001 + 1_000 * a + j) + ".jsonl", start, start + 14 * DAY,
                        List.of(), null);
                tip.backgroundRecords = tipsLeft / (tipCases - j);
                tipsLeft -= tip.backgroundRecords;
                agencyTips.add(tip);
            }
            tips.add(agencyTips);
        }
        Catalogue.AgencyDef first = agencies.get(0);
        String number = "CT-2024-" + (10_001 + tipCases);
        finalTip = new CasePlan(0, first, CasePlan.Kind.TIPS, number,
                "New tip: " + provider(number) + " report of an account", Sharing.AGENCY,
                first.code() + "/tips/" + number + ".jsonl", epoch(2024, 11, 20), epoch(2024, 11, 21), List.of(), null);
        // Import order: the oldest data first, the new tip last.
        cases.addAll(arrests);
        cases.addAll(payments);
        cases.addAll(chats);
        List<CasePlan> allTips = new ArrayList<>();
        tips.forEach(allTips::addAll);
        allTips.sort(Comparator.comparingLong((CasePlan c) -> c.start).thenComparingInt(c -> c.agencyIndex));
        cases.addAll(allTips);
        cases.add(finalTip);
    }

    /** The online service whose reports a tip case holds. */
    static String provider(String caseNumber) {
        return Catalogue.PROVIDERS.get(Math.floorMod(caseNumber.hashCode(), Catalogue.PROVIDERS.size()));
    }

    private CasePlan pay(int a) {
        return payments.get(a % agencies.size());
    }

    private CasePlan chat(int a) {
        return chats.get(a % agencies.size());
    }

    private CasePlan arrest(int a) {
        return arrests.get(a % agencies.size());
    }

    private CasePlan tip(int a, int j) {
        List<CasePlan> t = tips.get(a % agencies.size());
        return t.get(Math.floorMod(j, t.size()));
    }

    private Offender offender(int homeAgency, String role) {
        Catalogue.AgencyDef home = agencies.get(homeAgency % agencies.size());
        long id = nextPersonId++;
        Offender o = new Offender(offenders.size(), SyntheticPerson.planted(id, r, home), home, homeAgency % agencies.size(), role);
        offenders.add(o);
        return o;
    }

    private long within(CasePlan c) {
        return c.start + (long) (r.nextDouble() * (c.end - c.start));
    }

    // ------------------------------------------------------------------ records

    private static void put(Map<String, Object> f, String key, Object value) {
        if (value != null) {
            f.put(key, value);
        }
    }

    /** A purchase by o in a payments case. */
    private void transaction(CasePlan c, long time, Offender o, int mailSlot, int mailStyle, boolean withPhone,
                             IdentitySpace.Card card, String ip, SyntheticPerson as, boolean typo) {
        Map<String, Object> f = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        f.put("amount", amount());
        f.put("currency", c.agency.currency());
        f.put("merchant", c.merchant[0]);
        f.put("descriptor", c.merchant[1]);
        f.put("card_number", IdentitySpace.written(card, r.nextInt(3)));
        labels.add(card.label());
        String name = typo ? SyntheticPerson.typo(as.given(), r) + " " + as.surname() : as.fullName();
        f.put("cardholder_name", r.nextBoolean() ? name.toUpperCase(Locale.ROOT) : name);
        f.put("billing_address", as.street());
        f.put("city", as.town());
        f.put("postcode", as.postcode());
        if (mailSlot >= 0) {
            f.put("email", o.writtenMailbox(mailSlot, mailStyle));
            labels.add(o.mailboxLabel(mailSlot));
        }
        if (ip != null) {
            f.put("ip", ip);
            labels.add("ip:" + ip);
        }
        if (withPhone) {
            f.put("phone", phoneAsWritten(o, c));
            labels.add("phone:" + o.phone.e164());
        }
        c.planted.add(new CasePlan.Planted(time, o, f, labels));
    }

    private String phoneAsWritten(Offender o, CasePlan c) {
        return o.phone.region().equals(c.agency.region()) && r.nextBoolean() ? o.phone.national() : o.phone.international();
    }

    private String amount() {
        return String.format(Locale.ROOT, "%d.%02d", 9 + r.nextInt(90), r.nextBoolean() ? 95 : 99);
    }

    /** An arrest of o in an arrests case, the name, birth date and address written as a clerk did. */
    private void arrestRecord(CasePlan c, long time, Offender o, int mailSlot, int mailStyle, boolean withPhone,
                              boolean typo, boolean transposed, boolean moved) {
        Map<String, Object> f = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        SyntheticPerson p = moved ? o.person.moved(r, o.home) : o.person;
        f.put("given_name", typo ? SyntheticPerson.typo(p.given(), r) : p.given());
        f.put("surname", p.surname());
        f.put("dob", transposed ? p.transposedDob() : p.dob().toString());
        f.put("sex", String.valueOf(p.sex()));
        f.put("address", p.street());
        f.put("city", p.town());
        f.put("postcode", p.postcode());
        if (withPhone) {
            f.put("phone", phoneAsWritten(o, c));
            labels.add("phone:" + o.phone.e164());
        }
        if (mailSlot >= 0) {
            f.put("email", o.writtenMailbox(mailSlot, mailStyle));
            labels.add(o.mailboxLabel(mailSlot));
        }
        f.put("charges", SyntheticPerson.pick(Catalogue.CHARGES, r));
        c.planted.add(new CasePlan.Planted(time, o, f, labels));
    }

    /**
     * A conversation between o and the owner of a seized handset, on one of its platforms; one
     * message may give o's mailbox in its text.
     */
    private void conversation(CasePlan c, long time, Offender o, String platform, int messages, int mailSlot,
                              int mailStyle) {
        Offender owner = c.owner;
        int mailAt = mailSlot >= 0 ? r.nextInt(messages) : -1;
        for (int i = 0; i < messages; i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            List<String> labels = new ArrayList<>();
            boolean fromContact = i % 2 == 0;
            f.put("platform", platform);
            f.put("from", fromContact ? o.writtenHandle(platform, i + o.index) : owner.handle(platform));
            f.put("to", fromContact ? owner.handle(platform) : o.writtenHandle(platform, i + o.index));
            labels.add(o.accountLabel(platform));
            labels.add(owner.accountLabel(platform));
            String line = SyntheticPerson.pick(Catalogue.CHAT_LINES, r);
            if (i == mailAt) {
                line = "use my other mail " + o.writtenMailbox(mailSlot, mailStyle) + " for the link";
                labels.add(o.mailboxLabel(mailSlot));
            }
            f.put("text", line);
            c.planted.add(new CasePlan.Planted(time + i * (60L + r.nextInt(3_000)), o, f, labels));
        }
    }

    /** A tip reporting o's account, maybe with a mailbox, an upload address and uploaded files. */
    private void tipRecord(CasePlan c, long time, Offender o, String platform, int handleStyle, int mailSlot, int mailStyle,
                           String ip, List<String[]> files) {
        Map<String, Object> f = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        String provider = provider(c.number);
        f.put("provider", provider);
        f.put("incident", SyntheticPerson.pick(Catalogue.TIP_INCIDENTS, r));
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("platform", platform);
        account.put("handle", o.writtenHandle(platform, handleStyle));
        labels.add(o.accountLabel(platform));
        if (mailSlot >= 0) {
            account.put("email", o.writtenMailbox(mailSlot, mailStyle));
            labels.add(o.mailboxLabel(mailSlot));
        }
        f.put("accounts", List.of(account));
        put(f, "ip", ip);
        if (ip != null) {
            labels.add("ip:" + ip);
        }
        if (files != null && !files.isEmpty()) {
            List<Map<String, Object>> fl = new ArrayList<>();
            for (String[] file : files) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", file[0]);
                m.put("md5", r.nextBoolean() ? file[1] : file[1].toUpperCase(Locale.ROOT));
                m.put("sha256", file[2]);
                fl.add(m);
                labels.add("file_hash:md5:" + file[1]);
                labels.add("file_hash:sha256:" + file[2]);
            }
            f.put("files", fl);
        }
        f.put("text", "Reported by " + provider + ": " + f.get("incident") + ".");
        c.planted.add(new CasePlan.Planted(time, o, f, labels));
    }

    /** An invented uploaded file: name, MD5 and SHA-256 in lower-case hex. */
    String[] file() {
        byte[] md5 = new byte[16];
        byte[] sha = new byte[32];
        nextBytes(r, md5);
        nextBytes(r, sha);
        return new String[] {"IMG_" + (1000 + r.nextInt(9000)) + ".jpg", HexFormat.of().formatHex(md5), HexFormat.of().formatHex(sha)};
    }

    private List<String[]> oneFile() {
        List<String[]> l = new ArrayList<>(1);
        l.add(file());
        return l;
    }

    static void nextBytes(SplittableRandom r, byte[] out) {
        for (int i = 0; i < out.length; i += 8) {
            long v = r.nextLong();
            for (int j = 0; j < 8 && i + j < out.length; j++) {
                out[i + j] = (byte) (v >>> (8 * j));
            }
        }
    }

    // ------------------------------------------------------------------ the story

    private void plantStory() {
        // Every chat case needs its device owner first: they are in every message.
        for (int a = 0; a < agencies.size(); a++) {
            chats.get(a).owner = offender(a, "owner of the seized handset in " + chats.get(a).qualified());
        }
        int n = agencies.size();

        // The tip chain: A1 chat (screen name) and A2 payments (mailbox) are linked by a new tip to A0.
        Offender chain = offender(1, "tip chain: reported in the new tip to " + agencies.get(0).code());
        CasePlan chat1 = chat(1);
        CasePlan pay2 = pay(2);
        String chainPlatform = chat1.platforms.get(0);
        conversation(chat1, within(chat1), chain, chainPlatform, 4, -1, 0);
        transaction(pay2, within(pay2), chain, 0, 1, false, chain.card, null, chain.person, false);
        tipRecord(finalTip, finalTip.start + 3_600, chain, chainPlatform, 3, 0, 2, null, oneFile());
        story.put("tip_chain", new Truth.StoryItem("tip_chain",
                "a new tip to " + finalTip.qualified() + ", imported last, names a " + chainPlatform + " screen name from "
                        + chat1.qualified() + " and a mailbox (written differently) from " + pay2.qualified()
                        + ": it links two earlier reports of two other agencies",
                List.of(new CaseLink(chain.accountLabel(chainPlatform), chat1.qualified(), finalTip.qualified()),
                        new CaseLink(chain.mailboxLabel(0), pay2.qualified(), finalTip.qualified())),
                List.of(finalTip.qualified())));

        // The known offender among the card buyers.
        Offender buyer = offender(1, "known offender who buys: arrested by " + agencies.get(1).code()
                + ", buys from " + pay(0).merchant[0]);
        CasePlan arr1 = arrest(1);
        CasePlan pay0 = pay(0);
        arrestRecord(arr1, epoch(2021, 5, 14), buyer, 0, 1, true, false, false, false);
        long t = within(pay0);
        transaction(pay0, t, buyer, 0, 2, true, buyer.card, buyer.homeIp, buyer.person.moved(r, buyer.home), false);
        transaction(pay0, t + 9 * DAY, buyer, 0, 0, true, buyer.card, buyer.homeIp, buyer.person, true);
        story.put("known_offender_buyer", new Truth.StoryItem("known_offender_buyer",
                "a card buyer in " + pay0.qualified() + " is in the arrest records " + arr1.qualified()
                        + " with the same mailbox and phone number, written differently",
                List.of(new CaseLink(buyer.mailboxLabel(0), pay0.qualified(), arr1.qualified()),
                        new CaseLink("phone:" + buyer.phone.e164(), pay0.qualified(), arr1.qualified())),
                List.of(pay0.qualified())));

        // A screen name seen by three agencies.
        Offender screen = offender(2, "one screen name in three agencies' data");
        CasePlan chat2 = chat(2);
        String shared = chat(1).platforms.get(1); // == chat(2).platforms.get(0)
        CasePlan tip3 = tip(3, 2);
        conversation(chat(1), within(chat(1)), screen, shared, 3, -1, 0);
        conversation(chat2, within(chat2), screen, shared, 5, -1, 0);
        tipRecord(tip3, within(tip3), screen, shared, 1, -1, 0, null, oneFile());
        String screenLabel = screen.accountLabel(shared);
        story.put("screen_name_three_agencies", new Truth.StoryItem("screen_name_three_agencies",
                "the " + shared + " account " + screenLabel.substring(8) + " is in " + chat(1).qualified() + ", "
                        + chat2.qualified() + " and " + tip3.qualified(),
                List.of(new CaseLink(screenLabel, chat(1).qualified(), chat2.qualified()),
                        new CaseLink(screenLabel, chat(1).qualified(), tip3.qualified()),
                        new CaseLink(screenLabel, chat2.qualified(), tip3.qualified())),
                List.of()));

        // One Gmail mailbox written three ways.
        Offender mail = offender(3, "one Gmail mailbox written with dots, a +tag and capitals");
        CasePlan arr3 = arrest(3);
        CasePlan chat0 = chat(0);
        transaction(pay2, within(pay2), mail, 0, 2, false, mail.card, null, mail.person, false);
        arrestRecord(arr3, epoch(2020, 2, 3), mail, 0, 3, false, true, true, true);
        conversation(chat0, within(chat0), mail, chat0.platforms.get(1), 4, 0, 4);
        story.put("email_variations", new Truth.StoryItem("email_variations",
                "the mailbox " + mail.mailbox(0) + " written as " + mail.writtenMailbox(0, 2) + ", "
                        + mail.writtenMailbox(0, 3) + " and " + mail.writtenMailbox(0, 4) + " in " + pay2.qualified()
                        + ", " + arr3.qualified() + " and " + chat0.qualified(),
                List.of(new CaseLink(mail.mailboxLabel(0), pay2.qualified(), arr3.qualified()),
                        new CaseLink(mail.mailboxLabel(0), pay2.qualified(), chat0.qualified()),
                        new CaseLink(mail.mailboxLabel(0), arr3.qualified(), chat0.qualified())),
                List.of()));

        // Two buyers, one card.
        Offender cardA = offender(1, "shares a card with another buyer");
        Offender cardB = offender(3, "shares a card with another buyer");
        CasePlan pay1 = pay(1);
        CasePlan pay3 = pay(3);
        transaction(pay1, within(pay1), cardA, 1, 0, false, cardA.card, cardA.homeIp, cardA.person, false);
        transaction(pay3, within(pay3), cardB, 1, 1, false, cardA.card, cardB.homeIp, cardB.person, false);
        if (pay1 != pay3) {
            story.put("shared_card", new Truth.StoryItem("shared_card",
                    "two buyers with different names and mailboxes pay with the card " + cardA.card.label().substring(5)
                            + " in " + pay1.qualified() + " and " + pay3.qualified(),
                    List.of(new CaseLink(cardA.card.label(), pay1.qualified(), pay3.qualified())), List.of()));
        }

        // An address reused within days: a purchase, then an upload two days later.
        Offender ipUser = offender(2, "home IP address used for a purchase and, two days later, an upload");
        CasePlan tip0 = tip(0, 1);
        long upload = within(tip0);
        transaction(pay2, Math.max(pay2.start, Math.min(pay2.end - DAY, upload - 2 * DAY)), ipUser, 1, 2, false,
                ipUser.card, ipUser.homeIp, ipUser.person, false);
        tipRecord(tip0, upload, ipUser, Catalogue.CHAT_PLATFORMS.get((n + 2) % Catalogue.CHAT_PLATFORMS.size()), 0, -1, 0,
                ipUser.homeIp, oneFile());
        story.put("ip_reuse", new Truth.StoryItem("ip_reuse",
                "the home address " + ipUser.homeIp + " buys in " + pay2.qualified() + " and uploads two days later in a tip to "
                        + tip0.qualified(),
                List.of(new CaseLink("ip:" + ipUser.homeIp, pay2.qualified(), tip0.qualified())), List.of()));
    }

    // ------------------------------------------------------------------ networks

    private void plantNetworks() {
        int n = agencies.size();
        for (int k = 0; k < networks; k++) {
            int span = Math.min(n, 2 + r.nextInt(2));
            int base = r.nextInt(n);
            int[] reach = new int[span];
            for (int i = 0; i < span; i++) {
                reach[i] = (base + i * (1 + r.nextInt(Math.max(1, n - 1)))) % n;
            }
            int size = 3 + r.nextInt(4);
            List<Offender> members = new ArrayList<>();
            for (int m = 0; m < size; m++) {
                members.add(offender(reach[r.nextInt(span)], "member of network " + (k + 1)));
            }
            IdentitySpace.Card sharedCard = r.nextInt(3) == 0 ? members.get(0).card : null;
            List<String[]> knownFiles = oneFile();
            for (int m = 0; m < size; m++) {
                Offender o = members.get(m);
                boolean arrested = false;
                int appearances = 2 + r.nextInt(3);
                for (int i = 0; i < appearances; i++) {
                    int a = reach[r.nextInt(span)];
                    int what = r.nextInt(100);
                    if (what < 35) {
                        CasePlan c = pay(a);
                        IdentitySpace.Card card = sharedCard != null && m == 1 ? sharedCard : o.card;
                        long t = within(c);
                        transaction(c, t, o, r.nextInt(3) == 0 ? 1 : 0, r.nextInt(5), r.nextInt(3) == 0, card,
                                r.nextInt(4) == 0 ? null : o.homeIp, o.person, r.nextInt(4) == 0);
                        if (r.nextBoolean()) {
                            transaction(c, Math.min(c.end - 1, t + (1 + r.nextInt(20)) * DAY), o, 0, r.nextInt(5), false,
                                    card, o.homeIp, o.person, false);
                        }
                    } else if (what < 65) {
                        CasePlan c = chat(a);
                        if (c.owner == o) {
                            continue;
                        }
                        String platform = c.platforms.get(r.nextInt(2));
                        conversation(c, within(c), o, platform, 2 + r.nextInt(6), r.nextInt(4) == 0 ? r.nextInt(2) : -1,
                                r.nextInt(5));
                    } else if (what < 90 || arrested) {
                        CasePlan c = tip(a, r.nextInt(1_000));
                        String platform = Catalogue.CHAT_PLATFORMS.get(r.nextInt(Catalogue.CHAT_PLATFORMS.size()));
                        tipRecord(c, within(c), o, platform, r.nextInt(4), r.nextInt(3) == 0 ? -1 : 0, r.nextInt(5),
                                r.nextBoolean() ? o.homeIp : null, r.nextBoolean() ? knownFiles : oneFile());
                    } else {
                        arrested = true;
                        CasePlan c = arrest(o.homeAgency);
                        arrestRecord(c, within(c), o, r.nextInt(3) == 0 ? -1 : 0, r.nextInt(5), r.nextBoolean(),
                                r.nextInt(3) == 0, r.nextInt(4) == 0, r.nextBoolean());
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ sizes

    /** Planted records replace background ones, so that the total stays what the spec asked. */
    private void sizeBackground() {
        for (CasePlan c : cases) {
            c.planted.sort(Comparator.comparingLong(CasePlan.Planted::time));
            c.backgroundRecords = Math.max(0, c.backgroundRecords - c.planted.size());
        }
    }

    long records() {
        return cases.stream().mapToLong(CasePlan::records).sum();
    }

    CasePlan finalTip() {
        return finalTip;
    }
}
