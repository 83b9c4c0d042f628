package com.streamflix.league.api.tournament;

/** A registration waits for the admin's selection, then is in the roster or not (RULES R4). */
public enum RegistrationStatus {
    PENDING,
    CONFIRMED,
    NOT_SELECTED
}
