package org.newsarchive.capture.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Politeness: one request at a time to each host, and a pause between two of them, longer when the host asked for
 * one ({@code Retry-After}). A fetcher takes a host's turn before each request and gives it back after. Thread-safe;
 * threads waiting for different hosts never wait for each other.
 */
final class HostTurns {

    private final Duration delay;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Instant> nextTurn = new HashMap<>();
    private final Map<String, Boolean> busy = new HashMap<>();

    HostTurns(Duration delay, Clock clock) {
        this.delay = delay;
        this.clock = clock;
    }

    /** Waits until {@code host} is free and its pause is over, then holds it. */
    void take(String host) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                Instant next = nextTurn.get(host);
                if (!busy.getOrDefault(host, false)) {
                    Duration wait = next == null ? Duration.ZERO : Duration.between(clock.instant(), next);
                    if (wait.isNegative() || wait.isZero()) {
                        busy.put(host, true);
                        return;
                    }
                    changed.awaitNanos(wait.toNanos());
                } else {
                    changed.await();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Frees {@code host} for its next request after the usual pause, or after {@code hostAsked} when longer. */
    void give(String host, Duration hostAsked) {
        lock.lock();
        try {
            Duration pause = hostAsked != null && hostAsked.compareTo(delay) > 0 ? hostAsked : delay;
            busy.remove(host);
            nextTurn.put(host, clock.instant().plus(pause));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
