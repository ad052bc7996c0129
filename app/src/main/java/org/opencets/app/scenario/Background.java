package org.opencets.app.scenario;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The background population: people who appear in one case only — most once, some a few times in
 * the same case (a repeat buyer, a chat contact, a re-arrest) — each with identifiers of their own
 * drawn from {@link IdentitySpace}, so they never link two cases. The noise lives here too: a few
 * of them write a carrier's shared address, a library's e-mail or a documentation number, which
 * recur across cases and must link nothing.
 *
 * <p>Nothing is remembered between people: a person is made from their number and the case's
 * generator, written, and forgotten.
 */
final class Background {
    /** Receives one record: its fields in canonical names (no time, no id), and the labels other cases may share. */
    interface Emit {
        void record(Map<String, Object> fields, List<String> labels);
    }

    private static final Map<String, List<String>> DOMAINS = Map.of(
            "CA", List.of("gmail.com", "outlook.com", "yahoo.ca", "hotmail.com", "icloud.com"),
            "GB", List.of("gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "icloud.com"),
            "US", List.of("gmail.com", "outlook.com", "yahoo.com", "aol.com", "icloud.com"),
            "AU", List.of("gmail.com", "outlook.com", "bigpond.com", "yahoo.com.au", "icloud.com"));

    private final long seed;

    Background(long seed) {
        this.seed = seed;
    }

    SyntheticPerson person(long id, Catalogue.AgencyDef home) {
        return SyntheticPerson.background(id, seed, home);
    }

    /** How many records a background person gets in a case of this kind. */
    static int records(CasePlan.Kind kind, SplittableRandom r) {
        int x = r.nextInt(100);
        return switch (kind) {
            case PAYMENTS -> x < 78 ? 1 : x < 94 ? 2 : 3;
            case CHAT -> x < 30 ? 1 : x < 55 ? 2 : x < 75 ? 3 : x < 87 ? 4 : x < 95 ? 5 : 6;
            case ARRESTS -> x < 88 ? 1 : 2;
            case TIPS -> 1;
        };
    }

    /** How many of a case's first background people carry one planted noise value each. */
    static int forcedNoise(CasePlan.Kind kind) {
        return switch (kind) {
            case PAYMENTS -> 4;
            case CHAT -> 1;
            case ARRESTS -> 1;
            case TIPS -> 5;
        };
    }

    /** A background person's mailbox: name and digits, unique to them. */
    static String mailbox(SyntheticPerson p) {
        long rest = SyntheticPerson.rest(p.id());
        String g = p.given().toLowerCase(Locale.ROOT);
        String s = p.surname().toLowerCase(Locale.ROOT);
        String local = switch ((int) (p.id() % 4)) {
            case 0 -> g + "." + s + rest;
            case 1 -> g + "_" + s + rest;
            case 2 -> s + "." + g + rest;
            default -> g + s + rest;
        };
        List<String> domains = DOMAINS.get(p.region());
        return local + "@" + domains.get((int) (p.id() / 4 % domains.size()));
    }

    /** A background person's screen name: name and digits, unique to them. */
    static String handle(SyntheticPerson p) {
        long rest = SyntheticPerson.rest(p.id());
        String g = p.given().toLowerCase(Locale.ROOT);
        String s = p.surname().toLowerCase(Locale.ROOT);
        return switch ((int) (p.id() % 3)) {
            case 0 -> g + "_" + s + rest;
            case 1 -> g + s + rest;
            default -> s + "_" + g + rest;
        };
    }

    /**
     * Writes a person's k records into case c.
     *
     * @param forced which noise value this person must carry (see {@link #forcedNoise}), or -1
     */
    void write(CasePlan c, SyntheticPerson p, int k, int forced, SplittableRandom r, Emit out) {
        switch (c.kind) {
            case PAYMENTS -> purchases(c, p, k, forced, r, out);
            case CHAT -> messages(c, p, k, forced, r, out);
            case ARRESTS -> arrests(c, p, k, forced, r, out);
            case TIPS -> tip(c, p, forced, r, out);
        }
    }

    private static String phone(SyntheticPerson p, Catalogue.AgencyDef agency, SplittableRandom r) {
        IdentitySpace.Phone ph = IdentitySpace.phone(p.region(), p.id());
        return p.region().equals(agency.region()) && r.nextInt(4) != 0 ? ph.national() : ph.international();
    }

    private void purchases(CasePlan c, SyntheticPerson p, int k, int forced, SplittableRandom r, Emit out) {
        int x = r.nextInt(1000);
        Noise noise = switch (forced) {
            case 0 -> Noise.EGRESS;
            case 1 -> Noise.LIBRARY;
            case 2 -> Noise.TEST_CARD;
            case 3 -> Noise.EXAMPLE_EMAIL;
            default -> x < 30 ? Noise.EGRESS : x < 34 ? Noise.LIBRARY : x < 37 ? Noise.EXAMPLE_EMAIL : x < 38 ? Noise.TEST_CARD : null;
        };
        IdentitySpace.Card card = IdentitySpace.card(p.id() * 2);
        int cardStyle = r.nextInt(3);
        String email = r.nextInt(5) != 0 ? mailbox(p) : null;
        String ip = r.nextInt(100) < 85 ? IdentitySpace.ip(p.id() * 2) : null;
        String phone = r.nextInt(100) < 40 ? phone(p, c.agency, r) : null;
        String name = switch (r.nextInt(4)) {
            case 0 -> p.fullName().toUpperCase(Locale.ROOT);
            case 1 -> p.given().charAt(0) + " " + p.surname();
            default -> p.fullName();
        };
        List<String> labels = new ArrayList<>(1);
        if (noise == Noise.EGRESS) {
            ip = noise.written();
        } else if (noise == Noise.LIBRARY || noise == Noise.EXAMPLE_EMAIL) {
            email = noise.writtenIn(c.agency.region(), r.nextBoolean());
        } else if (noise == Noise.TEST_CARD) {
            name = "TEST CARD";
        }
        if (noise != null) {
            labels.add(noise.label());
        }
        for (int i = 0; i < k; i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("amount", String.format(Locale.ROOT, "%d.%02d", 9 + r.nextInt(90), r.nextBoolean() ? 95 : 99));
            f.put("currency", c.agency.currency());
            f.put("merchant", c.merchant[0]);
            f.put("descriptor", c.merchant[1]);
            f.put("card_number", noise == Noise.TEST_CARD ? Noise.TEST_CARD.writtenIn(c.agency.region(), r.nextBoolean())
                    : IdentitySpace.written(card, cardStyle));
            f.put("cardholder_name", name);
            f.put("billing_address", p.street());
            f.put("city", p.town());
            f.put("postcode", p.postcode());
            if (email != null) {
                f.put("email", email);
            }
            if (ip != null) {
                f.put("ip", ip);
            }
            if (phone != null) {
                f.put("phone", phone);
            }
            out.record(f, labels);
        }
    }

    private void messages(CasePlan c, SyntheticPerson p, int k, int forced, SplittableRandom r, Emit out) {
        String platform = c.platforms.get(r.nextInt(c.platforms.size()));
        String contact = handle(p);
        String owner = c.owner.handle(platform);
        String ownerLabel = c.owner.accountLabel(platform);
        for (int i = 0; i < k; i++) {
            boolean fromOwner = i % 2 == 1 || r.nextInt(4) == 0;
            Map<String, Object> f = new LinkedHashMap<>();
            List<String> labels = new ArrayList<>(2);
            labels.add(ownerLabel);
            f.put("platform", platform);
            f.put("from", fromOwner ? owner : contact);
            f.put("to", fromOwner ? contact : owner);
            f.put("text", SyntheticPerson.pick(Catalogue.CHAT_LINES, r));
            if (fromOwner && (forced == 0 && i <= 1 || r.nextInt(3) == 0)) {
                f.put("ip", Noise.CGNAT.written()); // the handset's address behind the carrier's NAT
                labels.add(Noise.CGNAT.label());
            }
            out.record(f, labels);
        }
    }

    private void arrests(CasePlan c, SyntheticPerson p, int k, int forced, SplittableRandom r, Emit out) {
        int x = r.nextInt(1000);
        Noise noise = switch (forced) {
            case 0 -> Noise.NANP_FICTIONAL;
            default -> x < 5 ? Noise.NANP_FICTIONAL : null;
        };
        String phone = noise != null ? noise.writtenIn(c.agency.region(), false)
                : r.nextInt(100) < 60 ? phone(p, c.agency, r) : null;
        String email = r.nextInt(100) < 35 ? mailbox(p) : null;
        List<String> labels = noise == null ? List.of() : List.of(noise.label());
        SyntheticPerson as = p;
        for (int i = 0; i < k; i++) {
            String given = as.given();
            String dob = as.dob().toString();
            if (i > 0) {
                if (r.nextInt(10) < 3) {
                    given = SyntheticPerson.typo(given, r);
                }
                if (r.nextInt(10) < 2) {
                    dob = as.transposedDob();
                }
                if (r.nextBoolean()) {
                    as = as.moved(r, c.agency);
                }
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("given_name", given);
            f.put("surname", as.surname());
            f.put("dob", dob);
            f.put("sex", String.valueOf(as.sex()));
            f.put("address", as.street());
            f.put("city", as.town());
            f.put("postcode", as.postcode());
            if (phone != null) {
                f.put("phone", phone);
            }
            if (email != null) {
                f.put("email", email);
            }
            f.put("charges", SyntheticPerson.pick(Catalogue.CHARGES, r));
            out.record(f, labels);
        }
    }

    private void tip(CasePlan c, SyntheticPerson p, int forced, SplittableRandom r, Emit out) {
        int x = r.nextInt(100);
        Noise ipNoise = switch (forced) {
            case 0 -> Noise.EGRESS;
            case 2 -> Noise.CGNAT;
            case 3 -> Noise.DOC_IP;
            case 1, 4 -> null;
            default -> x < 15 ? Noise.EGRESS : x < 20 ? Noise.CGNAT : x < 23 ? Noise.DOC_IP : null;
        };
        int y = r.nextInt(100);
        Noise mailNoise = switch (forced) {
            case 1 -> Noise.LIBRARY;
            case 4 -> Noise.EXAMPLE_EMAIL;
            case 0, 2, 3 -> null;
            default -> y < 5 ? Noise.LIBRARY : y < 8 ? Noise.EXAMPLE_EMAIL : null;
        };
        List<String> labels = new ArrayList<>(2);
        String provider = Plan.provider(c.number);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("provider", provider);
        String incident = SyntheticPerson.pick(Catalogue.TIP_INCIDENTS, r);
        f.put("incident", incident);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("platform", SyntheticPerson.pick(Catalogue.CHAT_PLATFORMS, r));
        account.put("handle", handle(p));
        if (mailNoise != null) {
            account.put("email", mailNoise.writtenIn(c.agency.region(), r.nextBoolean()));
            labels.add(mailNoise.label());
        } else if (r.nextInt(100) < 60) {
            account.put("email", mailbox(p));
        }
        f.put("accounts", List.of(account));
        if (ipNoise != null) {
            f.put("ip", ipNoise.written());
            labels.add(ipNoise.label());
        } else if (r.nextInt(100) < 70) {
            f.put("ip", IdentitySpace.ip(p.id() * 2));
        }
        List<Map<String, Object>> files = new ArrayList<>();
        int n = 1 + r.nextInt(2);
        for (int i = 0; i < n; i++) {
            byte[] md5 = new byte[16];
            byte[] sha = new byte[32];
            Plan.nextBytes(r, md5);
            Plan.nextBytes(r, sha);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("name", "IMG_" + (1000 + r.nextInt(9000)) + ".jpg");
            file.put("md5", HexFormat.of().formatHex(md5));
            file.put("sha256", HexFormat.of().formatHex(sha));
            files.add(file);
        }
        f.put("files", files);
        f.put("text", "Reported by " + provider + ": " + incident + ".");
        out.record(f, labels);
    }
}
