package fr.vigie.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed sign-ins in a row, an account
 * is locked for a minute, twice as long at each further failure, at most a quarter of an hour; an
 * address that fails {@value #ADDRESS_FAILURES} times is locked a quarter of an hour, whatever the
 * accounts it tried. A right password during a lock is refused too. Kept in memory: a restart
 * forgets it, and the tables are emptied of old entries as they grow.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int ADDRESS_FAILURES = 30;
    static final Duration LONGEST = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 50_000;

    private record Failures(int count, Instant lockedUntil) {}

    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Whether a sign-in for {@code username} from {@code address} must be refused without checking
     * the password.
     */
    public boolean locked(String username, String address) {
        Instant now = clock.instant();
        return isLocked(byAccount.get(Accounts.normalize(username)), now)
                || isLocked(byAddress.get(address), now);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        trim();
        byAccount.compute(
                Accounts.normalize(username),
                (key, before) -> next(before, FREE_FAILURES, now, true));
        if (address != null) {
            byAddress.compute(address, (key, before) -> next(before, ADDRESS_FAILURES, now, false));
        }
    }

    public void succeeded(String username) {
        byAccount.remove(Accounts.normalize(username));
    }

    private static Failures next(Failures before, int free, Instant now, boolean doubling) {
        int count = before == null ? 1 : before.count() + 1;
        if (count < free) {
            return new Failures(count, null);
        }
        Duration lock = doubling ? Duration.ofMinutes(1L << Math.min(10, count - free)) : LONGEST;
        return new Failures(count, now.plus(lock.compareTo(LONGEST) > 0 ? LONGEST : lock));
    }

    private static boolean isLocked(Failures failures, Instant now) {
        return failures != null
                && failures.lockedUntil() != null
                && now.isBefore(failures.lockedUntil());
    }

    private void trim() {
        if (byAccount.size() + byAddress.size() > MAX_ENTRIES) {
            Instant now = clock.instant();
            byAccount.values().removeIf(f -> !isLocked(f, now));
            byAddress.values().removeIf(f -> !isLocked(f, now));
        }
    }
}
