package org.opencets.formats.irc;

/**
 * How the lines of an IRC log begin: the time stamp layout, one per file. The layout decides where the
 * date comes from: lines of {@link #TIME} and {@link #BRACKETED} carry only a time, those of
 * {@link #MONTH_DAY} a month and day without the year, {@link #ISO_TAB} (and bracketed stamps that
 * hold a date) the full date.
 */
enum Stamp {
    /** {@code HH:MM <nick> text} or {@code HH:MM:SS <nick> text}: irssi, XChat and HexChat without a date. */
    TIME("HH:MM <nick> text (irssi, XChat)"),
    /** {@code [HH:MM] <nick> text}, {@code [HH:MM:SS]}, {@code [YYYY-MM-DD HH:MM:SS]}: mIRC, eggdrop, ZNC, Ubuntu logs. */
    BRACKETED("[HH:MM] <nick> text (mIRC, eggdrop, ZNC, Ubuntu)"),
    /** {@code Mon DD HH:MM:SS <nick> text}: XChat and HexChat's default. */
    MONTH_DAY("Mon DD HH:MM:SS <nick> text (XChat, HexChat)"),
    /** {@code YYYY-MM-DD HH:MM:SS<TAB>nick<TAB>text}: WeeChat. */
    ISO_TAB("YYYY-MM-DD HH:MM:SS<TAB>nick<TAB>text (WeeChat)");

    final String layout;

    Stamp(String layout) {
        this.layout = layout;
    }
}
