package com.streamflix.league.system;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local edge: one origin for the browser in front of the three services ({@link EdgeRoutes}). A service with
 * several instances gets one proxy per instance, and {@link EdgeRoutes#instance} picks one per request (by the
 * viewer's session, else in turn), as nginx's {@code hash} does in deploy/edge/nginx.conf.
 */
final class EdgeProxy implements AutoCloseable {
    private final Undertow server;
    final int port;

    private EdgeProxy(Undertow server, int port) {
        this.server = server;
        this.port = port;
    }

    static EdgeProxy start(int port, Map<EdgeRoutes.Service, List<URI>> services) {
        Map<EdgeRoutes.Service, HttpHandler> proxies = new EnumMap<>(EdgeRoutes.Service.class);
        services.forEach((service, instances) -> proxies.put(service, new Instances(instances.stream()
                .map(uri -> (HttpHandler) ProxyHandler.builder()
                        // Undertow keeps 10 connections a host per I/O thread and answers 503 past them: a
                        // busy edge (a vote burst, hundreds of sockets) needs more, and a queue rather than a 503
                        .setProxyClient(new LoadBalancingProxyClient().setConnectionsPerThread(512)
                                .setMaxQueueSize(4096).addHost(uri))
                        .setMaxRequestTime(60_000)
                        .build())
                .toList())));
        HttpHandler router = exchange -> {
            if (EdgeRoutes.hidden(exchange.getRequestPath())) {
                exchange.setStatusCode(404).endExchange();
                return;
            }
            proxies.get(EdgeRoutes.route(exchange.getRequestMethod().toString(), exchange.getRequestPath()))
                    .handleRequest(exchange);
        };
        Undertow server = Undertow.builder().addHttpListener(port, "0.0.0.0").setHandler(router).build();
        server.start();
        return new EdgeProxy(server, port);
    }

    /** The instances of one service: the request goes to the one its session picks. */
    private record Instances(List<HttpHandler> proxies, AtomicInteger turn) implements HttpHandler {
        Instances(List<HttpHandler> proxies) {
            this(List.copyOf(proxies), new AtomicInteger());
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            Cookie session = exchange.getRequestCookie(EdgeRoutes.SESSION_COOKIE);
            proxies.get(EdgeRoutes.instance(session == null ? null : session.getValue(), proxies.size(),
                    turn::getAndIncrement)).handleRequest(exchange);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
