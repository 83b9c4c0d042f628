package com.streamflix.league.api.knockout;

/**
 * A match action the competition does not allow now (RULES M2, and the correction windows): a second leg before the
 * first, a correction after the knockouts were seeded or the next tie started (→ 409 with {@code type} and why).
 */
public class CompetitionRuleException extends RuntimeException {
    private final String type;

    public CompetitionRuleException(String type, String message) {
        super(message);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
