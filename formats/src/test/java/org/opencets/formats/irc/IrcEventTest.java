package org.opencets.formats.irc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written fast path for joins, parts and quits reads exactly what the patterns read. */
class IrcEventTest {
    @Provide
    Arbitrary<String> sentences() {
        Arbitrary<String> nick = Arbitraries.of("darkstar", "@op", "+v", "a", "[x]", "");
        Arbitrary<String> uh = Arbitraries.of("[~ds@198.51.100.7]", "(~ds@host.example)", "[]", "()", "[a b]", "(x@y",
                "[x@y)", "", "x@y");
        Arbitrary<String> verb = Arbitraries.of("has joined #c", "has joined", "has joined #c extra", "has left #c",
                "has left #c [bye]", "has left #c (bye now)", "has left #c bye", "has left", "has quit",
                "has quit [Quit: bye]", "has quit (Ping timeout: 240 seconds)", "has quit bye", "has quit []",
                "has kicked x", "is now known as y", "has joined #c [x]");
        return net.jqwik.api.Combinators.combine(nick, uh, verb).as((n, u, v) -> (n + " " + u + " " + v).replace("  ", " ").strip());
    }

    @Property(tries = 2000)
    void theFastPathAgreesWithThePatterns(@ForAll("sentences") String s) {
        IrcEvent fast = IrcEvent.common(s);
        if (fast != null) {
            assertThat(fast).as(s).isEqualTo(IrcEvent.byPatterns(s));
        }
    }

    @Test
    void theFastPathTakesTheCommonForms() {
        for (String s : List.of("darkstar [~ds@198.51.100.7] has joined #example", "bb (~bb@h) has quit (Quit: bye)",
                "x [~x@h] has left #c [later]", "x [~x@h] has quit")) {
            assertThat(IrcEvent.common(s)).as(s).isNotNull().isEqualTo(IrcEvent.byPatterns(s));
        }
    }
}
