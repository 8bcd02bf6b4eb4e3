package fr.vigie.audit.safety;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.common.Problem;
import fr.vigie.common.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrlSafetyTest {

  static List<String> check(String drl) {
    Problems problems = new Problems();
    DrlSafety.check("rules/x.drl", drl, problems);
    return problems.all().stream().map(Problem::toString).toList();
  }

  static final String SAFE = """
      package acme;
      import fr.vigie.deals.model.Deal;
      import fr.vigie.audit.facts.Violation;
      import java.math.BigDecimal;
      import org.apache.commons.lang3.StringUtils;
      // System.exit would be refused in code, not in a comment
      rule "A big deal names its economic buyer"
          @id("ACME-1") @severity("major") @lever("process")
      when
          $deal : Deal( amount > 100000, StringUtils.isBlank(fields["decideur-economique"]) )
      then
          insert(Violation.on($deal).with("note", "System.exit is only text here"));
      end
      """;

  @Test
  void should_accept_a_rule_that_only_reasons_over_the_facts() {
    assertThat(check(SAFE)).isEmpty();
  }

  @Test
  void should_refuse_system_exit_with_its_location() {
    assertThat(check(SAFE.replace("insert(Violation", "System.exit(1); insert(Violation")))
        .containsExactly("rules/x.drl:12:5: 'System' is not allowed in a workspace rule: it reaches the system (exit, properties, environment); "
            + "rules only reason over Vigie's facts and insert Violations");
  }

  @Test
  void should_refuse_imports_outside_the_allowlist() {
    assertThat(check(SAFE.replace("import java.math.BigDecimal;", "import java.io.File;")))
        .singleElement().asString().startsWith("rules/x.drl:4:8: import of 'java.io.File' is not allowed in a workspace rule");
  }

  @Test
  void should_refuse_full_names_that_reach_outside_even_without_import() {
    assertThat(check(SAFE.replace("insert(Violation", "java.nio.file.Files.delete(null); insert(Violation")))
        .containsExactly("rules/x.drl:12:5: 'java.nio.file.Files.delete' is not allowed in a workspace rule: it reaches outside the facts (java.nio)");
  }

  @Test
  void should_refuse_reflection_threads_and_loops() {
    assertThat(check(SAFE.replace("insert(Violation", "$deal.getClass().forName(\"x\"); new Thread(); while (true) {} insert(Violation")))
        .extracting(s -> s.replaceAll(" (is|are) not allowed.*", ""))
        .containsExactly("rules/x.drl:12:11: 'getClass'", "rules/x.drl:12:22: 'forName'", "rules/x.drl:12:40: 'Thread'", "rules/x.drl:12:50: 'while' loops");
  }

  @Test
  void should_refuse_functions_that_reach_outside() {
    assertThat(check(SAFE + "function void wipe() { Runtime.getRuntime().exec(\"rm\"); }\n"))
        .singleElement().asString().startsWith("rules/x.drl:14:24: 'Runtime' is not allowed");
  }
}
