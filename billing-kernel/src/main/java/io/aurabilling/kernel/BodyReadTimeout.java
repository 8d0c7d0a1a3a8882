package io.aurabilling.kernel;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An answer's body that fails when no byte arrives for a while: the JDK client's request timeout
 * ends with the headers, so a server that stalls in the middle of a body would otherwise hold a
 * read for ever. Each read arms a timer on one shared daemon thread; when it fires the stream is
 * closed (which ends the blocked read) and the read fails with {@link Stalled}, which the client
 * retries like any timeout (a download then resumes with {@code Range}).
 */
final class BodyReadTimeout extends FilterInputStream {
    /** No byte of the body arrived within the read timeout. */
    static final class Stalled extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;

        Stalled(String message) {
            super(message);
        }
    }

    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Duration timeout;
    private volatile boolean timedOut;

    BodyReadTimeout(InputStream in, Duration timeout) {
        super(in);
        this.timeout = timeout;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "kernel-body-read-timeout");
            t.setDaemon(true);
            return t;
        });
        // cancelled timers (nearly all of them) leave the queue at once
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> timer = arm();
        try {
            return checked(super.read());
        } catch (IOException e) {
            throw stalledOr(e);
        } finally {
            timer.cancel(false);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> timer = arm();
        try {
            return checked(super.read(b, off, len));
        } catch (IOException e) {
            throw stalledOr(e);
        } finally {
            timer.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() {
        return WATCHDOG.schedule(() -> {
            timedOut = true;
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // the read fails either way
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** A read that returned (often -1: a closed body ends like a short one) after the timer fired failed. */
    private int checked(int n) throws Stalled {
        if (timedOut) {
            throw stalled();
        }
        return n;
    }

    private IOException stalledOr(IOException e) {
        return timedOut && !(e instanceof Stalled) ? stalled() : e;
    }

    private Stalled stalled() {
        return new Stalled("no byte of the answer's body for " + timeout.toMillis() + " ms");
    }
}
