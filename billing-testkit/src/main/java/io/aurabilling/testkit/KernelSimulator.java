package io.aurabilling.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aurabilling.config.Secret;
import io.aurabilling.config.yaml.KernelSettings;
import io.aurabilling.kernel.KernelScopes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A Kernel on 127.0.0.1 for tests: a real HTTP server (JDK {@link HttpServer}, a free port) that speaks
 * the token endpoint and datasets API of kernel.md, serves folders of Avro files as dataset versions,
 * checks credentials and scopes like Kernel would, and injects faults on demand.
 *
 * <pre>{@code
 * AuraMonthGenerator.generate(GeneratorOptions.of(datasets, YearMonth.of(2026, 10), 10_000));
 * try (KernelSimulator kernel = KernelSimulator.builder()
 *         .clientId("aura-billing-test").clientSecret("s3cret")
 *         .datasets(datasets, 6)                 // every sub-folder is a dataset, published as version 6
 *         .start()) {
 *     kernel.serverErrors(Endpoint.DOWNLOAD, 2)  // the next two downloads answer 500
 *           .throttle(Endpoint.FILES, 1, 1);     // the next listing answers 429, Retry-After: 1
 *     KernelSettings settings = kernel.settings(cacheDir);
 *     KernelClient client = KernelClient.builder(settings).build();
 *     DatasetSource source = KernelDatasetSource.of(client, KernelCache.of(settings.cache()), month);
 *     ...
 * }
 * }</pre>
 *
 * <p>The contract it speaks: {@code POST <authUrl>} with HTTP Basic {@code client_id:client_secret} and
 * the form {@code grant_type=client_credentials&scope=…&purpose=…} (a wrong client answers {@code 401},
 * a wrong purpose {@code 400}); it grants the requested scopes that are {@linkplain Builder#assignScopes
 * assigned} (a versioned assigned scope covers the unversioned request). Under {@code <apiUrl>}:
 * {@code GET /datasets/v1/datasets/{d}/versions}, {@code GET /datasets/v1/datasets/{d}/versions/{v}/files}
 * with {@code from}, {@code to} and {@code pageToken}, and {@code GET /datasets/v1/files/{d}/{v}/{path}}
 * with {@code Range: bytes=N-}. Listing and versions need {@code admin:datasets:read} and
 * {@code data:<d>:read}; downloads need {@code data:read} and {@code data:<d>:read} ({@code 403}
 * otherwise); an unknown, expired or {@linkplain #expireTokens() expired-on-demand} token gets {@code 401}.
 * Every request is {@linkplain #requests() recorded} with its {@code x-correlator}.
 *
 * <p>Faults apply to the next requests of one {@link Endpoint}, in the order they were asked for, one
 * fault per request. All methods are thread-safe.
 */
public final class KernelSimulator implements AutoCloseable {

    /** The kinds of request a fault can target. */
    public enum Endpoint {
        /** The token endpoint. */
        TOKEN,
        /** The versions of a dataset. */
        VERSIONS,
        /** A page of a file listing. */
        FILES,
        /** A file download. */
        DOWNLOAD
    }

    /**
     * One request the simulator received.
     *
     * @param endpoint its kind, or {@code null} for an unknown path
     * @param method the HTTP method
     * @param target the path and query below the server root
     * @param correlator its {@code x-correlator} header, or {@code null} when missing
     * @param range its {@code Range} header, or {@code null}
     * @param status the status answered ({@code -1} when the connection was dropped by a delay)
     */
    public record RecordedRequest(Endpoint endpoint, String method, String target, String correlator, String range,
                                  int status) {
    }

    private enum Kind { STATUS, THROTTLE, DELAY, TRUNCATE, CORRUPT, STALL }

    private static final class Fault {
        final Endpoint endpoint;
        final Kind kind;
        final int status;
        final long seconds;
        final Duration delay;
        int remaining;

        Fault(Endpoint endpoint, Kind kind, int times, int status, long seconds, Duration delay) {
            this.endpoint = endpoint;
            this.kind = kind;
            this.remaining = times;
            this.status = status;
            this.seconds = seconds;
            this.delay = delay;
        }
    }

    private static final class Trigger {
        final Endpoint endpoint;
        int remaining;
        final Runnable action;

        Trigger(Endpoint endpoint, int remaining, Runnable action) {
            this.endpoint = endpoint;
            this.remaining = remaining;
            this.action = action;
        }
    }

    private record Token(Set<String> scopes, long expiresAtNanos) {
    }

    private record Listed(String path, LocalDate day, long size, String sha256, Path file) {
    }

    private record Version(long number, String status, Path folder) {
    }

    private static final String API = "/api";

    static {
        // without TCP_NODELAY, Nagle and delayed ACKs add ~40 ms to every small answer of the JDK server;
        // read once when the JDK server is first used, so only set it when nobody chose otherwise
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId;
    private final Secret clientSecret;
    private final String purpose;
    private final Set<String> assigned;
    private final Duration tokenLifetime;
    private final int pageSize;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, TreeMap<Long, Version>> datasets = new TreeMap<>();
    private final Map<Path, List<Listed>> listings = new HashMap<>();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final Set<String> wrongChecksums = new HashSet<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private boolean ignoreRange;

    private KernelSimulator(Builder b) throws IOException {
        this.clientId = b.clientId;
        this.clientSecret = Secret.of(b.clientSecret);
        this.purpose = b.purpose;
        this.assigned = new LinkedHashSet<>(b.assigned);
        this.tokenLifetime = b.tokenLifetime;
        this.pageSize = b.pageSize;
        b.versions.forEach(v -> publish(v.dataset, v.version, v.status, v.folder));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "kernel-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/token", this::token);
        server.createContext(API + "/", this::api);
        server.start();
    }

    /** @return a builder: client {@code aura-billing-sim}, all billing read scopes assigned, no dataset */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the token endpoint, {@code http://127.0.0.1:<port>/token} */
    public URI authUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    /** @return the datasets API base, {@code http://127.0.0.1:<port>/api} */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + API);
    }

    /**
     * A {@code kernel:} configuration section pointing at this simulator with its credentials.
     *
     * @param cache the download cache folder
     * @return the settings (environment {@code sim})
     */
    public KernelSettings settings(Path cache) {
        return new KernelSettings("sim", authUrl(), apiUrl(), clientId, clientSecret, purpose, cache);
    }

    // ---------------------------------------------------------------- data

    /**
     * Publishes (or replaces) a dataset version served from a folder of {@code .avro} files (any nesting;
     * {@code DAY_DT=YYYY-MM-DD} folders give the listed day). Can be called while a client runs: a version
     * published in the middle of a run.
     *
     * @param dataset the dataset name
     * @param version the version number
     * @param folder the folder of that version's files
     * @return this simulator
     */
    public KernelSimulator publishVersion(String dataset, long version, Path folder) {
        publish(dataset, version, "PUBLISHED", folder);
        return this;
    }

    /**
     * Publishes a version as soon as {@code requests} more requests of an endpoint have been answered.
     *
     * @param endpoint the endpoint to count
     * @param requests how many of its requests first
     * @param dataset the dataset
     * @param version the version
     * @param folder its files
     * @return this simulator
     */
    public KernelSimulator publishVersionAfter(Endpoint endpoint, int requests, String dataset, long version,
                                               Path folder) {
        return after(endpoint, requests, () -> publishVersion(dataset, version, folder));
    }

    /**
     * Runs an action once {@code requests} more requests of an endpoint have been answered.
     *
     * @param endpoint the endpoint to count
     * @param requests how many, at least 1
     * @param action what to do (called on a server thread)
     * @return this simulator
     */
    public synchronized KernelSimulator after(Endpoint endpoint, int requests, Runnable action) {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(action, "action is null");
        if (requests < 1) {
            throw new IllegalArgumentException("requests must be at least 1: " + requests);
        }
        triggers.add(new Trigger(endpoint, requests, action));
        return this;
    }

    private synchronized void publish(String dataset, long version, String status, Path folder) {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(folder, "folder is null");
        datasets.computeIfAbsent(dataset, d -> new TreeMap<>())
                .put(version, new Version(version, status, folder.toAbsolutePath().normalize()));
    }

    // ---------------------------------------------------------------- faults

    /**
     * The next {@code times} requests of an endpoint answer {@code 500}.
     *
     * @param endpoint the endpoint
     * @param times how many requests
     * @return this simulator
     */
    public KernelSimulator serverErrors(Endpoint endpoint, int times) {
        return status(endpoint, times, 500);
    }

    /**
     * The next {@code times} requests of an endpoint answer a given status (e.g. {@code 503}).
     *
     * @param endpoint the endpoint
     * @param times how many requests
     * @param status the status
     * @return this simulator
     */
    public KernelSimulator status(Endpoint endpoint, int times, int status) {
        return fault(new Fault(endpoint, Kind.STATUS, times, status, 0, null));
    }

    /**
     * The next {@code times} requests of an endpoint answer {@code 429} with {@code Retry-After: <seconds>}.
     *
     * @param endpoint the endpoint
     * @param times how many requests
     * @param retryAfterSeconds the {@code Retry-After} value
     * @return this simulator
     */
    public KernelSimulator throttle(Endpoint endpoint, int times, long retryAfterSeconds) {
        return fault(new Fault(endpoint, Kind.THROTTLE, times, 429, retryAfterSeconds, null));
    }

    /**
     * The next {@code times} requests of an endpoint wait {@code delay} before answering (beyond a
     * client's timeout, they look like a hung server).
     *
     * @param endpoint the endpoint
     * @param times how many requests
     * @param delay how long
     * @return this simulator
     */
    public KernelSimulator slow(Endpoint endpoint, int times, Duration delay) {
        return fault(new Fault(endpoint, Kind.DELAY, times, 0, 0, requireNonNull(delay, "delay is null")));
    }

    /**
     * The next {@code times} downloads send only the first half of the bytes asked for (a body that ends
     * early, as when a connection is cut).
     *
     * @param times how many downloads
     * @return this simulator
     */
    public KernelSimulator truncateDownloads(int times) {
        return fault(new Fault(Endpoint.DOWNLOAD, Kind.TRUNCATE, times, 0, 0, null));
    }

    /**
     * The next {@code times} downloads send their headers and half of the bytes, then nothing for
     * {@code stall} (a server hung in the middle of a body: beyond a client's read timeout), then the rest.
     *
     * @param times how many downloads
     * @param stall how long the body stops
     * @return this simulator
     */
    public KernelSimulator stallDownloads(int times, Duration stall) {
        return fault(new Fault(Endpoint.DOWNLOAD, Kind.STALL, times, 0, 0, requireNonNull(stall, "stall is null")));
    }

    /**
     * The next {@code times} downloads send the right number of bytes with one byte changed.
     *
     * @param times how many downloads
     * @return this simulator
     */
    public KernelSimulator corruptDownloads(int times) {
        return fault(new Fault(Endpoint.DOWNLOAD, Kind.CORRUPT, times, 0, 0, null));
    }

    /**
     * From now on, listings show a wrong {@code sha256} for one file (the bytes stay right): no download
     * can match it.
     *
     * @param dataset the dataset
     * @param path the file's listed path
     * @return this simulator
     */
    public synchronized KernelSimulator wrongChecksum(String dataset, String path) {
        wrongChecksums.add(requireNonNull(dataset, "dataset is null") + "/" + requireNonNull(path, "path is null"));
        return this;
    }

    /**
     * Whether downloads ignore {@code Range} and always send the whole file with {@code 200}.
     *
     * @param ignore true to ignore
     * @return this simulator
     */
    public synchronized KernelSimulator ignoreRange(boolean ignore) {
        this.ignoreRange = ignore;
        return this;
    }

    /**
     * Expires every token issued so far: their next use gets {@code 401} although the client believes
     * them valid.
     *
     * @return this simulator
     */
    public synchronized KernelSimulator expireTokens() {
        tokens.replaceAll((k, t) -> new Token(t.scopes(), System.nanoTime() - 1));
        return this;
    }

    /**
     * Expires every token issued so far once {@code requests} more requests of an endpoint were answered.
     *
     * @param endpoint the endpoint to count
     * @param requests how many of its requests first
     * @return this simulator
     */
    public KernelSimulator expireTokensAfter(Endpoint endpoint, int requests) {
        return after(endpoint, requests, this::expireTokens);
    }

    private synchronized KernelSimulator fault(Fault fault) {
        requireNonNull(fault.endpoint, "endpoint is null");
        if (fault.remaining < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + fault.remaining);
        }
        faults.add(fault);
        return this;
    }

    // ---------------------------------------------------------------- observations

    /** @return every request received so far, in order */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * @param endpoint an endpoint
     * @return the requests of that endpoint received so far
     */
    public synchronized List<RecordedRequest> requests(Endpoint endpoint) {
        return requests.stream().filter(r -> r.endpoint() == endpoint).toList();
    }

    /** @return every access token issued so far (for tests checking they never leak) */
    public synchronized List<String> issuedTokens() {
        return List.copyOf(tokens.keySet());
    }

    /** @return whether every fault asked for has been used up */
    public synchronized boolean faultsUsedUp() {
        return faults.stream().allMatch(f -> f.remaining == 0);
    }

    /** Stops the server; requests being delayed are abandoned. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "KernelSimulator[authUrl=" + authUrl() + ", apiUrl=" + apiUrl() + ", clientId=" + clientId + "]";
    }

    // ---------------------------------------------------------------- HTTP

    private void token(HttpExchange exchange) {
        handle(exchange, Endpoint.TOKEN, () -> {
            if (!"POST".equals(exchange.getRequestMethod())) {
                return error(exchange, 405, "method_not_allowed");
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (!basicMatches(auth)) {
                return error(exchange, 401, "invalid_client");
            }
            Map<String, String> form = parseQuery(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            if (!"client_credentials".equals(form.get("grant_type"))) {
                return error(exchange, 400, "unsupported_grant_type");
            }
            String askedPurpose = form.getOrDefault("purpose", "");
            if (purpose != null && !purpose.equals(askedPurpose)) {
                return error(exchange, 400, "invalid_purpose");
            }
            Set<String> granted = new LinkedHashSet<>();
            for (String scope : form.getOrDefault("scope", "").trim().split("\\s+")) {
                if (scope.isEmpty()) {
                    continue;
                }
                String cover = coveringAssigned(scope);
                if (cover != null) {
                    granted.add(cover);
                }
            }
            byte[] bytes = new byte[24];
            String value;
            synchronized (this) {
                random.nextBytes(bytes);
                value = "sim." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                tokens.put(value, new Token(Set.copyOf(granted), System.nanoTime() + tokenLifetime.toNanos()));
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("access_token", value);
            body.put("token_type", "Bearer");
            body.put("expires_in", tokenLifetime.toSeconds());
            body.put("scope", String.join(" ", granted));
            body.put("purpose", askedPurpose);
            return json(exchange, 200, body);
        });
    }

    private void api(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath().substring(API.length());
        Endpoint endpoint = path.startsWith("/datasets/v1/files/") ? Endpoint.DOWNLOAD
                : path.endsWith("/versions") ? Endpoint.VERSIONS
                : path.endsWith("/files") ? Endpoint.FILES : null;
        handle(exchange, endpoint, () -> {
            if (endpoint == null || !"GET".equals(exchange.getRequestMethod())) {
                return error(exchange, 404, "not_found");
            }
            Token token = bearer(exchange);
            if (token == null) {
                return error(exchange, 401, "invalid_token");
            }
            String[] parts = path.split("/");
            // "", datasets, v1, datasets|files, {d}, ...
            String dataset = decode(parts[4]);
            List<String> needed = endpoint == Endpoint.DOWNLOAD
                    ? List.of("data:read", KernelScopes.read(dataset))
                    : List.of("admin:datasets:read", KernelScopes.read(dataset));
            for (String scope : needed) {
                if (!KernelScopes.covers(token.scopes(), scope)) {
                    ObjectNode body = JSON.createObjectNode();
                    body.put("error", "insufficient_scope");
                    body.put("scope", scope);
                    return json(exchange, 403, body);
                }
            }
            switch (endpoint) {
                case VERSIONS:
                    return versions(exchange, dataset);
                case FILES:
                    return files(exchange, dataset, parts);
                default:
                    return download(exchange, dataset, parts);
            }
        });
    }

    private int versions(HttpExchange exchange, String dataset) throws IOException {
        List<Version> known;
        synchronized (this) {
            TreeMap<Long, Version> v = datasets.get(dataset);
            known = v == null ? null : List.copyOf(v.values());
        }
        if (known == null) {
            return error(exchange, 404, "not_found");
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("versions");
        for (Version v : known) {
            ObjectNode o = list.addObject();
            o.put("version", v.number());
            o.put("schemaVersion", v.number() + ".0.0");
            o.put("status", v.status());
            o.put("publishedAt", "2026-01-01T00:00:00Z");
        }
        return json(exchange, 200, body);
    }

    private int files(HttpExchange exchange, String dataset, String[] parts) throws IOException {
        Version version = version(dataset, parts.length > 6 ? parts[6] : "");
        if (version == null) {
            return error(exchange, 404, "not_found");
        }
        Map<String, String> query = parseQuery(exchange.getRequestURI().getRawQuery());
        LocalDate from;
        LocalDate to;
        int offset;
        try {
            from = query.containsKey("from") ? LocalDate.parse(query.get("from")) : null;
            to = query.containsKey("to") ? LocalDate.parse(query.get("to")) : null;
            offset = query.containsKey("pageToken") ? Integer.parseInt(query.get("pageToken").substring(1)) : 0;
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return error(exchange, 400, "invalid_request");
        }
        List<Listed> matching = new ArrayList<>();
        for (Listed f : listing(version.folder())) {
            if (f.day() == null || ((from == null || !f.day().isBefore(from)) && (to == null || !f.day().isAfter(to)))) {
                matching.add(f);
            }
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("files");
        int end = Math.min(matching.size(), offset + pageSize);
        for (int i = offset; i < end; i++) {
            Listed f = matching.get(i);
            ObjectNode o = list.addObject();
            o.put("path", f.path());
            if (f.day() == null) {
                o.putNull("day");
            } else {
                o.put("day", f.day().toString());
            }
            o.put("size", f.size());
            boolean wrong;
            synchronized (this) {
                wrong = wrongChecksums.contains(dataset + "/" + f.path());
            }
            o.put("sha256", wrong ? flipHex(f.sha256()) : f.sha256());
            o.put("href", "/datasets/v1/files/" + dataset + "/" + version.number() + "/" + f.path());
        }
        if (end < matching.size()) {
            body.put("nextPageToken", "o" + end);
        } else {
            body.putNull("nextPageToken");
        }
        return json(exchange, 200, body);
    }

    private int download(HttpExchange exchange, String dataset, String[] parts) throws IOException {
        Version version = version(dataset, parts.length > 5 ? parts[5] : "");
        StringBuilder rel = new StringBuilder();
        for (int i = 6; i < parts.length; i++) {
            rel.append(rel.length() > 0 ? "/" : "").append(decode(parts[i]));
        }
        Listed listed = null;
        if (version != null) {
            for (Listed f : listing(version.folder())) {
                if (f.path().equals(rel.toString())) {
                    listed = f;
                }
            }
        }
        if (listed == null) {
            return error(exchange, 404, "not_found");
        }
        byte[] bytes = Files.readAllBytes(listed.file());
        long start = 0;
        String range = exchange.getRequestHeaders().getFirst("Range");
        boolean honour;
        synchronized (this) {
            honour = !ignoreRange;
        }
        if (range != null && honour && range.startsWith("bytes=") && range.endsWith("-")) {
            try {
                start = Long.parseLong(range.substring(6, range.length() - 1));
            } catch (NumberFormatException e) {
                return error(exchange, 416, "invalid_range");
            }
            if (start >= bytes.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                return error(exchange, 416, "invalid_range");
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, (int) start, bytes.length);
        int status = start > 0 ? 206 : 200;
        if (status == 206) {
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        Fault fault = takeFault(Endpoint.DOWNLOAD, Kind.TRUNCATE, Kind.CORRUPT, Kind.STALL);
        if (fault != null && fault.kind == Kind.STALL && body.length > 1) {
            exchange.sendResponseHeaders(status, body.length);
            OutputStream out = exchange.getResponseBody();
            try {
                out.write(body, 0, body.length / 2);
                out.flush();
                Thread.sleep(fault.delay.toMillis());
                out.write(body, body.length / 2, body.length - body.length / 2);
                out.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up waiting and closed the connection: what the fault is for
            }
            return status;
        }
        if (fault != null && fault.kind == Kind.TRUNCATE) {
            // chunked: the answer ends cleanly after half of the bytes
            exchange.sendResponseHeaders(status, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, body.length / 2);
            }
            return status;
        }
        if (fault != null && body.length > 0) {
            body[body.length / 2] ^= 0x5A;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        return status;
    }

    /** Takes a pending download fault of one of the given kinds (others are taken before the request). */
    private synchronized Fault takeFault(Endpoint endpoint, Kind... kinds) {
        List<Kind> wanted = List.of(kinds);
        for (Fault f : faults) {
            if (f.endpoint == endpoint && f.remaining > 0 && wanted.contains(f.kind)) {
                f.remaining--;
                return f;
            }
        }
        return null;
    }

    private synchronized Version version(String dataset, String text) {
        TreeMap<Long, Version> versions = datasets.get(dataset);
        if (versions == null) {
            return null;
        }
        try {
            return versions.get(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The files of a version folder, computed once per folder. */
    private List<Listed> listing(Path folder) throws IOException {
        synchronized (listings) {
            List<Listed> cached = listings.get(folder);
            if (cached != null) {
                return cached;
            }
            List<Listed> files = new ArrayList<>();
            if (Files.isDirectory(folder)) {
                try (Stream<Path> walk = Files.walk(folder)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        String rel = folder.relativize(p).toString().replace('\\', '/');
                        if (rel.endsWith(".avro")) {
                            files.add(new Listed(rel, dayOf(rel), Files.size(p), sha256(p), p));
                        }
                    }
                }
            }
            files.sort(java.util.Comparator.comparing(Listed::path));
            listings.put(folder, List.copyOf(files));
            return listings.get(folder);
        }
    }

    private static LocalDate dayOf(String path) {
        for (String part : path.split("/")) {
            if (part.startsWith("DAY_DT=")) {
                try {
                    return LocalDate.parse(part.substring("DAY_DT=".length()));
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** One request: faults first, then the real answer; records it and fires triggers. */
    private void handle(HttpExchange exchange, Endpoint endpoint, Answer answer) {
        int status = -1;
        try {
            Fault fault = endpoint == null ? null : takeFaultBefore(endpoint);
            if (fault != null && fault.kind == Kind.DELAY) {
                try {
                    Thread.sleep(fault.delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                status = answer.answer();
            } else if (fault != null && fault.kind == Kind.THROTTLE) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(fault.seconds));
                status = error(exchange, 429, "too_many_requests");
            } else if (fault != null) {
                status = error(exchange, fault.status, "simulated_failure");
            } else {
                status = answer.answer();
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away (a timeout): nothing more to say
        } catch (RuntimeException e) {
            try {
                status = error(exchange, 500, "simulator_error");
            } catch (IOException ignored) {
                // the client went away
            }
        } finally {
            exchange.close();
            record(exchange, endpoint, status);
        }
    }

    private synchronized Fault takeFaultBefore(Endpoint endpoint) {
        for (Fault f : faults) {
            // body faults are the download's own (TRUNCATE, CORRUPT, STALL)
            if (f.endpoint == endpoint && f.remaining > 0 && f.kind != Kind.TRUNCATE && f.kind != Kind.CORRUPT
                    && f.kind != Kind.STALL) {
                f.remaining--;
                return f;
            }
        }
        return null;
    }

    private void record(HttpExchange exchange, Endpoint endpoint, int status) {
        List<Runnable> fire = new ArrayList<>();
        synchronized (this) {
            URI uri = exchange.getRequestURI();
            requests.add(new RecordedRequest(endpoint, exchange.getRequestMethod(),
                    uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                    exchange.getRequestHeaders().getFirst("x-correlator"),
                    exchange.getRequestHeaders().getFirst("Range"), status));
            for (Trigger t : triggers) {
                if (t.endpoint == endpoint && t.remaining > 0 && --t.remaining == 0) {
                    fire.add(t.action);
                }
            }
        }
        fire.forEach(Runnable::run);
    }

    @FunctionalInterface
    private interface Answer {
        int answer() throws IOException;
    }

    private boolean basicMatches(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return decoded.equals(clientId + ":" + clientSecret.reveal());
    }

    private synchronized Token bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        Token t = tokens.get(header.substring(7).trim());
        return t == null || System.nanoTime() - t.expiresAtNanos() >= 0 ? null : t;
    }

    /** The assigned scope covering a requested one: the same, or a versioned {@code data:<d>:<n>:<op>}. */
    private String coveringAssigned(String requested) {
        if (assigned.contains(requested)) {
            return requested;
        }
        for (String a : assigned) {
            if (KernelScopes.covers(List.of(a), requested)) {
                return a;
            }
        }
        return null;
    }

    private static int error(HttpExchange exchange, int status, String error) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        return json(exchange, status, body);
    }

    private static int json(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String flipHex(String hex) {
        char c = hex.charAt(0);
        return (c == '0' ? '1' : '0') + hex.substring(1);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** Builds a {@link KernelSimulator}. */
    public static final class Builder {
        private record Pending(String dataset, long version, String status, Path folder) {
        }

        private String clientId = "aura-billing-sim";
        private String clientSecret = "simulator-secret";
        private String purpose;
        private List<String> assigned = KernelScopes.billingRead();
        private Duration tokenLifetime = Duration.ofSeconds(3599);
        private int pageSize = 100;
        private final List<Pending> versions = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param id the client id Kernel knows (default {@code aura-billing-sim})
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = requireNonNull(id, "id is null");
            return this;
        }

        /**
         * @param secret the client secret Kernel knows (default {@code simulator-secret})
         * @return this builder
         */
        public Builder clientSecret(String secret) {
            this.clientSecret = requireNonNull(secret, "secret is null");
            return this;
        }

        /**
         * @param value the purpose token requests must carry, or {@code null} to accept any (default)
         * @return this builder
         */
        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        /**
         * @param scopes the scopes assigned to the application (default {@link KernelScopes#billingRead()});
         *               versioned ones ({@code data:Aura_Audit:6:read}) are allowed
         * @return this builder
         */
        public Builder assignScopes(List<String> scopes) {
            this.assigned = List.copyOf(scopes);
            return this;
        }

        /**
         * @param lifetime the {@code expires_in} of issued tokens (default 3599 s)
         * @return this builder
         */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = requireNonNull(lifetime, "lifetime is null");
            return this;
        }

        /**
         * @param size the files per listing page (default 100)
         * @return this builder
         */
        public Builder pageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("pageSize must be at least 1: " + size);
            }
            this.pageSize = size;
            return this;
        }

        /**
         * Publishes one dataset version from a folder of its files.
         *
         * @param dataset the dataset name
         * @param version the version
         * @param folder its files
         * @return this builder
         */
        public Builder dataset(String dataset, long version, Path folder) {
            versions.add(new Pending(requireNonNull(dataset, "dataset is null"), version, "PUBLISHED",
                    requireNonNull(folder, "folder is null")));
            return this;
        }

        /**
         * Adds a version that is not published (e.g. {@code DRAFT}): listed, never the latest.
         *
         * @param dataset the dataset name
         * @param version the version
         * @param status its status
         * @param folder its files
         * @return this builder
         */
        public Builder unpublishedVersion(String dataset, long version, String status, Path folder) {
            versions.add(new Pending(requireNonNull(dataset, "dataset is null"), version,
                    requireNonNull(status, "status is null"), requireNonNull(folder, "folder is null")));
            return this;
        }

        /**
         * Publishes every sub-folder of a local dataset folder ({@code <DIR>/<Dataset>/**.avro}, e.g. a month
         * from {@code AuraMonthGenerator}) as that dataset's version {@code version}.
         *
         * @param root the dataset folder
         * @param version the version of every dataset
         * @return this builder
         */
        public Builder datasets(Path root, long version) {
            try (Stream<Path> children = Files.list(root)) {
                for (Path d : children.filter(Files::isDirectory).sorted().toList()) {
                    dataset(d.getFileName().toString(), version, d);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the dataset folder " + root, e);
            }
            return this;
        }

        /**
         * Starts the server on 127.0.0.1 and a free port.
         *
         * @return the running simulator; close it when done
         */
        public KernelSimulator start() {
            try {
                return new KernelSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Kernel simulator on 127.0.0.1", e);
            }
        }

        /** @return the settings without the secret */
        @Override
        public String toString() {
            return "KernelSimulator.Builder[clientId=" + clientId + ", datasets=" + versions.size() + "]";
        }
    }
}
