package com.streamflix.league.support.web;

import java.util.List;

/** One page of a list: {@code {items, page, size, total}} (API.md). */
public record Page<T>(List<T> items, int page, int size, long total) {
}
