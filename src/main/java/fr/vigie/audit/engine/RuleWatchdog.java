package fr.vigie.audit.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops rules that run too long on one deal: one daemon thread looks at the guarded firings four
 * times a second and halts those past their deadline. A guard costs two map operations, so that
 * every deal can have one.
 */
final class RuleWatchdog {

    private static final Set<Guard> GUARDS = ConcurrentHashMap.newKeySet();

    static {
        Thread watchdog = new Thread(RuleWatchdog::watch, "vigie-rule-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private RuleWatchdog() {}

    /** Guards a firing: {@code halt} runs if it is still going after {@code millis}. */
    static Guard guard(Runnable halt, long millis) {
        Guard guard = new Guard(halt, System.nanoTime() + millis * 1_000_000);
        GUARDS.add(guard);
        return guard;
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Guard guard : GUARDS) {
                if (now - guard.deadline > 0 && !guard.expired) {
                    guard.expired = true;
                    guard.halt.run();
                }
            }
        }
    }

    /** One guarded firing; closing it ends the guard. */
    static final class Guard implements AutoCloseable {
        private final Runnable halt;
        private final long deadline;
        private volatile boolean expired;

        private Guard(Runnable halt, long deadline) {
            this.halt = halt;
            this.deadline = deadline;
        }

        boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            GUARDS.remove(this);
        }
    }
}
