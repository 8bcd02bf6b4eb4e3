package fr.vigie.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --lang}: the language of what a command writes, the workspace's when not given. */
final class LanguageOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--lang",
            paramLabel = "fr|en",
            description =
                    "Language of what the command writes, console included (default: the"
                            + " workspace's, else fr).")
    String lang;

    /**
     * The run's language, that of the whole console: --lang, else the workspace's ({@code
     * language:} of vigie.yaml), else French. The entry point tells errors in it too.
     */
    Locale resolve(java.nio.file.Path workspace) {
        Locale asked = language();
        Locale language =
                asked != null ? asked : fr.vigie.workspace.WorkspaceLoader.language(workspace);
        ((VigieCommand) spec.root().userObject()).language(language);
        return language;
    }

    /** The language asked for, or null for the workspace's. */
    Locale language() {
        if (lang == null) {
            return null;
        }
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "fr" -> Locale.FRENCH;
            case "en" -> Locale.ENGLISH;
            default ->
                    throw new ParameterException(
                            spec.commandLine(),
                            "--lang must be fr or en, not '"
                                    + lang
                                    + "'"
                                    + fr.vigie.common.DidYouMean.hint(
                                            lang, java.util.List.of("fr", "en")));
        };
    }
}
