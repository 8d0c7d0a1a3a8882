package io.aurabilling.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store that forwards every call to another; tests override the one call they interfere with. */
public class ForwardingStore implements InvoiceStore {
    /** The store calls go to. */
    protected final InvoiceStore store;

    /** @param store the store calls go to */
    public ForwardingStore(InvoiceStore store) {
        this.store = store;
    }

    @Override
    public String location() {
        return store.location();
    }

    @Override
    public CreateOutcome createIfAbsent(String name, byte[] bytes, String mediaType, Map<String, String> metadata) {
        return store.createIfAbsent(name, bytes, mediaType, metadata);
    }

    @Override
    public Optional<StoredObject> read(String name) {
        return store.read(name);
    }

    @Override
    public List<StoredObjectInfo> list(String prefix) {
        return store.list(prefix);
    }
}
