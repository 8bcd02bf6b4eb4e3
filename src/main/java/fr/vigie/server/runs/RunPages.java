package fr.vigie.server.runs;

import fr.vigie.server.clients.Clients;
import fr.vigie.server.clients.RuleConfinement;
import fr.vigie.server.clients.WorkspaceVersion;
import fr.vigie.server.clients.Workspaces;
import fr.vigie.server.security.AccessLog;
import fr.vigie.server.security.ClientAccess;
import fr.vigie.server.security.Role;
import fr.vigie.server.security.SignedIn;
import fr.vigie.server.store.DataFolder;
import fr.vigie.server.uploads.Folders;
import fr.vigie.server.uploads.UploadRefused;
import fr.vigie.server.web.NotFound;
import fr.vigie.workspace.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * A client's audits: the list and the upload form, one run (its progress, then its results), its
 * report files and its deals.
 */
@Controller
class RunPages {

    static final int PAGE = 100;

    /**
     * The report's own policy (report.html's meta): no script, its inline style, its inline images.
     */
    static final String REPORT_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none';"
                    + " base-uri 'none'; form-action 'none'";

    private final ClientAccess access;
    private final AccessLog log;
    private final Clients clients;
    private final Workspaces workspaces;
    private final DealUploads uploads;
    private final Runs runs;
    private final RunQueue queue;
    private final StoredFindings findings;
    private final ReportFiles files;
    private final RuleConfinement confinement;
    private final DataFolder data;

    RunPages(
            ClientAccess access,
            AccessLog log,
            Clients clients,
            Workspaces workspaces,
            DealUploads uploads,
            Runs runs,
            RunQueue queue,
            StoredFindings findings,
            ReportFiles files,
            RuleConfinement confinement,
            DataFolder data) {
        this.access = access;
        this.log = log;
        this.clients = clients;
        this.workspaces = workspaces;
        this.uploads = uploads;
        this.runs = runs;
        this.queue = queue;
        this.findings = findings;
        this.files = files;
        this.confinement = confinement;
        this.data = data;
    }

    @GetMapping("/clients/{client}/runs")
    String list(@AuthenticationPrincipal SignedIn user, @PathVariable UUID client, Model model) {
        access.open(user, client);
        Optional<WorkspaceVersion> workspace = workspaces.latest(client);
        model.addAttribute("client", client);
        model.addAttribute("clientName", clients.name(client));
        model.addAttribute("runs", runs.all(client));
        model.addAttribute("uploads", uploads.all(client));
        model.addAttribute("workspace", workspace.orElse(null));
        model.addAttribute("serving", user.role() == Role.CONSULTANT);
        model.addAttribute(
                "rulesRefused",
                workspace.map(w -> !confinement.mayAudit(w.ownRules())).orElse(false));
        return "runs/list";
    }

    @PostMapping("/clients/{client}/runs")
    String start(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @RequestParam String period,
            @RequestParam(required = false) String source,
            @RequestParam MultipartFile deals)
            throws IOException {
        access.serve(user, client);
        Period quarter = DealUploads.period(period);
        WorkspaceVersion workspace =
                workspaces
                        .latest(client)
                        .orElseThrow(
                                () -> new UploadRefused("upload the client's workspace first"));
        if (!workspace.valid()) {
            throw new UploadRefused(
                    "the latest workspace version has errors: fix them and upload it again (see the"
                            + " workspace page)");
        }
        if (deals.isEmpty()) {
            throw new UploadRefused("choose the file of the quarter's deals");
        }
        String kind = source == null || source.isBlank() ? null : source.strip();
        if (kind != null && fr.vigie.deals.imports.SourceKind.fromCode(kind).isEmpty()) {
            throw new UploadRefused("unknown source '" + kind + "'");
        }
        Path received = Folders.scratch(data.scratch(), "deals");
        deals.transferTo(received);
        try {
            Upload upload =
                    uploads.add(client, user.id(), received, deals.getOriginalFilename(), quarter);
            UUID run = queue.submit(client, quarter, workspace.id(), upload.id(), kind, user.id());
            return "redirect:/clients/" + client + "/runs/" + run;
        } finally {
            Files.deleteIfExists(received);
        }
    }

    @GetMapping("/clients/{client}/uploads/{upload}")
    String upload(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @PathVariable UUID upload,
            Model model) {
        access.open(user, client);
        Upload found = uploads.find(client, upload).orElseThrow(NotFound::new);
        model.addAttribute("client", client);
        model.addAttribute("clientName", clients.name(client));
        model.addAttribute("upload", found);
        model.addAttribute(
                "runs", runs.all(client).stream().filter(r -> r.upload().equals(upload)).toList());
        return "runs/upload";
    }

    @PostMapping("/clients/{client}/runs/{run}/again")
    String again(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @PathVariable UUID run) {
        access.serve(user, client);
        Run before = runs.find(client, run).orElseThrow(NotFound::new);
        if (!before.mayStartAgain()) {
            throw new UploadRefused("only a failed or interrupted audit can be started again");
        }
        UUID again =
                queue.submit(
                        client,
                        Period.parse(before.period()).orElseThrow(),
                        before.workspaceVersion(),
                        before.upload(),
                        before.source(),
                        user.id());
        return "redirect:/clients/" + client + "/runs/" + again;
    }

    @GetMapping("/clients/{client}/runs/{run}")
    String run(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @PathVariable UUID run,
            @RequestParam(defaultValue = "ALL") String show,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        access.open(user, client);
        Run found = runs.find(client, run).orElseThrow(NotFound::new);
        log.record(user, client, AccessLog.Action.RUN, found.period());
        model.addAttribute("base", "/clients/" + client + "/runs/" + run);
        return show(user, client, found, show, page, model);
    }

    /** A quarter: the results of its last succeeded run. */
    @GetMapping("/clients/{client}/quarters/{period}")
    String quarter(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @PathVariable String period,
            @RequestParam(defaultValue = "ALL") String show,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        access.open(user, client);
        Run found =
                runs.history(client).stream()
                        .filter(r -> r.period().equals(period))
                        .findFirst()
                        .orElseThrow(NotFound::new);
        log.record(user, client, AccessLog.Action.QUARTER, found.period());
        model.addAttribute("base", "/clients/" + client + "/quarters/" + found.period());
        return show(user, client, found, show, page, model);
    }

    private String show(SignedIn user, UUID client, Run run, String show, int page, Model model) {
        StoredFindings.Filter filter;
        try {
            filter = StoredFindings.Filter.valueOf(show.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
        model.addAttribute("client", client);
        model.addAttribute("clientName", clients.name(client));
        model.addAttribute("run", run);
        model.addAttribute("serving", user.role() == Role.CONSULTANT);
        if (!run.state().isOver()) {
            model.addAttribute("refresh", "3");
            model.addAttribute("progress", queue.progress(run.id()).orElse(null));
            model.addAttribute("placeInQueue", runs.placeInQueue(run.id()));
        }
        if (run.succeeded()) {
            Run before = previous(client, run);
            int from = Math.max(0, page) * PAGE;
            model.addAttribute("before", before);
            model.addAttribute(
                    "changes",
                    findings.changes(client, run.id(), before == null ? null : before.id()));
            model.addAttribute("filter", filter.name());
            model.addAttribute("page", Math.max(0, page));
            List<FindingRow> listed =
                    findings.list(
                            client,
                            run.id(),
                            before == null ? null : before.id(),
                            filter,
                            from,
                            PAGE + 1);
            model.addAttribute("more", listed.size() > PAGE);
            model.addAttribute("findings", listed.subList(0, Math.min(PAGE, listed.size())));
            model.addAttribute("contradictions", findings.contradictions(client, run.id()));
            model.addAttribute("rejected", findings.rejected(client, run.id(), 100));
            model.addAttribute("files", files.list(client, run.id()));
            log.record(
                    user,
                    client,
                    AccessLog.Action.FINDINGS,
                    run.period() + " " + filter.name().toLowerCase(java.util.Locale.ROOT));
        }
        return "runs/run";
    }

    /** The last succeeded run of the period before {@code run}'s in the client's history. */
    private Run previous(UUID client, Run run) {
        Period period = Period.parse(run.period()).orElseThrow();
        Run before = null;
        for (Run past : runs.history(client)) {
            Period pastPeriod = Period.parse(past.period()).orElseThrow();
            if (pastPeriod.start().isBefore(period.start())) {
                before = past;
            }
        }
        return before;
    }

    @GetMapping("/clients/{client}/runs/{run}/files/{name}")
    ResponseEntity<FileSystemResource> file(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @PathVariable UUID run,
            @PathVariable String name) {
        access.open(user, client);
        Run found = runs.find(client, run).filter(Run::succeeded).orElseThrow(NotFound::new);
        Path file = files.open(client, run, found.period(), name).orElseThrow(NotFound::new);
        log.record(user, client, AccessLog.Action.REPORT, found.period() + " " + name);
        boolean inline = name.endsWith(".html") || name.endsWith(".pdf");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ReportFiles.type(name)))
                .header("Content-Security-Policy", REPORT_POLICY)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                                .filename(
                                        clients.name(client).replaceAll("[^\\p{L}\\p{N} ._-]", "")
                                                + " "
                                                + found.period()
                                                + " "
                                                + name,
                                        java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    @GetMapping("/clients/{client}/runs/{run}/deal")
    String deal(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @PathVariable UUID run,
            @RequestParam String id,
            Model model) {
        access.open(user, client);
        Run found = runs.find(client, run).filter(Run::succeeded).orElseThrow(NotFound::new);
        StoredFindings.Deal deal = findings.deal(client, run, id).orElseThrow(NotFound::new);
        log.record(user, client, AccessLog.Action.DEAL, found.period() + " " + deal.id());
        model.addAttribute("client", client);
        model.addAttribute("clientName", clients.name(client));
        model.addAttribute("run", found);
        model.addAttribute("deal", deal);
        model.addAttribute("visits", Visits.read(deal.visits()));
        model.addAttribute("findings", findings.ofDeal(client, run, id));
        return "runs/deal";
    }
}
