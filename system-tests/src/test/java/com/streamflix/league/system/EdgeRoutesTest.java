package com.streamflix.league.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
            new String[]{"POST", "/api/audit/verify"},
            new String[]{"GET", "/api/audit/users/u-1/ledger"},
            new String[]{"POST", "/api/admin/projections/wallet-ledger/rebuild"},
            new String[]{"GET", "/api/admin/dead-letters"},
            new String[]{"GET", "/api/admin/twitch/unprocessable"},
            new String[]{"POST", "/api/admin/dead-letters/wallet-ledger/retry"},
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

    /**
     * Scale-out (issue #10): in nginx.conf, command and realtime hash on the session cookie (a random key without
     * one) with plain {@code hash}, the method {@link EdgeRoutes#instance} reproduces; query is not hashed.
     */
    @Test
    void nginxRoutesCommandsAndSocketsByTheSessionCookie() throws Exception {
        String conf = Files.readString(LocalStack.repositoryRoot().resolve(Path.of("deploy", "edge", "nginx.conf")));
        Map<String, String> upstreams = new HashMap<>();
        Matcher upstream = Pattern.compile("(?m)^upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(conf);
        while (upstream.find()) {
            upstreams.put(upstream.group(1), upstream.group(2));
        }
        assertThat(upstreams).containsOnlyKeys("command", "query", "realtime");
        for (String hashed : List.of("command", "realtime")) {
            Matcher hash = Pattern.compile("hash\\s+\\$(\\w+)\\s*;").matcher(upstreams.get(hashed));
            assertThat(hash.find()).as(hashed + " is hashed (plain hash: 'consistent' would not stick to a replica)").isTrue();
            Map<String, String> key = map(conf, hash.group(1));
            assertThat(key).as("the key of " + hashed).containsEntry("default", "$cookie_" + EdgeRoutes.SESSION_COOKIE)
                    .containsEntry("\"\"", "$request_id");
        }
        assertThat(upstreams.get("query")).doesNotContain("hash");
    }

    /** The body of {@code map $from $name { ... }} as value by pattern. */
    static Map<String, String> map(String conf, String name) {
        Matcher block = Pattern.compile("map\\s+\\$\\w+\\s+\\$" + name + "\\s*\\{([^}]*)}").matcher(conf);
        assertThat(block.find()).as("map $" + name).isTrue();
        Map<String, String> entries = new HashMap<>();
        Matcher entry = Pattern.compile("(\\S+)\\s+(\\S+)\\s*;").matcher(block.group(1));
        while (entry.find()) {
            entries.put(entry.group(1), entry.group(2));
        }
        return entries;
    }

    @Test
    void oneViewerAlwaysReachesTheSameInstanceAndViewersSpreadOverAll() {
        AtomicInteger turn = new AtomicInteger();
        for (int instances : List.of(2, 3)) {
            int[] viewers = new int[instances];
            for (int i = 0; i < 3000; i++) {
                String session = "eyJhbGciOiJIUzI1NiJ9.viewer-" + i + ".sig";
                int chosen = EdgeRoutes.instance(session, instances, turn::getAndIncrement);
                assertThat(EdgeRoutes.instance(session, instances, turn::getAndIncrement)).isEqualTo(chosen);
                viewers[chosen]++;
            }
            for (int count : viewers) {
                assertThat(count).as(instances + " instances").isGreaterThan(3000 / instances * 8 / 10);
            }
        }
        assertThat(EdgeRoutes.instance("any", 1, turn::getAndIncrement)).isZero();
    }

    @Test
    void withoutASessionRequestsTakeTurns() {
        AtomicInteger turn = new AtomicInteger();
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            chosen.add(EdgeRoutes.instance(i % 2 == 0 ? null : "", 3, turn::getAndIncrement));
        }
        assertThat(chosen).containsExactly(0, 1, 2, 0, 1, 2);
    }

    /** nginx's hash: ((crc32(key) >> 16) & 0x7fff), crc32("abc") being 0x352441C2. */
    @Test
    void theHashIsNginxs() {
        assertThat(EdgeRoutes.nginxHash("abc")).isEqualTo(0x3524);
        assertThat(EdgeRoutes.instance("abc", 2, () -> 1)).isEqualTo(0x3524 % 2);
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
