package com.streamflix.league.api.draw;

/**
 * Who chose a draw's seed (RULES D5): the server ({@code SecureRandom}, nobody could pick a favourable one) or the
 * admin (e.g. a number rolled on stream). Published so viewers can judge the draw.
 */
public enum SeedSource {
    SERVER,
    ADMIN
}
