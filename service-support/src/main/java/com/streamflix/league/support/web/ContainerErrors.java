package com.streamflix.league.support.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The refusals made below our controllers, as problem+json like every other answer: Tomcat's ({@link
 * ProblemReportValve}), Spring Security's firewall (a {@code ;}, {@code //}, {@code %25} or a backslash in the path;
 * a header value with a control character) and whatever is sent to {@code /error} ({@link ProblemErrorController}).
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {
    private static final Pattern NAMED = Pattern.compile("(header|parameter)(?: name)?:? \"([^\"]*)\"");

    /**
     * Spring Boot adds its own ErrorReportValve to the host from a context customizer; this one runs after it (a
     * customizer without order comes last) and replaces it, so only one report is ever written, ours. Form bodies,
     * which Tomcat reads itself, get the same limit as every other body.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports(ObjectMapper json, HttpProperties http) {
        return factory -> {
            factory.addContextCustomizers(context -> {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemReportValve(json));
                if (context.getParent() instanceof StandardHost standard) {
                    // else the host adds Tomcat's HTML report when it starts
                    standard.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
            factory.addConnectorCustomizers(connector ->
                    connector.setMaxPostSize((int) Math.min(Integer.MAX_VALUE, http.maxBodySize().toBytes())));
        };
    }

    /** The firewall's refusals: 405 for a method it does not know, else 400 naming the header, parameter or path. */
    @Bean
    RequestRejectedHandler requestRejected(ObjectMapper json) {
        return (request, response, rejected) -> {
            String reason = String.valueOf(rejected.getMessage());
            ProblemDetail problem;
            if (reason.contains("HTTP method")) {
                problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                        "The HTTP method is not supported");
                problem.setProperty("field", "method");
            } else {
                Matcher named = NAMED.matcher(reason);
                boolean found = named.find();
                problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", found
                        ? "The " + named.group(1) + " has a name or value that is not allowed (e.g. a control character)"
                        : "The request path is not allowed (e.g. ';', '//', '%25', a backslash or a control character)");
                problem.setProperty("field", found ? named.group(2).strip() : "path");
            }
            Problems.write(response, json, problem);
        };
    }
}
