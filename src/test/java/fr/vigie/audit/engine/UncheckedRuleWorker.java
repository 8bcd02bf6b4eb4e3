package fr.vigie.audit.engine;

import fr.vigie.audit.engine.worker.RuleWorkerMain;
import fr.vigie.common.Problems;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The worker process of the tests that prove what holds even for a rule the safety check would
 * refuse (a loop without end, an allocation without end, a file written, a socket opened): it
 * compiles the workspace's rules without the check. It exists in the test classes only, so no
 * command of Vigie can start it.
 */
public final class UncheckedRuleWorker {

    private UncheckedRuleWorker() {}

    public static void main(String[] args) throws IOException {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        RuleWorkerMain.serve(System.in, protocol, UncheckedRuleWorker::compile);
        System.exit(0);
    }

    /** The rules compiled without the safety check, for the parent's side of those tests. */
    public static RuleBase compile(List<RuleSource> sources) {
        Problems problems = new Problems();
        RuleBase base = RuleCompiler.compile(sources, problems, false);
        problems.throwIfErrors();
        return base;
    }
}
