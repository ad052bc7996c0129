package org.opencets.formats.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
    @Test
    void tagsGoLinksAndEntitiesStay() {
        String text = HtmlText.strip("<p class=x>A&amp;B &lt;c&gt; &#233;&#xE9; &bogus; <a HREF='https://example.net/?a=1&amp;b=2'>link</a>"
                + "<img src=http://example.com/i.png></p><SCRIPT>x@y.example</SCRIPT><style>.a{}</style>end");
        assertThat(text).contains("A&B <c> éé &bogus;").contains("https://example.net/?a=1&b=2").contains("link")
                .contains("http://example.com/i.png").contains("end").doesNotContain("x@y.example").doesNotContain(".a{}");
    }

    @Test
    void brokenMarkupEndsTheTextRatherThanFailing() {
        assertThat(HtmlText.strip("ok <a href=\"unterminated")).isEqualTo("ok ");
        assertThat(HtmlText.strip("<!-- never closed")).isEmpty();
        assertThat(HtmlText.strip("<script>never closed")).isEqualTo(" ");
        assertThat(HtmlText.strip("&&&&#;&#x;&#99999999;")).isEqualTo("&&&&#;&#x;&#99999999;");
    }

    /** Quadratic scanning would take minutes here; the timeout only guards against a hang. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void manyOpenAngleBracketsAndAmpersandsDoNotRescanTheText() {
        String hostile = "&".repeat(200_000) + "<a ".repeat(200_000);
        assertThat(HtmlText.strip(hostile)).hasSize(200_000);
    }
}
