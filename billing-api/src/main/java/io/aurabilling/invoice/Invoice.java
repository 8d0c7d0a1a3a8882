package io.aurabilling.invoice;

import io.aurabilling.usage.BillingPeriod;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An invoice for one OB and one period: the single object every writer (JSON, XLSX)
 * renders. Amounts are already rounded to the currency's minor units and add up:
 * lines to their component, {@code subtotal = components + fees},
 * {@code total = subtotal + adjustments}. Build one with {@link #builder()}.
 *
 * @param number the invoice number, {@code <prefix>-<OB>-<YYYYMM>}
 * @param revision 1 for the first issue, then 2, 3, … for corrections
 * @param supersedes the {@code number-r<revision>} this one replaces, or {@code null}
 * @param reason why this revision was issued, or {@code null}
 * @param issuer who issues it
 * @param ob to whom
 * @param period the billing period in the OB's zone
 * @param currency the invoice currency
 * @param model the pricing model's name
 * @param components components with billed queries, sorted by id
 * @param fees charges that belong to no component (e.g. a flat fee)
 * @param adjustments discount and minimum true-up, in the order applied
 * @param totalQueries billed queries
 * @param totalRequests distinct interactions among billed rows
 * @param subtotal components + fees
 * @param total subtotal + adjustments
 * @param dataQuality this OB's row accounting and data-quality findings
 * @param lineage where the invoice comes from
 */
public record Invoice(String number, int revision, String supersedes, String reason, Issuer issuer,
                      OperatingBusiness ob, BillingPeriod period, Currency currency, String model,
                      List<InvoiceComponent> components, List<InvoiceCharge> fees, List<InvoiceCharge> adjustments,
                      long totalQueries, long totalRequests, BigDecimal subtotal, BigDecimal total,
                      DataQuality dataQuality, Lineage lineage) {

    /** Validates and copies the components. */
    public Invoice {
        requireNonNull(number, "number is null");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
        requireNonNull(issuer, "issuer is null");
        requireNonNull(ob, "ob is null");
        requireNonNull(period, "period is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(model, "model is null");
        components = List.copyOf(components);
        fees = List.copyOf(fees);
        adjustments = List.copyOf(adjustments);
        requireNonNull(subtotal, "subtotal is null");
        requireNonNull(total, "total is null");
        requireNonNull(dataQuality, "dataQuality is null");
        requireNonNull(lineage, "lineage is null");
    }

    /** @return a builder with revision 1 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this invoice's values */
    public Builder toBuilder() {
        return new Builder().number(number).revision(revision).supersedes(supersedes).reason(reason)
                .issuer(issuer).ob(ob).period(period).currency(currency).model(model)
                .components(components).fees(fees).adjustments(adjustments)
                .totalQueries(totalQueries).totalRequests(totalRequests)
                .subtotal(subtotal).total(total).dataQuality(dataQuality).lineage(lineage);
    }

    /**
     * The same invoice as another revision.
     *
     * @param newRevision the revision number
     * @param supersededRevision the {@code number-r<revision>} it replaces, or {@code null}
     * @param why the reason, or {@code null}
     * @return the revised invoice
     */
    public Invoice withRevision(int newRevision, String supersededRevision, String why) {
        return toBuilder().revision(newRevision).supersedes(supersededRevision).reason(why).build();
    }

    /** @return {@code <number>-r<revision>}, the base name of the stored files */
    public String fileBaseName() {
        return number + "-r" + revision;
    }

    /** Builds an {@link Invoice}. */
    public static final class Builder {
        private String number;
        private int revision = 1;
        private String supersedes;
        private String reason;
        private Issuer issuer;
        private OperatingBusiness ob;
        private BillingPeriod period;
        private Currency currency;
        private String model;
        private List<InvoiceComponent> components = List.of();
        private List<InvoiceCharge> fees = List.of();
        private List<InvoiceCharge> adjustments = List.of();
        private long totalQueries;
        private long totalRequests;
        private BigDecimal subtotal;
        private BigDecimal total;
        private DataQuality dataQuality;
        private Lineage lineage;

        private Builder() {
        }

        /** @param v the invoice number @return this builder */
        public Builder number(String v) {
            number = v;
            return this;
        }

        /** @param v the revision @return this builder */
        public Builder revision(int v) {
            revision = v;
            return this;
        }

        /** @param v the superseded {@code number-rN}, or null @return this builder */
        public Builder supersedes(String v) {
            supersedes = v;
            return this;
        }

        /** @param v the revision's reason, or null @return this builder */
        public Builder reason(String v) {
            reason = v;
            return this;
        }

        /** @param v the issuer @return this builder */
        public Builder issuer(Issuer v) {
            issuer = v;
            return this;
        }

        /** @param v the OB @return this builder */
        public Builder ob(OperatingBusiness v) {
            ob = v;
            return this;
        }

        /** @param v the period @return this builder */
        public Builder period(BillingPeriod v) {
            period = v;
            return this;
        }

        /** @param v the currency @return this builder */
        public Builder currency(Currency v) {
            currency = v;
            return this;
        }

        /** @param v the pricing model's name @return this builder */
        public Builder model(String v) {
            model = v;
            return this;
        }

        /** @param v the components @return this builder */
        public Builder components(List<InvoiceComponent> v) {
            components = v;
            return this;
        }

        /** @param v the fees @return this builder */
        public Builder fees(List<InvoiceCharge> v) {
            fees = v;
            return this;
        }

        /** @param v the adjustments @return this builder */
        public Builder adjustments(List<InvoiceCharge> v) {
            adjustments = v;
            return this;
        }

        /** @param v billed queries @return this builder */
        public Builder totalQueries(long v) {
            totalQueries = v;
            return this;
        }

        /** @param v distinct requests @return this builder */
        public Builder totalRequests(long v) {
            totalRequests = v;
            return this;
        }

        /** @param v the subtotal @return this builder */
        public Builder subtotal(BigDecimal v) {
            subtotal = v;
            return this;
        }

        /** @param v the total @return this builder */
        public Builder total(BigDecimal v) {
            total = v;
            return this;
        }

        /** @param v the data-quality section @return this builder */
        public Builder dataQuality(DataQuality v) {
            dataQuality = v;
            return this;
        }

        /** @param v the lineage @return this builder */
        public Builder lineage(Lineage v) {
            lineage = v;
            return this;
        }

        /** @return the invoice */
        public Invoice build() {
            return new Invoice(number, revision, supersedes, reason, issuer, ob, period, currency, model,
                    components, fees, adjustments, totalQueries, totalRequests, subtotal, total, dataQuality, lineage);
        }
    }
}
