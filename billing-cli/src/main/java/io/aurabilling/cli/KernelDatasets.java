package io.aurabilling.cli;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.dataset.DatasetSource;

import static java.util.Objects.requireNonNull;

/**
 * Where the command meets Kernel ({@code run --kernel}, preflight's Kernel checks). The Kernel
 * client comes with its own issue; until then both say so and fail as a configuration error
 * (exit 2). Wiring it later means replacing the bodies of {@link #source} and {@link #check}.
 */
public final class KernelDatasets {
    /** The message of every Kernel feature that is not there yet. */
    static final String NOT_AVAILABLE = "reading datasets from Kernel is not available yet in this version; "
            + "download the datasets into a folder (<DIR>/<Dataset>/**.avro) and use --datasets DIR";

    private KernelDatasets() {
    }

    /**
     * The Kernel dataset source of a configuration.
     *
     * @param config the configuration (its {@code kernel:} section)
     * @return the source
     * @throws ConfigurationException always, for now: Kernel is not available yet
     */
    public static DatasetSource source(BillingConfig config) {
        requireNonNull(config, "config is null");
        throw new ConfigurationException("--kernel: " + NOT_AVAILABLE);
    }

    /**
     * Checks Kernel credentials and scopes for preflight.
     *
     * @param config the configuration, with a {@code kernel:} section
     * @return what was checked, one line
     * @throws ConfigurationException always, for now: Kernel is not available yet
     */
    public static String check(BillingConfig config) {
        requireNonNull(config, "config is null");
        throw new ConfigurationException("kernel: checking Kernel credentials and scopes is not available yet in "
                + "this version; remove the kernel: section from " + config.source()
                + " and bill from a dataset folder with --datasets DIR");
    }
}
