package io.aurabilling.cli;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.KernelSettings;
import io.aurabilling.dataset.DatasetSource;
import io.aurabilling.kernel.KernelCache;
import io.aurabilling.kernel.KernelClient;
import io.aurabilling.kernel.KernelDatasetSource;
import io.aurabilling.kernel.KernelPreflight;
import io.aurabilling.kernel.PreflightReport;

import java.time.YearMonth;

import static java.util.Objects.requireNonNull;

/**
 * Where the command meets Kernel: {@code run --kernel} reads the datasets through the Kernel
 * client into the configured cache, and {@code preflight} checks the credentials and scopes.
 */
public final class KernelDatasets {
    private KernelDatasets() {
    }

    private static KernelSettings settings(BillingConfig config, String what) {
        return config.kernelSettings().orElseThrow(() -> new ConfigurationException(what + " needs a kernel: section in "
                + config.source() + " (environment, client-id, client-secret: ${env:…}); see docs/kernel.md"));
    }

    /**
     * The Kernel dataset source of a configuration, for one month.
     *
     * @param config the configuration (its {@code kernel:} section)
     * @param month the billing month (the files listed are those of the month with a margin)
     * @return the source
     * @throws ConfigurationException when the configuration has no {@code kernel:} section
     */
    public static DatasetSource source(BillingConfig config, YearMonth month) {
        requireNonNull(config, "config is null");
        KernelSettings settings = settings(config, "--kernel");
        KernelClient client = KernelClient.builder(settings).build();
        return KernelDatasetSource.of(client, KernelCache.of(settings.cache()), month);
    }

    /**
     * Checks Kernel credentials and scopes for preflight, with the configured credentials: those of
     * the billing application ({@code aura-billing-<env>}), or with {@code bot} those of the bot
     * application ({@code aura-bot-<env>}: the billing scopes and every {@code :write} scope of the
     * Aura datasets). A token shows one application's scopes, so one check per run.
     *
     * @param config the configuration, with a {@code kernel:} section
     * @param bot whether the configured credentials are the bot application's
     * @return the report
     * @throws io.aurabilling.RemoteServiceException when Kernel cannot be reached after retries
     */
    public static PreflightReport check(BillingConfig config, boolean bot) {
        requireNonNull(config, "config is null");
        KernelSettings settings = settings(config, "preflight");
        KernelClient client = KernelClient.builder(settings).build();
        return bot ? KernelPreflight.checkBot(client, settings.environment())
                : KernelPreflight.checkBilling(client, settings.environment());
    }
}
