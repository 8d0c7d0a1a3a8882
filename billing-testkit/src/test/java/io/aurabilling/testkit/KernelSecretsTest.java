package io.aurabilling.testkit;

import io.aurabilling.RemoteServiceException;
import io.aurabilling.config.Secret;
import io.aurabilling.kernel.KernelCache;
import io.aurabilling.kernel.KernelClient;
import io.aurabilling.kernel.KernelDatasetSource;
import io.aurabilling.kernel.KernelPreflight;
import io.aurabilling.kernel.RetryPolicy;
import io.aurabilling.testkit.KernelSimulator.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client secret and the tokens never reach the logs (all of this JVM's slf4j output goes to
 * {@code target/kernel-tests.log}), the cache, the invoices, exception messages or {@code toString()}.
 */
class KernelSecretsTest {
    private static final Path LOG = Path.of("target/kernel-tests.log");

    @TempDir
    Path work;

    @Test
    void secretsAndTokensAppearNowhere() throws IOException {
        SimulatedMonth month = SimulatedMonth.get();
        Path cache = work.resolve("cache");
        Path invoices = work.resolve("invoices");
        List<String> texts = new ArrayList<>();
        List<String> tokens;
        try (KernelSimulator kernel = month.simulator().start()) {
            // a run through renewals, retries and resumptions: everything that logs
            kernel.expireTokensAfter(Endpoint.DOWNLOAD, 3).serverErrors(Endpoint.DOWNLOAD, 2).truncateDownloads(1)
                    .corruptDownloads(1).throttle(Endpoint.FILES, 1, 1);
            KernelClient client = SimulatedMonth.client(kernel, cache, new ArrayList<>())
                    .retry(new RetryPolicy(8, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(20))).build();
            Map<String, String> json = month.billFromKernel(client, cache);
            assertEquals(month.reference, json);
            Files.createDirectories(invoices);
            for (Map.Entry<String, String> e : json.entrySet()) {
                Files.writeString(invoices.resolve(e.getKey() + ".json"), e.getValue());
            }
            // failures: refused credentials, a denied call, a run out of retries
            KernelClient wrong = SimulatedMonth.client(kernel, cache, new ArrayList<>())
                    .clientSecret(Secret.of("not-" + KernelFaultTest.SECRET)).build();
            texts.addAll(KernelPreflight.checkBilling(wrong, "es-pro").lines());
            texts.add(assertThrows(RemoteServiceException.class, () -> wrong.versions("Aura_Audit")).getMessage());
            kernel.serverErrors(Endpoint.VERSIONS, 100);
            texts.add(assertThrows(RemoteServiceException.class, () -> client.versions("D_Aura_App")).getMessage());
            texts.addAll(KernelPreflight.checkBilling(client, "es-pro").lines());

            texts.add(client.toString());
            texts.add(wrong.toString());
            texts.add(kernel.toString());
            texts.add(kernel.settings(cache).toString());
            texts.add(KernelClient.builder(kernel.settings(cache)).toString());
            texts.add(KernelDatasetSource.of(client, KernelCache.of(cache), SimulatedMonth.MONTH).toString());
            tokens = kernel.issuedTokens();
        }
        assertTrue(tokens.size() >= 3, "renewals happened: " + tokens.size());

        List<String> forbidden = new ArrayList<>(tokens);
        forbidden.add(KernelFaultTest.SECRET);
        forbidden.add(Base64.getEncoder().encodeToString(("aura-billing-sim:" + KernelFaultTest.SECRET)
                .getBytes(StandardCharsets.UTF_8)));

        String log = Files.readString(LOG);
        assertTrue(log.contains("x-correlator="), "the log was captured");
        assertTrue(log.contains("renewing the token once"), "the run logged a renewal");
        scan("log " + LOG, log, forbidden);
        for (String text : texts) {
            scan("message", text, forbidden);
        }
        for (Path root : List.of(cache, invoices)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    scan(f.toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1), forbidden);
                }
            }
        }
    }

    private static void scan(String where, String text, List<String> forbidden) {
        for (String secret : forbidden) {
            assertFalse(text.contains(secret), () -> where + " contains a secret or token");
        }
    }
}
