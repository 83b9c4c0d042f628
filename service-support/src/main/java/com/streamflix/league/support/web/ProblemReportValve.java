package com.streamflix.league.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error report, for what it refuses before any filter or {@code /error} can run (an encoded NUL or
 * slash in the path, a path above the root): problem+json instead of Tomcat's HTML page. Installed on the host in
 * place of Spring Boot's {@link ErrorReportValve} by {@link ContainerErrors}.
 */
public class ProblemReportValve extends ErrorReportValve {
    private final ObjectMapper json;

    public ProblemReportValve(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as the HTML report: only an error, only once, only while nothing is written and the client still listens
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = Problems.forStatus(status);
        String message = response.getMessage();
        if (status == 400 && message != null && message.startsWith("Invalid URI")) {
            problem.setDetail("The request path is malformed (e.g. an encoded NUL or slash, or a path above the root)");
            problem.setProperty("field", "path");
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken over: nothing left to report to
        }
    }
}
