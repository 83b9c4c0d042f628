package com.streamflix.league.command.twitch;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.TransactionType;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@code channel.channel_points_custom_reward_redemption.add} event into a wallet credit (RULES W1):
 * a configured reward credits its configured points, any other its cost × points-per-channel-point, at most
 * {@code streamflix.points.max-per-redemption}.
 * <p>
 * The webhook's strings are bounded and cleaned here, before they reach an event: an event the read model cannot
 * store (a NUL in a title, a 100-character login) would stop its projection for every user. Fields Twitch itself
 * bounds (ids, login) are refused when outside those bounds; the free-text title is cleaned, not refused.
 */
@Component
public class ChannelPointsRedemptions {
    public static final String SUBSCRIPTION_TYPE = "channel.channel_points_custom_reward_redemption.add";
    /** Twitch's longest reward title (Create Custom Rewards: "maximum 45 characters"). */
    static final int TITLE_MAX_CODE_POINTS = 45;
    static final String INVALID = "invalid-redemption";
    static final String OVER_CAP = "redemption-over-cap";

    /** Twitch user ids are numeric strings. */
    private static final Pattern USER_ID = Pattern.compile("[0-9]{1,20}");
    /** Twitch's login rules: 1–25 of letters, digits and underscore. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9_]{1,25}");
    /** The dev profile's own users ({@code dev-<name>}, DevHelpers' redemptions): as bounded, never control characters. */
    private static final Pattern DEV_USER_ID = Pattern.compile("[0-9]{1,20}|dev-[A-Za-z0-9_-]{1,60}");
    private static final Pattern DEV_LOGIN = Pattern.compile("[A-Za-z0-9_-]{1,60}");
    /** Redemption and reward ids are UUIDs; anything printable up to 64 characters is accepted, nothing else. */
    private static final Pattern ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    private final TwitchProperties twitch;
    private final PointsProperties points;
    private final Pattern userIds;
    private final Pattern logins;

    public ChannelPointsRedemptions(TwitchProperties twitch, PointsProperties points, Environment environment) {
        this.twitch = twitch;
        this.points = points;
        boolean dev = environment.matchesProfiles("dev");
        this.userIds = dev ? DEV_USER_ID : USER_ID;
        this.logins = dev ? DEV_LOGIN : LOGIN;
        // a configured reward is bounded like any other: refused at start, not at its first redemption
        twitch.rewards().forEach((rewardId, amount) -> {
            if (amount == null || amount < 0 || amount > points.maxPerRedemption()) {
                throw new IllegalStateException("streamflix.twitch.rewards." + rewardId + " must be between 0 and "
                        + "streamflix.points.max-per-redemption (" + points.maxPerRedemption() + ")");
            }
        });
    }

    /**
     * Empty when the event is not ours to credit (another channel, a reward worth nothing).
     *
     * @throws UnusableRedemptionException when it can never be credited
     */
    public Optional<CreditPointsCommand> creditFor(JsonNode event) {
        String broadcaster = event.path("broadcaster_user_id").asText(null);
        if (twitch.broadcasterId() != null && !twitch.broadcasterId().equals(broadcaster)) {
            return Optional.empty(); // whatever else it holds, another channel's redemption is not ours to judge
        }
        String redemptionId = required(event, "event", "id", ID);
        String userId = required(event, "event", "user_id", userIds);
        String login = optional(event, "event", "user_login", logins);
        JsonNode reward = event.path("reward");
        String rewardId = optional(reward, "event.reward", "id", ID);
        Long configured = rewardId == null ? null : twitch.rewards().get(rewardId);
        long amount = configured != null ? configured : pointsForCost(reward.path("cost"));
        if (amount <= 0) {
            return Optional.empty();
        }
        return Optional.of(new CreditPointsCommand(userId, login, amount,
                TransactionType.TWITCH_REWARD_REDEMPTION, "Channel Points: " + title(reward.path("title")),
                redemptionId, "twitch-redemption:" + redemptionId));
    }

    /** cost × factor, compared by division so that no cost, however large, overflows. */
    private long pointsForCost(JsonNode cost) {
        if (cost.isMissingNode() || cost.isNull()) {
            return 0;
        }
        if (!cost.isIntegralNumber() || !cost.canConvertToLong() || cost.asLong() < 0) {
            throw new UnusableRedemptionException(INVALID, "event.reward.cost",
                    "reward.cost is not a whole number of channel points");
        }
        if (cost.asLong() > points.maxPerRedemption() / points.perChannelPoint()) {
            throw new UnusableRedemptionException(OVER_CAP, "event.reward.cost",
                    "reward.cost " + cost.asLong() + " × " + points.perChannelPoint() + " exceeds "
                            + "streamflix.points.max-per-redemption (" + points.maxPerRedemption() + ")");
        }
        return cost.asLong() * points.perChannelPoint();
    }

    /** Control characters (NUL among them) and broken surrogates dropped, at most Twitch's 45 characters. */
    static String title(JsonNode title) {
        String raw = title.isTextual() ? title.asText() : "";
        StringBuilder clean = new StringBuilder();
        raw.codePoints()
                .filter(c -> !Character.isISOControl(c) && !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .limit(TITLE_MAX_CODE_POINTS)
                .forEach(clean::appendCodePoint);
        String cleaned = clean.toString().strip();
        return cleaned.isEmpty() ? "a channel reward" : cleaned;
    }

    private static String required(JsonNode node, String path, String field, Pattern bounds) {
        String value = optional(node, path, field, bounds);
        if (value == null) {
            throw new UnusableRedemptionException(INVALID, path + "." + field, path + "." + field + " is missing");
        }
        return value;
    }

    /** Null when absent; otherwise within Twitch's bounds or refused (the value is not echoed: it may be hostile). */
    private static String optional(JsonNode node, String path, String field, Pattern bounds) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !bounds.matcher(value.asText()).matches()) {
            throw new UnusableRedemptionException(INVALID, path + "." + field,
                    path + "." + field + " is not a valid Twitch value (expected " + bounds.pattern() + ")");
        }
        return value.asText();
    }
}
