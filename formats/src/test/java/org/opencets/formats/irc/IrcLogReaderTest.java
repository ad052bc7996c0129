package org.opencets.formats.irc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencets.core.identifier.IdentifierType;
import org.opencets.core.record.Mention;
import org.opencets.core.record.ParsedRecord;
import org.opencets.core.record.RecordKind;
import org.opencets.formats.read.BadInputException;
import org.opencets.formats.testing.ReaderHarness;

/** Each client's layout, events, dates and channels. */
class IrcLogReaderTest {
    final IrcLogReader reader = new IrcLogReader();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = IrcLogReaderTest.class.getResourceAsStream("/irc/" + name)) {
            return in.readAllBytes();
        }
    }

    ReaderHarness.Result read(String name) throws IOException {
        return ReaderHarness.read(reader, name, resource(name));
    }

    static ReaderHarness.Result read(String name, String text, Map<String, String> options) throws IOException {
        return ReaderHarness.read(new IrcLogReader(), name, text.getBytes(StandardCharsets.UTF_8), null, options);
    }

    static List<String> accounts(ParsedRecord r) {
        return r.mentions().stream().filter(m -> m.identifier().type() == IdentifierType.ACCOUNT)
                .map(m -> m.role() + "=" + m.identifier().value()).toList();
    }

    static List<String> found(ParsedRecord r) {
        return r.mentions().stream().filter(m -> m.identifier().type() != IdentifierType.ACCOUNT)
                .map(m -> m.identifier().type().code() + ":" + m.identifier().value()).toList();
    }

    @Test
    void irssiMessagesActionsEventsAndDayChange() throws IOException {
        ReaderHarness.Result r = read("irssi-#example.log");
        assertThat(r.rejected).isEmpty();
        assertThat(r.warnings).isEmpty();
        List<ParsedRecord> recs = r.records;
        assertThat(recs).extracting(ParsedRecord::kind).containsExactly(RecordKind.EVENT, RecordKind.MESSAGE,
                RecordKind.MESSAGE, RecordKind.MESSAGE, RecordKind.EVENT, RecordKind.EVENT, RecordKind.EVENT,
                RecordKind.EVENT, RecordKind.MESSAGE);
        assertThat(recs).extracting(ParsedRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L);
        ParsedRecord join = recs.get(0);
        assertThat(join.fields()).containsEntry("event", "join").containsEntry("nick", "darkstar")
                .containsEntry("channel", "#example").containsEntry("userhost", "~ds@198.51.100.7");
        assertThat(accounts(join)).containsExactly("participant=irc:darkstar");
        assertThat(found(join)).containsExactly("ip:198.51.100.7");
        ParsedRecord mail = recs.get(1);
        assertThat(mail.occurredAt()).isEqualTo("2024-03-04T22:01:00");
        assertThat(mail.fields()).containsEntry("from", "darkstar").containsEntry("type", "message")
                .containsEntry("platform", "irc").containsEntry("text", "mail me at Dark.Star@example.org");
        assertThat(accounts(mail)).containsExactly("sender=irc:darkstar");
        assertThat(found(mail)).containsExactly("email:dark.star@example.org");
        Mention email = mail.mentions().get(1);
        assertThat(email.field()).isEqualTo("text");
        assertThat(email.start()).isEqualTo(11);
        assertThat(found(recs.get(2))).containsExactly("phone:+442079460018");
        assertThat(recs.get(3).fields()).containsEntry("type", "action").containsEntry("from", "bluebird")
                .containsEntry("text", "waves");
        ParsedRecord nick = recs.get(4);
        assertThat(nick.fields()).containsEntry("event", "nick").containsEntry("old_nick", "darkstar")
                .containsEntry("new_nick", "nightowl");
        assertThat(accounts(nick)).containsExactly("old_nick=irc:darkstar", "new_nick=irc:nightowl");
        assertThat(recs.get(5).fields()).containsEntry("event", "quit").containsEntry("reason", "Quit: bye");
        assertThat(recs.get(6).fields()).containsEntry("event", "other");
        assertThat(recs.get(7).fields()).containsEntry("event", "part").containsEntry("reason", "later");
        ParsedRecord after = recs.get(8);
        assertThat(after.occurredAt()).isEqualTo("2024-03-05T00:10:00");
        assertThat(found(after)).containsExactly("url:http://www.example.com/pics");
        assertThat(recs.get(1).offset()).isEqualTo(resource("irssi-#example.log").length - new String(
                resource("irssi-#example.log"), StandardCharsets.UTF_8).substring(
                new String(resource("irssi-#example.log"), StandardCharsets.UTF_8).indexOf("22:01")).getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void mircSessionLinesGiveDateAndChannelAndItsStarLinesAreEventsOrActions() throws IOException {
        ReaderHarness.Result r = read("mirc.log");
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(x -> x.fields().get("event") == null ? x.fields().get("type") : x.fields().get("event"))
                .containsExactly("other", "join", "message", "action", "nick", "quit");
        assertThat(r.records).allSatisfy(x -> assertThat(x.fields()).containsEntry("channel", "#lobby"));
        assertThat(r.records.get(2).occurredAt()).isEqualTo("2024-03-04T09:02:00");
        assertThat(r.records.get(5).fields()).containsEntry("reason", "Connection reset").containsEntry("nick", "nightowl");
        assertThat(found(r.records.get(1))).containsExactly("ip:203.0.113.9");
    }

    @Test
    void ubuntuLogsTakeTheDateFromTheFileName() throws IOException {
        ReaderHarness.Result r = read("ubuntu-2024-03-04.txt");
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).hasSize(6);
        assertThat(r.records.get(0).occurredAt()).isEqualTo("2024-03-04T00:01:00");
        assertThat(accounts(r.records.get(2))).containsExactly("old_nick=irc:bluebird", "new_nick=irc:bluebird_");
        assertThat(found(r.records.get(3))).containsExactly("email:bb@example.org");
        assertThat(r.records.get(4).fields()).containsEntry("type", "action");
        assertThat(r.records.get(5).fields()).containsEntry("event", "quit").containsEntry("reason", "Ping timeout: 240 seconds");
    }

    @Test
    void eggdropSentencesWithoutMarkers() throws IOException {
        ReaderHarness.Result r = ReaderHarness.read(reader, "eggdrop.log", resource("eggdrop.log"), null, Map.of("date", "2024-03-04", "channel", "#lobby", "network", "libera"));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(x -> x.fields().get("event") == null ? x.fields().get("type") : x.fields().get("event"))
                .containsExactly("join", "message", "action", "nick", "part", "quit");
        assertThat(r.records.get(0).occurredAt()).isEqualTo("2024-03-04T10:00:01");
        assertThat(r.records.get(0).fields()).containsEntry("network", "libera").containsEntry("channel", "#lobby");
        assertThat(accounts(r.records.get(3))).containsExactly("old_nick=irc:darkstar", "new_nick=irc:nightowl");
        assertThat(r.records.get(4).fields()).containsEntry("reason", "gone");
        assertThat(r.records.get(5).fields()).containsEntry("reason", "Quit: bye").containsEntry("nick", "bluebird");
    }

    @Test
    void hexchatMonthDayStampsTakeTheYearFromTheLoggingLineAndRollIntoTheNextYear() throws IOException {
        ReaderHarness.Result r = read("hexchat.log");
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(ParsedRecord::occurredAt).containsExactly("2023-12-31T23:58:10",
                "2023-12-31T23:59:00", "2023-12-31T23:59:30", "2024-01-01T00:00:05", "2024-01-01T00:01:00");
        assertThat(r.records.get(1).fields()).containsEntry("text", "happy new year").containsEntry("from", "darkstar");
        assertThat(r.records.get(2).fields()).containsEntry("type", "action").containsEntry("text", "throws confetti");
        assertThat(r.records.get(3).fields()).containsEntry("event", "nick");
        assertThat(r.records.get(4).fields()).containsEntry("event", "part");
    }

    @Test
    void weechatTabsFullDatesAndChannelFromTheFileName() throws IOException {
        ReaderHarness.Result r = read("irc.libera.#example.weechatlog");
        assertThat(r.rejected).isEmpty();
        List<ParsedRecord> recs = r.records;
        assertThat(recs).hasSize(6);
        assertThat(recs.get(0).fields()).containsEntry("event", "join").containsEntry("channel", "#example");
        assertThat(found(recs.get(0))).containsExactly("ip:2001:db8::7");
        ParsedRecord card = recs.get(1);
        assertThat(card.fields()).containsEntry("from", "darkstar");
        assertThat(card.fields().get("text").toString()).doesNotContain("4111 1111 1111 1111").contains("…");
        assertThat(card.mentions()).anySatisfy(m -> assertThat(m.identifier().type()).isEqualTo(IdentifierType.CARD));
        assertThat(card.toString()).doesNotContain("4111 1111 1111 1111");
        assertThat(recs.get(2).fields()).containsEntry("type", "action").containsEntry("from", "darkstar");
        assertThat(accounts(recs.get(3))).containsExactly("old_nick=irc:darkstar", "new_nick=irc:nightowl");
        assertThat(recs.get(4).fields()).containsEntry("event", "other");
        assertThat(recs.get(5).fields()).containsEntry("event", "quit").containsEntry("reason", "Remote host closed the connection");
        assertThat(recs.get(5).occurredAt()).isEqualTo("2024-03-04T10:00:05");
    }

    @Test
    void nicksFoldByTheIrcCaseMapping() throws IOException {
        ReaderHarness.Result r = read("x-2024-03-04.log", "10:00 <Dark[Star]> a\n10:01 <dark{star}> b\n", Map.of());
        assertThat(r.records).extracting(x -> x.mentions().get(0).identifier().value()).containsOnly("irc:dark{star}");
    }

    @Test
    void aTimeOnlyLineWithoutADateIsAClearErrorNamingDateOption() {
        assertThatThrownBy(() -> read("chat.log", "10:00 <a> hi\n", Map.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("chat.log:1:").hasMessageContaining("--date");
        assertThatThrownBy(() -> read("chat.log", "10:00 <a> hi\n", Map.of("date", "2024-02-30")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--date '2024-02-30' is not a date");
    }

    @Test
    void midnightRollOverWithoutADayChangeLineIsInferredAndReported() throws IOException {
        ReaderHarness.Result r = read("chat.log", "23:58 <a> one\n23:10 <a> clock put back an hour or less? no, 48 min\n00:03 <b> two\n00:02 <b> out of order\n",
                Map.of("date", "2024-02-28"));
        assertThat(r.records).extracting(ParsedRecord::occurredAt).containsExactly("2024-02-28T23:58:00",
                "2024-02-28T23:10:00", "2024-02-29T00:03:00", "2024-02-29T00:02:00");
        assertThat(r.warnings).singleElement().asString().startsWith("1 change(s) of day inferred");
    }

    @Test
    void impossibleDatesAndTimesAreRejectedWithLineAndReason() throws IOException {
        ReaderHarness.Result r = read("chat.log", "--- Log opened Mon Mar 04 10:00:00 2024\n10:00 <a> ok\n25:61 <a> bad time\n"
                + "--- Day changed Sat Feb 31 2024\n2024-02-31 10:00:00\tx\ty\n", Map.of());
        assertThat(r.records).hasSize(1);
        assertThat(r.rejected).containsExactly("3: impossible time 25:61", "4: impossible date in 'Sat Feb 31 2024'",
                "5: impossible date 2024-02-31");
        ReaderHarness.Result w = read("w.weechatlog", "2024-02-31 10:00:00\tx\ty\n", Map.of());
        assertThat(w.rejected).containsExactly("1: impossible date 2024-02-31");
    }

    @Test
    void aLineInAnotherLayoutOrNotAnIrcLineIsRejected() throws IOException {
        ReaderHarness.Result r = read("c.log", "[10:00] <a> one\n10:01 <a> two\nhello there\n", Map.of("date", "2024-01-01"));
        assertThat(r.records).hasSize(1);
        assertThat(r.rejected).containsExactly(
                "2: the line does not follow the layout of this file ([HH:MM] <nick> text (mIRC, eggdrop, ZNC, Ubuntu), from line 1)",
                "3: not an IRC log line: expected the layout of this file, [HH:MM] <nick> text (mIRC, eggdrop, ZNC, Ubuntu)");
    }

    @Test
    void noticesAndKicks() throws IOException {
        ReaderHarness.Result r = read("c.log", """
                10:00 -NickServ(NickServ@services.)- You are now identified
                10:01 -!- bluebird was kicked from #example by darkstar [spam]
                10:02 -!- Irssi: Join to #example was synced in 1 secs
                """, Map.of("date", "2024-01-01"));
        assertThat(r.rejected).isEmpty();
        assertThat(r.records.get(0).fields()).containsEntry("type", "notice").containsEntry("from", "NickServ")
                .containsEntry("text", "You are now identified");
        assertThat(accounts(r.records.get(1))).containsExactly("kicked=irc:bluebird", "kicked_by=irc:darkstar");
        assertThat(r.records.get(1).fields()).containsEntry("reason", "spam");
        assertThat(r.records.get(2).fields()).containsEntry("event", "other");
    }

    @Test
    void zncLinesAndTimesWithSeconds() throws IOException {
        ReaderHarness.Result r = read("#lobby_20240304.log", """
                [10:00:00] *** Joins: darkstar (ds@81.2.69.160)
                [10:00:05] <darkstar> hi
                [10:00:09] *** Quits: darkstar (ds@81.2.69.160) (Quit: bye)
                [10:00:10] *** Parts: bluebird (bb@host.example) (gone)
                """, Map.of());
        assertThat(r.rejected).isEmpty();
        assertThat(r.records).extracting(x -> x.fields().get("event") == null ? x.fields().get("type") : x.fields().get("event"))
                .containsExactly("join", "message", "quit", "part");
        assertThat(r.records.get(0).fields()).containsEntry("channel", "#lobby").containsEntry("userhost", "ds@81.2.69.160");
        assertThat(found(r.records.get(0))).containsExactly("ip:81.2.69.160");
        assertThat(r.records.get(2).fields()).containsEntry("reason", "Quit: bye");
        assertThat(r.records.get(3).fields()).containsEntry("reason", "gone").containsEntry("nick", "bluebird");
        ReaderHarness.Result xchat = read("x.log", "10:00:05 <a>\thi there\n", Map.of("date", "2024-03-04"));
        assertThat(xchat.records.get(0).occurredAt()).isEqualTo("2024-03-04T10:00:05");
        assertThat(xchat.records.get(0).fields()).containsEntry("text", "hi there");
    }

    @Test
    void theChannelOptionWinsOverTheFileName() throws IOException {
        ReaderHarness.Result r = read("#a.2024-03-04.log", "10:00 <x> y\n", Map.of("channel", "#b"));
        assertThat(r.records.get(0).fields()).containsEntry("channel", "#b");
        assertThat(IrcFile.channelFromName("#a.2024-03-04.log")).isEqualTo("#a");
        assertThat(IrcFile.channelFromName("#chan_20240304.log")).isEqualTo("#chan");
        assertThat(IrcFile.channelFromName("irc.libera.#example.weechatlog")).isEqualTo("#example");
        assertThat(IrcFile.channelFromName("notes.txt")).isNull();
    }
}
