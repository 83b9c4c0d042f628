package com.streamflix.league.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The whole system on this machine: command-, query- and realtime-service as separate JVMs on one PostgreSQL.
 * Tests start it on a fresh database and free ports; {@link #main} is the local start command of README.md.
 * The three start together: each service migrates the event store's schema itself before using it (Flyway's lock
 * lets one apply it while the others wait), and each owns its own schema.
 * <p>Scale-out (issue #10): N command-service and M realtime-service instances on the one database behind the one
 * edge ({@link Settings#commandPorts()}, {@link Settings#realtimePorts()}; {@link EdgeProxy} routes a viewer by
 * session to one instance). One of each unless asked for more.
 */
public final class LocalStack implements AutoCloseable {
    /** Long enough for five JVMs starting side by side on a busy 2-core machine. */
    static final Duration STARTUP = Duration.ofMinutes(5);

    /**
     * What the three services are given; secrets travel in environment variables, never on the command line. One
     * command-service instance per port in {@code commandPorts}, one realtime-service instance per port in
     * {@code realtimePorts}.
     */
    public record Settings(String dbUrl, String dbUser, String dbPassword, Secrets secrets,
                           List<String> allowedOrigins, List<Integer> commandPorts, int queryPort,
                           List<Integer> realtimePorts, int edgePort, Path logDirectory,
                           Map<String, String> extraEnvironment) {
        public Settings {
            commandPorts = List.copyOf(commandPorts);
            realtimePorts = List.copyOf(realtimePorts);
            if (commandPorts.isEmpty() || realtimePorts.isEmpty()) {
                throw new IllegalArgumentException("at least one command-service and one realtime-service instance");
            }
        }

        /** One instance of each service. */
        public Settings(String dbUrl, String dbUser, String dbPassword, Secrets secrets, List<String> allowedOrigins,
                        int commandPort, int queryPort, int realtimePort, int edgePort, Path logDirectory,
                        Map<String, String> extraEnvironment) {
            this(dbUrl, dbUser, dbPassword, secrets, allowedOrigins, List.of(commandPort), queryPort,
                    List.of(realtimePort), edgePort, logDirectory, extraEnvironment);
        }
    }

    /** The secrets the services refuse to start without. */
    public record Secrets(String jwtSecret, String webhookSecret, String adminKey, String tokenEncryptionKey,
                          String auditKey) {
        static Secrets random() {
            return new Secrets(randomSecret(), randomSecret(), randomSecret(), randomSecret(), randomSecret());
        }
    }

    final Settings settings;
    /** The command-service instances, in the order of {@link Settings#commandPorts()}; an entry is replaced by a restart. */
    private final List<ServiceProcess> commands;
    final ServiceProcess query;
    private final List<ServiceProcess> realtimes;
    final EdgeProxy edge;

    private LocalStack(Settings settings, List<ServiceProcess> commands, ServiceProcess query,
                       List<ServiceProcess> realtimes, EdgeProxy edge) {
        this.settings = settings;
        this.commands = new CopyOnWriteArrayList<>(commands);
        this.query = query;
        this.realtimes = List.copyOf(realtimes);
        this.edge = edge;
    }

    public static LocalStack start(Settings settings) throws Exception {
        Path root = repositoryRoot();
        Map<String, String> env = environment(settings);
        List<String> jvm = jvmOptions;
        List<ServiceProcess> started = new ArrayList<>();
        try {
            List<ServiceProcess> commands = new ArrayList<>();
            for (int i = 0; i < settings.commandPorts().size(); i++) {
                commands.add(ServiceProcess.start(root, "command-service", settings.commandPorts().get(i), env, jvm,
                        log(settings, instanceName("command-service", i, settings.commandPorts().size()))));
                started.add(commands.get(i));
            }
            ServiceProcess query = ServiceProcess.start(root, "query-service", settings.queryPort(), env, jvm,
                    log(settings, "query-service"));
            started.add(query);
            List<ServiceProcess> realtimes = new ArrayList<>();
            for (int i = 0; i < settings.realtimePorts().size(); i++) {
                realtimes.add(ServiceProcess.start(root, "realtime-service", settings.realtimePorts().get(i), env, jvm,
                        log(settings, instanceName("realtime-service", i, settings.realtimePorts().size()))));
                started.add(realtimes.get(i));
            }
            CompletableFuture.allOf(started.stream().map(LocalStack::awaitAsync).toArray(CompletableFuture[]::new)).join();
            EdgeProxy edge = EdgeProxy.start(settings.edgePort(), Map.of(
                    EdgeRoutes.Service.COMMAND, commands.stream().map(c -> c.uri("")).toList(),
                    EdgeRoutes.Service.QUERY, List.of(query.uri("")),
                    EdgeRoutes.Service.REALTIME, realtimes.stream().map(r -> r.uri("")).toList()));
            return new LocalStack(settings, commands, query, realtimes, edge);
        } catch (Exception | Error e) {
            stopAll(started);
            throw e;
        }
    }

    /** {@code command-service} alone, {@code command-service-1}, {@code -2}, ... when there are several. */
    private static String instanceName(String module, int index, int instances) {
        return instances == 1 ? module : module + "-" + (index + 1);
    }

    /** The first (with one instance: the) command-service. */
    ServiceProcess command() {
        return commands.get(0);
    }

    ServiceProcess command(int instance) {
        return commands.get(instance);
    }

    /** The first (with one instance: the) realtime-service. */
    ServiceProcess realtime() {
        return realtimes.get(0);
    }

    ServiceProcess realtime(int instance) {
        return realtimes.get(instance);
    }

    /** The edge: the browser's one origin ({@code ws://} on the same port for sockets). */
    public URI edgeUri() {
        return URI.create("http://localhost:" + edge.port);
    }

    /** Each command-service instance, directly (not through the edge), in instance order. */
    public List<URI> commandUris() {
        return commands.stream().map(c -> c.uri("")).toList();
    }

    /** Each realtime-service instance, directly, in instance order ({@code http://}; sockets use {@code ws://}). */
    public List<URI> realtimeUris() {
        return realtimes.stream().map(r -> r.uri("")).toList();
    }

    public URI queryUri() {
        return query.uri("");
    }

    public String adminKey() {
        return settings.secrets().adminKey();
    }

    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-Xss512k");
    /**
     * The local start only ({@link #main}): C1 alone starts a service in about two thirds of the time; tests and
     * benchmarks keep the full JIT.
     */
    private static final List<String> DEV_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    private static volatile List<String> jvmOptions = JVM_OPTIONS;

    /** SIGTERM to all at once (they shut down side by side), then waits for each. */
    private static void stopAll(List<ServiceProcess> services) {
        services.forEach(ServiceProcess::requestStop);
        services.forEach(ServiceProcess::close);
    }

    private static Map<String, String> environment(Settings settings) {
        Map<String, String> env = new HashMap<>(settings.extraEnvironment());
        env.put("SPRING_DATASOURCE_URL", settings.dbUrl());
        env.put("SPRING_DATASOURCE_USERNAME", settings.dbUser());
        env.put("SPRING_DATASOURCE_PASSWORD", settings.dbPassword() == null ? "" : settings.dbPassword());
        env.put("STREAMFLIX_JWT_SECRET", settings.secrets().jwtSecret());
        env.put("STREAMFLIX_TWITCH_WEBHOOKSECRET", settings.secrets().webhookSecret());
        env.put("STREAMFLIX_ADMIN_KEY", settings.secrets().adminKey());
        env.put("STREAMFLIX_AUDIT_KEY", settings.secrets().auditKey());
        env.put("STREAMFLIX_TWITCH_TOKENENCRYPTIONKEY", settings.secrets().tokenEncryptionKey());
        env.put("STREAMFLIX_ALLOWEDORIGINS", String.join(",", settings.allowedOrigins()));
        return env;
    }

    /** A crash: command-service killed with SIGKILL (no shutdown of any kind), then started again on its port. */
    void killAndRestartCommand() throws Exception {
        killAndRestartCommand(0);
    }

    /** As {@link #killAndRestartCommand()}, for one of several command-service instances; the others keep running. */
    void killAndRestartCommand(int instance) throws Exception {
        killCommand(instance);
        restartCommand(instance);
    }

    /** kill -9 of one command-service instance; {@link #restartCommand} starts it again on its port. */
    void killCommand(int instance) throws InterruptedException {
        commands.get(instance).kill();
    }

    void restartCommand(int instance) throws Exception {
        String name = instanceName("command-service", instance, commands.size()) + "-restarted";
        ServiceProcess restarted = ServiceProcess.start(repositoryRoot(), "command-service",
                settings.commandPorts().get(instance), environment(settings), jvmOptions, log(settings, name));
        commands.set(instance, restarted);
        restarted.awaitHealthy(STARTUP);
    }

    private static CompletableFuture<Void> awaitAsync(ServiceProcess service) {
        return CompletableFuture.runAsync(() -> {
            try {
                service.awaitHealthy(STARTUP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Path log(Settings settings, String module) {
        return settings.logDirectory() == null ? null : settings.logDirectory().resolve(module + ".log");
    }

    @Override
    public void close() {
        edge.close();
        List<ServiceProcess> all = new ArrayList<>(realtimes);
        all.add(query);
        all.addAll(commands);
        stopAll(all);
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Run from inside the repository");
        }
        return dir;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The local start command (README.md): the PostgreSQL named by SPRING_DATASOURCE_URL when set, otherwise an
     * embedded PostgreSQL whose data is kept in .data/postgres; secrets generated once into .data/dev-secrets.properties;
     * services on 8081 (command), 8082 (query), 8083 (realtime) behind the edge on 8080; more command or realtime
     * instances on request ({@link #instances}) on 8181, 8281, ... and 8183, 8283, .... Ctrl-C stops them all.
     */
    public static void main(String[] args) throws Exception {
        Path data = repositoryRoot().resolve(".data");
        Files.createDirectories(data);
        Properties secrets = devSecrets(data.resolve("dev-secrets.properties"));

        String url = setting("spring.datasource.url", null);
        String user = setting("spring.datasource.username", "postgres");
        String password = setting("spring.datasource.password", null);
        EmbeddedPostgres embedded = null;
        if (url == null || url.isBlank()) {
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    // durable: zonky's defaults are for throw-away test databases (fsync and synchronous_commit off)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // stopped by our shutdown hook after the services, not by zonky's own hook while they still run
                    .setRegisterShutdownHook(false)
                    .setPort(Integer.parseInt(System.getenv().getOrDefault("STREAMFLIX_LOCAL_DB_PORT", "54329")))
                    .start();
            url = "jdbc:postgresql://localhost:" + embedded.getPort() + "/streamflix";
            createDatabaseIfMissing(embedded.getPort(), "streamflix");
            System.out.println("Embedded PostgreSQL on port " + embedded.getPort() + ", data in " + data.resolve("postgres"));
        }
        List<String> origins = List.of(System.getenv().getOrDefault("STREAMFLIX_ALLOWED_ORIGINS",
                "http://localhost:8080,http://localhost:8081,http://localhost:5173").split(","));
        DevTwitch twitch = DevTwitch.start(); // the Twitch stand-in: no Twitch account needed locally
        Settings settings = new Settings(url, user, password, new Secrets(secrets.getProperty("jwt-secret"),
                secrets.getProperty("webhook-secret"), secrets.getProperty("admin-key"),
                secrets.getProperty("token-encryption-key"), secrets.getProperty("audit-key")), origins,
                localPorts(8081, instances("streamflix.local.command-instances")), 8082,
                localPorts(8083, instances("streamflix.local.realtime-instances")), 8080, null,
                devEnvironment(twitch));
        EmbeddedPostgres database = embedded;
        jvmOptions = concat(JVM_OPTIONS, DEV_JVM_OPTIONS);
        LocalStack stack;
        try {
            stack = start(settings);
        } catch (Exception | Error e) {
            closeQuietly(database);
            throw e;
        }
        // Ctrl-C: the edge and the services first (they also get the terminal's SIGINT), the database last
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            closeQuietly(database);
        }, "local-stack-shutdown"));
        try {
            DevTwitch.connectBroadcaster(URI.create("http://localhost:" + settings.edgePort()));
        } catch (Exception e) {
            System.err.println("The broadcaster could not connect to the Twitch stand-in (registration will answer 503): " + e);
        }
        System.out.println("""

                STREAMFLIX League is running (Ctrl-C stops it):
                  edge              http://localhost:8080   (one origin for the browser, routes as deploy/edge/nginx.conf)
                  command-service   %s   (writes, webhooks: POST /api/webhooks/twitch)
                  query-service     http://localhost:8082   (reads; ledger audit: /api/audit/..., X-Audit-Key)
                  realtime-service  %s   (sockets: /api/user/connect)
                  dev login:        http://localhost:8080/auth/dev-login
                  dev helpers:      POST /api/dev/viewers, /api/dev/viewers/{userId}/subscriber, /api/dev/redemptions (X-Admin-Key)
                  Twitch stand-in:  %s   (broadcaster connected; every user a subscriber)
                  secrets (admin key, audit key, webhook secret, ...): .data/dev-secrets.properties
                """.formatted(stack.commandUris().stream().map(URI::toString).collect(Collectors.joining(" ")),
                stack.realtimeUris().stream().map(u -> "ws" + u.toString().substring(4)).collect(Collectors.joining(" ")),
                twitch.baseUrl()));
        Thread.currentThread().join();
    }

    /**
     * How many instances of a scaled service the local start runs: {@code -Dstreamflix.local.command-instances=2} or
     * {@code STREAMFLIX_LOCAL_COMMAND_INSTANCES=2} (likewise {@code realtime-instances}); 1 unless asked, at most 9.
     */
    static int instances(String property) {
        int instances = Integer.parseInt(setting(property, "1"));
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException(property + " must be between 1 and 9, not " + instances);
        }
        return instances;
    }

    /** The first instance on {@code first} (8081, 8083 as always), the next ones 100 apart: 8181, 8281, ... */
    static List<Integer> localPorts(int first, int instances) {
        return java.util.stream.IntStream.range(0, instances).map(i -> first + 100 * i).boxed().toList();
    }

    /**
     * command-service in the dev profile (dev login, dev helpers) against the Twitch stand-in; the dev profile refuses
     * Twitch credentials unless both Twitch base URLs are loopback addresses, so it cannot reach the real Twitch.
     */
    static Map<String, String> devEnvironment(DevTwitch twitch) {
        Map<String, String> env = new HashMap<>(twitch.environment());
        env.put("SPRING_PROFILES_ACTIVE", "dev");
        env.put("STREAMFLIX_AUTH_SUCCESSURL", "http://localhost:8080/api/users/me");
        return env;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static void closeQuietly(EmbeddedPostgres database) {
        if (database != null) {
            try {
                database.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }
    }

    /** {@code -Dspring.datasource.url=...} or {@code SPRING_DATASOURCE_URL}, as Spring would read it. */
    private static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Properties devSecrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
        }
        List<String> names = List.of("jwt-secret", "webhook-secret", "admin-key", "token-encryption-key", "audit-key");
        if (names.stream().anyMatch(name -> secrets.getProperty(name) == null)) {
            names.forEach(name -> secrets.putIfAbsent(name, randomSecret()));
            try (OutputStream out = Files.newOutputStream(file)) {
                secrets.store(out, "Generated for the local start only; never used in production");
            }
        }
        return secrets;
    }

    private static void createDatabaseIfMissing(int port, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")) {
            var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
        }
    }
}
