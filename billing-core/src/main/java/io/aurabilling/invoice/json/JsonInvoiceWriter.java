package io.aurabilling.invoice.json;

import io.aurabilling.invoice.DataQuality;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceCharge;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.invoice.UnitPrice;
import io.aurabilling.pricing.Tier;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.InputFile;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes the machine-readable invoice of {@code invoice-json.md}: UTF-8, keys in the
 * contract's order, two-space indentation, amounts as strings with exactly the
 * currency's minor-unit scale ({@code exactAmount} and {@code unitPrice} with their own),
 * a final newline. Byte-deterministic. Registered as the invoice writer {@code json}.
 */
public final class JsonInvoiceWriter implements InvoiceWriter {
    /** The {@code schema} value of every invoice written. */
    public static final String SCHEMA = "aura-billing/invoice/v1";
    private static final DateTimeFormatter OFFSET_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", java.util.Locale.ROOT);

    /** Creates the writer. */
    public JsonInvoiceWriter() {
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void write(Invoice invoice, OutputStream out) throws IOException {
        out.write(toJson(invoice).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The invoice as JSON text.
     *
     * @param invoice the invoice
     * @return the document, ending with a newline
     */
    public String toJson(Invoice invoice) {
        int scale = invoice.currency().getDefaultFractionDigits();
        JsonText j = new JsonText().beginObject();
        j.name("schema").value(SCHEMA);
        j.name("number").value(invoice.number());
        j.name("revision").value(invoice.revision());
        j.name("supersedes").value(invoice.supersedes());
        j.name("reason").value(invoice.reason());
        j.name("issuer").beginObject().name("name").value(invoice.issuer().name());
        if (invoice.issuer().address() != null) {
            j.name("address").value(invoice.issuer().address());
        }
        j.endObject();
        j.name("ob").beginObject().name("country").value(invoice.ob().country())
                .name("name").value(invoice.ob().name()).endObject();
        BillingPeriod period = invoice.period();
        j.name("period").beginObject()
                .name("month").value(period.monthText())
                .name("timezone").value(period.zone().getId())
                .name("start").value(OFFSET_TIME.format(period.startDateTime()))
                .name("end").value(OFFSET_TIME.format(period.endDateTime()))
                .endObject();
        j.name("currency").value(invoice.currency().getCurrencyCode());
        j.name("model").value(invoice.model());
        j.name("components").beginArray();
        for (InvoiceComponent c : invoice.components()) {
            j.beginObject();
            j.name("componentId").value(c.componentId());
            j.name("componentName").value(c.componentName());
            j.name("queries").value(c.queries());
            j.name("exactAmount").value(c.exactAmount().toPlainString());
            j.name("amount").value(money(c.amount(), scale));
            if (!c.tiers().isEmpty()) {
                j.name("tiers").beginArray();
                for (Tier t : c.tiers()) {
                    tier(j, t);
                }
                j.endArray();
            }
            j.name("lines").beginArray();
            for (InvoiceLine l : c.lines()) {
                j.beginObject();
                j.name("appId").value(l.appId());
                j.name("appName").value(l.appName());
                j.name("queries").value(l.queries());
                j.name("unitPrice").value(l.unitPrice().toPlainString());
                j.name("exactAmount").value(l.exactAmount().toPlainString());
                j.name("amount").value(money(l.amount(), scale));
                j.endObject();
            }
            j.endArray();
            j.endObject();
        }
        j.endArray();
        charges(j, "fees", invoice.fees(), scale);
        charges(j, "adjustments", invoice.adjustments(), scale);
        j.name("totalQueries").value(invoice.totalQueries());
        j.name("totalRequests").value(invoice.totalRequests());
        j.name("subtotal").value(money(invoice.subtotal(), scale));
        j.name("total").value(money(invoice.total(), scale));
        dataQuality(j, invoice.dataQuality());
        j.name("lineage").beginObject();
        j.name("libraryVersion").value(invoice.lineage().libraryVersion());
        j.name("configSha256").value(invoice.lineage().configSha256());
        j.name("inputs").beginArray();
        for (InputFile f : invoice.lineage().inputs()) {
            j.beginObject().name("dataset").value(f.dataset()).name("version").value(f.version())
                    .name("file").value(f.file()).name("sha256").value(f.sha256()).name("rows").value(f.rows())
                    .endObject();
        }
        j.endArray().endObject();
        return j.endObject().finish();
    }

    private static void tier(JsonText j, Tier t) {
        j.beginObject();
        j.name("upTo").value(t.upTo());
        j.name("queries").value(t.queries());
        if (t.isPackage()) {
            j.name("packages").value(t.packages());
            j.name("size").value(t.size());
        }
        j.name("unitPrice").value(UnitPrice.shown(t.unitPrice()).toPlainString());
        j.name("exactAmount").value(t.exactAmount().toPlainString());
        j.endObject();
    }

    private static void charges(JsonText j, String name, List<InvoiceCharge> charges, int scale) {
        j.name(name).beginArray();
        for (InvoiceCharge c : charges) {
            j.beginObject().name("kind").value(c.kind()).name("description").value(c.description())
                    .name("amount").value(money(c.amount(), scale)).endObject();
        }
        j.endArray();
    }

    private static void dataQuality(JsonText j, DataQuality q) {
        j.name("dataQuality").beginObject();
        j.name("rowsRead").value(q.rowsRead());
        j.name("rowsBilled").value(q.rowsBilled());
        j.name("excluded").beginObject();
        for (Exclusion e : Exclusion.PER_INVOICE) {
            j.name(e.name()).value(q.excluded(e));
        }
        j.endObject();
        j.name("unknownIds").beginObject();
        counts(j, "component", q.unknownIds().component());
        counts(j, "app", q.unknownIds().app());
        counts(j, "channel", q.unknownIds().channel());
        counts(j, "preset", q.unknownIds().preset());
        j.endObject();
        counts(j, "unpriced", q.unpriced());
        j.endObject();
    }

    private static void counts(JsonText j, String name, Map<String, Long> counts) {
        j.name(name).beginObject();
        counts.forEach((id, n) -> j.name(id).value(n));
        j.endObject();
    }

    /** An amount with exactly the currency's minor-unit scale. */
    private static String money(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }
}
