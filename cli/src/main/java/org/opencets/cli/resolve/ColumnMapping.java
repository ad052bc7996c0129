package org.opencets.cli.resolve;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks {@code --column attribute=header} mappings: a usage error names the unknown attribute. */
final class ColumnMapping {
    private ColumnMapping() {
    }

    static Map<String, String> validated(CommandSpec spec, Map<String, String> columns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : columns.entrySet()) {
            String key = PersonCsv.normaliseHeader(e.getKey());
            String attribute = PersonCsv.ATTRIBUTES.contains(key) ? key : PersonCsv.KNOWN_COLUMNS.get(key);
            if (attribute == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Unknown attribute '" + e.getKey()
                        + "' in --column; expected one of " + PersonCsv.ATTRIBUTES);
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--column " + e.getKey()
                        + "= needs a header name after '='");
            }
            out.put(attribute.toLowerCase(Locale.ROOT), e.getValue());
        }
        return out;
    }
}
