package org.opencets.app.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencets.core.cases.Sharing;

/** One case of the scenario as planned: who owns it, what file it gets, how many records, what is planted in it. */
final class CasePlan {
    /** The kinds of case, each with the file format its evidence is written in. */
    enum Kind {
        PAYMENTS("transactions-csv", "transaction"),
        CHAT("jsonl", "message"),
        ARRESTS("arrests-csv", "arrest"),
        TIPS("jsonl", "tip");

        final String format;
        final String recordKind;

        Kind(String format, String recordKind) {
            this.format = format;
            this.recordKind = recordKind;
        }
    }

    /**
     * A record placed by the plan.
     *
     * @param time     when it happened, epoch seconds; its place in the file follows from it
     * @param offender the planted person it belongs to
     * @param fields   the record's fields in canonical names, without the time
     * @param labels   the canonical labels of every identifier in it that another case may share
     */
    record Planted(long time, Offender offender, Map<String, Object> fields, List<String> labels) {
    }

    final int agencyIndex;
    final Catalogue.AgencyDef agency;
    final Kind kind;
    final String number;
    final String title;
    final Sharing sharing;
    final String file;
    final long start;
    final long end;
    /** Chat: the seized device's two messaging platforms. */
    final List<String> platforms;
    /** Payments: merchant name and descriptor. */
    final String[] merchant;
    /** Chat: the owner of the seized device, whose accounts are in every message. */
    Offender owner;
    /** Records of the background population (planted records come on top). */
    long backgroundRecords;
    final List<Planted> planted = new ArrayList<>();

    CasePlan(int agencyIndex, Catalogue.AgencyDef agency, Kind kind, String number, String title, Sharing sharing,
             String file, long start, long end, List<String> platforms, String[] merchant) {
        this.agencyIndex = agencyIndex;
        this.agency = agency;
        this.kind = kind;
        this.number = number;
        this.title = title;
        this.sharing = sharing;
        this.file = file;
        this.start = start;
        this.end = end;
        this.platforms = platforms;
        this.merchant = merchant;
    }

    String qualified() {
        return agency.code() + "/" + number;
    }

    long records() {
        return backgroundRecords + planted.size();
    }
}
