package fr.vigie.audit.waivers;

import fr.vigie.audit.model.Finding;

/** A finding of the run and the waiver that accepts it. */
public record WaivedFinding(Finding finding, Waiver waiver) {}
