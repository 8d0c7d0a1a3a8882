package io.aurabilling.store.history;

/** How a stored revision stands in the history. */
public enum RevisionState {
    /** The newest complete revision: the invoice in force. */
    LATEST,
    /** A complete revision replaced by a later one. */
    SUPERSEDED,
    /** An interrupted write (no JSON) that a later revision replaced; never issued. */
    ABANDONED,
    /** An interrupted write (no JSON) newer than every complete revision: the next run completes or abandons it. */
    INTERRUPTED
}
