package com.streamflix.league.command.wallet;

import com.streamflix.league.api.wallet.BanUserCommand;
import com.streamflix.league.api.wallet.CreditPointsCommand;
import com.streamflix.league.api.wallet.DebitPointsCommand;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.api.wallet.UnbanUserCommand;
import com.streamflix.league.command.config.CommandTransactions;
import com.streamflix.league.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Admin actions on a user: ban, unban, adjust points (who did it lands in the events' metadata). */
@RestController
@RequestMapping("/api/admin/users/{userId}")
public class UserAdminController {
    /** Twitch user ids are numeric strings; dev logins are {@code dev-<name>}. */
    static final String USER_ID = "[A-Za-z0-9_-]{1,64}";

    private final CommandGateway commands;
    private final CommandTransactions transactions;

    public UserAdminController(CommandGateway commands, CommandTransactions transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    public record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    /** Bounded so no sum of adjustments can overflow a balance. */
    public record Adjustment(@NotNull @Min(-MAX_ADJUSTMENT) @Max(MAX_ADJUSTMENT) Long amount,
                             @NotBlank @Size(max = 500) String reason) {
    }

    static final long MAX_ADJUSTMENT = 1_000_000_000L;

    public record Balance(long balance) {
    }

    @PostMapping("/ban")
    public ResponseEntity<Void> ban(@PathVariable @Pattern(regexp = USER_ID) String userId,
                                    @Valid @RequestBody Reason body) {
        transactions.run(() -> commands.sendAndWait(new BanUserCommand(userId, body.reason())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/unban")
    public ResponseEntity<Void> unban(@PathVariable @Pattern(regexp = USER_ID) String userId,
                                      @Valid @RequestBody Reason body) {
        transactions.run(() -> commands.sendAndWait(new UnbanUserCommand(userId, body.reason())));
        return ResponseEntity.noContent().build();
    }

    /**
     * A signed adjustment with a reason; the balance never goes below zero (RULES W2: 409). An
     * {@code Idempotency-Key} header makes a retried call apply once.
     */
    @PostMapping("/points")
    public Balance adjust(@PathVariable @Pattern(regexp = USER_ID) String userId, @Valid @RequestBody Adjustment body,
                          @RequestHeader(name = "Idempotency-Key", required = false)
                          @Size(max = 100) String idempotencyKey) {
        if (body.amount() == 0) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "amount must not be 0")
                    .with("field", "amount");
        }
        String key = "admin-adjustment:" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
        long balance = transactions.run(() -> body.amount() > 0
                ? commands.<Long>sendAndWait(new CreditPointsCommand(userId, null, body.amount(),
                        TransactionType.ADMIN_ADJUSTMENT, body.reason(), null, key))
                : commands.<Long>sendAndWait(new DebitPointsCommand(userId, -body.amount(),
                        TransactionType.ADMIN_ADJUSTMENT, body.reason(), null, key)));
        return new Balance(balance);
    }
}
