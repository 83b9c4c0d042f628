package com.streamflix.league.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service jar running in its own JVM, as in production: {@code java -jar <module>/target/<module>.jar}. */
final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code module}'s jar with the given environment (Spring relaxed binding: SPRING_DATASOURCE_URL,
     * STREAMFLIX_JWT_SECRET, ...). Output goes to {@code log}, or to this console when {@code log} is null.
     */
    static ServiceProcess start(Path repositoryRoot, String module, int port, Map<String, String> environment,
                                List<String> jvmOptions, Path log) throws IOException {
        Path jar = repositoryRoot.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(repositoryRoot.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        if (log == null) {
            builder.inheritIO();
        } else {
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        }
        return new ServiceProcess(module, port, log, builder.start());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Waits until Actuator reports UP (database included). */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + logHint());
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + logHint());
    }

    private String logHint() {
        return log == null ? "" : " (log: " + log + ")";
    }

    /** kill -9: the JVM gets no chance to finish anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM without waiting: Spring shuts down gracefully; {@link #close()} waits for the end. */
    void requestStop() {
        process.destroy();
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: Spring shuts down gracefully
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
