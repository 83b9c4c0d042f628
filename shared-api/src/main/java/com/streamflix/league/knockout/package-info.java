/**
 * The knockout phase (RULES K1–K3, ucl-format.md §5–§6) as pure Java: {@link
 * com.streamflix.league.knockout.KnockoutBracket} draws the halves and says who plays (or could still play) in each
 * {@link com.streamflix.league.knockout.Slot}; {@link com.streamflix.league.knockout.TieOutcome} decides a tie. Both
 * the command side and the query side use it, so it knows no messages, frameworks or storage.
 *
 * <h2>On stream: how the knockout draw works</h2>
 *
 * <p>The top 24 of the league table stand in twelve pairs: 1 and 2, 3 and 4, up to 23 and 24. For each pair the
 * computer flips a fair coin, from the seed shown on screen, to send one of the two to the silver half of the bracket
 * and the other to the blue half. Everything else follows from the table: 9 or 10 plays 23 or 24 in the play-offs, the
 * winners meet 7 or 8 in the round of 16, and so on, exactly as in the Champions League. So 1 and 2 can only meet in the
 * final, and in every two-legged tie the better-placed team plays the second leg at home.
 */
package com.streamflix.league.knockout;
