package automl4j.serving;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ScoringServer} listens and what it allows: address, limits, timeouts, API key and TLS. Immutable; built
 * with {@link #builder()}, whose defaults suit one model on a small machine.
 */
public final class ServerOptions {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final String host;
    private final int port;
    private final long maxBodyBytes;
    private final int maxRows;
    private final int maxConcurrent;
    private final int queue;
    private final Duration timeout;
    private final Duration idleTimeout;
    private final long minDataRate;
    private final Duration drainTimeout;
    private final int threads;
    private final byte[] apiKey;
    private final Path tlsKeystore;
    private final char[] tlsPassword;

    private ServerOptions(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.maxBodyBytes = b.maxBodyBytes;
        this.maxRows = b.maxRows;
        this.maxConcurrent = b.maxConcurrent;
        this.queue = b.queue;
        this.timeout = b.timeout;
        this.idleTimeout = b.idleTimeout;
        this.minDataRate = b.minDataRate;
        this.drainTimeout = b.drainTimeout;
        this.threads = b.threads > 0 ? b.threads : maxConcurrent + queue + 16;
        this.apiKey = b.apiKey;
        this.tlsKeystore = b.tlsKeystore;
        this.tlsPassword = b.tlsPassword;
    }

    /** A builder with the defaults listed on its setters. */
    public static Builder builder() {
        return new Builder();
    }

    /** The address to bind. */
    public String host() {
        return host;
    }

    /** The port to bind; 0 for one the system picks ({@link ScoringServer#port()} tells which). */
    public int port() {
        return port;
    }

    /** The largest request body accepted, in bytes; a larger one answers 413. */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The most rows one prediction request may hold; more answer 413. */
    public int maxRows() {
        return maxRows;
    }

    /** The most prediction requests handled at once. */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** The most prediction requests waiting for a turn; one more answers 503 with {@code Retry-After}. */
    public int queue() {
        return queue;
    }

    /** The longest a prediction request may take from arrival to answer. */
    public Duration timeout() {
        return timeout;
    }

    /** How long a connection may stay silent (while a request is read, or between requests) before it is closed. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /**
     * The slowest a request body may arrive, in bytes per second on average after its first second, or 0 for no
     * minimum: a client sending slower (a slow-loris body) is cut with 408 instead of holding a thread and a reading
     * slot until the request timeout.
     */
    public long minDataRate() {
        return minDataRate;
    }

    /** How long a graceful stop waits for requests in flight. */
    public Duration drainTimeout() {
        return drainTimeout;
    }

    /** The size of the server's thread pool. */
    public int threads() {
        return threads;
    }

    /** The API key requests must present, as UTF-8 bytes (a copy), or empty when none is required. */
    public Optional<byte[]> apiKey() {
        return Optional.ofNullable(apiKey).map(byte[]::clone);
    }

    /** The PKCS12 keystore to serve HTTPS with, or empty for plain HTTP. */
    public Optional<Path> tlsKeystore() {
        return Optional.ofNullable(tlsKeystore);
    }

    /** The keystore's password (a copy); empty without TLS. */
    public char[] tlsPassword() {
        return tlsPassword == null ? new char[0] : tlsPassword.clone();
    }

    @Override
    public String toString() {
        return "ServerOptions[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", maxRows=" + maxRows
                + ", maxConcurrent=" + maxConcurrent + ", queue=" + queue + ", timeout=" + timeout + ", idleTimeout="
                + idleTimeout + ", minDataRate=" + minDataRate + ", drainTimeout=" + drainTimeout + ", threads=" + threads + ", apiKey="
                + (apiKey == null ? "none" : "set") + ", tls=" + (tlsKeystore == null ? "off" : tlsKeystore) + "]";
    }

    /** Collects the options; each setter checks its argument. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private long maxBodyBytes = 8L << 20;
        private int maxRows = 10_000;
        private int maxConcurrent = Math.max(2, 2 * CORES);
        private int queue = 64;
        private Duration timeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private long minDataRate = 4096;
        private Duration drainTimeout = Duration.ofSeconds(10);
        private int threads;
        private byte[] apiKey;
        private Path tlsKeystore;
        private char[] tlsPassword;

        private Builder() {
        }

        /** The address to bind; default {@code 127.0.0.1} (loopback only). {@code 0.0.0.0} listens on every interface. */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /** The port, 0 to 65535; default 8080; 0 lets the system pick a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be in [0, 65535], but was " + port);
            }
            this.port = port;
            return this;
        }

        /** The largest request body in bytes, at least 1; default 8 MiB. */
        public Builder maxBodyBytes(long bytes) {
            this.maxBodyBytes = atLeast(bytes, 1, "max body bytes");
            return this;
        }

        /** The most rows per prediction request, at least 1; default 10,000. */
        public Builder maxRows(int rows) {
            this.maxRows = (int) atLeast(rows, 1, "max rows");
            return this;
        }

        /** The most prediction requests handled at once, at least 1; default twice the processors (at least 2). */
        public Builder maxConcurrent(int requests) {
            this.maxConcurrent = (int) atLeast(requests, 1, "max concurrent requests");
            return this;
        }

        /** The most prediction requests waiting for a turn, at least 0; default 64. */
        public Builder queue(int requests) {
            this.queue = (int) atLeast(requests, 0, "queue");
            return this;
        }

        /** The longest a prediction request may take, at least 1 ms; default 10 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** How long a connection may stay silent, at least 1 ms; default 30 s. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = positive(idleTimeout, "idle timeout");
            return this;
        }

        /**
         * The slowest a request body may arrive, in bytes per second, at least 0 (0: no minimum); default 4096, which a
         * 1,000-row JSON body (about 150 KB) meets unless it takes over 35 s.
         */
        public Builder minDataRate(long bytesPerSecond) {
            this.minDataRate = atLeast(bytesPerSecond, 0, "minimum data rate");
            return this;
        }

        /** How long a graceful stop waits for requests in flight, at least 0; default 10 s. */
        public Builder drainTimeout(Duration drainTimeout) {
            Objects.requireNonNull(drainTimeout, "drainTimeout");
            if (drainTimeout.isNegative()) {
                throw new IllegalArgumentException("drain timeout must be >= 0, but was " + drainTimeout);
            }
            this.drainTimeout = drainTimeout;
            return this;
        }

        /**
         * The thread pool's size, at least 8; default max concurrent + queue + 16, since a waiting request holds a
         * thread and Jetty needs some of its own for accepting and selecting.
         */
        public Builder threads(int threads) {
            this.threads = (int) atLeast(threads, 8, "threads");
            return this;
        }

        /** The API key every request but {@code /health} and {@code /ready} must present; null for none (the default). */
        public Builder apiKey(byte[] key) {
            if (key != null && key.length == 0) {
                throw new IllegalArgumentException("API key must not be empty");
            }
            this.apiKey = key == null ? null : key.clone();
            return this;
        }

        /** Serve HTTPS with the key and certificate in a PKCS12 keystore; null for plain HTTP (the default). */
        public Builder tls(Path pkcs12Keystore, char[] password) {
            if (pkcs12Keystore == null) {
                this.tlsKeystore = null;
                this.tlsPassword = null;
                return this;
            }
            this.tlsKeystore = pkcs12Keystore;
            this.tlsPassword = Objects.requireNonNull(password, "password").clone();
            return this;
        }

        /** The options. */
        public ServerOptions build() {
            return new ServerOptions(this);
        }

        private static long atLeast(long value, long min, String what) {
            if (value < min) {
                throw new IllegalArgumentException(what + " must be >= " + min + ", but was " + value);
            }
            return value;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException(what + " must be at least 1 ms, but was " + d.toMillis() + " ms");
            }
            return d;
        }
    }
}
