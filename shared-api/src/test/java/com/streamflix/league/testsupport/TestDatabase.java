package com.streamflix.league.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Finds a PostgreSQL server for tests and hands out a fresh, empty database per call, in this order:
 * the server named by {@code STREAMFLIX_TEST_DB_URL} (a JDBC URL of a server where we may create databases,
 * user and password as URL parameters or in {@code STREAMFLIX_TEST_DB_USER} / {@code _PASSWORD}); Testcontainers
 * when a Docker engine answers; otherwise an embedded PostgreSQL (zonky) started once per JVM.
 */
public final class TestDatabase {
    public static final String URL_VARIABLE = "STREAMFLIX_TEST_DB_URL";

    private static Server server;

    private TestDatabase() {
    }

    /** Connection settings of a newly created database. */
    public record Db(String url, String username, String password) {
    }

    private record Server(String host, int port, String username, String password, String origin) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public static synchronized Db fresh() {
        Server s = server();
        String name = "streamflix_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Properties credentials = new Properties();
        credentials.setProperty("user", s.username());
        if (s.password() != null) {
            credentials.setProperty("password", s.password());
        }
        try (Connection c = DriverManager.getConnection(s.url("postgres"), credentials)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + s.origin(), e);
        }
        return new Db(s.url(name), s.username(), s.password());
    }

    /** A fresh database as a Spring Boot test's datasource ({@code @DynamicPropertySource}). */
    public static Db registerFresh(DynamicPropertyRegistry registry) {
        Db db = fresh();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", () -> db.password() == null ? "" : db.password());
        return db;
    }

    /** Where the databases come from, for test logs. */
    public static synchronized String origin() {
        return server().origin();
    }

    private static Server server() {
        if (server == null) {
            server = locate();
        }
        return server;
    }

    private static Server locate() {
        String configured = System.getenv(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return fromUrl(configured);
        }
        if (dockerAnswers()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword(), "Testcontainers");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Server("localhost", embedded.getPort(), "postgres", null, "embedded PostgreSQL");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAnswers() {
        if (!dockerConfigured()) {
            return false; // no engine to ask: Testcontainers would log its failed search as ERROR lines
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }

    /**
     * Whether a Docker engine could be there at all: DOCKER_HOST, a Testcontainers or Docker CLI configuration, or one
     * of the usual sockets (Docker, rootless Docker, Docker Desktop, Colima, Rancher Desktop, Podman). Windows (named
     * pipes) is left to Testcontainers.
     */
    private static boolean dockerConfigured() {
        if (System.getenv("DOCKER_HOST") != null || System.getProperty("os.name", "").startsWith("Windows")) {
            return true;
        }
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> candidates = new ArrayList<>(List.of(home.resolve(".testcontainers.properties"),
                home.resolve(".docker/config.json"), Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"), home.resolve(".rd/docker.sock")));
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            candidates.add(Path.of(runtimeDir, "docker.sock"));
            candidates.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        return candidates.stream().anyMatch(Files::exists);
    }

    private static Server fromUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String user = System.getenv().getOrDefault("STREAMFLIX_TEST_DB_USER", "postgres");
        String password = System.getenv("STREAMFLIX_TEST_DB_PASSWORD");
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals("user")) {
                    user = kv[1];
                } else if (kv.length == 2 && kv[0].equals("password")) {
                    password = kv[1];
                }
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        return new Server(uri.getHost(), port, user, password, URL_VARIABLE + " (" + uri.getHost() + ":" + port + ")");
    }
}
