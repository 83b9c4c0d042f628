package com.streamflix.league.command.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Plain HTTP calls to the service under test, redirects not followed. */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a signed-in viewer from an allowed origin. */
    public HttpResponse<String> asUser(String userId, String method, String path, String body) throws Exception {
        return send(method, path, Map.of("Cookie", Sessions.cookie(userId, "viewer_" + userId),
                "Origin", CommandServiceTest.ALLOWED_ORIGIN), body);
    }

    public HttpResponse<String> asAdmin(String method, String path, String body) throws Exception {
        return send(method, path, Map.of("X-Admin-Key", CommandServiceTest.ADMIN_KEY), body);
    }
}
