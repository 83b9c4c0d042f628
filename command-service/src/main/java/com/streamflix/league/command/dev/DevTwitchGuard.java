package com.streamflix.league.command.dev;

import com.streamflix.league.command.twitch.TwitchProperties;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The dev profile never runs next to the real Twitch: with a client secret configured, both Twitch base URLs must
 * point at a Twitch stand-in on this machine (a loopback address), as the local start command's stand-in does.
 */
public final class DevTwitchGuard {
    private DevTwitchGuard() {
    }

    public static void refuseRealTwitch(TwitchProperties twitch) {
        boolean credentials = twitch.clientSecret() != null && !twitch.clientSecret().isBlank();
        if (credentials && !(isLoopback(twitch.apiBaseUrl()) && isLoopback(twitch.authBaseUrl()))) {
            throw new IllegalStateException("The dev profile (dev login, dev helpers) cannot run with real Twitch "
                    + "credentials: unset streamflix.twitch.client-secret, point streamflix.twitch.api-base-url and "
                    + "auth-base-url at a local Twitch stand-in, or drop the dev profile");
        }
    }

    static boolean isLoopback(String url) {
        try {
            String host = url == null ? null : URI.create(url).getHost();
            if (host == null) {
                return false;
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.equalsIgnoreCase("localhost")) {
                return true;
            }
            // only literal addresses: no name lookup (a name could resolve anywhere)
            if (!host.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
                return false;
            }
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }
}
