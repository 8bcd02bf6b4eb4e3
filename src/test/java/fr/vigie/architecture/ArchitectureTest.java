package fr.vigie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the models plain, the rules engine in one place, the capabilities from leaning on each
 * other the wrong way, and every package out of dependency cycles. Every package a rule names must
 * exist (a misspelt one fails instead of making its rule pass unseen), and each rule fails when it
 * checks no class; the last tests prove on small fixtures that the rules fail when broken.
 */
class ArchitectureTest {

    /** The models: plain Java, free of every framework. */
    static final String[] PLAIN_MODELS = {
        "fr.vigie.common..",
        "fr.vigie.deals.model..",
        "fr.vigie.process.model..",
        "fr.vigie.strategy.model..",
        "fr.vigie.audit.model..",
        "fr.vigie.audit.facts..",
        "fr.vigie.audit.result..",
        "fr.vigie.audit.waivers.."
    };

    static final String[] FRAMEWORKS = {
        "org.springframework..",
        "org.kie..",
        "org.drools..",
        "tools.jackson..",
        "com.fasterxml..",
        "picocli..",
        "com.openhtmltopdf.."
    };

    /**
     * What the audit builds on, none of which may know how its results are written, run as a job or
     * asked for on the command line.
     */
    static final String[] BELOW_THE_REPORTS = {
        "fr.vigie.common..",
        "fr.vigie.yaml..",
        "fr.vigie.workspace..",
        "fr.vigie.process..",
        "fr.vigie.strategy..",
        "fr.vigie.deals..",
        "fr.vigie.sources..",
        "fr.vigie.audit.."
    };

    static final String FIXTURES = "fr.vigie.architecture.fixture";
    static JavaClasses classes;

    @BeforeAll
    static void import_vigie() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("fr.vigie");
    }

    static Stream<String> plainModels() {
        return Stream.of(PLAIN_MODELS);
    }

    static Stream<String> belowTheReports() {
        return Stream.of(BELOW_THE_REPORTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainModels")
    void the_model_is_plain_java(String model) {
        plainJava(model).check(classes);
    }

    @Test
    void only_the_engine_talks_to_drools() {
        noClasses()
                .that()
                .resideOutsideOfPackage(existing("fr.vigie.audit.engine.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing("org.kie..", "org.drools.."))
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * The engine compiles and runs rules through the public KIE API ({@code org.kie.api}); of
     * Drools itself it reads only the DRL parser's tree (rule locations, the safety check). Drools'
     * internals change between versions without notice.
     */
    @Test
    void the_engine_uses_the_public_kie_api_and_the_drl_parser_only() {
        noClasses()
                .that()
                .resideInAPackage(existing("fr.vigie.audit.engine.."))
                .should()
                .dependOnClassesThat(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "Drools or KIE internals",
                                (JavaClass type) ->
                                        (type.getPackageName().startsWith("org.drools")
                                                        || type.getPackageName()
                                                                .startsWith("org.kie"))
                                                && !type.getPackageName().startsWith("org.kie.api")
                                                && !type.getPackageName()
                                                        .startsWith("org.drools.drl.parser")
                                                && !type.getPackageName()
                                                        .startsWith("org.drools.drl.ast")))
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void only_the_command_line_speaks_picocli() {
        noClasses()
                .that()
                .resideOutsideOfPackage(existing("fr.vigie.cli.."))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(existing("picocli.."))
                .allowEmptyShould(false)
                .check(classes);
    }

    /** The command line starts no Spring context; the server is the one place Spring belongs. */
    @Test
    void spring_stays_in_the_server() {
        noClasses()
                .that()
                .resideOutsideOfPackage(existing("fr.vigie.server.."))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(existing("org.springframework.."))
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * Only {@code vigie serve} reaches the server, from its {@code call}: the other commands never
     * load it.
     */
    @Test
    void only_vigie_serve_knows_the_server() {
        noClasses()
                .that()
                .resideOutsideOfPackage(existing("fr.vigie.server.."))
                .and()
                .doNotHaveFullyQualifiedName("fr.vigie.cli.ServeCommand")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(existing("fr.vigie.server.."))
                .allowEmptyShould(false)
                .check(classes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("belowTheReports")
    void the_audit_and_what_it_builds_on_do_not_know_the_reports_the_jobs_nor_the_command_line(
            String capability) {
        noClasses()
                .that()
                .resideInAPackage(existing(capability))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        existing(
                                "fr.vigie.report..",
                                "fr.vigie.job..",
                                "fr.vigie.cli..",
                                "fr.vigie.ruletest.."))
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void the_reports_only_read_results() {
        noClasses()
                .that()
                .resideInAPackage(existing("fr.vigie.report.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        existing(
                                "fr.vigie.audit.engine..",
                                "fr.vigie.audit.run..",
                                "fr.vigie.audit.prepare..",
                                "fr.vigie.audit.facts..",
                                "fr.vigie.job..",
                                "fr.vigie.cli.."))
                .allowEmptyShould(false)
                .check(classes);
    }

    /**
     * The commands ask a use case of the job and print the value it returns: no rule is compiled or
     * run, no fact built, in cli.
     */
    @Test
    void the_command_line_touches_no_engine_type() {
        noClasses()
                .that()
                .resideInAPackage(existing("fr.vigie.cli.."))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        existing(
                                "fr.vigie.audit.engine..",
                                "fr.vigie.audit.run..",
                                "fr.vigie.audit.prepare..",
                                "fr.vigie.audit.facts..",
                                "fr.vigie.audit.findings..",
                                "fr.vigie.audit.messages..",
                                "fr.vigie.audit.engine.safety..",
                                "fr.vigie.ruletest.."))
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void the_capabilities_depend_on_each_other_without_cycles() {
        capabilitiesWithoutCycles().check(classes);
    }

    /** Every package is its own slice: report and report.html, say, cannot lean on each other. */
    @Test
    void the_packages_depend_on_each_other_without_cycles() {
        packagesWithoutCycles().check(classes);
    }

    // ------------------------------------------------------------------- the rules fail when
    // broken

    @Test
    void should_fail_on_a_package_that_does_not_exist() {
        // GIVEN a rule naming a misspelt package
        // WHEN it is made
        // THEN it fails, naming the package
        assertThatThrownBy(() -> plainJava("fr.vigie.deals.modle.."))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("fr.vigie.deals.modle..");
    }

    @Test
    void should_fail_on_a_rule_that_checks_no_class() {
        // GIVEN a rule about a package that exists, over classes none of which are in it
        JavaClasses other = new ClassFileImporter().importClasses(ArchitectureTest.class);

        // WHEN it is checked
        // THEN it fails rather than passing on nothing
        assertThatThrownBy(() -> plainJava("fr.vigie.deals.model..").check(other))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void should_fail_on_a_model_annotated_for_jackson() {
        // GIVEN a model record with a Jackson annotation on a component
        JavaClasses annotated = new ClassFileImporter().importPackages(FIXTURES + ".model");

        // WHEN the plain-model rule checks it
        // THEN it fails, naming the annotation
        assertThat(annotated.stream().map(JavaClass::getSimpleName)).contains("AnnotatedOwner");
        assertThatThrownBy(() -> plainJava(FIXTURES + ".model..").check(annotated))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.fasterxml.jackson.annotation.JsonProperty");
    }

    @Test
    void should_fail_on_a_cycle_between_two_packages_of_one_capability() {
        // GIVEN a root package and its sub-package that use each other, as report and report.html
        // did
        JavaClasses cycle = new ClassFileImporter().importPackages(FIXTURES + ".cycle");

        // WHEN the package rule checks them
        // THEN it fails on the cycle
        assertThat(cycle.size()).isEqualTo(2);
        assertThatThrownBy(() -> packagesWithoutCycles().check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    // ------------------------------------------------------------------------------------ rules

    static ArchRule plainJava(String model) {
        return noClasses()
                .that()
                .resideInAPackage(existing(model))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(existing(FRAMEWORKS))
                .allowEmptyShould(false);
    }

    static ArchRule capabilitiesWithoutCycles() {
        return slices().matching("fr.vigie.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false);
    }

    static ArchRule packagesWithoutCycles() {
        return slices().assignedFrom(EACH_PACKAGE)
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(false);
    }

    /**
     * Each package of Vigie its own slice, its root package included (which "fr.vigie.report.(**)"
     * leaves out).
     */
    static final SliceAssignment EACH_PACKAGE =
            new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String name = javaClass.getPackageName();
                    return name.startsWith("fr.vigie")
                            ? SliceIdentifier.of(name)
                            : SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "each package of fr.vigie";
                }
            };

    /**
     * {@code packages}, once each is known to exist: a package of Vigie holds a class of the main
     * code (the fixtures of this test, a test class), any other is on the class path.
     */
    static String[] existing(String... packages) {
        Stream.of(packages).forEach(ArchitectureTest::existing);
        return packages;
    }

    static String existing(String pattern) {
        String name = pattern.endsWith("..") ? pattern.substring(0, pattern.length() - 2) : pattern;
        boolean exists =
                name.startsWith("fr.vigie.") && !name.startsWith(FIXTURES)
                        ? classes.stream()
                                .map(JavaClass::getPackageName)
                                .anyMatch(p -> p.equals(name) || p.startsWith(name + "."))
                        : ArchitectureTest.class
                                        .getClassLoader()
                                        .getResource(name.replace('.', '/'))
                                != null;
        if (!exists) {
            throw new AssertionError(
                    "the package "
                            + pattern
                            + " named by an architecture rule does not exist: misspelt, or moved?");
        }
        return pattern;
    }
}
