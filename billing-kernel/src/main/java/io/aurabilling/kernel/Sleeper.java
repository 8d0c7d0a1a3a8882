package io.aurabilling.kernel;

import java.time.Duration;

/** Waits between retries; injectable so that tests do not spend real time. */
@FunctionalInterface
public interface Sleeper {

    /** The real sleeper: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
