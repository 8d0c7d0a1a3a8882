package io.aurabilling.store;

/** What {@link InvoiceStore#createIfAbsent} did. */
public enum CreateOutcome {
    /** The object was created by this call (or by an automatic retry of this same call). */
    CREATED,
    /** An object of that name already existed; nothing was written. */
    ALREADY_EXISTS
}
