package com.streamflix.league.api.prediction;

import com.streamflix.league.api.FieldRefusedException;

/** A prediction naming someone who does not play in the match (RULES P1). */
public class InvalidPredictionException extends FieldRefusedException {

    public InvalidPredictionException(String field, String message) {
        super(field, message);
    }

    @Override
    public String problemType() {
        return "invalid-prediction";
    }
}
