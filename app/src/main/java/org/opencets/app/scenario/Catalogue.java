package org.opencets.app.scenario;

import java.util.List;

/**
 * The built-in word lists the scenario draws from. Every name of a person, street, town, agency,
 * merchant and platform operator here is invented for the scenario; given names are ordinary ones,
 * surnames and places are made up so that no record reads like a real person's.
 *
 * <p>The lists are disjoint where identifiers are built from them: a background person's e-mail and
 * screen name are made of a given name, a surname and digits, an offender's of two nickname words
 * and digits, so no two people can be given the same mailbox or handle (checked by a test).
 */
final class Catalogue {
    private Catalogue() {
    }

    static final List<String> GIVEN_FEMALE = List.of(
            "Amelia", "Beatrix", "Clara", "Delphine", "Eleanor", "Freya", "Georgina", "Harriet", "Imogen", "Juliet",
            "Katarina", "Leonora", "Marisol", "Nadia", "Odette", "Penelope", "Rosalind", "Sabine", "Tamsin", "Ursula",
            "Valentina", "Winifred", "Yvette", "Zelda", "Annika", "Bronwen", "Cordelia", "Dagny", "Estelle", "Fenella",
            "Gwendolyn", "Hermione", "Isadora", "Jessamy", "Kirsten", "Lavinia", "Mirabel", "Noemi", "Ottilie", "Perpetua");

    static final List<String> GIVEN_MALE = List.of(
            "Alistair", "Bartholomew", "Cedric", "Dorian", "Evander", "Fitzgerald", "Gideon", "Horatio", "Ignatius", "Jasper",
            "Konrad", "Leopold", "Mortimer", "Nikolai", "Octavius", "Peregrine", "Quentin", "Rupert", "Sebastian", "Thaddeus",
            "Ulrich", "Valentin", "Wendell", "Xavier", "Ambrose", "Barnaby", "Cornelius", "Desmond", "Emrys", "Florian",
            "Gareth", "Hugo", "Isidore", "Jerome", "Kasimir", "Lysander", "Magnus", "Neville", "Oswin", "Percival");

    /** Invented surnames: plausible in English, rare or absent as real family names. */
    static final List<String> SURNAMES = List.of(
            "Ashcombe", "Brindlewood", "Corrowby", "Dunmere", "Elsworthy", "Fallowfield", "Gorsethorpe", "Hazelbrook",
            "Ivesdale", "Jollivet", "Kestrelby", "Larkmoor", "Marrowdale", "Nettlecombe", "Oakhurst", "Pembleworth",
            "Quillfeather", "Rushmere", "Saltonstall", "Thistlewood", "Umberleigh", "Vellacott", "Wexcombe", "Yarrowby",
            "Zennorwick", "Abbotsleigh", "Brackenholm", "Cindervale", "Dovecote", "Emberley", "Fernsby", "Glassbrook",
            "Hollowell", "Inchcombe", "Juniperwell", "Kingsmere", "Lindqvale", "Mistlethorn", "Northcott", "Orrinsby",
            "Pillerton", "Quarrendon", "Rivenhall", "Stonebridge", "Tolleshunt", "Upperwick", "Varnsworth", "Whitlingham",
            "Yelverstone", "Zouchmere", "Alderholt", "Bellcastle", "Copperfold", "Drakesby", "Eddleston", "Frostwick",
            "Greystoke", "Harrowgate", "Ironside", "Jessington", "Kettleby", "Lowestone", "Moorcroft", "Nightingdale",
            "Ormsworth", "Puddleston", "Quenby", "Ravensworth", "Shrewton", "Tilbury", "Ulverley", "Vanbrugh",
            "Wainscott", "Yardley", "Zetterholm", "Ambleside", "Blackthorn", "Carrowmore", "Dinsdale", "Eastwold");

    /** Nickname words for offenders' screen names and mailboxes; no word is a given name or surname. */
    static final List<String> NICK_FIRST = List.of(
            "quiet", "night", "grey", "velvet", "hollow", "silent", "amber", "cobalt", "frost", "ember",
            "lunar", "rusty", "misty", "shadow", "crimson", "stormy", "dusky", "pale", "wild", "iron",
            "copper", "violet", "ashen", "drift", "feral", "gloomy", "jade", "onyx", "rogue", "sable");

    static final List<String> NICK_SECOND = List.of(
            "fox", "owl", "heron", "crow", "wolf", "lynx", "tide", "moth", "raven", "otter",
            "finch", "hare", "viper", "stag", "badger", "falcon", "marten", "newt", "pike", "wren",
            "gecko", "kite", "mole", "puma", "rook", "sparrow", "toad", "weasel", "yak", "jackal");

    static final List<String> STREETS = List.of(
            "Larkspur Lane", "Wicklow Road", "Tansy Close", "Harebell Avenue", "Juniper Row", "Foxglove Street",
            "Mallow Crescent", "Sorrel Way", "Campion Drive", "Yarrow Court", "Bramble Hill", "Teasel Gardens",
            "Vetch Terrace", "Meadowsweet Road", "Burdock Lane", "Celandine Place", "Knapweed Street", "Lovage Mews");

    static final List<String> CHARGES = List.of(
            "possession of prohibited images", "distribution of prohibited images", "online enticement",
            "making indecent images", "breach of a sexual harm prevention order", "failure to register",
            "attempted meeting following grooming", "accessing prohibited material");

    static final List<String> CHAT_LINES = List.of(
            "are you online later", "ok", "send it again it did not load", "use the other app for that",
            "delete this chat after", "not tonight", "who else is in the group", "did you pay the site yet",
            "the link expired", "talk tomorrow", "same place as last time", "new account, the old one got banned",
            "do not use your real name there", "check the folder", "got it", "that is too risky",
            "i will add you on the other one", "wait for my message", "he left the group", "yes", "no",
            "lol", "where did you find that", "keep it private", "how much did it cost", "later");

    static final List<String> TIP_INCIDENTS = List.of(
            "apparent child sexual abuse material uploaded", "online enticement of a child reported by a user",
            "account shared prohibited files in a group", "suspicious payment to a flagged merchant",
            "user reported grooming conversation", "file matched a known hash list");

    static final List<String> PROVIDERS = List.of(
            "Chirpline", "Picnest", "Talkwave", "Boxdrop", "Streamlet", "Grouphaven");

    /** Card payment processors' merchant names and descriptors, letters only (descriptors are searched as text). */
    static final List<String[]> MERCHANTS = List.of(
            new String[] {"StreamPass Media Ltd", "SPX*STREAMPASS MEDIA"},
            new String[] {"Vaultview Access LLC", "VVA*VAULTVIEW ACCESS"},
            new String[] {"Pixelhaven Services", "PXH*PIXELHAVEN SVCS"},
            new String[] {"Lumen Members Club", "LMC*LUMEN MEMBERS"});

    /** Chat platforms whose handles the identifier rules compare without case. */
    static final List<String> CHAT_PLATFORMS = List.of("telegram", "discord", "kik", "snapchat", "skype", "instagram",
            "reddit", "twitter");

    /**
     * One fictional agency a scenario may use, with the region that phone numbers written in its
     * national form belong to.
     */
    record AgencyDef(String code, String name, String region, String currency, List<String> towns, String contactDomain) {
    }

    static final List<AgencyDef> AGENCIES = List.of(
            new AgencyDef("NRP", "Northshore Regional Police", "CA", "CAD",
                    List.of("Port Alder", "Kestrel Bay", "Mapleford", "Granite Falls"), "nrp.police.test"),
            new AgencyDef("EMC", "East Marches Constabulary", "GB", "GBP",
                    List.of("Wexbury", "Old Harrowby", "Saltmarsh", "Coldwater Cross"), "emc.police.test"),
            new AgencyDef("LPD", "Lakeport Police Department", "US", "USD",
                    List.of("Lakeport", "Cedar Hollow", "Fairhaven Flats", "Millbrook"), "lpd.police.test"),
            new AgencyDef("SVP", "Southvale Police", "AU", "AUD",
                    List.of("Southvale", "Wattle Creek", "Emu Downs", "Coral Heads"), "svp.police.test"),
            new AgencyDef("CSP", "Cascadia State Patrol", "US", "USD",
                    List.of("Rainier Gap", "Spruce Landing", "Tidewater", "Elk Prairie"), "csp.police.test"),
            new AgencyDef("WPP", "Westmoor Provincial Police", "CA", "CAD",
                    List.of("Westmoor", "Birch Narrows", "Prairie Rose", "Ironwood"), "wpp.police.test"),
            new AgencyDef("NCU", "Northern Counties Online Child Safety Unit", "GB", "GBP",
                    List.of("Fellhead", "Brackwater", "Kirkby Fold", "Highcastle"), "ncu.police.test"),
            new AgencyDef("ACT", "Austral Child Protection Taskforce", "AU", "AUD",
                    List.of("Banksia Point", "Red Gum Flat", "Kookaburra Hill", "Saltbush"), "act.police.test"));
}
