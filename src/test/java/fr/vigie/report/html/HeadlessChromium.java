package fr.vigie.report.html;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Headless Chromium driven through the DevTools protocol over a WebSocket (java.net.http): one
 * page, commands answered by id, every event handed to the listeners. Started with a fresh profile
 * and with its background networking off, so that the only requests are the page's.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LISTENING =
            Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    private HeadlessChromium(Path executable) throws Exception {
        profile = Files.createTempDirectory("vigie-chromium");
        process =
                new ProcessBuilder(
                                executable.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--disable-default-apps",
                                "--disable-extensions",
                                "--hide-scrollbars",
                                "--mute-audio",
                                "--user-data-dir=" + profile,
                                "--remote-debugging-port=0",
                                "--remote-allow-origins=*",
                                "about:blank")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        CompletableFuture<String> browserUrl = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getErrorStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line = in.readLine();
                                        line != null;
                                        line = in.readLine()) {
                                    stderr.add(line);
                                    Matcher m = LISTENING.matcher(line);
                                    if (m.find()) {
                                        browserUrl.complete(m.group(1));
                                    }
                                }
                            } catch (IOException e) {
                                browserUrl.completeExceptionally(e);
                            }
                            browserUrl.completeExceptionally(
                                    new IllegalStateException(
                                            "Chromium ended before listening:\n"
                                                    + String.join("\n", stderr)));
                        },
                        "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        URI browser = URI.create(browserUrl.get(30, TimeUnit.SECONDS));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI list =
                URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
        String pageUrl = null;
        for (int attempt = 0; attempt < 50 && pageUrl == null; attempt++) {
            JsonNode targets =
                    JSON.readTree(
                            http.send(
                                            HttpRequest.newBuilder(list).build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .body());
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asString())) {
                    pageUrl = target.get("webSocketDebuggerUrl").asString();
                }
            }
            if (pageUrl == null) {
                Thread.sleep(100);
            }
        }
        if (pageUrl == null) {
            throw new IllegalStateException("Chromium shows no page to drive");
        }
        socket =
                http.newWebSocketBuilder()
                        .buildAsync(URI.create(pageUrl), new Receiver())
                        .get(10, TimeUnit.SECONDS);
    }

    static HeadlessChromium start(Path executable) throws Exception {
        return new HeadlessChromium(executable);
    }

    void onEvent(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    /** Sends a command and waits for its result; a protocol error is thrown. */
    JsonNode send(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    /**
     * Evaluates a JavaScript expression in the page (from DevTools, not from the page) and returns
     * its value.
     */
    JsonNode evaluate(String expression) throws Exception {
        return send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
                .path("result")
                .path("value");
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    @Override
    public void close() throws Exception {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser is ended below either way
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Puts the WebSocket's frames back together and dispatches answers and events. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder frame = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                JsonNode message = JSON.readTree(frame.toString());
                frame.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else {
                    listeners.forEach(l -> l.accept(message));
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
