package io.aurabilling.cli;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.config.yaml.ObSettings;
import io.aurabilling.config.yaml.PricingVersion;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.kernel.PreflightReport;
import io.aurabilling.store.history.InvoiceHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code billing preflight}: checks the configuration (every key, every pricing version
 * against its model), Kernel access when configured, and that the store can be listed;
 * prints one {@code ok} line per check, or fails with one line saying what to fix.
 */
@Command(name = "preflight", mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
        description = "Checks configuration, Kernel credentials and scopes, and store access, and says what to fix.")
public final class PreflightCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The billing.yaml to check.")
    Path config;

    @Option(names = "--bot", description = "The configured Kernel credentials are those of the aura-bot-<env> "
            + "application: check its scopes (the billing ones and every :write scope of the Aura datasets) "
            + "instead of aura-billing-<env>'s.")
    boolean bot;

    @Mixin
    StoreOptions storeOptions;

    /** Used by picocli. */
    public PreflightCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BillingConfig loaded = BillingConfigLoader.load(config);
        // building the engine checks every pricing version against its model
        BillingEngine engine = BillingEngine.builder().config(loaded).build();
        TreeSet<String> models = new TreeSet<>();
        for (ObSettings ob : loaded.obs().values()) {
            for (PricingVersion version : ob.pricing()) {
                models.add(version.model());
            }
        }
        out.println("ok config " + config + ": " + loaded.obs().size() + (loaded.obs().size() == 1 ? " OB (" : " OBs (") + String.join(", ", loaded.obs().keySet())
                + "), models " + String.join(", ", models) + ", writers " + String.join(", ", writers(engine)));
        out.flush();
        PreflightReport kernel = null;
        if (loaded.kernelSettings().isPresent()) {
            kernel = KernelDatasets.check(loaded, bot);
            String status = kernel.ok() ? "ok" : kernel.credentialsRefused() ? "REFUSED" : "MISSING";
            for (String line : kernel.lines()) {
                out.println(status + " kernel: " + line);
                status = "  ";
            }
        } else if (bot) {
            throw new ConfigurationException("--bot checks Kernel scopes: add a kernel: section to " + config);
        } else {
            out.println("ok kernel: not configured (datasets are read from a local folder with --datasets)");
        }
        out.flush();
        StoreOptions.OpenedStore store = storeOptions.open(loaded);
        // listing reaches the folder or container with the configured credentials
        int stored = InvoiceHistory.of(store.store(), engine.invoiceWriters().values()).list(null, null).size();
        out.println("ok store " + store.store().location() + ": reachable, " + stored + " stored revisions");
        out.flush();
        if (kernel != null && kernel.credentialsRefused()) {
            // credentials or access that are not right yet are a configuration matter: exit 2
            spec.commandLine().getErr().println("preflight: Kernel refused the credentials of application "
                    + kernel.application() + "; check kernel.client-id, kernel.client-secret and kernel.purpose, "
                    + "then run preflight again");
            return ConfigurationException.EXIT_CODE;
        }
        if (kernel != null && !kernel.ok()) {
            spec.commandLine().getErr().println("preflight: Kernel access is incomplete (" + kernel.missing().size()
                    + " missing); ask the Kernel Team for the scopes listed above, then run preflight again");
            return ConfigurationException.EXIT_CODE;
        }
        return 0;
    }

    private static List<String> writers(BillingEngine engine) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ?> e : engine.invoiceWriters().entrySet()) {
            names.add(e.getKey());
        }
        return names;
    }
}
