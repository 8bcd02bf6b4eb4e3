package fr.vigie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the model plain, the rules engine in one place, and the capabilities from leaning on each other the wrong way. */
class ArchitectureTest {

  static JavaClasses classes;

  @BeforeAll
  static void import_vigie() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.vigie");
  }

  @Test
  void the_model_is_plain_java() {
    ArchRule rule = noClasses().that().resideInAnyPackage("fr.vigie.deals.model..", "fr.vigie.process.model..", "fr.vigie.audit.model..", "fr.vigie.audit.facts..", "fr.vigie.strategy.model..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.kie..", "org.drools..", "tools.jackson..", "com.fasterxml..", "picocli..")
        .allowEmptyShould(false);
    rule.check(classes);
  }

  @Test
  void only_the_engine_talks_to_drools() {
    ArchRule rule = noClasses().that().resideOutsideOfPackage("fr.vigie.audit.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
        .allowEmptyShould(false);
    rule.check(classes);
  }

  @Test
  void spring_stays_at_the_entry_point() {
    ArchRule rule = noClasses().that().resideOutsideOfPackage("fr.vigie")
        .and().resideOutsideOfPackage("fr.vigie.app..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
        .allowEmptyShould(false);
    rule.check(classes);
  }

  @Test
  void the_audit_does_not_know_the_reports_nor_the_command_line() {
    ArchRule rule = noClasses().that().resideInAnyPackage("fr.vigie.audit..", "fr.vigie.deals..", "fr.vigie.process..", "fr.vigie.strategy..", "fr.vigie.workspace..", "fr.vigie.yaml..")
        .should().dependOnClassesThat().resideInAnyPackage("fr.vigie.report..", "fr.vigie.cli..", "fr.vigie.job..")
        .allowEmptyShould(false);
    rule.check(classes);
  }

  @Test
  void the_reports_only_read_results() {
    ArchRule rule = noClasses().that().resideInAPackage("fr.vigie.report..")
        .should().dependOnClassesThat().resideInAnyPackage("fr.vigie.audit.engine..", "fr.vigie.audit.run..", "fr.vigie.audit.prepare..",
            "fr.vigie.audit.facts..", "fr.vigie.cli..", "fr.vigie.job..")
        .allowEmptyShould(false);
    rule.check(classes);
  }
}
