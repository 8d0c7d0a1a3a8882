package io.aurabilling.kernel;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Checks that an application can get the Kernel scopes it needs, and says, per missing scope, what to
 * ask the Kernel Team for, in the words of the OB task list:
 * {@code ask the Kernel Team to assign scope data:Aura_Audit:read to the purpose of application aura-billing-es-pro}
 * (with the configured purpose named after it: {@code … of application aura-billing-es-pro (purpose aura-kpi-data-read-purpose)}).
 *
 * <p>It asks for one token with every needed scope and compares the granted scopes (the token
 * response's {@code scope}) with them; a granted versioned scope ({@code data:Aura_Audit:6:read})
 * covers the unversioned one. Kernel refusing the credentials is reported as a failed check, not an
 * exception; an unreachable Kernel throws {@link io.aurabilling.RemoteServiceException}.
 */
public final class KernelPreflight {

    private KernelPreflight() {
    }

    /**
     * @param environment the Kernel environment, e.g. {@code es-pro}
     * @return {@code aura-billing-<environment>}
     */
    public static String billingApplication(String environment) {
        return "aura-billing-" + requireNonNull(environment, "environment is null");
    }

    /**
     * @param environment the Kernel environment, e.g. {@code es-pro}
     * @return {@code aura-bot-<environment>}
     */
    public static String botApplication(String environment) {
        return "aura-bot-" + requireNonNull(environment, "environment is null");
    }

    /**
     * Checks the billing application: {@link KernelScopes#billingRead()}.
     *
     * @param client a client with the billing application's credentials
     * @param environment the Kernel environment
     * @return the report
     */
    public static PreflightReport checkBilling(KernelClient client, String environment) {
        return check(client, billingApplication(environment), KernelScopes.billingRead());
    }

    /**
     * Checks the bot application: {@link KernelScopes#botReadWrite()} (the read scopes and every
     * {@code :write} scope of the Aura datasets).
     *
     * @param client a client with the bot application's credentials
     * @param environment the Kernel environment
     * @return the report
     */
    public static PreflightReport checkBot(KernelClient client, String environment) {
        return check(client, botApplication(environment), KernelScopes.botReadWrite());
    }

    /**
     * Checks any application and scope list.
     *
     * @param client a client with the application's credentials
     * @param application the application name for the advice, e.g. {@code aura-billing-es-pro}
     * @param needed the scopes it needs
     * @return the report
     * @throws io.aurabilling.RemoteServiceException when the token endpoint cannot be reached after retries
     */
    public static PreflightReport check(KernelClient client, String application, List<String> needed) {
        requireNonNull(client, "client is null");
        requireNonNull(application, "application is null");
        requireNonNull(needed, "needed is null");
        TokenGrant grant;
        try {
            grant = client.requestToken(needed);
        } catch (KernelAuthenticationException e) {
            return new PreflightReport(false, application, List.of(),
                    List.of("Kernel application " + application + ": " + e.getMessage()));
        }
        List<String> missing = new ArrayList<>();
        for (String scope : needed) {
            if (!grant.covers(scope)) {
                missing.add(scope);
            }
        }
        List<String> lines = new ArrayList<>();
        if (missing.isEmpty()) {
            lines.add("Kernel application " + application + ": all " + needed.size() + " needed scopes are granted");
        } else {
            lines.add("Kernel application " + application + ": " + missing.size() + " of " + needed.size()
                    + " needed scopes are missing");
            // the words of kernel.md verbatim, then the configured purpose's name
            String purpose = client.purpose().map(p -> " (purpose " + p + ")").orElse("");
            for (String scope : missing) {
                lines.add(advice(scope, application) + purpose);
            }
        }
        return new PreflightReport(missing.isEmpty(), application, missing, lines);
    }

    private static String advice(String scope, String application) {
        return "ask the Kernel Team to assign scope " + scope + " to the purpose of application " + application;
    }
}
