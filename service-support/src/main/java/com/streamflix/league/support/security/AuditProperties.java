package com.streamflix.league.support.security;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * Auditors (issue #12): {@code streamflix.audit.key} is the {@code X-Audit-Key} secret (unset: no key is accepted);
 * {@code streamflix.audit.users} are Twitch user ids whose sessions are auditors. Either reads the audit endpoints
 * and nothing else; admins read them too.
 */
@Validated
@ConfigurationProperties("streamflix.audit")
public record AuditProperties(
        @Size(min = 32, message = "streamflix.audit.key must be at least 32 characters") String key,
        List<String> users) {

    public AuditProperties {
        key = key == null || key.isBlank() ? null : key;
        users = users == null ? List.of() : List.copyOf(users);
    }
}
