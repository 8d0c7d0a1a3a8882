package io.aurabilling.kernel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a Kernel preflight found, for the CLI to print (one line each) and to turn into an exit code.
 *
 * @param ok true only when every needed scope is granted
 * @param application the application checked, e.g. {@code aura-billing-es-pro}
 * @param missing the needed scopes not granted, in the order of kernel.md; empty when {@code ok} is
 *                false because Kernel refused the credentials (nothing is known of the scopes then)
 * @param lines the report: a summary line, then one advice line per missing scope
 */
public record PreflightReport(boolean ok, String application, List<String> missing, List<String> lines) {

    /** @return whether Kernel refused the credentials, so that no scope could be checked */
    public boolean credentialsRefused() {
        return !ok && missing.isEmpty();
    }

    /** Validates and copies the components. */
    public PreflightReport {
        requireNonNull(application, "application is null");
        missing = List.copyOf(missing);
        lines = List.copyOf(lines);
    }
}
