package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.Invoice;
import org.apache.poi.ooxml.POIXMLProperties;

import java.util.Date;
import java.util.Optional;

/**
 * The workbook's document properties, all taken from the invoice: the dates are the end of the
 * billing period, never the clock, so that the same invoice gives the same bytes.
 */
final class DocumentProperties {
    private DocumentProperties() {
    }

    /**
     * Sets title, creator, identifier, dates and custom properties.
     *
     * @param properties the workbook's properties
     * @param invoice the invoice
     */
    static void apply(POIXMLProperties properties, Invoice invoice) {
        Date periodEnd = Date.from(invoice.period().end());
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle(title(invoice));
        core.setSubjectProperty("Aura usage of " + invoice.ob().name() + " in " + invoice.period().monthText());
        core.setCreator(invoice.issuer().name());
        core.setLastModifiedByUser(invoice.issuer().name());
        core.setIdentifier(invoice.fileBaseName());
        core.setKeywords("Aura; invoice; " + invoice.ob().country() + "; " + invoice.period().monthText());
        core.setCategory("Invoice");
        core.setCreated(Optional.of(periodEnd));
        core.setModified(Optional.of(periodEnd));
        POIXMLProperties.ExtendedProperties extended = properties.getExtendedProperties();
        extended.setCompany(invoice.issuer().name());
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        custom.addProperty("Invoice number", invoice.number());
        custom.addProperty("Revision", invoice.revision());
        custom.addProperty("OB", invoice.ob().country());
        custom.addProperty("Period", invoice.period().monthText());
        custom.addProperty("Currency", invoice.currency().getCurrencyCode());
        custom.addProperty("Total", invoice.total().toPlainString());
    }

    /**
     * The document title.
     *
     * @param invoice the invoice
     * @return e.g. {@code Invoice LIC-BRA-202610 r1, Telefônica Brasil, 2026-10}
     */
    static String title(Invoice invoice) {
        return "Invoice " + invoice.number() + " r" + invoice.revision() + ", " + invoice.ob().name()
                + ", " + invoice.period().monthText();
    }
}
