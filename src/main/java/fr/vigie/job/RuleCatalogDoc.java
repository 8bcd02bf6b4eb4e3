package fr.vigie.job;

import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.messages.MessageCatalog;
import fr.vigie.audit.model.RuleInfo;
import java.util.Locale;
import java.util.stream.Collectors;

/** The rule catalogue as Markdown: what docs/rules.md holds for the standard pack. */
public final class RuleCatalogDoc {

    private RuleCatalogDoc() {}

    public static String markdown(RuleBase rules) {
        MessageCatalog messages = rules.messages();
        StringBuilder out = new StringBuilder();
        out.append("# Rule catalogue\n\n");
        out.append(
                "<!-- Generated from rules/ by RuleCatalogDocTest: run ./mvnw test"
                    + " -Dtest=RuleCatalogDocTest -Dvigie.updateDocs=true after changing a rule."
                    + " -->\n\n");
        out.append(
                "Every standard rule, with its stable id, severity, lever and parameters (defaults"
                        + " shown; a workspace can\n");
        out.append(
                "change them, see [workspace.md](workspace.md#rule-overrides)). Messages are in"
                        + " `rules/messages_fr.properties`\n");
        out.append(
                "and `rules/messages_en.properties`; each rule's tests sit beside it in a"
                        + " `.test.yaml` file.\n\n");
        out.append(
                "| Id | Title | Severity | Lever | Parameters | Version | Source |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (RuleInfo rule : rules.catalog()) {
            String params =
                    rule.params().entrySet().stream()
                            .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                            .collect(Collectors.joining(", "));
            out.append("| `")
                    .append(rule.id())
                    .append("` | ")
                    .append(messages.title(Locale.ENGLISH, rule.id()))
                    .append(" | ")
                    .append(rule.severity().code())
                    .append(" | ")
                    .append(rule.lever().code())
                    .append(" | ")
                    .append(params.isEmpty() ? "—" : params)
                    .append(" | ")
                    .append(rule.version())
                    .append(" | `")
                    .append(rule.location().file())
                    .append("` |\n");
        }
        out.append("\n## What each rule checks\n\n");
        for (RuleInfo rule : rules.catalog()) {
            out.append("### ")
                    .append(rule.id())
                    .append(" — ")
                    .append(messages.title(Locale.ENGLISH, rule.id()))
                    .append("\n\n");
            out.append(messages.get(Locale.ENGLISH, rule.id() + ".doc").orElse("")).append("\n\n");
            out.append("- Rule: *").append(rule.name()).append("*\n");
            out.append("- Needs: ")
                    .append(
                            rule.needs().isEmpty()
                                    ? "what every export carries (the deal's own fields and dates)"
                                    : rule.needs().stream()
                                                    .map(e -> "`" + e.code() + "`")
                                                    .collect(Collectors.joining(", "))
                                            + " (see [judging.md](judging.md): without them the"
                                            + " rule does not judge the deal)")
                    .append("\n");
            out.append("- Example (en): ")
                    .append(messages.message(Locale.ENGLISH, rule.id()))
                    .append("\n");
            out.append("- Exemple (fr) : ")
                    .append(messages.message(Locale.FRENCH, rule.id()))
                    .append("\n\n");
        }
        return out.toString();
    }
}
