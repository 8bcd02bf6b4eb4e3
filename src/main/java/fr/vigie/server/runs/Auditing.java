package fr.vigie.server.runs;

import fr.vigie.audit.model.RuleInfo;
import fr.vigie.audit.result.AuditSummary;
import fr.vigie.audit.result.Progress;
import fr.vigie.common.DisplayPath;
import fr.vigie.common.InvalidInputException;
import fr.vigie.common.Problem;
import fr.vigie.common.Severity;
import fr.vigie.job.AuditingAPeriod;
import fr.vigie.report.formats.ReportFormat;
import fr.vigie.server.clients.RuleConfinement;
import fr.vigie.server.clients.WorkspaceVersion;
import fr.vigie.server.clients.Workspaces;
import fr.vigie.server.store.DataFolder;
import fr.vigie.server.uploads.Folders;
import fr.vigie.workspace.Period;
import fr.vigie.workspace.WorkspaceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Audits one run with the code {@code vigie audit} runs ({@link AuditingAPeriod}): the run's
 * workspace version and deals, the standard pack, every report written into the run's folder, and
 * every finding, deal with findings and rejected record stored as they come ({@link RunResults}). A
 * run that fails keeps nothing, and says why; the previous runs are untouched.
 */
@Component
class Auditing {

    private static final Logger LOG = LoggerFactory.getLogger(Auditing.class);

    private final Runs runs;
    private final Workspaces workspaces;
    private final DealUploads uploads;
    private final ReportFiles reportFiles;
    private final StandardPack standard;
    private final RuleConfinement confinement;
    private final DataFolder data;
    private final fr.vigie.server.store.ClientScope scope;
    private final int batchSize;
    private final long[] retryMillis;

    Auditing(
            Runs runs,
            Workspaces workspaces,
            DealUploads uploads,
            ReportFiles reportFiles,
            StandardPack standard,
            RuleConfinement confinement,
            DataFolder data,
            fr.vigie.server.store.ClientScope scope,
            @Value("${vigie.server.store-batch:500}") int batchSize,
            @Value("${vigie.server.end-retries:1000,2000,4000,8000,15000,30000}")
                    long[] retryMillis) {
        this.runs = runs;
        this.workspaces = workspaces;
        this.uploads = uploads;
        this.reportFiles = reportFiles;
        this.standard = standard;
        this.confinement = confinement;
        this.data = data;
        this.scope = scope;
        this.batchSize = batchSize;
        this.retryMillis = retryMillis;
    }

    /**
     * Audits the run, and records how it ended; throws only when even that could not be recorded.
     */
    void audit(UUID client, UUID id, Consumer<Progress> progress) {
        Run run = runs.find(client, id).orElseThrow();
        runs.started(client, id);
        Path folder = data.run(client, id);
        try {
            done(client, id, folder, run, progress);
            LOG.info("run {} succeeded", id);
        } catch (RunRefused e) {
            fail(client, id, folder, e.getMessage());
        } catch (InvalidInputException e) {
            fail(client, id, folder, located(e.problems()));
        } catch (fr.vigie.common.RuleProblemException e) {
            fail(client, id, folder, e.getMessage());
        } catch (RuntimeException e) {
            if (!isDatabase(e)) {
                LOG.error("run {} failed: {} at {}", id, e.getClass().getName(), frames(e));
                fail(
                        client,
                        id,
                        folder,
                        "internal error ("
                                + e.getClass().getSimpleName()
                                + "): nothing of this run was kept; this is a bug in Vigie");
                return;
            }
            LOG.warn(
                    "run {}: the database failed during the audit ({})",
                    id,
                    e.getClass().getName());
            fail(
                    client,
                    id,
                    folder,
                    "the database could not be reached during the audit: nothing of this run was"
                            + " kept; start it again");
        }
    }

    /**
     * Where {@code e} was thrown, without its message, which might quote a deal: the logs never
     * carry deal contents.
     */
    static String frames(Throwable e) {
        return java.util.Arrays.stream(e.getStackTrace())
                .limit(12)
                .map(StackTraceElement::toString)
                .collect(Collectors.joining(" < "));
    }

    /**
     * Whether {@code e} says the database failed: a statement, or a transaction that could not
     * begin or end.
     */
    static boolean isDatabase(RuntimeException e) {
        return e instanceof DataAccessException
                || e instanceof org.springframework.transaction.TransactionException;
    }

    private void done(UUID client, UUID id, Path folder, Run run, Consumer<Progress> progress) {
        WorkspaceVersion version = workspaces.find(client, run.workspaceVersion()).orElseThrow();
        if (!confinement.mayAudit(version.ownRules())) {
            throw new RunRefused(
                    "this workspace carries its own DRL rules (rules/): the server runs them only"
                            + " confined, and confinement is not available here ("
                            + confinement.problem()
                            + "); an admin may allow unconfined rules on the admin page");
        }
        Period period = Period.parse(run.period()).orElseThrow();
        Path out = folder.resolve(period.label());
        Path previous = previousFindings(client, run, period, folder);
        Path workspace = workspaces.folder(client, run.workspaceVersion());
        AuditingAPeriod job = new AuditingAPeriod();
        AuditingAPeriod.Prepared prepared =
                shown(
                        client,
                        run,
                        () ->
                                job.prepare(
                                        new AuditingAPeriod.Request(
                                                workspace,
                                                uploads.deals(client, run.upload()),
                                                period.label(),
                                                out,
                                                null,
                                                0,
                                                standard.folder(),
                                                progress,
                                                run.source(),
                                                null,
                                                ReportFormat.ALL,
                                                null,
                                                null,
                                                false,
                                                confinement.confine())));
        AuditingAPeriod.Result result =
                shown(
                        client,
                        run,
                        () ->
                                job.run(
                                        prepared,
                                        List.of(new RunResults(scope, client, id, batchSize))));
        if (previous != null) {
            Folders.delete(previous.getParent());
        }
        AuditSummary summary = result.result().summary();
        WorkspaceSettings.QualityGate gate = prepared.workspace().workspace().settings().gate();
        long critical = summary.findingsBySeverity().getOrDefault(Severity.CRITICAL, 0L);
        Run.Figures figures =
                new Run.Figures(
                        summary.recordsRead(),
                        summary.dealsAudited(),
                        summary.recordsRejected(),
                        summary.outsidePeriod(),
                        summary.conformingDeals(),
                        summary.conformityRate(),
                        summary.findings(),
                        critical,
                        summary.findingsBySeverity().getOrDefault(Severity.MAJOR, 0L),
                        summary.findingsBySeverity().getOrDefault(Severity.MINOR, 0L),
                        summary.findingsBySeverity().getOrDefault(Severity.INFO, 0L),
                        result.result().waivers().findings(),
                        gate.conformity(),
                        gate.passes(summary.conformityRate(), critical));
        String rulesUsed =
                prepared.workspace().rules().catalog().stream()
                        .sorted(Comparator.comparing(RuleInfo::id))
                        .map(rule -> rule.id() + " " + rule.version() + " (" + rule.pack() + ")")
                        .collect(Collectors.joining("\n"));
        runs.succeeded(
                client,
                id,
                figures,
                rulesUsed,
                standard.sha256(),
                prepared.language().getLanguage(),
                ReportFiles.describe(result.files()));
    }

    /**
     * Puts the previous period's findings.json of the client's last succeeded run beside this run's
     * folder, where the report looks for it to show how conformity moved; null when there is none.
     */
    private Path previousFindings(UUID client, Run run, Period period, Path folder) {
        Period before = period.previous().orElse(null);
        if (before == null) {
            return null;
        }
        for (Run past : runs.history(client)) {
            if (past.period().equals(before.label())) {
                Path file =
                        reportFiles
                                .open(client, past.id(), past.period(), "findings.json")
                                .orElse(null);
                if (file == null) {
                    return null;
                }
                try {
                    Path copy = folder.resolve(before.label()).resolve("findings.json");
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return copy;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Ends the run as failed, retrying while the database is away; removes its files. */
    private void fail(UUID client, UUID id, Path folder, String reason) {
        Folders.delete(folder);
        for (int attempt = 0; ; attempt++) {
            try {
                runs.ended(client, id, RunState.FAILED, reason);
                LOG.info("run {} failed", id);
                return;
            } catch (RuntimeException e) {
                if (!isDatabase(e) || attempt >= retryMillis.length) {
                    throw e;
                }
                try {
                    Thread.sleep(retryMillis[attempt]);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Does {@code work} with the client's files named as the consultant knows them: inside the
     * workspace, inside the upload.
     */
    private <T> T shown(UUID client, Run run, java.util.function.Supplier<T> work) {
        return DisplayPath.within(
                List.of(
                        data.workspace(client, run.workspaceVersion()),
                        uploads.shownFolder(client, run.upload())),
                work);
    }

    /** The problems, one a line. */
    private static String located(List<Problem> problems) {
        String text = problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        return text.length() > 3900 ? text.substring(0, 3900) + "\n…" : text;
    }

    /** A run the server will not start, with the reason. */
    static final class RunRefused extends RuntimeException {
        RunRefused(String message) {
            super(message);
        }
    }
}
