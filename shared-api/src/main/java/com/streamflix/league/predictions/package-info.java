/**
 * The parimutuel arithmetic of match predictions (RULES P2, P3) as pure Java: {@link
 * com.streamflix.league.predictions.Parimutuel#settle} turns a match's book and result into one payout or refund per
 * prediction. The command side settles (and re-settles on a correction, P4) with it and an auditor can rerun it on
 * the recorded book, so both always get the same points to the last one.
 */
package com.streamflix.league.predictions;
