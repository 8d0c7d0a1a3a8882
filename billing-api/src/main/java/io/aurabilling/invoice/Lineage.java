package io.aurabilling.invoice;

import io.aurabilling.usage.InputFile;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where an invoice comes from: the library version, the configuration's hash and the
 * input files.
 *
 * @param libraryVersion the Aura Billing version that produced the invoice
 * @param configSha256 hex SHA-256 of the configuration file's bytes
 * @param inputs the input files, sorted by dataset then file
 */
public record Lineage(String libraryVersion, String configSha256, List<InputFile> inputs) {
    /** Validates and sorts the components. */
    public Lineage {
        requireNonNull(libraryVersion, "libraryVersion is null");
        requireNonNull(configSha256, "configSha256 is null");
        List<InputFile> sorted = new ArrayList<>(inputs);
        sorted.sort(InputFile.ORDER);
        inputs = List.copyOf(sorted);
    }
}
