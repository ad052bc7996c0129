package org.opencets.bench.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.SplittableRandom;
import org.opencets.formats.read.LineInput;

/**
 * Writes a large synthetic chat log for {@link ReaderThroughput}: an irssi or WeeChat IRC log, or an
 * Android or iOS WhatsApp export, of about the size asked. The content is made to look like chat:
 * short messages of common words, about one in eight holding a number, one in a hundred an e-mail
 * address, fewer a phone number, URL or (Luhn-valid, synthetic) card number; IRC joins, quits and nick
 * changes; WhatsApp multi-line messages, attachments and system lines; senders from a pool of 300,
 * half of them phone numbers on WhatsApp. The same seed writes the same file.
 *
 * <p>With {@code --baseline FILE} it instead times reading the file's lines with the project's strict
 * {@link LineInput} and nothing else: the ceiling any line-based reader can reach on this machine, to
 * compare a reader's figure with in the same session.
 *
 * <p>With {@code --measure FORMAT FILE} it runs, in turns, that baseline and the reader (as
 * {@link ReaderThroughput} does, one thread, no store) and reports both by wall clock and by the
 * thread's CPU time: on a machine shared with other work, CPU time is the figure that says what one
 * core does, and the ratio of reader to baseline in the same run is the figure that travels.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package -pl bench -am
 * java -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.ChatLogSamples \
 *      --layout irssi --mb 600 --out /tmp/chat-irssi.log [--seed 20261121]
 * java -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.ChatLogSamples \
 *      --baseline /tmp/chat-irssi.log
 * java -Xmx1g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.ReaderThroughput \
 *      --format irc /tmp/chat-irssi.log
 * java -Xmx1g -cp 'bench/target/opencets-bench.jar:bench/target/lib/*' org.opencets.bench.formats.ChatLogSamples \
 *      --measure irc /tmp/chat-irssi.log [--runs 3]
 * </pre>
 *
 * Layouts: {@code irssi}, {@code weechat} (format irc); {@code android}, {@code ios} (format whatsapp).
 */
public final class ChatLogSamples {
    private static final String[] WORDS = ("the a to and of i you it is that in was for on are with he they be at one "
            + "have this from or had by not word but what some we can out other were all there when up use your how "
            + "said an each she which do their if will way about many then them would write like so these her long "
            + "make thing see him two has look more day could go come did my no most who over know than call first "
            + "people may down side been now find any new work part take get place made live where after back little "
            + "only round man year came show every good me give our under name very through just form much great "
            + "think say help low line before turn cause same mean differ move right boy old too does tell sentence "
            + "set three want air well also play small end put home read hand port large spell add even land here must "
            + "big high such follow act why ask men change went light kind off need house picture try us again animal "
            + "lol ok yeah hey thanks sure maybe tonight later brb haha nope cool idk").split(" ");
    private static final String[] NAMES = {"Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan",
            "Judy", "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Zoe"};

    private final SplittableRandom random;

    private ChatLogSamples(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        String layout = null;
        long mb = 0;
        Path out = null;
        Path baseline = null;
        String measure = null;
        int runs = 3;
        long seed = 20261121L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--layout" -> layout = args[++i];
                case "--mb" -> mb = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--baseline" -> baseline = Path.of(args[++i]);
                case "--measure" -> {
                    measure = args[++i];
                    baseline = Path.of(args[++i]);
                }
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (measure != null) {
            measure(measure, baseline, runs);
            return;
        }
        if (baseline != null) {
            baseline(baseline);
            return;
        }
        if (layout == null || mb <= 0 || out == null) {
            throw new IllegalArgumentException("usage: --layout irssi|weechat|android|ios --mb N --out FILE [--seed S]"
                    + " | --baseline FILE");
        }
        long t0 = System.nanoTime();
        long lines = new ChatLogSamples(seed).write(layout, mb * 1_000_000L, out);
        System.out.printf(Locale.ROOT, "%s: %,d bytes, %,d lines, layout %s, seed %d, %.1f s%n", out, Files.size(out), lines,
                layout, seed, (System.nanoTime() - t0) / 1e9);
    }

    private static void baseline(Path file) throws IOException {
        long bytes = Files.size(file);
        double best = 0;
        for (int run = 0; run < 4; run++) {
            long t0 = System.nanoTime();
            long n = 0;
            long chars = 0;
            try (LineInput in = new LineInput(Files.newInputStream(file), null, file.toString(), 16 << 20)) {
                while (in.next()) {
                    n++;
                    if (in.line() != null) {
                        chars += in.line().length();
                    }
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            if (run > 0) {
                best = Math.max(best, bytes / 1e6 / s);
                System.out.printf(Locale.ROOT, "lines only, run %d: %.2f s, %.1f MB/s (%,d lines, %,d chars)%n", run, s,
                        bytes / 1e6 / s, n, chars);
            }
        }
        System.out.printf(Locale.ROOT, "lines only (LineInput, strict UTF-8): best %.1f MB/s%n", best);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Wall and CPU seconds of one task on this thread. */
    private record Timing(double wall, double cpu, long count) {
    }

    private interface Task {
        long run() throws IOException;
    }

    private static Timing time(Task task) throws IOException {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = task.run();
        return new Timing((System.nanoTime() - t0) / 1e9, (THREADS.getCurrentThreadCpuTime() - c0) / 1e9, n);
    }

    private static long lines(Path file) throws IOException {
        long n = 0;
        try (LineInput in = new LineInput(Files.newInputStream(file), null, file.toString(), 16 << 20)) {
            while (in.next()) {
                n++;
            }
        }
        return n;
    }

    private static void measure(String format, Path file, int runs) throws IOException {
        org.opencets.formats.read.RecordReader reader = org.opencets.formats.read.Formats.installed().byName(format);
        org.opencets.core.identifier.IdentifierContext ctx = new org.opencets.core.identifier.IdentifierContext("GB",
                new org.opencets.core.identifier.CardHasher(new byte[32]));
        double mb = Files.size(file) / 1e6;
        System.out.printf(Locale.ROOT, "# %s on %s: %.1f MB; JDK %s; one thread; %d cores, load %.1f%n", format, file, mb,
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Task readAll = () -> {
            long[] n = new long[1];
            reader.read(org.opencets.formats.read.ReadSource.of(file, ctx), new org.opencets.formats.read.RecordSink() {
                @Override
                public void accept(org.opencets.core.record.ParsedRecord r) {
                    n[0]++;
                }

                @Override
                public void reject(long line, String reason) {
                    throw new IllegalStateException("line " + line + ": " + reason);
                }
            });
            return n[0];
        };
        time(() -> lines(file)); // warm-up of both, not counted
        time(readAll);
        for (int run = 1; run <= runs; run++) {
            Timing base = time(() -> lines(file));
            Timing read = time(readAll);
            System.out.printf(Locale.ROOT, "run %d: lines only %.1f MB/s CPU (%.1f wall); %s %.1f MB/s CPU (%.1f wall), "
                            + "%,.0f records/CPU-s, %,d records; reader/lines %.2f (CPU)%n", run, mb / base.cpu(),
                    mb / base.wall(), format, mb / read.cpu(), mb / read.wall(), read.count() / read.cpu(), read.count(),
                    base.cpu() / read.cpu());
        }
    }

    private long write(String layout, long bytes, Path out) throws IOException {
        LocalDateTime t = LocalDateTime.of(2023, 1, 1, 8, 0);
        long lines = 0;
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 20)) {
            CountingLine line = new CountingLine();
            if (layout.equals("irssi")) {
                w.write("--- Log opened Sun Jan 01 08:00:00 2023\n");
            }
            while (line.bytes < bytes) {
                LocalDateTime next = t.plusSeconds(5 + random.nextInt(90));
                if (layout.equals("irssi") && next.getDayOfYear() != t.getDayOfYear()) {
                    line.emit(w, String.format(Locale.ROOT, "--- Day changed %s",
                            next.format(java.time.format.DateTimeFormatter.ofPattern("EEE MMM dd yyyy", Locale.ENGLISH))));
                }
                t = next;
                switch (layout) {
                    case "irssi" -> irssi(w, line, t);
                    case "weechat" -> weechat(w, line, t);
                    case "android", "ios" -> whatsapp(w, line, t, layout.equals("ios"));
                    default -> throw new IllegalArgumentException("layout is one of irssi, weechat, android, ios");
                }
            }
            lines = line.count;
        }
        return lines;
    }

    /** Counts what it writes (ASCII-dominated; multi-byte characters are counted as one byte, close enough to size). */
    private static final class CountingLine {
        long bytes;
        long count;

        void emit(BufferedWriter w, String s) throws IOException {
            w.write(s);
            w.write('\n');
            bytes += s.length() + 1;
            count++;
        }
    }

    private String nick(int i) {
        return NAMES[i % NAMES.length].toLowerCase(Locale.ROOT) + (i / NAMES.length == 0 ? "" : "_" + i / NAMES.length);
    }

    private String text() {
        StringBuilder b = new StringBuilder(80);
        int words = 2 + random.nextInt(14);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(WORDS[random.nextInt(WORDS.length)]);
        }
        int r = random.nextInt(1000);
        if (r < 120) {
            b.append(" at ").append(1 + random.nextInt(12));
        } else if (r < 130) {
            b.append(' ').append(nick(random.nextInt(300))).append(random.nextInt(100)).append("@example.org");
        } else if (r < 134) {
            b.append(" call +44 7400 ").append(100000 + random.nextInt(900000));
        } else if (r < 137) {
            b.append(" see https://www.example.com/p/").append(random.nextInt(100000));
        } else if (r < 138) {
            b.append(" card ").append(card());
        }
        if (random.nextInt(50) == 0) {
            b.append(" ").append(":)");
        }
        return b.toString();
    }

    /** A synthetic Luhn-valid 16-digit number starting 4556 (never a real card by construction of the test). */
    private String card() {
        int[] d = new int[16];
        d[0] = 4;
        d[1] = 5;
        d[2] = 5;
        d[3] = 6;
        for (int i = 4; i < 15; i++) {
            d[i] = random.nextInt(10);
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            int v = d[14 - i];
            if (i % 2 == 0) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
        }
        d[15] = (10 - sum % 10) % 10;
        StringBuilder b = new StringBuilder(16);
        for (int v : d) {
            b.append(v);
        }
        return b.toString();
    }

    private void irssi(BufferedWriter w, CountingLine line, LocalDateTime t) throws IOException {
        String time = String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
        String nick = nick(random.nextInt(300));
        int r = random.nextInt(100);
        if (r < 85) {
            line.emit(w, time + " <" + (random.nextInt(10) == 0 ? "@" : " ") + nick + "> " + text());
        } else if (r < 90) {
            line.emit(w, time + "  * " + nick + " " + text());
        } else if (r < 94) {
            line.emit(w, time + " -!- " + nick + " [~" + nick + "@host-" + random.nextInt(1000) + ".example.net] has joined #example");
        } else if (r < 98) {
            line.emit(w, time + " -!- " + nick + " [~" + nick + "@81.2.69." + random.nextInt(256) + "] has quit [Quit: " + text() + "]");
        } else {
            line.emit(w, time + " -!- " + nick + " is now known as " + nick(random.nextInt(300)));
        }
    }

    private void weechat(BufferedWriter w, CountingLine line, LocalDateTime t) throws IOException {
        String stamp = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        String nick = nick(random.nextInt(300));
        int r = random.nextInt(100);
        if (r < 85) {
            line.emit(w, stamp + "\t" + (random.nextInt(10) == 0 ? "@" : "") + nick + "\t" + text());
        } else if (r < 90) {
            line.emit(w, stamp + "\t *\t" + nick + " " + text());
        } else if (r < 94) {
            line.emit(w, stamp + "\t-->\t" + nick + " (~" + nick + "@host-" + random.nextInt(1000) + ".example.net) has joined #example");
        } else if (r < 98) {
            line.emit(w, stamp + "\t<--\t" + nick + " (~" + nick + "@81.2.69." + random.nextInt(256) + ") has quit (Quit: " + text() + ")");
        } else {
            line.emit(w, stamp + "\t--\t" + nick + " is now known as " + nick(random.nextInt(300)));
        }
    }

    private String sender(int i) {
        return i % 2 == 0 ? NAMES[i % NAMES.length] + " " + (char) ('A' + i / NAMES.length % 26) + "."
                : "+44 7400 " + (100000 + i * 2711 % 900000);
    }

    private void whatsapp(BufferedWriter w, CountingLine line, LocalDateTime t, boolean ios) throws IOException {
        String head = ios
                ? String.format(Locale.ROOT, "[%02d/%02d/%04d, %02d:%02d:%02d] ", t.getDayOfMonth(), t.getMonthValue(),
                        t.getYear(), t.getHour(), t.getMinute(), t.getSecond())
                : String.format(Locale.ROOT, "%02d/%02d/%04d, %02d:%02d - ", t.getDayOfMonth(), t.getMonthValue(),
                        t.getYear(), t.getHour(), t.getMinute());
        String sender = sender(random.nextInt(300));
        int r = random.nextInt(100);
        if (r < 86) {
            line.emit(w, head + sender + ": " + text());
        } else if (r < 94) {
            line.emit(w, head + sender + ": " + text());
            int more = 1 + random.nextInt(3);
            for (int i = 0; i < more; i++) {
                line.emit(w, text());
            }
        } else if (r < 98) {
            line.emit(w, ios ? "\u200E" + head + sender + ": \u200E<attached: " + String.format(Locale.ROOT,
                    "%08d-PHOTO-%04d-%02d-%02d.jpg>", random.nextInt(100000), t.getYear(), t.getMonthValue(), t.getDayOfMonth())
                    : head + sender + ": " + String.format(Locale.ROOT, "IMG-%04d%02d%02d-WA%04d.jpg (file attached)",
                    t.getYear(), t.getMonthValue(), t.getDayOfMonth(), random.nextInt(10000)));
        } else if (r < 99) {
            line.emit(w, ios ? head + "Group: \u200E" + sender + " added " + sender(random.nextInt(300))
                    : head + sender + " added " + sender(random.nextInt(300)));
        } else {
            line.emit(w, ios ? head + "Group: \u200E" + sender + " left" : head + sender + " left");
        }
    }
}
