package fr.vigie.audit.engine.safety;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile rules of issue 13, and those an earlier checker already refused: each must come back
 * as a refusal at its file, line and column, before anything is compiled.
 */
class DrlSafetyTest {

    static List<String> check(String drl) {
        Problems problems = new Problems();
        DrlSafety.check("rules/x.drl", drl, problems);
        return problems.all().stream().map(Problem::toString).toList();
    }

    static final String HEADER =
            """
            package acme;
            import fr.vigie.deals.model.Deal;
            import fr.vigie.audit.facts.Violation;
            import fr.vigie.audit.facts.StageVisit;
            import fr.vigie.audit.facts.Param;
            import java.math.BigDecimal;
            """;

    /** A rule at line 7, its consequence's first line at 12. */
    static String rule(String when, String then) {
        return HEADER
                + """
                rule "A big deal names its economic buyer"
                    @id("ACME-1") @severity("major") @lever("process")
                when
                    $deal : Deal( amount != null, !hasField("decideur-economique") )
                """
                + when
                + "then\n    "
                + then
                + "\n"
                + "    insert(Violation.on($deal).with(\"note\", \"System.exit is only text"
                + " here\"));\n"
                + "end\n";
    }

    @Test
    void should_accept_a_rule_that_only_reasons_over_the_facts() {
        assertThat(
                        check(
                                rule(
                                        """
                                            $visit : StageVisit( stage == "proposition", days > 30, $days : days )
                                            Param( rule == "ACME-1", name == "amount", $min : decimalValue )
                                            eval( $deal.amount().compareTo($min) > 0 )
                                        """,
                                        "String where = $visit.label().toLowerCase();")))
                .isEmpty();
    }

    @Test
    void should_accept_the_example_of_the_rule_authors_guide() throws IOException {
        Matcher example =
                Pattern.compile("```drl\n(.*?)```", Pattern.DOTALL)
                        .matcher(Files.readString(Path.of("docs/writing-rules.md")));
        assertThat(example.find()).isTrue();
        assertThat(check(example.group(1))).isEmpty();
    }

    @Test
    void should_accept_the_deal_rules_of_the_standard_pack() throws IOException {
        // The standard pack is trusted (it ships with Vigie) and is not checked when compiled; its
        // deal
        // rules are held to the workspace's rules all the same. Its plan rules call helper
        // functions
        // (Amounts) and its report rules read the run's figures, which workspace rules never see.
        try (Stream<Path> files =
                Stream.of("rules/process", "rules/data")
                        .map(Path::of)
                        .flatMap(DrlSafetyTest::drl)) {
            for (Path file : files.toList()) {
                Problems problems = new Problems();
                DrlSafety.check(file.toString(), Files.readString(file), problems);
                assertThat(problems.all()).as(file.toString()).isEmpty();
            }
        }
    }

    private static Stream<Path> drl(Path folder) {
        try {
            return Files.list(folder).filter(f -> f.toString().endsWith(".drl")).sorted();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                // code execution
                Arguments.of(
                        "a function hiding System.exit behind a unicode escape",
                        HEADER + "function void wipe() { \\u0053ystem.exit(77); }\n",
                        List.of(
                                "rules/x.drl:7:1: 'function wipe' is not allowed",
                                "rules/x.drl:7:24: a unicode escape")),
                Arguments.of(
                        "a unicode-escaped quote ending a string early",
                        rule("", "String s = \"x\\u0022; System.exit(77); //\";"),
                        List.of(
                                "rules/x.drl:12:18: a unicode escape",
                                "rules/x.drl:12:21: 'System.exit' is not allowed")),
                Arguments.of(
                        "a text block",
                        rule("", "String s = \"\"\"\n      x\"\"\";"),
                        List.of("rules/x.drl:12:16: a text block is not allowed")),
                Arguments.of(
                        "reflection through string literals",
                        rule(
                                "",
                                "Deal.class.getClassLoader().loadClass(\"java.lang.System\").getMethod(\"exit\","
                                    + " int.class).invoke(null, 77);"),
                        List.of("rules/x.drl:12:5: '.class' (reflection) is not allowed")),
                Arguments.of(
                        "reflection from a fact",
                        rule("", "$deal.getClass().getClassLoader();"),
                        List.of(
                                "rules/x.drl:12:22: 'getClassLoader' is not allowed",
                                "rules/x.drl:12:11: 'getClass' is not allowed")),
                Arguments.of(
                        "MVEL reached directly",
                        rule(
                                "",
                                "org.mvel2.MVEL.eval(\"new"
                                        + " java.lang.ProcessBuilder('sh').start()\");"),
                        List.of("rules/x.drl:12:5: 'org.mvel2.MVEL.eval' is not allowed")),
                Arguments.of(
                        "MVEL through eval",
                        rule("    eval( org.mvel2.MVEL.eval(\"1\") != null )\n", ""),
                        List.of("rules/x.drl:11:11: 'org.mvel2.MVEL.eval' is not allowed")),
                Arguments.of(
                        "MVEL through a declare initializer",
                        HEADER + "declare Box\n  x : String = org.mvel2.MVEL.eval(\"1\")\nend\n",
                        List.of("rules/x.drl:8:7: the initial value of 'x' is not allowed")),
                Arguments.of(
                        "MVEL through inline accumulate code",
                        rule(
                                "    $n : Number() from accumulate( Deal( $a : amount ), init( int"
                                    + " c = 0; ), action( org.mvel2.MVEL.eval(\"1\"); ), result( c"
                                    + " ) )\n",
                                ""),
                        List.of("rules/x.drl:11:24: inline accumulate code")),
                Arguments.of(
                        "a file handler",
                        HEADER + "import java.util.logging.FileHandler;\n",
                        List.of(
                                "rules/x.drl:7:1: import of 'java.util.logging.FileHandler' is not"
                                        + " allowed")),
                Arguments.of(
                        "Commons IO by full name",
                        rule("", "org.apache.commons.io.FileUtils.deleteQuietly(null);"),
                        List.of(
                                "rules/x.drl:12:5: 'org.apache.commons.io.FileUtils.deleteQuietly'"
                                        + " is not allowed")),
                // hangs
                Arguments.of(
                        "an endless for in an action",
                        rule("", "for (;;) { }"),
                        List.of("rules/x.drl:12:5: a 'for' loop is not allowed")),
                Arguments.of(
                        "an endless stream",
                        rule("    $n : Long() from huge()\n", ""),
                        List.of("rules/x.drl:11:22: 'huge(...)' is not allowed")),
                Arguments.of(
                        "MVEL's until",
                        rule("", "until (false) { }")
                                .replace(
                                        "@lever(\"process\")",
                                        "@lever(\"process\") dialect \"mvel\""),
                        List.of(
                                "rules/x.drl:8:64: 'dialect' is not allowed",
                                "rules/x.drl:12:17: this code is not plain Java")),
                // silencing
                Arguments.of(
                        "a salience-1000 rule deleting the facts",
                        rule("    $visit : StageVisit()\n", "delete($visit); retract($deal);")
                                .replace(
                                        "@lever(\"process\")", "@lever(\"process\") salience 1000"),
                        List.of(
                                "rules/x.drl:8:65: 'salience' is not allowed",
                                "rules/x.drl:13:5: 'delete' is not allowed",
                                "rules/x.drl:13:21: 'retract' is not allowed")),
                Arguments.of(
                        "an agenda group",
                        rule("", "")
                                .replace(
                                        "@lever(\"process\")",
                                        "@lever(\"process\") agenda-group \"x\""),
                        List.of("rules/x.drl:8:69: 'agenda-group' is not allowed")),
                Arguments.of(
                        "a modify loop",
                        rule("", "modify($deal) { setAmount(null) };"),
                        List.of("rules/x.drl:12:17: this code is not plain Java")),
                Arguments.of(
                        "update",
                        rule("", "update($deal);"),
                        List.of("rules/x.drl:12:5: 'update' is not allowed")),
                // rule errors
                Arguments.of(
                        "a huge array",
                        rule("", "long[] a = new long[Integer.MAX_VALUE];"),
                        List.of("rules/x.drl:12:16: creating an array is not allowed")),
                Arguments.of(
                        "a huge string",
                        rule("", "String s = \"x\".repeat(Integer.MAX_VALUE);"),
                        List.of("rules/x.drl:12:20: 'repeat' is not allowed")),
                Arguments.of(
                        "a global",
                        HEADER + "global java.util.List out;\n",
                        List.of("rules/x.drl:7:1: 'global out' is not allowed")),
                Arguments.of(
                        "a query",
                        HEADER + "query deals() Deal() end\n",
                        List.of("rules/x.drl:7:1: 'query deals' is not allowed")),
                // the payloads an earlier checker refused, which must stay refused
                Arguments.of(
                        "System.exit by its simple name",
                        rule("", "System.exit(1);"),
                        List.of("rules/x.drl:12:5: 'System.exit' is not allowed")),
                Arguments.of(
                        "System.exit by its full name",
                        rule("", "java.lang.System.exit(1);"),
                        List.of("rules/x.drl:12:5: 'java.lang.System.exit' is not allowed")),
                Arguments.of(
                        "Runtime.exec",
                        rule("", "Runtime.getRuntime().exec(\"rm\");"),
                        List.of(
                                "rules/x.drl:12:26: 'exec' is not allowed",
                                "rules/x.drl:12:5: 'Runtime.getRuntime' is not allowed")),
                Arguments.of(
                        "ProcessBuilder",
                        rule("", "new ProcessBuilder(\"sh\").start();"),
                        List.of("rules/x.drl:12:5: 'new ProcessBuilder' is not allowed")),
                Arguments.of(
                        "Class.forName with concatenation",
                        rule("", "Class.forName(\"java.lang.\" + \"System\");"),
                        List.of("rules/x.drl:12:5: 'Class.forName' is not allowed")),
                Arguments.of(
                        "java.lang.reflect",
                        rule("", "java.lang.reflect.Array.newInstance(null, 1);"),
                        List.of(
                                "rules/x.drl:12:5: 'java.lang.reflect.Array.newInstance' is not"
                                        + " allowed")),
                Arguments.of(
                        "java.io",
                        rule("", "new java.io.File(\"/tmp/x\").delete();"),
                        List.of(
                                "rules/x.drl:12:32: 'delete' is not allowed",
                                "rules/x.drl:12:5: 'new java.io.File' is not allowed")),
                Arguments.of(
                        "java.nio",
                        rule("", "java.nio.file.Files.delete(null);"),
                        List.of("rules/x.drl:12:5: 'java.nio.file.Files.delete' is not allowed")),
                Arguments.of(
                        "Thread",
                        rule("", "new Thread().start();"),
                        List.of("rules/x.drl:12:5: 'new Thread' is not allowed")),
                Arguments.of(
                        "javax.script",
                        HEADER + "import javax.script.ScriptEngineManager;\n",
                        List.of(
                                "rules/x.drl:7:1: import of 'javax.script.ScriptEngineManager' is"
                                        + " not allowed")),
                Arguments.of(
                        "kcontext",
                        rule("", "kcontext.getKieRuntime().halt();"),
                        List.of(
                                "rules/x.drl:12:30: 'halt' is not allowed",
                                "rules/x.drl:12:5: 'kcontext' is not allowed in a workspace rule:"
                                        + " it reaches the rule engine")),
                Arguments.of(
                        "drools.halt",
                        rule("", "drools.halt();"),
                        List.of(
                                "rules/x.drl:12:5: 'drools' is not allowed in a workspace rule: it"
                                        + " reaches the rule engine")),
                Arguments.of(
                        "a lambda",
                        rule("", "java.util.List.of(1).forEach(x -> {});"),
                        List.of(
                                "rules/x.drl:12:26: 'forEach' is not allowed",
                                "rules/x.drl:12:34: a lambda is not allowed")),
                Arguments.of(
                        "a metadata value MVEL would evaluate",
                        rule("", "").replace("@id(\"ACME-1\")", "@id(org.mvel2.MVEL.eval(\"1\"))"),
                        List.of("rules/x.drl:7:1: '@id' takes one string in double quotes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void should_refuse_a_hostile_rule_at_its_line_and_column(
            String name, String drl, List<String> expected) {
        List<String> refusals = check(drl);
        for (String refusal : expected) {
            assertThat(refusals).as(name).anySatisfy(r -> assertThat(r).startsWith(refusal));
        }
    }

    @Test
    void should_say_what_to_write_instead() {
        assertThat(check(rule("", "System.exit(1);")))
                .containsExactly(
                        "rules/x.drl:12:5: 'System.exit' is not allowed in a workspace rule: a rule"
                                + " names only Vigie's facts and the value types listed in"
                                + " docs/writing-rules.md#the-rule-api");
    }

    @Test
    void should_list_in_the_rule_authors_guide_exactly_the_api_the_check_allows()
            throws IOException {
        String guide = Files.readString(Path.of("docs/writing-rules.md"));
        String start =
                "<!-- rule-api: generated by RuleApi.markdown(), kept equal by DrlSafetyTest -->\n";
        int from = guide.indexOf(start);
        assertThat(from).as("docs/writing-rules.md holds the generated API").isPositive();
        int to = guide.indexOf("<!-- /rule-api -->", from);
        assertThat(guide.substring(from + start.length(), to))
                .isEqualTo(RuleApi.standard().markdown());
    }
}
