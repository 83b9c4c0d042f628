package com.streamflix.league.system;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** The local edge: one origin for the browser in front of the three services ({@link EdgeRoutes}). */
final class EdgeProxy implements AutoCloseable {
    private final Undertow server;
    final int port;

    private EdgeProxy(Undertow server, int port) {
        this.server = server;
        this.port = port;
    }

    static EdgeProxy start(int port, Map<EdgeRoutes.Service, URI> services) {
        Map<EdgeRoutes.Service, HttpHandler> proxies = new EnumMap<>(EdgeRoutes.Service.class);
        services.forEach((service, uri) -> proxies.put(service, ProxyHandler.builder()
                .setProxyClient(new LoadBalancingProxyClient().addHost(uri))
                .setMaxRequestTime(60_000)
                .build()));
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

    @Override
    public void close() {
        server.stop();
    }
}
