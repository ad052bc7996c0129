package org.opencets.core.identifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The warning list of values never to correlate: example domains, test card numbers, fictional phone
 * ranges, documentation addresses, the hashes of an empty file. An identifier on the list is kept and
 * shown, with the list's reason, but links nothing. The built-in list is the resource
 * {@code org/opencets/core/identifier/stoplist.txt}; a deployment adds its own files in the same
 * grammar.
 *
 * <h2>File grammar</h2>
 * UTF-8 text, one entry per line:
 * <pre>
 *   file    = { line } ;
 *   line    = blank | comment | entry ;
 *   comment = "#" text ;                       a line whose first non-blank character is #
 *   entry   = TYPE WS PATTERN [ WS "#" REASON ] ;
 * </pre>
 * {@code TYPE} is an {@link IdentifierType#code() identifier type code}. {@code PATTERN} is the rest
 * of the line up to a {@code #} preceded by white space; {@code REASON} is shown to the investigator.
 * By type:
 * <ul>
 *   <li>{@code email}, {@code url}, {@code domain}: a value, or a glob in which {@code *} stands for
 *       any characters; compared in lower case with domains in punycode, against the identifier's
 *       value and its display form ({@code email *@example.com}, {@code domain *.example}). A
 *       pattern without {@code *} that normalises as its type is compared by normalised value, so
 *       {@code email J.Doe+x@googlemail.com} stops {@code jdoe@gmail.com}. A {@code domain} entry
 *       also stops the e-mail addresses at that domain and the URLs on that host.</li>
 *   <li>{@code phone}: an E.164 number, or a pattern of {@code +} and digits in which {@code ?}
 *       stands for one digit and {@code *} for any digits ({@code phone +447700900???}).</li>
 *   <li>{@code ip}: an address or a CIDR range ({@code ip 192.0.2.0/24}); a range also stops URLs
 *       whose host is in it.</li>
 *   <li>{@code card}: a card number, hashed with the deployment's {@link CardHasher} when the list is
 *       loaded; only the hash and the masked form are kept. A card entry therefore matches only
 *       identifiers hashed under the same key.</li>
 *   <li>{@code account}, {@code device}, {@code file_hash}, {@code pdq}: one value, normalised as
 *       {@link Identifiers#normalise} does, compared by value.</li>
 * </ul>
 * A line that does not parse stops loading with an {@link IllegalArgumentException} naming the file
 * and line (and, for a card entry, never the number). When several entries match, {@link #reason}
 * names the first, in load order (built-in list first).
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Stoplist {
    /** The classpath location of the built-in list. */
    public static final String BUILT_IN_RESOURCE = "org/opencets/core/identifier/stoplist.txt";
    private static final Pattern PHONE_PATTERN = Pattern.compile("\\+[0-9?*]+");

    /**
     * One line of a list.
     *
     * @param key   for an entry compared by exact value, that value (a card's hash); else null
     * @param shown the pattern as it may be displayed (a card masked)
     * @param glob  for a glob entry, the compiled pattern; else null
     * @param range for an ip entry, the range; else null
     * @param order position in load order
     */
    private record Entry(IdentifierType type, String key, String shown, String source, int line, String comment,
                         Pattern glob, IpRange range, int order) {
        String describe() {
            return source + " line " + line + ": " + type.code() + " " + shown + (comment.isEmpty() ? "" : " (" + comment + ")");
        }

        Entry at(int position) {
            return new Entry(type, key, shown, source, line, comment, glob, range, position);
        }
    }

    private final List<Entry> entries;
    /** Entries compared by exact value, keyed by {@code type:value}; the first entry per key. */
    private final Map<String, Entry> exact = new HashMap<>();
    /** Glob and range entries, in load order. */
    private final List<Entry> patterns = new ArrayList<>();

    private Stoplist(List<Entry> loaded) {
        List<Entry> all = new ArrayList<>(loaded.size());
        for (Entry e : loaded) {
            Entry placed = e.at(all.size());
            all.add(placed);
            if (placed.key() != null) {
                exact.putIfAbsent(placed.type().code() + ":" + placed.key(), placed);
            } else {
                patterns.add(placed);
            }
        }
        this.entries = List.copyOf(all);
    }

    /** The built-in list alone. */
    public static Stoplist builtIn(CardHasher hasher) {
        Objects.requireNonNull(hasher, "hasher");
        try (InputStream in = Stoplist.class.getClassLoader().getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in stoplist " + BUILT_IN_RESOURCE + " is missing from the classpath");
            }
            return new Stoplist(parse("built-in stoplist", new InputStreamReader(in, StandardCharsets.UTF_8), hasher));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in stoplist " + BUILT_IN_RESOURCE, e);
        }
    }

    /** The built-in list followed by each of the given files, in order. */
    public static Stoplist load(List<Path> extraFiles, CardHasher hasher) {
        Stoplist s = builtIn(hasher);
        for (Path p : extraFiles) {
            s = s.withFile(p, hasher);
        }
        return s;
    }

    /** This list followed by the entries of one more file. */
    public Stoplist withFile(Path file, CardHasher hasher) {
        Objects.requireNonNull(hasher, "hasher");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Entry> all = new ArrayList<>(entries);
            all.addAll(parse(file.toString(), r, hasher));
            return new Stoplist(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stoplist " + file + ": " + e.getMessage(), e);
        }
    }

    /** A list from text, for tests and for lists that do not live in files. */
    static Stoplist parse(String sourceName, String text, CardHasher hasher) {
        try {
            return new Stoplist(parse(sourceName, new java.io.StringReader(text), hasher));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The number of entries. */
    public int size() {
        return entries.size();
    }

    /** True when the identifier matches an entry and so must not link cases. */
    public boolean isStopped(Identifier id) {
        return reason(id) != null;
    }

    /**
     * Why the identifier is stopped: the first matching entry's source, line, pattern and reason, for
     * example {@code built-in stoplist line 40: domain example.com (RFC 2606 example domain)}; null
     * when it is not stopped.
     */
    public String reason(Identifier id) {
        Objects.requireNonNull(id, "id");
        Entry best = exact.get(id.key());
        // A domain entry also stops the e-mail addresses at that domain and URLs on that host.
        best = earlier(best, domainEntry(host(id)));
        if (id.type() == IdentifierType.EMAIL) {
            best = earlier(best, domainEntry(domainOfAddress(id.display())));
        }
        for (Entry e : patterns) {
            if (best != null && e.order() > best.order()) {
                break;
            }
            if (matches(e, id)) {
                best = e;
                break;
            }
        }
        return best == null ? null : best.describe();
    }

    private Entry domainEntry(String host) {
        return host == null ? null : exact.get(IdentifierType.DOMAIN.code() + ":" + host);
    }

    private static Entry earlier(Entry a, Entry b) {
        if (a == null) {
            return b;
        }
        return b == null || a.order() <= b.order() ? a : b;
    }

    private static boolean matches(Entry e, Identifier id) {
        switch (e.type()) {
            case IP -> {
                if (id.type() == IdentifierType.IP) {
                    return e.range().contains(IpAddresses.parse(id.value()));
                }
                if (id.type() == IdentifierType.URL) {
                    UrlNormaliser.Parts p = UrlNormaliser.parse(id.value());
                    return p.hostIsIp() && e.range().contains(IpAddresses.parse(p.host()));
                }
                return false;
            }
            case DOMAIN -> {
                String host = host(id);
                return host != null && e.glob().matcher(host).matches()
                        || id.type() == IdentifierType.EMAIL && e.glob().matcher(domainOfAddress(id.display())).matches();
            }
            default -> {
                return e.type() == id.type()
                        && (e.glob().matcher(id.value()).matches() || e.glob().matcher(id.display()).matches());
            }
        }
    }

    /** The domain an e-mail is at, a URL's named host, a domain itself; null otherwise. */
    private static String host(Identifier id) {
        return switch (id.type()) {
            case DOMAIN -> id.value();
            case EMAIL -> domainOfAddress(id.value());
            case URL -> {
                UrlNormaliser.Parts p = UrlNormaliser.parse(id.value());
                yield p.hostIsIp() ? null : p.host();
            }
            default -> null;
        };
    }

    private static String domainOfAddress(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    private static List<Entry> parse(String source, Reader reader, CardHasher hasher) throws IOException {
        List<Entry> out = new ArrayList<>();
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String s = line.strip();
            if (number == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
                s = s.substring(1).strip();
            }
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String comment = "";
            for (int i = 1; i < s.length(); i++) {
                if (s.charAt(i) == '#' && Character.isWhitespace(s.charAt(i - 1))) {
                    comment = s.substring(i + 1).strip();
                    s = s.substring(0, i).strip();
                    break;
                }
            }
            String[] parts = s.split("\\s+", 2);
            if (parts.length < 2) {
                throw bad(source, number, "expected 'TYPE VALUE', e.g. 'domain example.com'");
            }
            IdentifierType type;
            try {
                type = IdentifierType.fromCode(parts[0]);
            } catch (IllegalArgumentException e) {
                throw bad(source, number, "unknown identifier type " + Quoted.of(parts[0]) + "; expected one of "
                        + Arrays.stream(IdentifierType.values()).map(IdentifierType::code).toList());
            }
            try {
                out.add(entry(type, parts[1].strip(), source, number, comment, hasher));
            } catch (IllegalArgumentException e) {
                throw bad(source, number, e.getMessage());
            }
        }
        return out;
    }

    private static Entry entry(IdentifierType type, String pattern, String source, int line, String comment, CardHasher hasher) {
        return switch (type) {
            case EMAIL, URL, DOMAIN -> {
                String folded = foldPattern(type, pattern);
                if (folded.indexOf('*') < 0) {
                    try {
                        Identifier id = Identifiers.normalise(type, pattern, null);
                        yield new Entry(type, id.value(), id.value(), source, line, comment, null, null, 0);
                    } catch (InvalidIdentifierException e) {
                        // not a valid value (localhost, say): compared as written, below
                    }
                }
                yield new Entry(type, null, folded, source, line, comment, glob(folded), null, 0);
            }
            case PHONE -> {
                if (!PHONE_PATTERN.matcher(pattern).matches()) {
                    throw new IllegalArgumentException("phone entry " + Quoted.of(pattern)
                            + " must be + and digits, with ? for one digit and * for any digits, e.g. +447700900???");
                }
                if (pattern.indexOf('?') < 0 && pattern.indexOf('*') < 0) {
                    yield new Entry(type, pattern, pattern, source, line, comment, null, null, 0);
                }
                yield new Entry(type, null, pattern, source, line, comment, phoneGlob(pattern), null, 0);
            }
            case IP -> {
                IpRange range = IpRange.parse(pattern);
                yield new Entry(type, null, range.toString(), source, line, comment, null, range, 0);
            }
            case CARD -> {
                Identifier card = CardNumbers.normalise(pattern, hasher);
                yield new Entry(type, card.value(), card.display(), source, line, comment, null, null, 0);
            }
            case ACCOUNT, DEVICE, FILE_HASH, PDQ -> {
                Identifier id = Identifiers.normalise(type, pattern, null);
                yield new Entry(type, id.value(), id.value(), source, line, comment, null, null, 0);
            }
        };
    }

    /** Lower case; the part after the last '@' (e-mail) or the host (URL, domain) in punycode where it can be. */
    private static String foldPattern(IdentifierType type, String pattern) {
        String p = pattern.toLowerCase(Locale.ROOT);
        if (p.indexOf('*') < 0 && p.chars().allMatch(c -> c < 0x80)) {
            return p;
        }
        return switch (type) {
            case EMAIL -> {
                int at = p.lastIndexOf('@');
                yield at < 0 ? p : p.substring(0, at + 1) + toAscii(p.substring(at + 1));
            }
            case DOMAIN -> toAscii(p);
            default -> p;
        };
    }

    /** Converts each label that can be converted (a label that is just '*' stays). */
    private static String toAscii(String domain) {
        String[] labels = domain.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].chars().anyMatch(c -> c >= 0x80) && labels[i].indexOf('*') < 0) {
                try {
                    labels[i] = IDN.toASCII(labels[i], IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("label " + Quoted.of(labels[i]) + " is not a valid internationalised name");
                }
            }
        }
        return String.join(".", labels);
    }

    /** A glob where '*' is any run of characters and everything else is literal. */
    private static Pattern glob(String folded) {
        StringBuilder re = new StringBuilder();
        String[] pieces = folded.split("\\*", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            if (!pieces[i].isEmpty()) {
                re.append(Pattern.quote(pieces[i]));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static Pattern phoneGlob(String pattern) {
        StringBuilder re = new StringBuilder("\\+");
        for (char c : pattern.substring(1).toCharArray()) {
            re.append(switch (c) {
                case '?' -> "\\d";
                case '*' -> "\\d*";
                default -> String.valueOf(c);
            });
        }
        return Pattern.compile(re.toString());
    }

    private static IllegalArgumentException bad(String source, int line, String why) {
        return new IllegalArgumentException(source + " line " + line + ": " + why);
    }

    @Override
    public String toString() {
        return "Stoplist[" + entries.size() + " entries]";
    }
}
