package io.aurabilling.store.history;

import io.aurabilling.ConfigurationException;

/**
 * Whether a run may issue a new revision when a different invoice is already stored
 * ({@code billing run --revise --reason TEXT}).
 *
 * @param revise whether a revision is asked for
 * @param reason why (required and not blank when {@code revise}), else {@code null}
 */
public record RevisionRequest(boolean revise, String reason) {
    /** No revision: a different stored invoice is a conflict. */
    public static final RevisionRequest NONE = new RevisionRequest(false, null);

    /**
     * Validates the components.
     *
     * @throws ConfigurationException when a revision is asked for without a reason
     */
    public RevisionRequest {
        if (revise && (reason == null || reason.isBlank())) {
            throw new ConfigurationException("a revision needs a reason: add --reason \"why the invoice changes\"");
        }
        if (!revise && reason != null) {
            throw new ConfigurationException("--reason is only used with --revise");
        }
    }

    /**
     * Asks for a revision.
     *
     * @param reason why the invoice is revised
     * @return the request
     */
    public static RevisionRequest revise(String reason) {
        return new RevisionRequest(true, reason);
    }
}
