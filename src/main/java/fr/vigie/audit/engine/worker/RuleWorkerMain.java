package fr.vigie.audit.engine.worker;

import fr.vigie.audit.engine.DealAuditor;
import fr.vigie.audit.engine.RuleBase;
import fr.vigie.audit.engine.RuleCompiler;
import fr.vigie.audit.engine.RuleSource;
import fr.vigie.audit.findings.FindingFactory;
import fr.vigie.audit.prepare.DealPreparer;
import fr.vigie.common.Problems;
import fr.vigie.workspace.Workspace;
import fr.vigie.workspace.WorkspaceLoader;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * The worker process that runs a workspace's own rules: a plain main, no Spring. It reads the run's
 * set-up then one deal a line on its standard input, and answers on its standard output, where
 * nothing else is ever written (whatever else would print goes to standard error). It reads the
 * workspace from its folder and compiles the same rules as its parent, prepares each deal the same
 * way, and fires the workspace's rules alone; before each consequence it tells which rule runs, so
 * that its parent can name the rule if it has to stop it. It ends when its input ends.
 */
public final class RuleWorkerMain {

    private RuleWorkerMain() {}

    public static void main(String[] args) throws IOException {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        serve(System.in, protocol, RuleCompiler::compile);
        System.exit(0);
    }

    /**
     * Answers the set-up and the deals read from {@code in} on {@code out} until {@code in} ends;
     * {@code compiler} compiles the rules (the tests give one without the safety check).
     */
    public static void serve(
            InputStream in, OutputStream out, Function<List<RuleSource>, RuleBase> compiler)
            throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PrintStream answer = new PrintStream(out, false, StandardCharsets.UTF_8);
        String first = lines.readLine();
        if (first == null) {
            return;
        }
        WorkerCodec.Setup setup = WorkerCodec.read(first, WorkerCodec.Setup.class);
        Judging judging;
        try {
            judging = new Judging(setup, compiler, answer);
        } catch (RuntimeException e) {
            answer.println(WorkerCodec.ERROR + String.valueOf(e.getMessage()).replace('\n', ' '));
            answer.flush();
            return;
        }
        answer.println(WorkerCodec.READY);
        answer.flush();
        try (DealAuditor auditor = judging.auditor) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                WorkerCodec.Request request = WorkerCodec.read(line, WorkerCodec.Request.class);
                String reply = judging.judge(request);
                answer.println(WorkerCodec.REPLY + reply);
                answer.flush();
            }
        }
    }

    /** The workspace, its rules and the auditor of one worker. */
    private static final class Judging {
        private final DealPreparer preparer;
        private final DealAuditor auditor;

        Judging(
                WorkerCodec.Setup setup,
                Function<List<RuleSource>, RuleBase> compiler,
                PrintStream answer) {
            Problems problems = new Problems();
            Workspace workspace = WorkspaceLoader.load(Path.of(setup.workspace()), problems);
            problems.throwIfErrors();
            RuleBase rules = compiler.apply(setup.ruleSources());
            this.preparer =
                    new DealPreparer(workspace, setup.period(), setup.plan(), rules.catalog());
            List<Object> planFacts = new ArrayList<>(setup.plan().facts());
            planFacts.add(setup.period());
            this.auditor =
                    new DealAuditor(
                            rules,
                            new FindingFactory(
                                    rules.messages(),
                                    Locale.forLanguageTag(setup.language()),
                                    workspace.settings()),
                            setup.maxFirings(),
                            planFacts,
                            setup.timeLimitMillis(),
                            RuleBase.Parts.WORKSPACE,
                            null,
                            new DefaultAgendaEventListener() {
                                @Override
                                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                                    answer.println(
                                            WorkerCodec.FIRING
                                                    + String.valueOf(
                                                            event.getMatch()
                                                                    .getRule()
                                                                    .getMetaData()
                                                                    .get("id")));
                                    answer.flush();
                                }

                                @Override
                                public void afterMatchFired(AfterMatchFiredEvent event) {
                                    answer.println(WorkerCodec.FIRED);
                                    answer.flush();
                                }
                            });
        }

        String judge(WorkerCodec.Request request) {
            DealPreparer.Result result = preparer.prepare(request.deal());
            if (!(result instanceof DealPreparer.Ready ready)) {
                return WorkerCodec.writeReply(List.of(), List.of());
            }
            DealAuditor.Judgement judged =
                    auditor.judge(
                            ready.deal(),
                            request.source(),
                            request.skip() == null ? Set.of() : request.skip());
            return WorkerCodec.writeReply(judged.findings(), judged.failures());
        }
    }
}
