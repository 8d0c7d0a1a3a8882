package io.aurabilling.dataset;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory {@link DatasetSource}. It lists files in insertion order, deliberately not sorted,
 * so tests can check that the reader orders them itself.
 */
final class MemorySource implements DatasetSource {
    private final Map<String, Map<String, byte[]>> datasets = new LinkedHashMap<>();

    MemorySource put(String dataset, String relativePath, byte[] bytes) {
        datasets.computeIfAbsent(dataset, d -> new LinkedHashMap<>()).put(relativePath, bytes);
        return this;
    }

    MemorySource audit(String relativePath, List<AuditRow> rows) {
        return put("Aura_Audit", relativePath, AvroFiles.audit(rows));
    }

    MemorySource emptyDataset(String dataset) {
        datasets.computeIfAbsent(dataset, d -> new LinkedHashMap<>());
        return this;
    }

    @Override
    public boolean exists(String dataset) {
        return datasets.containsKey(dataset);
    }

    @Override
    public List<DatasetFile> files(String dataset) {
        List<DatasetFile> files = new ArrayList<>();
        datasets.getOrDefault(dataset, Map.of()).forEach((path, bytes) ->
                files.add(new DatasetFile(path, () -> new ByteArrayInputStream(bytes))));
        return files;
    }

    @Override
    public String describe() {
        return "memory";
    }
}
