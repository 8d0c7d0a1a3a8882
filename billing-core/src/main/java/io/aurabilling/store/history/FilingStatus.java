package io.aurabilling.store.history;

/** What filing an invoice did. */
public enum FilingStatus {
    /** A new revision was written. */
    CREATED,
    /** The latest stored revision has the same content: nothing was written. */
    UNCHANGED,
    /** An interrupted write (XLSX without JSON) rendered the same and was completed. */
    COMPLETED
}
