package fr.vigie.audit.engine;

import fr.vigie.common.Location;
import java.util.HashMap;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * Where each rule is declared ({@code rules/x.drl:12:1}), read from the parse tree of Drools' own
 * DRL parser: a compiled rule carries its package and name, not its place in a file.
 */
final class RuleLocations {

    private final Map<String, Location> byRule = new HashMap<>();
    private final Map<String, String> fileOfPackage = new HashMap<>();
    private final Map<String, Integer> syntaxErrorColumns = new HashMap<>();

    /** Records the rules declared in one DRL file. */
    void add(String file, String text) {
        DrlParser parser = new DrlParser();
        PackageDescr drl;
        try {
            drl = parser.parse(null, text);
        } catch (DroolsParserException e) {
            return;
        }
        for (DroolsError error : parser.getErrors()) {
            if (error instanceof ParserError syntax && syntax.getRow() > 0) {
                syntaxErrorColumns.putIfAbsent(
                        file + '\u0000' + syntax.getRow(), syntax.getCol() + 1);
            }
        }
        if (drl == null) {
            return;
        }
        String pack = drl.getName() == null ? "" : drl.getName();
        fileOfPackage.putIfAbsent(pack, file);
        for (RuleDescr rule : drl.getRules()) {
            byRule.putIfAbsent(
                    key(pack, rule.getName()),
                    rule.getLine() > 0
                            ? new Location(file, rule.getLine(), Math.max(1, rule.getColumn()))
                            : Location.of(file));
        }
    }

    /** Where the rule of this package and name is declared, or its package's file. */
    Location of(String pack, String name) {
        Location rule = byRule.get(key(pack == null ? "" : pack, name));
        if (rule != null) {
            return rule;
        }
        String file = fileOfPackage.get(pack == null ? "" : pack);
        return Location.of(file == null ? "rules" : file);
    }

    /**
     * The column of the syntax error the parser found on this line of the file, or 0: the
     * compiler's messages give the line only.
     */
    int syntaxErrorColumn(String file, int line) {
        return syntaxErrorColumns.getOrDefault(file + '\u0000' + line, 0);
    }

    private static String key(String pack, String name) {
        return pack + '\u0000' + name;
    }
}
