/**
 * A deterministic synthetic Aura month in the local dataset layout (cli.md), for the demo,
 * the tests and the benchmark: {@link io.aurabilling.dataset.synthetic.AuraMonthGenerator},
 * its {@link io.aurabilling.dataset.synthetic.GeneratorOptions}, the matching sample
 * {@code billing.yaml} ({@link io.aurabilling.dataset.synthetic.SampleConfig}) and the
 * command line ({@link io.aurabilling.dataset.synthetic.GenerateMain}).
 */
package io.aurabilling.dataset.synthetic;
