package fr.vigie.server.clients;

import fr.vigie.server.ServerSettings;
import fr.vigie.server.security.ClientAccess;
import fr.vigie.server.security.Role;
import fr.vigie.server.security.SignedIn;
import fr.vigie.server.store.DataFolder;
import fr.vigie.server.uploads.Folders;
import fr.vigie.server.uploads.UploadRefused;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's workspace: its versions, what checking each found, and the upload of a new one (a zip,
 * or a folder on the server).
 */
@Controller
class WorkspacePages {

    private final ClientAccess access;
    private final Clients clients;
    private final Workspaces workspaces;
    private final ServerSettings settings;
    private final DataFolder data;
    private final RuleConfinement confinement;

    WorkspacePages(
            ClientAccess access,
            Clients clients,
            Workspaces workspaces,
            ServerSettings settings,
            DataFolder data,
            RuleConfinement confinement) {
        this.access = access;
        this.clients = clients;
        this.workspaces = workspaces;
        this.settings = settings;
        this.data = data;
        this.confinement = confinement;
    }

    @GetMapping("/clients/{client}/workspace")
    String show(@AuthenticationPrincipal SignedIn user, @PathVariable UUID client, Model model) {
        access.open(user, client);
        model.addAttribute("client", client);
        model.addAttribute("clientName", clients.name(client));
        model.addAttribute("versions", workspaces.versions(client));
        model.addAttribute("serving", user.role() == Role.CONSULTANT);
        model.addAttribute("folders", settings.folders() != null);
        model.addAttribute("unconfinedAllowed", confinement.unconfinedAllowed());
        model.addAttribute("confinedAvailable", confinement.confinedAvailable());
        return "clients/workspace";
    }

    @PostMapping("/clients/{client}/workspace")
    String upload(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @RequestParam MultipartFile workspace,
            RedirectAttributes redirect)
            throws IOException {
        access.serve(user, client);
        if (workspace.isEmpty()) {
            throw new UploadRefused("choose the zip of the workspace");
        }
        Path received = Folders.scratch(data.scratch(), "workspace-zip");
        workspace.transferTo(received);
        try {
            Workspaces.Added added =
                    workspaces.fromZip(
                            client, user.id(), received, workspace.getOriginalFilename());
            redirect.addFlashAttribute("known", added.known());
            return "redirect:/clients/" + client + "/workspace";
        } finally {
            Files.deleteIfExists(received);
        }
    }

    @PostMapping("/clients/{client}/workspace/folder")
    String folder(
            @AuthenticationPrincipal SignedIn user,
            @PathVariable UUID client,
            @RequestParam String folder,
            RedirectAttributes redirect) {
        access.serve(user, client);
        Workspaces.Added added = workspaces.fromFolder(client, user.id(), folder);
        redirect.addFlashAttribute("known", added.known());
        return "redirect:/clients/" + client + "/workspace";
    }
}
