package io.aurabilling.kernel;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.Secret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's rules that need no server: URLs, backoff, scopes, what toString shows. */
class KernelClientTest {

    private static KernelClient.Builder builder(String auth, String api) {
        return KernelClient.builder().authUrl(URI.create(auth)).apiUrl(URI.create(api))
                .clientId("aura-billing-es-pro").clientSecret(Secret.of("do-not-show-me"));
    }

    @Test
    void onlyHttpsExceptOnLoopback() {
        builder("https://auth.es-pro.baikalplatform.com/token", "https://api.es-pro.baikalplatform.com").build();
        builder("http://127.0.0.1:8080/token", "http://localhost:8080/api").build();
        builder("http://[::1]:8080/token", "http://127.0.0.2/api").build();
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> builder("http://auth.es-pro.baikalplatform.com/token", "https://api.x").build());
        assertTrue(e.getMessage().contains("kernel.auth-url"), e.getMessage());
        assertThrows(ConfigurationException.class, () -> builder("https://a/token", "http://10.0.0.1/api").build());
        assertThrows(ConfigurationException.class, () -> builder("https://a/token", "ftp://127.0.0.1/api").build());
        // a host name that merely starts like a loopback address is not loopback
        assertThrows(ConfigurationException.class,
                () -> builder("https://a/token", "http://127.0.0.1.example.com/api").build());
    }

    @Test
    void toStringNeverShowsTheSecret() {
        KernelClient client = builder("https://a/token", "https://b").purpose("p").build();
        assertEquals("KernelClient[authUrl=https://a/token, apiUrl=https://b, clientId=aura-billing-es-pro, purpose=p]",
                client.toString());
        assertFalse(builder("https://a/token", "https://b").toString().contains("do-not-show-me"));
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofMinutes(1));
        assertEquals(Duration.ofMillis(500), p.backoff(1));
        assertEquals(Duration.ofMillis(1000), p.backoff(2));
        assertEquals(Duration.ofMillis(2000), p.backoff(3));
        assertEquals(Duration.ofMillis(3000), p.backoff(4));
        assertEquals(Duration.ofMillis(3000), p.backoff(60));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void versionedScopesCoverUnversionedOnes() {
        assertTrue(KernelScopes.covers(List.of("data:Aura_Audit:6:read"), "data:Aura_Audit:read"));
        assertTrue(KernelScopes.covers(List.of("data:Aura_Audit:read"), "data:Aura_Audit:read"));
        assertFalse(KernelScopes.covers(List.of("data:Aura_Audit:6:write"), "data:Aura_Audit:read"));
        assertFalse(KernelScopes.covers(List.of("data:Aura_Gateway_Message:6:read"), "data:Aura_Audit:read"));
        assertFalse(KernelScopes.covers(List.of("data:Aura_Audit:x:read"), "data:Aura_Audit:read"));
        assertFalse(KernelScopes.covers(List.of("data:6:read"), "data:read"));
        assertEquals(13, KernelScopes.billingRead().size());
        assertEquals("admin:datasets:read", KernelScopes.billingRead().get(0));
        assertEquals("data:D_Gbl_Country:read", KernelScopes.billingRead().get(12));
        // 13 read scopes plus the write scope of the 8 Aura datasets (not the D_Gbl_* ones)
        assertEquals(24, KernelScopes.botReadWrite().size());
        assertTrue(KernelScopes.botReadWrite().contains("data:D_Gbl_Brand:write"), "every dataset Aura publishes");
        assertEquals(KernelScopes.billingRead().size() + KernelScopes.DATASETS.size(), KernelScopes.botReadWrite().size());
    }

    @Test
    void unsafeListedPathsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new KernelFile("Aura_Audit", 6, "../x.avro", null, 1, "0".repeat(64), "/f"));
        assertThrows(IllegalArgumentException.class,
                () -> new KernelFile("Aura_Audit", 6, "/x.avro", null, 1, "0".repeat(64), "/f"));
        assertEquals("Aura_Audit/DAY_DT=2026-10-01/part-0.avro",
                new KernelFile("Aura_Audit", 6, "DAY_DT=2026-10-01/part-0.avro", null, 1, "0".repeat(64), "/f")
                        .lineageName());
    }
}
