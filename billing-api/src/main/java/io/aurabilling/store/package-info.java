/**
 * The write-once object store invoices are filed in (a local folder, an Azure Blob
 * container, …). See {@link io.aurabilling.store.InvoiceStore}.
 */
package io.aurabilling.store;
