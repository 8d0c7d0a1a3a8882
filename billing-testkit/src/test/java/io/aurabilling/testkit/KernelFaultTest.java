package io.aurabilling.testkit;

import io.aurabilling.RemoteServiceException;
import io.aurabilling.dataset.ReadOptions;
import io.aurabilling.kernel.KernelCache;
import io.aurabilling.kernel.KernelClient;
import io.aurabilling.testkit.KernelSimulator.Endpoint;
import io.aurabilling.testkit.KernelSimulator.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every simulated Kernel fault ends either in exactly the invoices of a clean run over the same files
 * read from the local folder, or in a {@link RemoteServiceException} with nothing in the cache that
 * looks complete but is not.
 */
class KernelFaultTest {
    static final String SECRET = "Sup3r-Secret-Value-for-tests";

    private final SimulatedMonth month = SimulatedMonth.get();
    private final List<Duration> waits = new ArrayList<>();

    @TempDir
    Path cache;

    private Map<String, String> bill(KernelSimulator kernel) {
        return month.billFromKernel(SimulatedMonth.client(kernel, cache, waits).build(), cache);
    }

    private Map<String, String> bill(KernelClient client) {
        return month.billFromKernel(client, cache);
    }

    @Test
    void cleanRunGivesTheLocalInvoicesAndRecordsKernelLineage() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            Map<String, String> invoices = bill(kernel);
            assertEquals(month.reference, invoices);
            assertEquals(7, invoices.size());
            String bra = invoices.values().stream().filter(j -> j.contains("\"number\": \"LIC-BRA-"))
                    .findFirst().orElseThrow();
            assertTrue(bra.contains("\"version\": \"6\""), bra);
            assertTrue(bra.contains("\"file\": \"Aura_Audit/DAY_DT=2026-10-01/part-00000.avro\""), bra);
            assertFalse(bra.contains("6.0.0"), "the Kernel version replaces x-fp-version in lineage");

            // the listing asked for [month start - 2, month end + 2]; the August file is never fetched
            List<RecordedRequest> listings = kernel.requests(Endpoint.FILES);
            assertTrue(listings.stream().anyMatch(r -> r.target().contains("Aura_Audit")
                    && r.target().contains("from=2026-09-30&to=2026-11-01")), listings.toString());
            assertTrue(listings.stream().filter(r -> r.target().contains("D_Aura_App"))
                    .noneMatch(r -> r.target().contains("from=")), "dimensions have no day filter");
            assertTrue(kernel.requests(Endpoint.DOWNLOAD).stream().noneMatch(r -> r.target().contains("2026-08-15")));
            assertFalse(Files.exists(cache.resolve("Aura_Audit/v6").resolve(SimulatedMonth.OUTSIDE)));
            // every call carries its own UUID correlator; retries of a call share it
            for (RecordedRequest r : kernel.requests()) {
                assertNotNull(r.correlator(), r.toString());
                assertEquals(r.correlator(), UUID.fromString(r.correlator()).toString());
            }
            assertEquals(1, kernel.requests(Endpoint.TOKEN).size(), "the token is cached");
            assertCacheMirrorsSource();

            // a second run reuses the cache: no download at all, same invoices
            int downloads = kernel.requests(Endpoint.DOWNLOAD).size();
            assertEquals(month.reference, bill(kernel));
            assertEquals(downloads, kernel.requests(Endpoint.DOWNLOAD).size());
        }
    }

    @Test
    void serverErrorsAreRetried() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.serverErrors(Endpoint.TOKEN, 1).serverErrors(Endpoint.VERSIONS, 1)
                    .serverErrors(Endpoint.FILES, 2).status(Endpoint.DOWNLOAD, 3, 503);
            assertEquals(month.reference, bill(kernel));
            assertTrue(kernel.faultsUsedUp());
            // exponential backoff with jitter 0.5: 20 ms x 0.75 = 15 ms, then 40 ms x 0.75 = 30 ms
            assertTrue(waits.contains(Duration.ofMillis(15)), waits.toString());
            assertTrue(waits.contains(Duration.ofMillis(30)), waits.toString());
            assertCacheMirrorsSource();
        }
    }

    @Test
    void throttlingHonoursRetryAfter() {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.throttle(Endpoint.FILES, 1, 3).throttle(Endpoint.DOWNLOAD, 1, 2);
            assertEquals(month.reference, bill(kernel));
            assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(2)), waits);
        }
    }

    @Test
    void aRetryAfterBeyondTheTimeBudgetFailsAtOnce() {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.throttle(Endpoint.DOWNLOAD, 1, 3600);
            RemoteServiceException e = assertThrows(RemoteServiceException.class, () -> bill(kernel));
            assertTrue(e.getMessage().contains("after 1 attempt(s)"), e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 429"), e.getMessage());
            assertEquals(4, e.exitCode());
            assertTrue(waits.isEmpty());
        }
    }

    @Test
    void slowAnswersTimeOutAndAreRetried() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.slow(Endpoint.DOWNLOAD, 2, Duration.ofSeconds(3)).slow(Endpoint.VERSIONS, 1, Duration.ofSeconds(3));
            KernelClient client = SimulatedMonth.client(kernel, cache, waits)
                    .requestTimeout(Duration.ofMillis(400)).build();
            assertEquals(month.reference, bill(client));
            assertTrue(kernel.faultsUsedUp());
            assertEquals(3, waits.size(), waits.toString());
            assertCacheMirrorsSource();
        }
    }

    @Test
    void aBodyThatStallsMidwayTimesOutAndIsRetried() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.stallDownloads(2, Duration.ofSeconds(30));
            KernelClient client = SimulatedMonth.client(kernel, cache, waits)
                    .readTimeout(Duration.ofMillis(300)).build();
            long started = System.nanoTime();
            assertEquals(month.reference, bill(client));
            assertTrue(kernel.faultsUsedUp());
            assertEquals(2, waits.size(), waits.toString());
            // each stall lasts 30 s: the read timeout, not the server, ended both attempts
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(20).toNanos(), "no read waited for the stall");
            assertCacheMirrorsSource();
        }
    }

    @Test
    void twoRunsSharingOneCacheDownloadEachFileOnce() throws Exception {
        try (KernelSimulator kernel = month.simulator().start()) {
            // the first download is slow, so that the other run reaches the same file while it is under way
            kernel.slow(Endpoint.DOWNLOAD, 1, Duration.ofMillis(700));
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Map<String, String>>> runs = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    // each run with its own client and its own KernelCache on the same folder
                    runs.add(two.submit(() -> month.billFromKernel(SimulatedMonth.client(kernel, cache,
                            java.util.Collections.synchronizedList(new ArrayList<>())).build(), cache)));
                }
                for (java.util.concurrent.Future<Map<String, String>> run : runs) {
                    assertEquals(month.reference, run.get());
                }
            } finally {
                two.shutdownNow();
            }
            Map<String, Long> downloads = kernel.requests().stream()
                    .filter(r -> r.endpoint() == Endpoint.DOWNLOAD)
                    .collect(java.util.stream.Collectors.groupingBy(RecordedRequest::target,
                            java.util.stream.Collectors.counting()));
            assertFalse(downloads.isEmpty());
            downloads.forEach((target, n) -> assertEquals(1L, n, target + " downloaded " + n + " times"));
            assertCacheMirrorsSource();
        }
    }

    @Test
    void truncatedBodiesAreResumedWithRange() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.truncateDownloads(3);
            assertEquals(month.reference, bill(kernel));
            List<RecordedRequest> ranged = kernel.requests(Endpoint.DOWNLOAD).stream()
                    .filter(r -> r.range() != null).toList();
            assertEquals(3, ranged.size(), ranged.toString());
            assertTrue(ranged.stream().allMatch(r -> r.status() == 206 && r.range().matches("bytes=[1-9][0-9]*-")),
                    ranged.toString());
            assertCacheMirrorsSource();
        }
    }

    @Test
    void truncatedBodiesAreRestartedWhenTheServerIgnoresRange() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.truncateDownloads(2).ignoreRange(true);
            assertEquals(month.reference, bill(kernel));
            assertEquals(2, kernel.requests(Endpoint.DOWNLOAD).stream()
                    .filter(r -> r.range() != null && r.status() == 200).count());
            assertCacheMirrorsSource();
        }
    }

    @Test
    void corruptDownloadsAreDownloadedAgain() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.corruptDownloads(2);
            assertEquals(month.reference, bill(kernel));
            assertTrue(kernel.faultsUsedUp());
            assertCacheMirrorsSource();
        }
    }

    @Test
    void expiredTokensAreRenewedOnce() {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.expireTokensAfter(Endpoint.DOWNLOAD, 5).expireTokensAfter(Endpoint.FILES, 3);
            assertEquals(month.reference, bill(kernel));
            assertEquals(3, kernel.requests(Endpoint.TOKEN).size());
            assertEquals(2, kernel.requests().stream().filter(r -> r.status() == 401).count());
            assertTrue(waits.isEmpty(), "a 401 is renewed at once, without backoff");
        }
    }

    @Test
    void tokensAreRenewedBeforeTheyExpire() {
        try (KernelSimulator kernel = month.simulator().tokenLifetime(Duration.ofSeconds(30)).start()) {
            // a renew margin longer than the lifetime: every call asks for a new token, none gets a 401
            KernelClient client = SimulatedMonth.client(kernel, cache, waits)
                    .tokenRenewMargin(Duration.ofSeconds(60)).build();
            assertEquals(month.reference, bill(client));
            long apiCalls = kernel.requests().stream().filter(r -> r.endpoint() != Endpoint.TOKEN).count();
            // one token per call; a token request that timed out under load and was retried adds one
            // (seen once in CI), but a client fetching tokens it does not use would add many
            int tokens = kernel.requests(Endpoint.TOKEN).size();
            assertTrue(tokens >= apiCalls && tokens <= apiCalls + 2, tokens + " tokens for " + apiCalls + " calls");
            assertTrue(kernel.requests().stream().noneMatch(r -> r.status() == 401));
        }
    }

    @Test
    void aVersionPublishedDuringTheRunIsNotMixedIn() {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.publishVersionAfter(Endpoint.FILES, 1, "Aura_Audit", 7, month.otherVersion);
            assertEquals(month.reference, bill(kernel));
            assertTrue(kernel.requests(Endpoint.FILES).size() > 1, "the listing has several pages");
            assertTrue(kernel.requests().stream().noneMatch(r -> r.target().contains("/7/")
                    || r.target().contains("versions/7")));
            // the next run takes version 7, which bills differently
            Map<String, String> next = bill(kernel);
            assertFalse(next.equals(month.reference));
            assertTrue(next.values().iterator().next().contains("\"version\": \"7\""));
        }
    }

    @Test
    void theLatestPublishedVersionIsRead() throws IOException {
        try (KernelSimulator kernel = month.simulator()
                .dataset("Aura_Audit", 2, month.otherVersion)
                .unpublishedVersion("Aura_Audit", 9, "DRAFT", month.otherVersion).start()) {
            assertEquals(month.reference, bill(kernel));
            assertTrue(Files.isDirectory(cache.resolve("Aura_Audit/v6")));
            assertFalse(Files.exists(cache.resolve("Aura_Audit/v9")));
            assertFalse(Files.exists(cache.resolve("Aura_Audit/v2")));
        }
    }

    @Test
    void aPartialDownloadLeftByACrashIsResumed() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            String path = "DAY_DT=2026-10-05/part-00000.avro";
            byte[] bytes = Files.readAllBytes(month.datasets.resolve("Aura_Audit").resolve(path));
            Path partial = cache.resolve("Aura_Audit/v6").resolve(path + KernelCache.PARTIAL_SUFFIX);
            Files.createDirectories(partial.getParent());
            Files.write(partial, java.util.Arrays.copyOf(bytes, bytes.length / 3));
            // and a cached file that was tampered with: downloaded again
            String tampered = "DAY_DT=2026-10-06/part-00000.avro";
            Path target = cache.resolve("Aura_Audit/v6").resolve(tampered);
            Files.createDirectories(target.getParent());
            Files.write(target, new byte[]{1, 2, 3});
            assertEquals(month.reference, bill(kernel));
            assertTrue(kernel.requests(Endpoint.DOWNLOAD).stream().anyMatch(r -> r.target().endsWith(path)
                    && ("bytes=" + bytes.length / 3 + "-").equals(r.range())));
            assertTrue(kernel.requests(Endpoint.DOWNLOAD).stream().anyMatch(r -> r.target().endsWith(tampered)));
            assertCacheMirrorsSource();
        }
    }

    @Test
    void persistentServerErrorsFailWithNothingIncompleteInTheCache() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            // the first download ends early, then every download answers 500; one thread, so that the run
            // fails on that file's resumes (with two, another file's 500s could end the run before the
            // first download had written anything, as seen once under CI load)
            kernel.truncateDownloads(1).after(Endpoint.DOWNLOAD, 1, () -> kernel.serverErrors(Endpoint.DOWNLOAD, 1000));
            RemoteServiceException e = assertThrows(RemoteServiceException.class, () -> month.billFromKernel(
                    SimulatedMonth.client(kernel, cache, waits).build(), cache, ReadOptions.defaults().withThreads(1)));
            assertTrue(e.getMessage().contains("after 4 attempt(s)"), e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
            assertCorrelatorNamed(kernel, e);
            assertCacheMirrorsSource();
            // the truncated first file is kept only as a .part for the next run to resume
            try (Stream<Path> all = Files.walk(cache)) {
                assertEquals(1, all.filter(p -> p.toString().endsWith(KernelCache.PARTIAL_SUFFIX)).count());
            }
        }
    }

    @Test
    void aWrongListedChecksumFailsWithoutAFileUnderItsName() throws IOException {
        try (KernelSimulator kernel = month.simulator().start()) {
            String path = "DAY_DT=2026-10-03/part-00000.avro";
            kernel.wrongChecksum("Aura_Audit", path);
            RemoteServiceException e = assertThrows(RemoteServiceException.class, () -> bill(kernel));
            assertTrue(e.getMessage().contains("Aura_Audit/" + path), e.getMessage());
            assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
            assertFalse(Files.exists(cache.resolve("Aura_Audit/v6").resolve(path)));
            assertCorrelatorNamed(kernel, e);
            assertCacheMirrorsSource();
        }
    }

    @Test
    void aHungKernelFailsAfterTheAttempts() {
        try (KernelSimulator kernel = month.simulator().start()) {
            kernel.slow(Endpoint.VERSIONS, 100, Duration.ofSeconds(5));
            KernelClient client = SimulatedMonth.client(kernel, cache, waits)
                    .requestTimeout(Duration.ofMillis(200)).build();
            RemoteServiceException e = assertThrows(RemoteServiceException.class, () -> bill(client));
            assertTrue(e.getMessage().contains("no answer within 200 ms"), e.getMessage());
            assertTrue(e.getMessage().contains("versions of Aura_Audit"), e.getMessage());
        }
    }

    @Test
    void aMissingScopeFailsWithAdvice() {
        List<String> scopes = new ArrayList<>(io.aurabilling.kernel.KernelScopes.billingRead());
        scopes.remove("data:D_Aura_App:read");
        try (KernelSimulator kernel = month.simulator().assignScopes(scopes).start()) {
            RemoteServiceException e = assertThrows(RemoteServiceException.class, () -> bill(kernel));
            assertTrue(e.getMessage().contains("HTTP 403, insufficient_scope data:D_Aura_App:read"), e.getMessage());
            assertTrue(e.getMessage().contains("billing preflight"), e.getMessage());
        }
    }

    /** The message names the correlator of a request the simulator saw. */
    private static void assertCorrelatorNamed(KernelSimulator kernel, RemoteServiceException e) {
        Set<String> seen = new TreeSet<>();
        kernel.requests().forEach(r -> seen.add(r.correlator()));
        assertTrue(seen.stream().anyMatch(c -> e.getMessage().contains("x-correlator " + c)), e.getMessage());
    }

    /**
     * Every file in the cache under a final name ({@code .avro}) has exactly the bytes of the served
     * file; anything else is a {@code .part} file.
     */
    private void assertCacheMirrorsSource() throws IOException {
        if (!Files.exists(cache)) {
            return;
        }
        try (Stream<Path> all = Files.walk(cache)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String rel = cache.relativize(p).toString().replace('\\', '/');
                if (rel.endsWith(KernelCache.PARTIAL_SUFFIX) || rel.endsWith(KernelCache.LOCK_SUFFIX)) {
                    continue;
                }
                assertTrue(rel.endsWith(".avro"), rel);
                // <Dataset>/v<version>/<path>
                String[] parts = rel.split("/", 3);
                Path source = parts[1].equals("v6") ? month.datasets.resolve(parts[0]).resolve(parts[2])
                        : month.otherVersion.resolve(parts[2]);
                assertEquals(sha256(source), sha256(p), rel);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
