package io.aurabilling.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurabilling.ConfigurationException;
import io.aurabilling.RemoteServiceException;
import io.aurabilling.config.Secret;
import io.aurabilling.config.yaml.KernelSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * A client of Kernel's token endpoint and datasets API (kernel.md) on the JDK {@link HttpClient}.
 *
 * <ul>
 *   <li>Token: client credentials with HTTP Basic authentication, {@code scope} (space-separated) and
 *   {@code purpose} form parameters; cached and renewed {@link Builder#tokenRenewMargin before expiry},
 *   and once more when an API call answers {@code 401}.</li>
 *   <li>Every call sends a fresh {@code x-correlator: <uuid>} (kept across the retries of that call) and
 *   every log line and error of the call names it, so Kernel support can find it.</li>
 *   <li>{@code 429}, {@code 5xx}, timeouts, broken connections and bad downloads are retried as the
 *   {@link RetryPolicy} says, honouring {@code Retry-After}; after that a {@link RemoteServiceException}
 *   (exit 4) says what failed.</li>
 *   <li>Only {@code https} URLs are accepted, except on the loopback interface (tests, the simulator).</li>
 *   <li>The client secret and tokens never appear in logs, exceptions or {@link #toString()}.</li>
 * </ul>
 * Thread-safe.
 */
public final class KernelClient {
    private static final Logger LOG = LoggerFactory.getLogger(KernelClient.class);
    private static final String CORRELATOR = "x-correlator";
    private static final int MAX_ERROR_TEXT = 200;

    private final URI authUrl;
    private final URI apiUrl;
    private final String clientId;
    private final Secret clientSecret;
    private final String purpose;
    private final List<String> scopes;
    private final Duration requestTimeout;
    private final Duration readTimeout;
    private final Duration tokenRenewMargin;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Supplier<UUID> correlators;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private AccessToken token;

    private KernelClient(Builder b) {
        this.authUrl = checkedUrl("kernel.auth-url", requireNonNull(b.authUrl, "authUrl is not set"));
        this.apiUrl = checkedUrl("kernel.api-url", requireNonNull(b.apiUrl, "apiUrl is not set"));
        this.clientId = requireNonNull(b.clientId, "clientId is not set");
        this.clientSecret = requireNonNull(b.clientSecret, "clientSecret is not set");
        this.purpose = b.purpose == null || b.purpose.isBlank() ? null : b.purpose;
        this.scopes = List.copyOf(b.scopes);
        this.requestTimeout = b.requestTimeout;
        this.readTimeout = b.readTimeout;
        this.tokenRenewMargin = b.tokenRenewMargin;
        this.retry = b.retry;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.jitter = b.jitter;
        this.correlators = b.correlators;
        this.http = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** @return a builder with the production defaults and nothing about the application set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder for the application of a {@code kernel:} configuration section, asking for the
     * billing read scopes ({@link KernelScopes#billingRead()}).
     *
     * @param settings the section
     * @return the builder, to adjust timeouts or retries before {@link Builder#build()}
     */
    public static Builder builder(KernelSettings settings) {
        requireNonNull(settings, "settings is null");
        return new Builder().authUrl(settings.authUrl()).apiUrl(settings.apiUrl()).clientId(settings.clientId())
                .clientSecret(settings.clientSecret()).purpose(settings.purpose());
    }

    /** @return the application's client id (not a secret; used in preflight advice) */
    public String clientId() {
        return clientId;
    }

    /** @return the purpose sent with token requests, if any */
    public Optional<String> purpose() {
        return Optional.ofNullable(purpose);
    }

    /**
     * Asks for a token with the given scopes, bypassing the cache, and reports what was granted.
     * The token itself is dropped. Used by preflight.
     *
     * @param wanted the scopes to ask for
     * @return the grant
     * @throws KernelAuthenticationException when Kernel refuses the credentials
     * @throws RemoteServiceException when the token endpoint fails after retries
     */
    public TokenGrant requestToken(Collection<String> wanted) {
        return fetchToken(List.copyOf(wanted)).grant;
    }

    /**
     * The versions of a dataset.
     *
     * @param dataset the dataset
     * @return its versions in Kernel's order; empty when Kernel does not know the dataset ({@code 404})
     * @throws RemoteServiceException when Kernel fails after retries or denies access
     */
    public List<DatasetVersion> versions(String dataset) {
        String path = "/datasets/v1/datasets/" + encodePath(dataset) + "/versions";
        JsonNode body = getJson("versions of " + dataset, path);
        List<DatasetVersion> versions = new ArrayList<>();
        if (body == null) {
            return List.of();
        }
        for (JsonNode v : body.path("versions")) {
            if (!v.path("version").canConvertToLong()) {
                throw new RemoteServiceException("Kernel listed a version of " + dataset
                        + " without a numeric 'version'; report it to the Kernel Team");
            }
            versions.add(new DatasetVersion(v.path("version").asLong(), textOrNull(v, "schemaVersion"),
                    v.path("status").asText(""), textOrNull(v, "publishedAt")));
        }
        return List.copyOf(versions);
    }

    /**
     * The latest version to read: the highest {@code PUBLISHED} one.
     *
     * @param dataset the dataset
     * @return it, or empty when the dataset is unknown or has no published version
     */
    public Optional<DatasetVersion> latestPublished(String dataset) {
        return versions(dataset).stream().filter(DatasetVersion::published)
                .max(Comparator.comparingLong(DatasetVersion::version));
    }

    /**
     * The files of a dataset version, following every page.
     *
     * @param dataset the dataset
     * @param version the version
     * @param from the first day wanted, or {@code null} for no day filter (dimensions)
     * @param to the last day wanted, or {@code null}
     * @return the files sorted by path
     * @throws RemoteServiceException when Kernel fails after retries, denies access or lists nonsense
     */
    public List<KernelFile> files(String dataset, long version, LocalDate from, LocalDate to) {
        String base = "/datasets/v1/datasets/" + encodePath(dataset) + "/versions/" + version + "/files";
        StringBuilder query = new StringBuilder();
        if (from != null) {
            query.append("from=").append(from);
        }
        if (to != null) {
            query.append(query.length() > 0 ? "&" : "").append("to=").append(to);
        }
        List<KernelFile> files = new ArrayList<>();
        String pageToken = null;
        int pages = 0;
        do {
            String q = query + (pageToken == null ? "" : (query.length() > 0 ? "&" : "") + "pageToken="
                    + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
            JsonNode body = getJson("file listing of " + dataset + " v" + version + " page " + (pages + 1),
                    base + (q.isEmpty() ? "" : "?" + q));
            if (body == null) {
                throw new RemoteServiceException("Kernel has no version " + version + " of " + dataset
                        + " any more (HTTP 404 on its file listing); run again to use the latest version");
            }
            for (JsonNode f : body.path("files")) {
                files.add(kernelFile(dataset, version, f));
            }
            JsonNode next = body.path("nextPageToken");
            pageToken = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            if (++pages > 100_000) {
                throw new RemoteServiceException("Kernel's file listing of " + dataset + " v" + version
                        + " does not end (more than 100000 pages); report it to the Kernel Team");
            }
        } while (pageToken != null);
        files.sort(Comparator.comparing(KernelFile::path));
        return List.copyOf(files);
    }

    private KernelFile kernelFile(String dataset, long version, JsonNode f) {
        String path = f.path("path").asText("");
        String sha = f.path("sha256").asText("").toLowerCase(Locale.ROOT);
        String href = f.path("href").asText("");
        if (path.isEmpty() || href.isEmpty() || !f.path("size").canConvertToLong() || !sha.matches("[0-9a-f]{64}")) {
            throw new RemoteServiceException("Kernel listed a file of " + dataset + " v" + version
                    + " without a valid path, size, sha256 or href ('" + abbreviate(path)
                    + "'); report it to the Kernel Team");
        }
        LocalDate day = null;
        String dayText = textOrNull(f, "day");
        if (dayText != null) {
            try {
                day = LocalDate.parse(dayText);
            } catch (DateTimeParseException e) {
                throw new RemoteServiceException("Kernel listed " + dataset + "/" + path + " with an invalid day '"
                        + abbreviate(dayText) + "'; report it to the Kernel Team", e);
            }
        }
        try {
            return new KernelFile(dataset, version, path, day, f.path("size").asLong(), sha, href);
        } catch (IllegalArgumentException e) {
            throw new RemoteServiceException(e.getMessage(), e);
        }
    }

    /**
     * Downloads a listed file into {@code partial}, resuming from the bytes already there with a
     * {@code Range} request, and restarting when the server ignores the range, resumes elsewhere, or
     * the complete bytes do not match the listed size and SHA-256. Returns only when {@code partial}
     * holds exactly the listed bytes.
     *
     * @param file the listed file
     * @param partial where the bytes go (created or appended to)
     * @throws RemoteServiceException when the file cannot be downloaded correctly within the retry policy
     */
    void download(KernelFile file, Path partial) {
        long[] offset = new long[1];
        execute("download of " + file.lineageName() + " v" + file.version(), true, new Exchange<Void>() {
            @Override
            public HttpRequest.Builder request() throws IOException {
                offset[0] = Files.exists(partial) ? Files.size(partial) : 0;
                if (offset[0] >= file.size()) {
                    // complete but not accepted before (or too long): start over
                    Files.deleteIfExists(partial);
                    offset[0] = 0;
                }
                HttpRequest.Builder r = HttpRequest.newBuilder(resolve(file.href())).GET();
                if (offset[0] > 0) {
                    r.header("Range", "bytes=" + offset[0] + "-");
                }
                return r;
            }

            @Override
            public Void handle(HttpResponse<InputStream> response) throws IOException, RetryableFailure {
                if (response.statusCode() == 404) {
                    drain(response);
                    throw new RemoteServiceException("Kernel no longer serves " + file.lineageName() + " v"
                            + file.version() + " (HTTP 404); run again to list the current files");
                }
                boolean append = false;
                if (offset[0] > 0 && response.statusCode() == 206) {
                    long start = contentRangeStart(response);
                    if (start != offset[0]) {
                        drain(response);
                        Files.deleteIfExists(partial);
                        throw new RetryableFailure("the server resumed at byte " + start + " instead of "
                                + offset[0] + "; restarting the download", null);
                    }
                    append = true;
                }
                // a 200 to a Range request means the server ignored it: the body is the whole file
                try (InputStream in = response.body();
                     OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE,
                             StandardOpenOption.WRITE,
                             append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                    in.transferTo(out);
                }
                long size = Files.size(partial);
                if (size < file.size()) {
                    throw new RetryableFailure("the body ended after " + size + " of " + file.size()
                            + " bytes; resuming", null);
                }
                if (size > file.size()) {
                    Files.deleteIfExists(partial);
                    throw new RetryableFailure("got " + size + " bytes where Kernel listed " + file.size()
                            + "; restarting the download", null);
                }
                String sha = sha256(partial);
                if (!sha.equals(file.sha256())) {
                    Files.deleteIfExists(partial);
                    throw new RetryableFailure("the bytes have SHA-256 " + sha + " where Kernel listed "
                            + file.sha256() + "; restarting the download", null);
                }
                return null;
            }
        });
    }

    /**
     * The lower-case hex SHA-256 of a file.
     *
     * @param file the file
     * @return the digest
     * @throws IOException when it cannot be read
     */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private JsonNode getJson(String what, String path) {
        return execute(what, true, new Exchange<JsonNode>() {
            @Override
            public HttpRequest.Builder request() {
                return HttpRequest.newBuilder(resolve(path)).GET().header("Accept", "application/json");
            }

            @Override
            public JsonNode handle(HttpResponse<InputStream> response) throws IOException {
                if (response.statusCode() == 404) {
                    drain(response);
                    return null;
                }
                try (InputStream in = response.body()) {
                    byte[] bytes = in.readAllBytes();
                    try {
                        return json.readTree(bytes);
                    } catch (IOException e) {
                        throw new RemoteServiceException("Kernel's answer to the " + what
                                + " is not valid JSON; report it to the Kernel Team", e);
                    }
                }
            }
        });
    }

    /** The cached token, renewed when it is about to expire. */
    private synchronized AccessToken currentToken() {
        if (token == null || !clock.instant().isBefore(token.expiresAt.minus(tokenRenewMargin))) {
            token = fetchToken(scopes);
        }
        return token;
    }

    private synchronized void dropToken(AccessToken stale) {
        if (token == stale) {
            token = null;
        }
    }

    private AccessToken fetchToken(List<String> wanted) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (!wanted.isEmpty()) {
            form.append("&scope=").append(URLEncoder.encode(String.join(" ", wanted), StandardCharsets.UTF_8));
        }
        if (purpose != null) {
            form.append("&purpose=").append(URLEncoder.encode(purpose, StandardCharsets.UTF_8));
        }
        String basic = Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret.reveal()).getBytes(StandardCharsets.UTF_8));
        Instant asked = clock.instant();
        return execute("token request for " + clientId, false, new Exchange<AccessToken>() {
            @Override
            public HttpRequest.Builder request() {
                return HttpRequest.newBuilder(authUrl)
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
            }

            @Override
            public AccessToken handle(HttpResponse<InputStream> response) throws IOException {
                byte[] bytes;
                try (InputStream in = response.body()) {
                    bytes = in.readAllBytes();
                }
                JsonNode body;
                try {
                    body = json.readTree(bytes);
                } catch (IOException e) {
                    body = null;
                }
                if (response.statusCode() == 404 || body == null || !body.path("access_token").isTextual()
                        || body.path("access_token").asText().isEmpty()) {
                    throw new RemoteServiceException("Kernel's token endpoint " + authUrl + " answered HTTP "
                            + response.statusCode() + " without an access token (x-correlator "
                            + correlatorOf(response) + "); check kernel.auth-url");
                }
                long expiresIn = body.path("expires_in").asLong(3599);
                List<String> granted = body.path("scope").isTextual()
                        ? Arrays.stream(body.path("scope").asText().trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList()
                        : wanted;
                TokenGrant grant = new TokenGrant(granted, Duration.ofSeconds(expiresIn),
                        body.path("purpose").asText(""));
                return new AccessToken(body.path("access_token").asText(), asked.plusSeconds(expiresIn), grant);
            }
        });
    }

    /** One kind of call: builds each attempt's request and reads a successful (or 404) answer. */
    private interface Exchange<T> {
        HttpRequest.Builder request() throws IOException;

        T handle(HttpResponse<InputStream> response) throws IOException, RetryableFailure;
    }

    /** An attempt that failed in a way worth retrying. */
    private static final class RetryableFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        RetryableFailure(String reason, Duration retryAfter) {
            super(reason, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    private <T> T execute(String what, boolean bearer, Exchange<T> exchange) {
        String correlator = correlators.get().toString();
        Instant start = clock.instant();
        boolean renewed = false;
        int attempt = 0;
        String lastReason = "no attempt";
        while (true) {
            attempt++;
            AccessToken used = null;
            HttpResponse<InputStream> response = null;
            try {
                HttpRequest.Builder request = exchange.request()
                        .timeout(requestTimeout)
                        .header(CORRELATOR, correlator);
                if (bearer) {
                    used = currentToken();
                    request.header("Authorization", "Bearer " + used.value);
                }
                HttpRequest built = request.build();
                LOG.debug("x-correlator={} {} {} attempt {}", correlator, built.method(), built.uri(), attempt);
                // the body through a read timeout: the request timeout ends with the headers
                response = http.send(built, info -> HttpResponse.BodySubscribers.mapping(
                        HttpResponse.BodySubscribers.ofInputStream(), in -> new BodyReadTimeout(in, readTimeout)));
                int status = response.statusCode();
                if ((status >= 200 && status < 300) || status == 404) {
                    T result = exchange.handle(response);
                    LOG.debug("x-correlator={} {} done (HTTP {})", correlator, what, status);
                    return result;
                }
                String error = errorText(response);
                if (status == 401 && bearer && !renewed) {
                    // the token may have been revoked or expired early: renew once, at once
                    LOG.info("x-correlator={} {}: HTTP 401, renewing the token once", correlator, what);
                    dropToken(used);
                    renewed = true;
                    attempt--;
                    continue;
                }
                if (status == 401 || (status == 400 && !bearer)) {
                    String message = bearer
                            ? "Kernel rejected a freshly issued token for the " + what + " (HTTP 401" + error
                            + ", x-correlator " + correlator + "); check the purpose and the application's"
                            + " access with billing preflight"
                            : "Kernel refused the credentials of application " + clientId + " at " + authUrl
                            + " (HTTP " + status + error + ", x-correlator " + correlator
                            + "); check kernel.client-id, kernel.client-secret and kernel.purpose";
                    LOG.error("x-correlator={} {}", correlator, message);
                    throw new KernelAuthenticationException(message);
                }
                if (status == 403) {
                    String message = "Kernel denied the " + what + " to application " + clientId + " (HTTP 403"
                            + error + ", x-correlator " + correlator + "); run billing preflight to see which scope"
                            + " to ask the Kernel Team for";
                    LOG.error("x-correlator={} {}", correlator, message);
                    throw new KernelAuthenticationException(message);
                }
                if (status == 429 || status >= 500) {
                    throw new RetryableFailure("HTTP " + status + error, retryAfter(response));
                }
                String message = "Kernel answered HTTP " + status + error + " to the " + what + " (x-correlator "
                        + correlator + "); check kernel.api-url and report it to the Kernel Team if it persists";
                LOG.error("x-correlator={} {}", correlator, message);
                throw new RemoteServiceException(message);
            } catch (RetryableFailure e) {
                lastReason = e.getMessage();
                waitBeforeRetry(what, correlator, start, attempt, lastReason, e.retryAfter);
            } catch (HttpTimeoutException e) {
                lastReason = e instanceof BodyReadTimeout.Stalled ? e.getMessage()
                        : "no answer within " + requestTimeout.toMillis() + " ms";
                if (response != null) {
                    closeQuietly(response);
                }
                waitBeforeRetry(what, correlator, start, attempt, lastReason, null);
            } catch (IOException e) {
                lastReason = "connection failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + abbreviate(e.getMessage()));
                waitBeforeRetry(what, correlator, start, attempt, lastReason, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteServiceException("the Kernel " + what + " was interrupted (x-correlator "
                        + correlator + ")", e);
            } catch (RemoteServiceException e) {
                if (response != null) {
                    closeQuietly(response);
                }
                throw e;
            }
        }
    }

    /** Waits before the next attempt, or gives up when the attempts or the time budget are spent. */
    private void waitBeforeRetry(String what, String correlator, Instant start, int attempt, String reason,
                                 Duration retryAfter) {
        Duration elapsed = Duration.between(start, clock.instant());
        Duration wait = retryAfter != null ? retryAfter
                : Duration.ofNanos((long) (retry.backoff(attempt).toNanos() * (0.5 + 0.5 * jitter.getAsDouble())));
        boolean outOfAttempts = attempt >= retry.maxAttempts();
        boolean outOfTime = elapsed.plus(wait).compareTo(retry.maxTotalTime()) > 0;
        if (outOfAttempts || outOfTime) {
            String message = "Kernel " + what + " failed after " + attempt + " attempt(s) in "
                    + elapsed.toMillis() + " ms (x-correlator " + correlator + "): " + reason
                    + (outOfAttempts ? "" : "; the next wait of " + wait.toMillis() + " ms would pass the "
                    + retry.maxTotalTime().toMillis() + " ms budget")
                    + ". Check Kernel's status and the network, then run again";
            LOG.error("x-correlator={} {}", correlator, message);
            throw new RemoteServiceException(message);
        }
        LOG.warn("x-correlator={} {} attempt {}/{} failed: {}; retrying in {} ms", correlator, what, attempt,
                retry.maxAttempts(), reason, wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteServiceException("the Kernel " + what + " was interrupted (x-correlator "
                    + correlator + ")", e);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    private Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A short, safe text of an error answer: Kernel's {@code error} field, if any. */
    private String errorText(HttpResponse<InputStream> response) {
        byte[] bytes;
        try (InputStream in = response.body()) {
            bytes = in.readNBytes(4096);
        } catch (IOException e) {
            return "";
        }
        try {
            JsonNode body = json.readTree(bytes);
            if (body != null && body.path("error").isTextual()) {
                String text = ", " + abbreviate(body.path("error").asText());
                if (body.path("scope").isTextual()) {
                    text += " " + abbreviate(body.path("scope").asText());
                }
                return text;
            }
        } catch (IOException e) {
            // not JSON: say nothing more than the status
        }
        return "";
    }

    private static long contentRangeStart(HttpResponse<?> response) {
        String range = response.headers().firstValue("Content-Range").orElse("");
        // bytes <start>-<end>/<total>
        if (range.startsWith("bytes ")) {
            int dash = range.indexOf('-');
            if (dash > 6) {
                try {
                    return Long.parseLong(range.substring(6, dash).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static String correlatorOf(HttpResponse<?> response) {
        return response.request().headers().firstValue(CORRELATOR).orElse("?");
    }

    private static void drain(HttpResponse<InputStream> response) {
        closeQuietly(response);
    }

    private static void closeQuietly(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the connection is dropped anyway
            }
        }
    }

    private URI resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return checkedUrl("a Kernel href", URI.create(pathOrUrl));
        }
        String base = apiUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + (pathOrUrl.startsWith("/") ? "" : "/") + pathOrUrl);
    }

    private static String encodePath(String segment) {
        requireNonNull(segment, "dataset is null");
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "…";
    }

    /**
     * Accepts {@code https} URLs, and {@code http} ones on the loopback interface only.
     *
     * @throws ConfigurationException for anything else
     */
    static URI checkedUrl(String name, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null) {
            throw new ConfigurationException(name + " '" + url + "' is not an absolute URL with a host;"
                    + " use https://…");
        }
        if ("https".equals(scheme)) {
            return url;
        }
        if ("http".equals(scheme) && isLoopback(url.getHost())) {
            return url;
        }
        throw new ConfigurationException(name + " '" + url + "' must use https (plain http is only accepted"
                + " on the loopback interface, for tests)");
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(h)) {
            return true;
        }
        // only literal addresses are checked: no DNS lookup decides what is loopback
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** @return the endpoints and the client id; never the secret or a token */
    @Override
    public String toString() {
        return "KernelClient[authUrl=" + authUrl + ", apiUrl=" + apiUrl + ", clientId=" + clientId
                + (purpose == null ? "" : ", purpose=" + purpose) + "]";
    }

    /** A token and when it expires; its value never shows. */
    private static final class AccessToken {
        private final String value;
        private final Instant expiresAt;
        private final TokenGrant grant;

        AccessToken(String value, Instant expiresAt, TokenGrant grant) {
            this.value = value;
            this.expiresAt = expiresAt;
            this.grant = grant;
        }

        @Override
        public String toString() {
            return "AccessToken[******, expiresAt=" + expiresAt + "]";
        }
    }

    /** Builds a {@link KernelClient}; production defaults except for the application. */
    public static final class Builder {
        private URI authUrl;
        private URI apiUrl;
        private String clientId;
        private Secret clientSecret;
        private String purpose;
        private List<String> scopes = KernelScopes.billingRead();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration tokenRenewMargin = Duration.ofSeconds(60);
        private RetryPolicy retry = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private Supplier<UUID> correlators = UUID::randomUUID;

        private Builder() {
        }

        /**
         * @param url the token endpoint, e.g. {@code https://auth.es-pro.baikalplatform.com/token}
         * @return this builder
         */
        public Builder authUrl(URI url) {
            this.authUrl = requireNonNull(url, "url is null");
            return this;
        }

        /**
         * @param url the base the datasets API paths are relative to, e.g. {@code https://api.es-pro.baikalplatform.com}
         * @return this builder
         */
        public Builder apiUrl(URI url) {
            this.apiUrl = requireNonNull(url, "url is null");
            return this;
        }

        /**
         * @param id the application's client id, e.g. {@code aura-billing-es-pro}
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = requireNonNull(id, "id is null");
            return this;
        }

        /**
         * @param secret the client secret
         * @return this builder
         */
        public Builder clientSecret(Secret secret) {
            this.clientSecret = requireNonNull(secret, "secret is null");
            return this;
        }

        /**
         * @param value the purpose sent with token requests, or {@code null} for none
         * @return this builder
         */
        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        /**
         * @param wanted the scopes asked for the cached token (default {@link KernelScopes#billingRead()})
         * @return this builder
         */
        public Builder scopes(Collection<String> wanted) {
            this.scopes = List.copyOf(wanted);
            return this;
        }

        /**
         * @param timeout the TCP/TLS connect timeout (default 10 s)
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * @param timeout the longest wait for an answer's headers (default 60 s)
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * @param timeout the longest wait for the next bytes of an answer's body, once its headers came
         *                (default 60 s); a stalled download is then retried and resumes with {@code Range}
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * @param margin how long before its expiry a cached token is renewed (default 60 s)
         * @return this builder
         */
        public Builder tokenRenewMargin(Duration margin) {
            this.tokenRenewMargin = requireNonNull(margin, "margin is null");
            return this;
        }

        /**
         * @param policy the retry policy (default {@link RetryPolicy#defaults()})
         * @return this builder
         */
        public Builder retry(RetryPolicy policy) {
            this.retry = requireNonNull(policy, "policy is null");
            return this;
        }

        /**
         * @param value the clock for token expiry and the retry time budget (default the system UTC clock)
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "value is null");
            return this;
        }

        /**
         * @param value how to wait between attempts (default {@link Sleeper#SYSTEM})
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = requireNonNull(value, "value is null");
            return this;
        }

        /**
         * @param value the jitter source, values in [0, 1) (default a thread-local random)
         * @return this builder
         */
        public Builder jitter(DoubleSupplier value) {
            this.jitter = requireNonNull(value, "value is null");
            return this;
        }

        /**
         * @param value where {@code x-correlator} values come from (default {@link UUID#randomUUID()})
         * @return this builder
         */
        public Builder correlators(Supplier<UUID> value) {
            this.correlators = requireNonNull(value, "value is null");
            return this;
        }

        /**
         * @return the client
         * @throws ConfigurationException for a URL that is not https (outside the loopback interface)
         * @throws NullPointerException when the URLs, client id or secret are not set
         */
        public KernelClient build() {
            return new KernelClient(this);
        }

        private static Duration positive(Duration d, String name) {
            requireNonNull(d, name + " is null");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }

        /** @return the settings without the secret */
        @Override
        public String toString() {
            return "KernelClient.Builder[authUrl=" + authUrl + ", apiUrl=" + apiUrl + ", clientId=" + clientId + "]";
        }
    }
}
