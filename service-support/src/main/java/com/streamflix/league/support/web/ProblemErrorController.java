package com.streamflix.league.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * What reaches {@code /error} (a status sent by a filter or the container, an exception no advice saw) is answered
 * as problem+json whatever the client accepts, in place of Spring Boot's JSON or whitelabel HTML. Asked for
 * directly, {@code /error} is a 404 like any unknown path.
 */
@Controller
public class ProblemErrorController implements ErrorController {
    private final ObjectMapper json;

    public ProblemErrorController(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem;
        BodySizeLimit.TooLarge tooLarge = Problems.cause(failure, BodySizeLimit.TooLarge.class);
        if (tooLarge != null) {
            problem = tooLarge.problem();
        } else if (DatabaseUnavailable.causes(failure)) {
            problem = DatabaseUnavailable.problem();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        } else {
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            problem = Problems.forStatus(status instanceof Integer code ? code : 404);
        }
        response.resetBuffer();
        Problems.write(response, json, problem);
    }
}
