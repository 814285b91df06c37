using System.Net;
using System.Net.Http.Headers;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using JobsPortal.Features.Api;
using JobsPortal.Features.Cancellation;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Api;

/// <summary>
/// authentication/token, and how every other method treats the token it gives (or does not). A test that
/// changes an account or moves the clock does it in an app over its own copy of the database.
/// </summary>
public abstract class TokenApiTests(ApiAppFactory factory)
{
    private const string ListMethod = "jobs/all_scopes/list?number_of_results=1";

    [Fact]
    public async Task A_staff_account_gets_a_two_hour_token_that_opens_the_other_methods()
    {
        var api = factory.Api();

        var response = await api.PostAsync("authentication/token",
            new { username = "maria.lopez@example.com", password = DemoCatalog.DemoPassword, organisation = "ignored" });

        ApiAssert.Ok(response);
        Assert.Equal("", response.Text);
        Assert.Equal("Bearer", response.Data.GetProperty("token_type").GetString());
        Assert.Equal(7200, response.Data.GetProperty("expires_in").GetInt64());
        var expires = DateTimeOffset.Parse(response.Data.GetProperty("expiration_date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(factory.Clock.GetUtcNow().AddHours(2).ToUnixTimeSeconds(), expires.ToUnixTimeSeconds());
        ApiAssert.Ok(await api.GetAsync(ListMethod, response.Data.GetProperty("token").GetString()));
    }

    [Fact]
    public async Task The_token_is_taken_from_the_header_the_body_field_and_the_get_query()
    {
        var api = factory.Api();
        var token = await api.TokenAsync();

        var header = await api.GetAsync(ListMethod, token);
        var query = await api.GetAsync(ListMethod + "&token=" + Uri.EscapeDataString(token));
        var body = await api.PostAsync("jobs/all_scopes/cancel", new { token, job_identifier = new { number = "J99999999" } });

        ApiAssert.Ok(header);
        ApiAssert.Ok(query);
        // Authenticated through the body's token: the cancel itself then says the job does not exist.
        ApiAssert.Error(body, CancelErrorCodes.JobNotFound, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_token_in_the_query_string_of_a_post_is_not_taken()
    {
        var api = factory.Api();
        var token = await api.TokenAsync();

        var response = await api.PostAsync("jobs/all_scopes/cancel?token=" + Uri.EscapeDataString(token), new { job_identifier = new { number = "J00000001" } });

        ApiAssert.Error(response, ApiErrorCodes.TokenMissing, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("maria.lopez@example.com", "wrong-password")]
    [InlineData("nobody@example.com", DemoCatalog.DemoPassword)]
    public async Task Wrong_credentials_are_refused_the_same_way(string username, string password)
    {
        await using var app = await factory.CloneAsync(); // a wrong password counts toward the account's lockout

        var response = await app.Api().PostAsync("authentication/token", new { username, password });

        ApiAssert.Error(response, ApiErrorCodes.InvalidCredentials, HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string> MalformedTokenRequests => new()
    {
        { """{"username":"maria.lopez@example.com"}""", ApiErrorCodes.MissingParameter },
        { """{"password":"Demo!2026"}""", ApiErrorCodes.MissingParameter },
        { """{"username":"maria.lopez@example.com","password":"Demo!2026","remember_me":true}""", ApiErrorCodes.UnknownParameter },
        { """{"username":"maria.lopez@example.com","password":"Demo!2026","password":"x"}""", ApiErrorCodes.DuplicateParameter },
        { """{"username":42,"password":"Demo!2026"}""", ApiErrorCodes.WrongType },
        { """{"username":"maria.lopez@example.com","password":"Demo!2026","organisation":{}}""", ApiErrorCodes.WrongType },
        { """{"username":"maria.lopez@example.com",""", ApiErrorCodes.InvalidJson },
        { """["maria.lopez@example.com","Demo!2026"]""", ApiErrorCodes.InvalidJson },
    };

    [Theory]
    [MemberData(nameof(MalformedTokenRequests))]
    public async Task Malformed_token_requests_get_their_own_code(string body, string code)
    {
        var response = await factory.Api().PostRawAsync("authentication/token", body);

        ApiAssert.Error(response, code, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_call_without_a_token_gets_401_with_the_envelope_not_a_redirect_to_sign_in()
    {
        var response = await factory.Api().GetAsync(ListMethod);

        ApiAssert.Error(response, ApiErrorCodes.TokenMissing, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Message.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_authorize_api_calls()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await HttpSignIn.PostLoginAsync(client, "sara.khan@example.com", DemoCatalog.DemoPassword);

        var response = await new ApiClient(client).GetAsync(ListMethod);

        ApiAssert.Error(response, ApiErrorCodes.TokenMissing, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_malformed_token_is_invalid(string token)
    {
        var response = await factory.Api().GetAsync(ListMethod, token);

        ApiAssert.Error(response, ApiErrorCodes.TokenInvalid, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_altered_token_is_invalid()
    {
        var api = factory.Api();
        var token = (await api.TokenAsync()).ToCharArray();
        var middle = token.Length / 2;
        token[middle] = token[middle] == 'A' ? 'B' : 'A';

        var response = await api.GetAsync(ListMethod, new string(token));

        ApiAssert.Error(response, ApiErrorCodes.TokenInvalid, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_works_until_two_hours_after_issue_and_then_expires()
    {
        await using var app = await factory.CloneAsync();
        var api = app.Api();
        var token = await api.TokenAsync("sara.khan@example.com");

        app.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        var justBefore = await api.GetAsync(ListMethod, token);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = await api.GetAsync(ListMethod, token);

        ApiAssert.Ok(justBefore);
        ApiAssert.Error(atExpiry, ApiErrorCodes.TokenExpired, HttpStatusCode.Unauthorized);
        ApiAssert.Ok(await api.GetAsync(ListMethod, await api.TokenAsync("sara.khan@example.com")));
    }

    [Fact]
    public async Task Failed_attempts_lock_the_account_like_the_sign_in_page_and_its_token_stops_working()
    {
        const string user = "james.carter@example.com";
        await using var app = await factory.CloneAsync();
        var api = app.Api();
        var token = await api.TokenAsync(user);

        for (var i = 0; i < 4; i++)
        {
            ApiAssert.Error(await api.PostAsync("authentication/token", new { username = user, password = "wrong-" + i }),
                ApiErrorCodes.InvalidCredentials, HttpStatusCode.Unauthorized);
        }
        // The fifth wrong password is the one that locks the account, and it says so.
        ApiAssert.Error(await api.PostAsync("authentication/token", new { username = user, password = "wrong-4" }),
            ApiErrorCodes.AccountLockedOut, HttpStatusCode.Unauthorized);
        var rightPassword = await api.PostAsync("authentication/token", new { username = user, password = DemoCatalog.DemoPassword });
        var oldToken = await api.GetAsync(ListMethod, token);
        var page = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await HttpSignIn.PostLoginAsync(page, user, DemoCatalog.DemoPassword);

        ApiAssert.Error(rightPassword, ApiErrorCodes.AccountLockedOut, HttpStatusCode.Unauthorized);
        ApiAssert.Error(oldToken, ApiErrorCodes.AccountLockedOut, HttpStatusCode.Unauthorized);
        Assert.Contains("Account/Lockout", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_out_users_token_stops_working_when_an_admin_locks_the_account()
    {
        const string user = "aisha.bello@example.com";
        await using var app = await factory.CloneAsync();
        var api = app.Api();
        var token = await api.TokenAsync(user);
        ApiAssert.Ok(await api.GetAsync(ListMethod, token));

        await app.WithUsersAsync(async users =>
            (await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(user))!, DateTimeOffset.UtcNow.AddYears(1))).Succeeded);

        ApiAssert.Error(await api.GetAsync(ListMethod, token), ApiErrorCodes.AccountLockedOut, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_stops_working_when_its_account_is_removed()
    {
        await using var app = await factory.CloneAsync();
        var user = await app.CreateUserAsync("leaver@example.com", Roles.Agent);
        var api = app.Api();
        var token = await api.TokenAsync(user.Email!);

        await app.WithUsersAsync(async users => (await users.DeleteAsync((await users.FindByIdAsync(user.Id))!)).Succeeded);

        ApiAssert.Error(await api.GetAsync(ListMethod, token), ApiErrorCodes.TokenRevoked, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_stops_working_when_the_security_stamp_changes()
    {
        const string user = "tom.becker@example.com";
        await using var app = await factory.CloneAsync();
        var api = app.Api();
        var token = await api.TokenAsync(user);

        await app.WithUsersAsync(async users => (await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(user))!)).Succeeded);

        ApiAssert.Error(await api.GetAsync(ListMethod, token), ApiErrorCodes.TokenRevoked, HttpStatusCode.Unauthorized);
        ApiAssert.Ok(await api.GetAsync(ListMethod, await api.TokenAsync(user)));
    }

    [Fact]
    public async Task An_account_without_a_staff_role_gets_a_token_but_403_from_every_method()
    {
        await using var app = await factory.CloneAsync();
        var user = await app.CreateUserAsync("visitor@example.com");
        var api = app.Api();
        var token = await api.TokenAsync(user.Email!);
        await using var db = await app.Db.CreateDbContextAsync();
        var job = await db.Jobs.AsNoTracking().Where(j => j.LifeCycleState == LifeCycleState.PENDING).OrderBy(j => j.Id).FirstAsync();

        var list = await api.GetAsync(ListMethod, token);
        var cancel = await api.PostAsync("jobs/all_scopes/cancel", new { job_identifier = new { number = job.Number } }, token);

        ApiAssert.Error(list, CancelErrorCodes.NotAllowed, HttpStatusCode.Forbidden);
        ApiAssert.Error(cancel, CancelErrorCodes.NotAllowed, HttpStatusCode.Forbidden);
        await using var after = await app.Db.CreateDbContextAsync();
        Assert.Equal(LifeCycleState.PENDING, (await after.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id)).LifeCycleState);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Basic")]
    public async Task An_authorization_header_without_a_bearer_token_counts_as_no_token(string scheme)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiClient.Base + ListMethod);
        request.Headers.Authorization = new AuthenticationHeaderValue(scheme, scheme == "Basic" ? "bWFyaWE6eA==" : null);

        var response = await factory.Api().SendAsync(request);

        ApiAssert.Error(response, ApiErrorCodes.TokenMissing, HttpStatusCode.Unauthorized);
    }
}

// One body of tests, run on each database the app supports.

public sealed class TokenApiSqliteTests(ApiAppFactory factory) : TokenApiTests(factory), IClassFixture<ApiAppFactory>;

public sealed class TokenApiPostgreSqlTests(PostgreSqlApiAppFactory factory) : TokenApiTests(factory), IClassFixture<PostgreSqlApiAppFactory>;

public abstract class TokenRateLimitTests(RateLimitedApiAppFactory factory)
{
    [Fact]
    public async Task Token_requests_beyond_the_limit_get_429_with_the_envelope_and_retry_after()
    {
        var api = factory.Api();
        for (var i = 0; i < RateLimitedApiAppFactory.Limit; i++)
        {
            await api.PostAsync("authentication/token", new { username = "maria.lopez@example.com", password = i == 0 ? DemoCatalog.DemoPassword : "wrong" });
        }

        var limited = await api.PostAsync("authentication/token", new { username = "maria.lopez@example.com", password = DemoCatalog.DemoPassword });

        ApiAssert.Error(limited, ApiErrorCodes.RateLimited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Message.Headers.RetryAfter?.Delta > TimeSpan.Zero, limited.Message.Headers.ToString());
    }
}

public sealed class TokenRateLimitSqliteTests(RateLimitedApiAppFactory factory) : TokenRateLimitTests(factory), IClassFixture<RateLimitedApiAppFactory>;

public sealed class TokenRateLimitPostgreSqlTests(PostgreSqlRateLimitedApiAppFactory factory)
    : TokenRateLimitTests(factory), IClassFixture<PostgreSqlRateLimitedApiAppFactory>;
