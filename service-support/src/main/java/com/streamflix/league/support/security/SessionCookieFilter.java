package com.streamflix.league.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the session cookie, once per request. A valid one authenticates the request as its user. An invalid one (bad
 * signature, expired, garbage, or signed before a secret rotation) is cleared and the request goes on as anonymous:
 * a stale cookie must not lock a viewer out of public reads or of the login that would replace it (issue #13), and
 * a protected endpoint then answers 401 exactly as without a cookie. A request presenting a key header is the key's.
 */
public class SessionCookieFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(SessionCookieFilter.class);

    private final JwtDecoder decoder;
    private final Converter<Jwt, ? extends AbstractAuthenticationToken> authentication;
    // as Spring's bearer-token filter does, so an error dispatch of this request still knows who sent it
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    public SessionCookieFilter(JwtDecoder decoder, Converter<Jwt, ? extends AbstractAuthenticationToken> authentication) {
        this.decoder = decoder;
        this.authentication = authentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = KeyAuthenticationFilter.presentsKey(request) ? null : SessionCookieAuthentication.token(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        Jwt session;
        try {
            session = decoder.decode(token);
        } catch (JwtException invalid) {
            log.debug("Invalid session cookie cleared: {}", invalid.getMessage());
            response.addHeader(HttpHeaders.SET_COOKIE, SessionCookieAuthentication.cleared().toString());
            chain.doFilter(new WithoutSessionCookie(request), response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.convert(session));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        chain.doFilter(request, response);
    }

    /** Hides the invalid cookie from what follows (the Origin check, controllers), as if it had not been sent. */
    private static final class WithoutSessionCookie extends HttpServletRequestWrapper {
        WithoutSessionCookie(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Cookie[] getCookies() {
            Cookie[] cookies = super.getCookies();
            if (cookies == null) {
                return null;
            }
            Cookie[] others = Arrays.stream(cookies)
                    .filter(cookie -> !SessionCookieAuthentication.COOKIE.equals(cookie.getName()))
                    .toArray(Cookie[]::new);
            return others.length == 0 ? null : others;
        }
    }
}
