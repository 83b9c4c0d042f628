package com.streamflix.league.command.twitch;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.TransactionType;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Turns a {@code channel.channel_points_custom_reward_redemption.add} event into a wallet credit (RULES W1):
 * a configured reward credits its configured points, any other its cost × points-per-channel-point.
 */
@Component
public class ChannelPointsRedemptions {
    public static final String SUBSCRIPTION_TYPE = "channel.channel_points_custom_reward_redemption.add";

    private final TwitchProperties twitch;
    private final PointsProperties points;

    public ChannelPointsRedemptions(TwitchProperties twitch, PointsProperties points) {
        this.twitch = twitch;
        this.points = points;
    }

    /** Empty when the event is not ours to credit (another channel, a reward worth nothing). */
    public Optional<CreditPointsCommand> creditFor(JsonNode event) {
        String redemptionId = text(event, "id");
        String userId = text(event, "user_id");
        if (redemptionId == null || userId == null) {
            throw new IllegalArgumentException("redemption event without id or user_id");
        }
        String broadcaster = text(event, "broadcaster_user_id");
        if (twitch.broadcasterId() != null && !twitch.broadcasterId().equals(broadcaster)) {
            return Optional.empty();
        }
        JsonNode reward = event.path("reward");
        String rewardId = text(reward, "id");
        Long configured = rewardId == null ? null : twitch.rewards().get(rewardId);
        long amount = configured != null ? configured
                : Math.multiplyExact(reward.path("cost").asLong(0), points.perChannelPoint());
        if (amount <= 0) {
            return Optional.empty();
        }
        String title = reward.path("title").asText("a channel reward");
        return Optional.of(new CreditPointsCommand(userId, text(event, "user_login"), amount,
                TransactionType.TWITCH_REWARD_REDEMPTION, "Channel Points: " + title, redemptionId,
                "twitch-redemption:" + redemptionId));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
