package fr.vigie.server.security;

/** What a person does in Vigie (docs/server.md, roles). */
public enum Role {
    /** Creates consultants and the clients' accounts; sees no client's data. */
    ADMIN,
    /**
     * Serves several clients: their workspaces, uploads, audits, and everything the others read.
     */
    CONSULTANT,
    /** A client's chief executive: reads the company's dashboard, reports and who read them. */
    CEO,
    /** A client's sales director: reads the company's dashboard and reports. */
    DIRECTOR;

    /** Whether the role belongs to one company (CEO, director). */
    public boolean isClientSide() {
        return this == CEO || this == DIRECTOR;
    }
}
