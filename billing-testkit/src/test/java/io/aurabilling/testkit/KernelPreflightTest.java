package io.aurabilling.testkit;

import io.aurabilling.config.Secret;
import io.aurabilling.kernel.KernelClient;
import io.aurabilling.kernel.KernelPreflight;
import io.aurabilling.kernel.KernelScopes;
import io.aurabilling.kernel.PreflightReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preflight against the simulator: granted scopes, missing scopes and their exact advice. */
class KernelPreflightTest {
    @TempDir
    Path cache;

    private KernelClient client(KernelSimulator kernel) {
        return SimulatedMonth.client(kernel, cache, new ArrayList<>()).build();
    }

    @Test
    void everyScopeGrantedIsOk() {
        try (KernelSimulator kernel = KernelSimulator.builder().clientSecret("s").start()) {
            PreflightReport report = KernelPreflight.checkBilling(client(kernel), "es-pro");
            assertTrue(report.ok());
            assertEquals(List.of(), report.missing());
            assertEquals(List.of("Kernel application aura-billing-es-pro: all 13 needed scopes are granted"),
                    report.lines());
        }
    }

    @Test
    void versionedScopesCoverTheUnversionedOnes() {
        List<String> assigned = new ArrayList<>(KernelScopes.billingRead());
        assigned.replaceAll(s -> s.startsWith("data:") && !s.equals("data:read")
                ? s.replace(":read", ":6:read") : s);
        try (KernelSimulator kernel = KernelSimulator.builder().clientSecret("s").assignScopes(assigned).start()) {
            assertTrue(KernelPreflight.checkBilling(client(kernel), "es-pro").ok());
        }
    }

    @Test
    void missingScopesGetTheExactAdvice() {
        List<String> assigned = new ArrayList<>(KernelScopes.billingRead());
        assigned.remove("data:read");
        assigned.remove("data:Aura_Audit:read");
        assigned.add("data:Aura_Gateway_Message:5:write");
        try (KernelSimulator kernel = KernelSimulator.builder().clientSecret("s").assignScopes(assigned).start()) {
            PreflightReport report = KernelPreflight.checkBilling(client(kernel), "br-pro");
            assertFalse(report.ok());
            assertEquals(List.of("data:read", "data:Aura_Audit:read"), report.missing());
            assertEquals(List.of(
                    "Kernel application aura-billing-br-pro: 2 of 13 needed scopes are missing",
                    "ask the Kernel Team to assign scope data:read to the purpose of application aura-billing-br-pro",
                    "ask the Kernel Team to assign scope data:Aura_Audit:read to the purpose of application"
                            + " aura-billing-br-pro"), report.lines());
        }
    }

    @Test
    void theAdviceNamesTheConfiguredPurpose() {
        List<String> assigned = new ArrayList<>(KernelScopes.billingRead());
        assigned.remove("data:D_Gbl_Country:read");
        try (KernelSimulator kernel = KernelSimulator.builder().clientSecret("s").purpose("aura-kpi-data-read-purpose")
                .assignScopes(assigned).start()) {
            PreflightReport report = KernelPreflight.checkBilling(client(kernel), "es-pro");
            assertEquals(List.of("Kernel application aura-billing-es-pro: 1 of 13 needed scopes are missing",
                    "ask the Kernel Team to assign scope data:D_Gbl_Country:read to the purpose of application"
                            + " aura-billing-es-pro (purpose aura-kpi-data-read-purpose)"), report.lines());
        }
    }

    @Test
    void theBotNeedsTheWriteScopeOfEveryAuraDataset() {
        List<String> assigned = new ArrayList<>(KernelScopes.billingRead());
        assigned.add("data:Aura_Audit:write");
        assigned.add("data:D_Aura_App:6:write");
        try (KernelSimulator kernel = KernelSimulator.builder().clientId("aura-bot-es-pro").clientSecret("b")
                .assignScopes(assigned).start()) {
            KernelClient bot = KernelClient.builder(kernel.settings(cache)).build();
            PreflightReport report = KernelPreflight.checkBot(bot, "es-pro");
            assertFalse(report.ok());
            // every dataset Aura publishes, the D_Gbl_* ones included
            assertEquals(List.of("data:Aura_Gateway_Message:write", "data:D_Aura_Channel:write",
                    "data:D_Aura_Component:write", "data:D_Aura_Preset:write", "data:D_Aura_Recognizer:write",
                    "data:D_Aura_Skill:write", "data:D_Gbl_Brand:write", "data:D_Gbl_Contact_Channel:write",
                    "data:D_Gbl_Country:write"), report.missing());
            assertEquals("ask the Kernel Team to assign scope data:D_Gbl_Country:write to the purpose of application"
                    + " aura-bot-es-pro", report.lines().get(report.lines().size() - 1));
            assertEquals("Kernel application aura-bot-es-pro: 9 of 24 needed scopes are missing", report.lines().get(0));
        }
    }

    @Test
    void refusedCredentialsAreAFailedCheckWithoutTheSecret() {
        try (KernelSimulator kernel = KernelSimulator.builder().clientSecret("right-secret").start()) {
            KernelClient wrong = KernelClient.builder(kernel.settings(cache)).clientSecret(Secret.of("wrong-secret"))
                    .build();
            PreflightReport report = KernelPreflight.checkBilling(wrong, "es-pro");
            assertFalse(report.ok());
            assertEquals(1, report.lines().size());
            String line = report.lines().get(0);
            assertTrue(line.startsWith("Kernel application aura-billing-es-pro: Kernel refused the credentials of"
                    + " application aura-billing-sim"), line);
            assertTrue(line.contains("HTTP 401, invalid_client"), line);
            assertTrue(line.contains("check kernel.client-id, kernel.client-secret and kernel.purpose"), line);
            assertFalse(line.contains("wrong-secret") || line.contains("right-secret"), line);
        }
    }
}
