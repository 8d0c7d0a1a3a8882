/**
 * Invoice history on any {@link io.aurabilling.store.InvoiceStore}: the layout, metadata,
 * re-run rules, revisions and race handling of {@code storage.md}. Start at
 * {@link io.aurabilling.store.history.InvoiceHistory}.
 */
package io.aurabilling.store.history;
