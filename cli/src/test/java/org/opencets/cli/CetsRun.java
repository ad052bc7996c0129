package org.opencets.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One run of the command line in-process, as a user would type it, with CETS_HOME set to {@code home}. */
record CetsRun(int code, String out, String err) {
    static CetsRun in(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), Map.of("CETS_HOME", home.toString()));
        return new CetsRun(code, out.toString(), err.toString());
    }
}
