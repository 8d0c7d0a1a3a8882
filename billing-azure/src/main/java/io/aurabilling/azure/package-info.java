/**
 * Azure Blob Storage: the production invoice store
 * ({@link io.aurabilling.azure.AzureBlobInvoiceStore}) and Aura datasets read from a
 * container ({@link io.aurabilling.azure.AzureDatasetFiles}). HTTP goes through the JDK
 * client; Netty is not used.
 */
package io.aurabilling.azure;
