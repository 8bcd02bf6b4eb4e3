package fr.vigie.cli;

import fr.vigie.job.ListingTheRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie rules}: the rule catalogue, with the settings a workspace gives each rule. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        header = "Lists every rule with its severity, lever, parameters and what it checks.",
        description = {
            "Lists every rule: id, severity, lever, title, parameters with their values, and what"
                    + " it checks.",
            "With a WORKSPACE: its own rules too, and the settings its vigie.yaml and processes"
                    + " give each rule."
        })
final class RulesCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Mixin CommonOptions common;
    @Mixin OutputOption outputOption;
    @Mixin LanguageOption languageOption;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "WORKSPACE",
            description = "The client's workspace folder (optional).")
    Path workspace;

    @Override
    public Integer call() {
        String format = outputOption.format();
        if (!List.of("human", "json", "sarif").contains(format)) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "vigie rules lists rules, it finds nothing to annotate: --output takes human,"
                            + " json or sarif here (the rules as SARIF's tool.driver.rules), not '"
                            + format
                            + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        java.util.Locale language = languageOption.resolve(workspace);
        List<ListingTheRules.Entry> rules =
                new ListingTheRules().list(workspace, common.standardRules, language);
        if (!format.equals("human")) {
            Annotations.catalogue(format, rules, out);
            return ExitCodes.OK;
        }
        for (ListingTheRules.Entry rule : rules) {
            out.printf(
                    "%-32s %-9s %-16s %s%n",
                    rule.id(), rule.severity(), rule.lever(), rule.title());
            for (String line : rule.settings()) {
                out.printf("    %s%n", line);
            }
            if (rule.doc() != null) {
                out.printf("    %s%n", rule.doc());
            }
        }
        out.println(Language.console(language).get("rules.count", rules.size()));
        return ExitCodes.OK;
    }
}
