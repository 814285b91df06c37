using System.Net;
using JobsPortal.Features.Api;

namespace JobsPortal.Tests.Features.Api;

/// <summary>
/// The token scheme's per-request account check (one query, <see cref="ApiAccountCheck"/>) and its
/// memory of unprotected tokens (<see cref="ApiTicketCache"/>): remembering a token never remembers
/// the account's standing, in either direction.
/// </summary>
public abstract class TokenAccountCheckTests(ApiAppFactory factory)
{
    private const string ListMethod = "jobs/all_scopes/list?number_of_results=1";

    [Fact]
    public async Task A_token_used_many_times_stops_at_its_next_request_once_the_account_is_locked()
    {
        const string user = "maria.lopez@example.com";
        await using var app = await factory.CloneAsync();
        var api = app.Api();
        var token = await api.TokenAsync(user);
        for (var i = 0; i < 3; i++)
        {
            ApiAssert.Ok(await api.GetAsync(ListMethod, token));
        }

        await app.WithUsersAsync(async users =>
            (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(user))!, DateTimeOffset.UtcNow.AddMinutes(15))).Succeeded);

        ApiAssert.Error(await api.GetAsync(ListMethod, token), ApiErrorCodes.AccountLockedOut, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_same_token_works_again_when_the_lockout_is_lifted()
    {
        const string user = "tom.becker@example.com";
        await using var app = await factory.CloneAsync();
        var api = app.Api();
        var token = await api.TokenAsync(user);
        await app.WithUsersAsync(async users =>
            (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(user))!, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        ApiAssert.Error(await api.GetAsync(ListMethod, token), ApiErrorCodes.AccountLockedOut, HttpStatusCode.Unauthorized);

        await app.WithUsersAsync(async users => (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(user))!, null)).Succeeded);

        ApiAssert.Ok(await api.GetAsync(ListMethod, token));
    }

    [Fact]
    public async Task A_deactivated_accounts_token_stops_even_without_a_lockout_date()
    {
        const string user = "sara.khan@example.com";
        await using var app = await factory.CloneAsync();
        var api = app.Api();
        var token = await api.TokenAsync(user);
        ApiAssert.Ok(await api.GetAsync(ListMethod, token));

        // Deactivation also locks the account and changes its stamp; the flag alone must be enough.
        await app.WithUsersAsync(async users =>
        {
            var account = (await users.FindByEmailAsync(user))!;
            account.IsDeactivated = true;
            return (await users.UpdateAsync(account)).Succeeded;
        });

        var answer = await api.GetAsync(ListMethod, token);
        ApiAssert.Error(answer, ApiErrorCodes.AccountLockedOut, HttpStatusCode.Unauthorized);
        Assert.Contains("deactivated", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_altered_after_it_was_accepted_is_still_refused()
    {
        var api = factory.Api();
        var token = await api.TokenAsync("maria.lopez@example.com");
        ApiAssert.Ok(await api.GetAsync(ListMethod, token));

        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        ApiAssert.Error(await api.GetAsync(ListMethod, altered), ApiErrorCodes.TokenInvalid, HttpStatusCode.Unauthorized);
        ApiAssert.Ok(await api.GetAsync(ListMethod, token));
    }
}

// One body of tests, run on each database the app supports.

public sealed class TokenAccountCheckSqliteTests(ApiAppFactory factory) : TokenAccountCheckTests(factory), IClassFixture<ApiAppFactory>;

public sealed class TokenAccountCheckPostgreSqlTests(PostgreSqlApiAppFactory factory) : TokenAccountCheckTests(factory), IClassFixture<PostgreSqlApiAppFactory>;
