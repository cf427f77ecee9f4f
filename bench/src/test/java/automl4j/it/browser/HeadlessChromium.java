package automl4j.it.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven through the DevTools protocol over the JDK's own WebSocket client, with no browser
 * automation library: it opens a local page, collects what went wrong while it loaded (script exceptions, console
 * errors, failed loads, any request that would leave the machine), evaluates script in it and takes full-page
 * screenshots.
 *
 * <p>Every wait is bounded: starting the browser, each protocol command and each page load fail with a message naming
 * what did not happen in time. {@link #close()} kills the browser and its child processes and deletes its profile
 * folder, also after a failure. Not thread-safe: one test drives one browser.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(30);
    private static final Duration LOAD = Duration.ofSeconds(30);
    /** Schemes a self-contained page may load from: itself, inline data and blank frames. */
    private static final List<String> LOCAL_SCHEMES = List.of("file", "data", "about");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private final Process process;
    private final Path profile;
    private final Path log;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> requestUrls = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<Void>> loaded = new AtomicReference<>(new CompletableFuture<>());

    /** What went wrong while a page loaded; empty when nothing did. */
    record Page(String url, List<String> failures) {
        Page {
            failures = List.copyOf(failures);
        }
    }

    /**
     * The Chromium binary to use: the system property {@code automl.chromium}, else the environment variable
     * {@code CHROME_BIN}, else {@code /usr/bin/chromium}, else {@code chromium}, {@code chromium-browser} or
     * {@code google-chrome} on the {@code PATH}; empty when none is an executable file.
     */
    static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("automl.chromium");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        String env = System.getenv("CHROME_BIN");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        String path = System.getenv("PATH");
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            if (path != null) {
                for (String dir : path.split(java.io.File.pathSeparator)) {
                    if (!dir.isEmpty()) {
                        candidates.add(Path.of(dir, name));
                    }
                }
            }
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /** Starts {@code binary} headless with a fresh profile and connects to its blank page. */
    static HeadlessChromium start(Path binary) throws IOException {
        Path profile = Files.createTempDirectory("automl-chromium-");
        Path log = profile.resolve("chromium.log");
        Process process = null;
        try {
            process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1366,900",
                    // containers often have a small /dev/shm; and no first-run pages or background fetches of its own
                    "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-extensions", "--disable-component-update", "--mute-audio", "about:blank")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int port = port(process, profile, log);
            String page = pageSocket(port);
            return new HeadlessChromium(process, profile, log, page);
        } catch (IOException | RuntimeException e) {
            kill(process);
            deleteTree(profile);
            throw e;
        }
    }

    /** The port from {@code DevToolsActivePort}, which Chromium writes once it listens. */
    private static int port(Process process, Path profile, Path log) throws IOException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Chromium exited with status " + process.exitValue() + " before it listened; its output:\n"
                        + tail(log));
            }
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && lines.get(0).matches("\\d+")) {
                    return Integer.parseInt(lines.get(0));
                }
            }
            pause(50);
        }
        throw new IllegalStateException("Chromium did not write " + file.getFileName() + " within " + START.toSeconds() + " s; its output:\n"
                + tail(log));
    }

    /** The WebSocket address of the first page target in {@code /json/list}. */
    private static String pageSocket(int port) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(COMMAND).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(COMMAND).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            try {
                JsonNode targets = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if ("page".equals(t.path("type").asText()) && t.hasNonNull("webSocketDebuggerUrl")) {
                        return t.get("webSocketDebuggerUrl").asText();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking Chromium for its pages", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Chromium on port " + port + " listed no page target within " + START.toSeconds() + " s");
            }
            pause(100);
        }
    }

    private HeadlessChromium(Process process, Path profile, Path log, String pageSocket) {
        this.process = process;
        this.profile = profile;
        this.log = log;
        this.socket = await(HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(COMMAND)
                .buildAsync(URI.create(pageSocket), new Listener()), COMMAND, () -> "connecting to the page's DevTools socket");
        for (String domain : List.of("Runtime", "Log", "Network", "Page")) {
            send(domain + ".enable", JSON.createObjectNode());
        }
    }

    /**
     * Opens {@code file} and waits for its load event; the failures are those collected from the start of the
     * navigation until the load event and every event sent before it.
     */
    Page open(Path file) {
        String url = file.toAbsolutePath().toUri().toString();
        synchronized (failures) {
            failures.clear();
        }
        requestUrls.clear();
        CompletableFuture<Void> load = new CompletableFuture<>();
        loaded.set(load);
        JsonNode navigated = send("Page.navigate", JSON.createObjectNode().put("url", url));
        if (navigated.hasNonNull("errorText")) {
            throw new IllegalStateException("Chromium could not open " + url + ": " + navigated.get("errorText").asText());
        }
        await(load, LOAD, () -> "the load event of " + url + state());
        evaluate("0");   // a round trip: every event the browser sent before its answer has been handled
        return new Page(url, failures());
    }

    /** The failures collected since the last {@link #open}, including any raised by {@link #evaluate} since. */
    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /**
     * The value of the expression {@code js} in the page, as JSON (a promise is awaited); {@code MissingNode} for
     * {@code undefined}. A script exception is an {@link AssertionError} with its message.
     */
    JsonNode evaluate(String js) {
        JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", js).put("returnByValue", true).put("awaitPromise", true));
        if (r.hasNonNull("exceptionDetails")) {
            JsonNode d = r.get("exceptionDetails");
            throw new AssertionError("script failed in the page: " + d.path("exception").path("description").asText(d.path("text").asText())
                    + "\nscript: " + js);
        }
        return r.path("result").has("value") ? r.path("result").get("value") : MissingNode.getInstance();
    }

    /** A PNG of the whole page, beyond the window, at one device pixel per CSS pixel. */
    void screenshot(Path png) throws IOException {
        JsonNode metrics = send("Page.getLayoutMetrics", JSON.createObjectNode());
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.get("contentSize");
        ObjectNode params = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
        params.putObject("clip").put("x", 0).put("y", 0).put("width", Math.ceil(size.get("width").asDouble()))
                .put("height", Math.ceil(size.get("height").asDouble())).put("scale", 1);
        JsonNode shot = send("Page.captureScreenshot", params);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** The browser's process, for tests of the harness. */
    ProcessHandle process() {
        return process.toHandle();
    }

    /** The browser's profile folder, for tests of the harness. */
    Path profile() {
        return profile;
    }

    /** Sends a command and waits for its result; a protocol error is an {@link IllegalStateException}. */
    private JsonNode send(String method, ObjectNode params) {
        int id = nextId.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        try {
            await(socket.sendText(message.toString(), true), COMMAND, () -> "sending " + method);
            JsonNode reply = await(answer, COMMAND, () -> "Chromium's answer to " + method + state());
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } finally {
            pending.remove(id);
        }
    }

    /** Whether the browser still runs, and its last output when it does not: for the message of a wait that timed out. */
    private String state() {
        return process.isAlive() ? "" : " (Chromium exited with status " + process.exitValue() + "; its output:\n" + tail(log) + ")";
    }

    private void fail(String failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    /** Handles one protocol event: the load event, and everything that counts as a failure. */
    private void event(String method, JsonNode p) {
        switch (method) {
            case "Page.loadEventFired" -> loaded.get().complete(null);
            case "Runtime.exceptionThrown" -> {
                JsonNode d = p.path("exceptionDetails");
                fail("uncaught exception: " + d.path("exception").path("description").asText(d.path("text").asText()) + " at "
                        + d.path("url").asText("?") + ":" + d.path("lineNumber").asInt() + ":" + d.path("columnNumber").asInt());
            }
            case "Runtime.consoleAPICalled" -> {
                String type = p.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    List<String> args = new ArrayList<>();
                    p.path("args").forEach(a -> args.add(a.has("value") ? a.get("value").asText() : a.path("description").asText()));
                    fail("console." + type + ": " + String.join(" ", args));
                }
            }
            case "Log.entryAdded" -> {
                JsonNode e = p.path("entry");
                if ("error".equals(e.path("level").asText())) {
                    fail("log error (" + e.path("source").asText() + "): " + e.path("text").asText() + " " + e.path("url").asText(""));
                }
            }
            case "Network.requestWillBeSent" -> {
                String url = p.path("request").path("url").asText();
                requestUrls.put(p.path("requestId").asText(), url);
                Matcher scheme = SCHEME.matcher(url);
                if (!scheme.find() || !LOCAL_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
                    fail("request leaves the file: " + url);
                }
            }
            case "Network.loadingFailed" -> fail("loading failed: " + requestUrls.getOrDefault(p.path("requestId").asText(), "?") + " ("
                    + p.path("errorText").asText() + (p.path("canceled").asBoolean() ? ", canceled" : "") + ")");
            default -> {
            }
        }
    }

    /** Reassembles text frames into messages and routes answers to their command and events to {@link #event}. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode m = JSON.readTree(text);
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.get(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else if (m.has("method")) {
                        event(m.get("method").asText(), m.path("params"));
                    }
                } catch (IOException | RuntimeException e) {
                    fail("unreadable DevTools message (" + e + "): " + text.substring(0, Math.min(200, text.length())));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            IllegalStateException closed = new IllegalStateException("the DevTools socket closed (" + status + " " + reason + ")");
            pending.values().forEach(f -> f.completeExceptionally(closed));
            loaded.get().completeExceptionally(closed);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            IllegalStateException broken = new IllegalStateException("the DevTools socket failed: " + error, error);
            pending.values().forEach(f -> f.completeExceptionally(broken));
            loaded.get().completeExceptionally(broken);
        }
    }

    /** Closes the socket, kills the browser and its children, and deletes the profile folder. */
    @Override
    public void close() {
        try {
            socket.abort();
        } finally {
            kill(process);
            deleteTree(profile);
        }
    }

    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // a renderer or zygote left behind by its killed parent; waited for, so none outlives close()
        children.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                break;   // killed with SIGKILL; if it has not gone yet, waiting longer will not help
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private static void deleteTree(Path dir) {
        for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                pause(200);   // a child still writing into the profile as it exits
            }
        }
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The value of {@code f} within {@code limit}; {@code what} names the wait in the message of a failure. */
    private static <T> T await(CompletableFuture<T> f, Duration limit, Supplier<String> what) {
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out after " + limit.toSeconds() + " s waiting for " + what.get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed waiting for " + what.get() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + what.get(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
