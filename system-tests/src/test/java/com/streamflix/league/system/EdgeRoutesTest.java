package com.streamflix.league.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The local edge and the deployed nginx edge (deploy/edge/nginx.conf) send every request to the same service. */
class EdgeRoutesTest {
    static final List<String[]> REQUESTS = List.of(
            new String[]{"GET", "/api/user/connect"},
            new String[]{"GET", "/api/matches/m-1/live"},
            new String[]{"GET", "/api/matches/m-1"},
            new String[]{"POST", "/api/matches/m-1/predictions"},
            new String[]{"POST", "/api/webhooks/twitch"},
            new String[]{"GET", "/api/auth/me"},
            new String[]{"GET", "/auth/login"},
            new String[]{"POST", "/auth/logout"},
            new String[]{"GET", "/oauth2/authorization/twitch"},
            new String[]{"GET", "/login/oauth2/code/twitch"},
            new String[]{"GET", "/api/users/me"},
            new String[]{"GET", "/api/users/me/transactions"},
            new String[]{"GET", "/api/tournaments"},
            new String[]{"POST", "/api/tournaments/t-1/register"},
            new String[]{"DELETE", "/api/tournaments/t-1/register"},
            new String[]{"GET", "/api/admin/tournaments/t-1/registrations"},
            new String[]{"POST", "/api/admin/tournaments/t-1/confirm-participants"},
            new String[]{"HEAD", "/api/tournaments/t-1"},
            new String[]{"GET", "/actuator/health"});

    record Location(String kind, String pattern, String target) {
    }

    @Test
    void nginxAndTheLocalEdgeRouteAlike() throws Exception {
        List<Location> nginx = parse(Files.readString(LocalStack.repositoryRoot().resolve(Path.of("deploy", "edge", "nginx.conf"))));
        assertThat(nginx).hasSizeGreaterThan(5);
        for (String[] request : REQUESTS) {
            String expected = EdgeRoutes.hidden(request[1]) ? "hidden"
                    : EdgeRoutes.route(request[0], request[1]).name().toLowerCase();
            assertThat(nginxTarget(nginx, request[0], request[1])).as(request[0] + " " + request[1]).isEqualTo(expected);
        }
    }

    @Test
    void readsGoToQueryWritesToCommandSocketsToRealtime() {
        assertThat(EdgeRoutes.route("GET", "/api/tournaments/t-1/matches")).isEqualTo(EdgeRoutes.Service.QUERY);
        assertThat(EdgeRoutes.route("POST", "/api/admin/users/1/ban")).isEqualTo(EdgeRoutes.Service.COMMAND);
        assertThat(EdgeRoutes.route("GET", "/api/user/connect")).isEqualTo(EdgeRoutes.Service.REALTIME);
        assertThat(EdgeRoutes.route("GET", "/auth/dev-login")).isEqualTo(EdgeRoutes.Service.COMMAND);
    }

    /** The subset of nginx's location matching our file uses: exact, then regex in order, then longest prefix. */
    static String nginxTarget(List<Location> locations, String method, String path) {
        Location chosen = locations.stream().filter(l -> l.kind().equals("=") && l.pattern().equals(path)).findFirst()
                .or(() -> locations.stream().filter(l -> l.kind().equals("~") && Pattern.compile(l.pattern()).matcher(path).find()).findFirst())
                .or(() -> locations.stream().filter(l -> l.kind().isEmpty() && path.startsWith(l.pattern()))
                        .max((a, b) -> Integer.compare(a.pattern().length(), b.pattern().length())))
                .orElseThrow();
        if (chosen.target().equals("$by_method")) {
            return method.equals("GET") || method.equals("HEAD") ? "query" : "command";
        }
        return chosen.target();
    }

    static List<Location> parse(String conf) {
        List<Location> locations = new ArrayList<>();
        Matcher m = Pattern.compile("location\\s+(=|~)?\\s*(\\S+)\\s*\\{([^}]*)}").matcher(conf);
        while (m.find()) {
            String body = m.group(3);
            Matcher pass = Pattern.compile("proxy_pass\\s+http://([^;/]+);").matcher(body);
            String target = pass.find() ? pass.group(1) : body.contains("return 404") ? "hidden" : "?";
            locations.add(new Location(m.group(1) == null ? "" : m.group(1), m.group(2), target));
        }
        return locations;
    }
}
