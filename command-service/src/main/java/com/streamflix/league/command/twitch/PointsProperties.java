package com.streamflix.league.command.twitch;

import com.streamflix.league.command.wallet.UserWallet;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamflix.points.*}: how channel points convert into league points (RULES W1). {@code maxPerRedemption}
 * bounds what one redemption may credit (a larger one is acknowledged and recorded, not credited), so no reward's
 * cost × factor can inflate a wallet or overflow it.
 */
@Validated
@ConfigurationProperties("streamflix.points")
public record PointsProperties(@DefaultValue("1") @Min(1) long perChannelPoint,
                               @DefaultValue("1000000") @Min(1) @Max(UserWallet.MAX_BALANCE) long maxPerRedemption) {
}
