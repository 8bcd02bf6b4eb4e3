package fr.vigie.server.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The accounts, their hashed passwords, and which clients each may see. */
@Component
public class Accounts {

    /** A password's shortest length. */
    public static final int MIN_PASSWORD = 12;

    /** What bcrypt reads of a password, at most. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final String ALPHABET =
            "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A password of 20 letters and digits from a secure random source (about 116 bits). */
    public static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public boolean any() {
        return jdbc.sql("select count(*) from account").query(Long.class).single() > 0;
    }

    public Account create(String username, String displayName, Role role, String password) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "insert into account (id, username, display_name, password_hash, role,"
                                + " enabled, created_at) values (?, ?, ?, ?, ?, true, ?)")
                .params(
                        id,
                        normalize(username),
                        displayName.strip(),
                        encoder.encode(password),
                        role.name(),
                        OffsetDateTime.now(clock))
                .update();
        return new Account(id, normalize(username), displayName.strip(), role, true);
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from account where username = ?")
                        .param(normalize(username))
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Login> login(String username) {
        return jdbc.sql(
                        "select id, username, display_name, role, enabled, password_hash from"
                                + " account where username = ?")
                .param(normalize(username))
                .query((rs, n) -> new Login(account(rs), rs.getString("password_hash")))
                .optional();
    }

    record Login(Account account, String passwordHash) {}

    public Optional<Account> find(UUID id) {
        return jdbc.sql(
                        "select id, username, display_name, role, enabled from account where id ="
                                + " ?")
                .param(id)
                .query((rs, n) -> account(rs))
                .optional();
    }

    public List<Account> all() {
        return jdbc.sql(
                        "select id, username, display_name, role, enabled from account order by"
                                + " role, username")
                .query((rs, n) -> account(rs))
                .list();
    }

    public boolean checkPassword(UUID id, String password) {
        String hash =
                jdbc.sql("select password_hash from account where id = ?")
                        .param(id)
                        .query(String.class)
                        .single();
        return encoder.matches(password, hash);
    }

    public void changePassword(UUID id, String password) {
        jdbc.sql("update account set password_hash = ? where id = ?")
                .params(encoder.encode(password), id)
                .update();
    }

    public void setEnabled(UUID id, boolean enabled) {
        jdbc.sql("update account set enabled = ? where id = ?").params(enabled, id).update();
    }

    @Transactional
    public void grant(UUID account, UUID client) {
        if (!mayAccess(account, client)) {
            jdbc.sql("insert into client_access (account_id, client_id) values (?, ?)")
                    .params(account, client)
                    .update();
        }
    }

    public boolean mayAccess(UUID account, UUID client) {
        return jdbc.sql(
                                "select count(*) from client_access a join account u on u.id ="
                                    + " a.account_id where a.account_id = ? and a.client_id = ? and"
                                    + " u.enabled")
                        .params(account, client)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The clients {@code account} may see, oldest first. */
    public List<UUID> clientsOf(UUID account) {
        return jdbc.sql(
                        "select a.client_id from client_access a join client c on c.id ="
                                + " a.client_id where a.account_id = ? order by c.created_at")
                .param(account)
                .query(UUID.class)
                .list();
    }

    /** The accounts that may see {@code client}. */
    public List<Account> membersOf(UUID client) {
        return jdbc.sql(
                        "select u.id, u.username, u.display_name, u.role, u.enabled from account u"
                            + " join client_access a on a.account_id = u.id where a.client_id = ?"
                            + " order by u.role, u.username")
                .param(client)
                .query((rs, n) -> account(rs))
                .list();
    }

    private static Account account(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"));
    }
}
