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
    static final List<String> COMMAND_PREFIXES = List.of("/api/webhooks/", "/api/auth/", "/auth/", "/oauth2/", "/login/");

    private EdgeRoutes() {
    }

    static Service route(String method, String path) {
        if (REALTIME_PATHS.stream().anyMatch(p -> p.matcher(path).matches())) {
            return Service.REALTIME;
        }
        if (COMMAND_PREFIXES.stream().anyMatch(path::startsWith)) {
            return Service.COMMAND;
        }
        return method.equals("GET") || method.equals("HEAD") ? Service.QUERY : Service.COMMAND;
    }

    /** Actuator endpoints are per service, not for the browser. */
    static boolean hidden(String path) {
        return path.startsWith("/actuator/");
    }
}
