package io.aurabilling.kernel;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How often and how long a Kernel call is retried on {@code 429}, {@code 5xx}, timeouts, broken
 * connections and bad downloads: exponential backoff ({@code initialBackoff × 2^(attempt−1)}, at most
 * {@code maxBackoff}) with jitter (a random factor in [0.5, 1)), or the server's {@code Retry-After}
 * when it sends one; bounded both in attempts and in total time.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialBackoff the wait after the first failed attempt (before jitter)
 * @param maxBackoff the largest computed wait (a longer {@code Retry-After} is still honoured)
 * @param maxTotalTime the longest a call may take, waits included; no wait that would pass it is started
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalTime) {

    /** Validates the components. */
    public RetryPolicy {
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(maxTotalTime, "maxTotalTime is null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxTotalTime.isNegative()) {
            throw new IllegalArgumentException("retry durations must not be negative");
        }
    }

    /**
     * The production default: 6 attempts, 0.5 s doubling up to 30 s, at most 5 minutes per call.
     *
     * @return the policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /**
     * The computed wait after a failed attempt, before jitter.
     *
     * @param attempt the failed attempt, from 1
     * @return {@code initialBackoff × 2^(attempt−1)}, at most {@code maxBackoff}
     */
    public Duration backoff(int attempt) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
