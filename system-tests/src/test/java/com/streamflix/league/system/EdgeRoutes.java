package com.streamflix.league.system;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which service answers a request at the edge. The same table as deploy/edge/nginx.conf (docker-compose), checked
 * by EdgeRoutesTest, so the local start and a deployment route alike.
 */
final class EdgeRoutes {
    enum Service { COMMAND, QUERY, REALTIME }

    /** Sockets, exactly. */
    static final List<Pattern> REALTIME_PATHS = List.of(
            Pattern.compile("/api/user/connect"),
            Pattern.compile("/api/matches/[^/]+/live"));
    /** Webhooks and login, whatever the method. */
    static final List<String> COMMAND_PREFIXES = List.of("/api/webhooks/", "/api/auth/", "/auth/", "/oauth2/", "/login/",
            "/api/admin/twitch/");
    /** The ledger's audit and rebuild jobs (issue #12) and parked events (issue #13), whatever the method. */
    static final List<String> QUERY_PREFIXES = List.of("/api/audit/", "/api/admin/projections/",
            "/api/admin/dead-letters");

    private EdgeRoutes() {
    }

    static Service route(String method, String path) {
        if (REALTIME_PATHS.stream().anyMatch(p -> p.matcher(path).matches())) {
            return Service.REALTIME;
        }
        if (COMMAND_PREFIXES.stream().anyMatch(path::startsWith)) {
            return Service.COMMAND;
        }
        if (QUERY_PREFIXES.stream().anyMatch(path::startsWith)) {
            return Service.QUERY;
        }
        return method.equals("GET") || method.equals("HEAD") ? Service.QUERY : Service.COMMAND;
    }

    /** The session cookie: the key a viewer's requests and sockets are routed by when a service has several instances. */
    static final String SESSION_COOKIE = "streamflix_session";

    /**
     * Which instance of a service with {@code instances} of them answers (issue #10, scale-out). A viewer's session
     * picks one instance, the same every time, so that one viewer's writes meet on one command-service (its vote rate
     * limit is exact, its wallet's appends do not race another JVM's) and their sockets on one realtime-service;
     * without a session (admin key, webhooks, anonymous match channels) the next instance in turn. The hash is
     * nginx's {@code hash $key} (not {@code consistent}): see deploy/edge/nginx.conf for why.
     */
    static int instance(String session, int instances, java.util.function.IntSupplier roundRobin) {
        if (instances == 1) {
            return 0;
        }
        if (session == null || session.isEmpty()) {
            return Math.floorMod(roundRobin.getAsInt(), instances);
        }
        return nginxHash(session) % instances;
    }

    /** nginx's first choice for {@code hash $key} over equally weighted servers: ((crc32(key) >> 16) & 0x7fff) mod n. */
    static int nginxHash(String key) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) ((crc.getValue() >>> 16) & 0x7fff);
    }

    /** Actuator endpoints are per service, not for the browser. */
    static boolean hidden(String path) {
        return path.startsWith("/actuator/");
    }
}
