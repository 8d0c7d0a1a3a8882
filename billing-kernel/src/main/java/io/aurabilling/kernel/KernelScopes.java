package io.aurabilling.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The Kernel scopes of kernel.md and the rule that a granted versioned scope
 * ({@code data:Aura_Audit:6:read}) covers the unversioned one ({@code data:Aura_Audit:read}).
 */
public final class KernelScopes {

    /** The datasets billing reads, in the order of kernel.md. */
    public static final List<String> DATASETS = List.of("Aura_Audit", "Aura_Gateway_Message", "D_Aura_App",
            "D_Aura_Channel", "D_Aura_Component", "D_Aura_Preset", "D_Aura_Recognizer", "D_Aura_Skill",
            "D_Gbl_Brand", "D_Gbl_Contact_Channel", "D_Gbl_Country");

    /**
     * The datasets Aura publishes into Kernel (all of {@link #DATASETS}, the {@code D_Gbl_*} ones
     * included: datasets/README.md lists them among Aura's): the bot writes these.
     */
    public static final List<String> AURA_DATASETS = DATASETS;

    private KernelScopes() {
    }

    /**
     * The scopes the billing application needs: {@code admin:datasets:read}, {@code data:read} and
     * {@code data:<Dataset>:read} for each of {@link #DATASETS}.
     *
     * @return the scopes in kernel.md order
     */
    public static List<String> billingRead() {
        List<String> scopes = new ArrayList<>();
        scopes.add("admin:datasets:read");
        scopes.add("data:read");
        for (String d : DATASETS) {
            scopes.add(read(d));
        }
        return List.copyOf(scopes);
    }

    /**
     * The scopes of the {@code aura-bot-<env>} application: the read scopes plus
     * {@code data:<Dataset>:write} for each of {@link #AURA_DATASETS}.
     *
     * @return the scopes
     */
    public static List<String> botReadWrite() {
        List<String> scopes = new ArrayList<>(billingRead());
        for (String d : AURA_DATASETS) {
            scopes.add("data:" + d + ":write");
        }
        return List.copyOf(scopes);
    }

    /**
     * @param dataset a dataset name
     * @return {@code data:<dataset>:read}
     */
    public static String read(String dataset) {
        return "data:" + requireNonNull(dataset, "dataset is null") + ":read";
    }

    /**
     * Whether granted scopes cover a needed one: the same scope, or for {@code data:<Dataset>:<op>} a
     * versioned {@code data:<Dataset>:<version>:<op>}.
     *
     * @param granted the granted scopes
     * @param needed the needed scope
     * @return true when covered
     */
    public static boolean covers(Collection<String> granted, String needed) {
        requireNonNull(granted, "granted is null");
        requireNonNull(needed, "needed is null");
        if (granted.contains(needed)) {
            return true;
        }
        String[] n = needed.split(":", -1);
        if (n.length != 3 || !"data".equals(n[0])) {
            return false;
        }
        for (String g : granted) {
            String[] p = g.split(":", -1);
            if (p.length == 4 && "data".equals(p[0]) && p[1].equals(n[1]) && p[3].equals(n[2])
                    && !p[2].isEmpty() && p[2].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }
}
