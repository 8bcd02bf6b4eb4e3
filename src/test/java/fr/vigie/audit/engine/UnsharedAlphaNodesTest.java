package fr.vigie.audit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.conf.AlphaThresholdOption;
import org.kie.internal.conf.ShareAlphaNodesOption;
import org.kie.internal.io.ResourceFactory;

/**
 * A Drools 10.2.0 bug, reproduced with Drools alone (no Vigie class): without alpha node sharing,
 * three rules testing the same field against the same literal get three alpha nodes; from three
 * such nodes on one field the object type node hashes them by literal, one node per literal, and
 * all but the last added are dropped. Facts then reach one of the three patterns only: a positive
 * pattern misses its match, a {@code not} pattern never sees the fact and fires. This is why the
 * standard pack gave other findings with node sharing off (docs/performance.md, "Node sharing and
 * the findings"); Vigie keeps sharing on whatever the JVM asks ({@link RuleCompiler}).
 */
class UnsharedAlphaNodesTest {

    public record Item(String type) {}

    static final String DRL =
            """
            package fr.vigie.audit.engine;
            import fr.vigie.audit.engine.UnsharedAlphaNodesTest.Item;

            rule "no x" when not Item( type == "x" ) then end
            rule "x, first" when Item( type == "x" ) then end
            rule "x, second" when Item( type == "x" ) then end
            """;

    static List<String> rulesFiredOnOneX(KieBaseConfiguration configuration) {
        KnowledgeBuilder builder =
                KnowledgeBuilderFactory.newKnowledgeBuilder(
                        KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(
                                null, UnsharedAlphaNodesTest.class.getClassLoader()));
        builder.add(
                ResourceFactory.newByteArrayResource(DRL.getBytes(StandardCharsets.UTF_8)),
                ResourceType.DRL);
        assertThat(builder.getErrors()).isEmpty();
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(configuration);
        base.addPackages(builder.getKnowledgePackages());
        List<String> fired = new ArrayList<>();
        KieSession session = base.newKieSession();
        try {
            session.addEventListener(
                    new DefaultAgendaEventListener() {
                        @Override
                        public void afterMatchFired(AfterMatchFiredEvent event) {
                            fired.add(event.getMatch().getRule().getName());
                        }
                    });
            session.insert(new Item("x"));
            session.fireAllRules();
        } finally {
            session.dispose();
        }
        return fired;
    }

    static KieBaseConfiguration configuration(ShareAlphaNodesOption sharing) {
        KieBaseConfiguration configuration =
                RuleBaseFactory.newKnowledgeBaseConfiguration(
                        null, UnsharedAlphaNodesTest.class.getClassLoader());
        configuration.setOption(sharing);
        return configuration;
    }

    @Test
    void should_fire_the_rules_an_x_matches_with_alpha_node_sharing_on() {
        // GIVEN the default: the three patterns share one alpha node
        KieBaseConfiguration shared = configuration(ShareAlphaNodesOption.YES);
        // WHEN one x is inserted
        List<String> fired = rulesFiredOnOneX(shared);
        // THEN
        assertThat(fired).containsExactlyInAnyOrder("x, first", "x, second");
    }

    @Test
    void should_fire_the_rules_an_x_matches_without_sharing_when_alpha_nodes_are_not_hashed() {
        // GIVEN three alpha nodes, below the hashing threshold: the fault is in the hash index, not
        // in sharing
        KieBaseConfiguration unhashed = configuration(ShareAlphaNodesOption.NO);
        unhashed.setOption(AlphaThresholdOption.get(4));
        // WHEN one x is inserted
        List<String> fired = rulesFiredOnOneX(unhashed);
        // THEN
        assertThat(fired).containsExactlyInAnyOrder("x, first", "x, second");
    }

    @Test
    @Disabled(
            "Drools 10.2.0 bug: without alpha node sharing, hashed alpha nodes with the same"
                + " literal overwrite each other in CompositeObjectSinkAdapter, so only [no x, x,"
                + " second] fire. Upstream report: <link to the apache/incubator-kie-drools issue>")
    void should_fire_the_rules_an_x_matches_with_alpha_node_sharing_off() {
        // GIVEN three alpha nodes on Item.type == "x", hashed (the default threshold is 3)
        KieBaseConfiguration unshared = configuration(ShareAlphaNodesOption.NO);
        // WHEN one x is inserted
        List<String> fired = rulesFiredOnOneX(unshared);
        // THEN
        assertThat(fired).containsExactlyInAnyOrder("x, first", "x, second");
    }
}
