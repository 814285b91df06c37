using System.Security.Claims;
using System.Text.Encodings.Web;
using JobsPortal.Data.Entities;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JobsPortal.Features.Api;

/// <summary>
/// Issues the API's tokens: ASP.NET Core Identity bearer tokens (the <see cref="IdentityConstants.BearerScheme"/>
/// registered with AddBearerToken), that is a data-protected ticket of the user's claims, roles and
/// security stamp included, that expires two hours after issue. It is built here rather than through
/// SignInAsync, whose bearer handler writes its own JSON, so the answer can keep CRM.COM's envelope.
/// </summary>
public sealed class ApiTokenIssuer(
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    SignInManager<ApplicationUser> signInManager,
    TimeProvider clock)
{
    /// <summary>What the Identity bearer handler calls its access tokens; a refresh ticket never passes for one.</summary>
    public static readonly string TicketScheme = IdentityConstants.BearerScheme + ":AccessToken";

    public BearerTokenOptions Options => bearerOptions.Get(IdentityConstants.BearerScheme);

    public async Task<ApiToken> IssueAsync(ApplicationUser user)
    {
        var principal = await signInManager.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var expires = now + Options.BearerTokenExpiration;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expires }, TicketScheme);
        return new ApiToken(Options.BearerTokenProtector.Protect(ticket), "Bearer",
            (long)Options.BearerTokenExpiration.TotalSeconds, Formats.IsoUtc(expires.UtcDateTime));
    }
}

public sealed class ApiTokenAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// The API's authentication scheme. It reads an Identity bearer token from where CRM.COM clients
/// send it: the <c>Authorization: Bearer</c> header, the <c>token</c> field of a POST's JSON body, or
/// the <c>token</c> query parameter of a GET (not of a POST: URLs end up in logs). It checks the ticket
/// as the Identity bearer handler does (protector, expiry; the protector's work is remembered per token,
/// <see cref="ApiTicketCache"/>), and then, on every request, that the user still exists, is not locked
/// out or deactivated and has the same security stamp (<see cref="ApiAccountCheck"/>, one query): a token
/// stops working the moment its account is locked out or removed. Challenges and forbids answer with the
/// envelope and a code; never a redirect to the cookie sign-in page.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<ApiTokenAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<BearerTokenOptions> bearerOptions,
    IOptions<IdentityOptions> identityOptions,
    ApiTicketCache tickets,
    ApiAccountCheck accounts,
    TimeProvider clock)
    : AuthenticationHandler<ApiTokenAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "CrmApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await FindTokenAsync();
        if (string.IsNullOrWhiteSpace(token))
        {
            return AuthenticateResult.NoResult();
        }

        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).BearerTokenProtector;
        var ticket = tickets.Unprotect(token.Trim(), protector.Unprotect);
        if (ticket is not { Properties.ExpiresUtc: { } expires } || ticket.AuthenticationScheme != ApiTokenIssuer.TicketScheme)
        {
            return Fail(ApiErrorCodes.TokenInvalid, "The token is not valid: it was not issued by this server or it was altered.");
        }
        if (clock.GetUtcNow() >= expires)
        {
            return Fail(ApiErrorCodes.TokenExpired, $"The token expired at {Formats.IsoUtc(expires.UtcDateTime)}; get a new one from authentication/token.");
        }

        var claims = identityOptions.Value.ClaimsIdentity;
        var standing = ticket.Principal.FindFirstValue(claims.UserIdClaimType) is { } userId
            ? await accounts.CheckAsync(userId, ticket.Principal.FindFirstValue(claims.SecurityStampClaimType), Context.RequestAborted)
            : ApiAccountStanding.Removed;
        return standing switch
        {
            ApiAccountStanding.Active => AuthenticateResult.Success(new AuthenticationTicket(ticket.Principal, ticket.Properties, Scheme.Name)),
            ApiAccountStanding.Removed => Fail(ApiErrorCodes.TokenRevoked, "The token's account no longer exists."),
            ApiAccountStanding.LockedOut => Fail(ApiErrorCodes.AccountLockedOut,
                "The token's account is locked out; its tokens do not work until the lockout ends."),
            ApiAccountStanding.Deactivated => Fail(ApiErrorCodes.AccountLockedOut,
                "The token's account is deactivated; its tokens do not work unless an admin reactivates it."),
            _ => Fail(ApiErrorCodes.TokenRevoked, "The token was revoked (the account's password or security settings changed); get a new one."),
        };
    }

    private async Task<string?> FindTokenAsync()
    {
        var authorization = Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..];
        }
        if (HttpMethods.IsGet(Request.Method))
        {
            return Request.Query.TryGetValue("token", out var query) ? query[0] : null;
        }
        if (HttpMethods.IsPost(Request.Method))
        {
            return (await ApiBody.ReadAsync(Context)).Token();
        }
        return null;
    }

    private static AuthenticateResult Fail(string code, string message) => AuthenticateResult.Fail(new ApiTokenException(ApiError.Of(code, message)));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var error = result.Failure is ApiTokenException { Error: var failure }
            ? failure
            : ApiError.Of(ApiErrorCodes.TokenMissing,
                "No token was sent: send Authorization: Bearer <token>, or the token field of the JSON body (POST), or the token query parameter (GET). Get one from authentication/token.");
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiResult.WriteErrorAsync(Context, error);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiResult.WriteErrorAsync(Context, ApiError.Of(Cancellation.CancelErrorCodes.NotAllowed,
            "Your account may not use this method: it is only for staff accounts."));
}

/// <summary>Carries a token failure's code from authentication to the challenge.</summary>
public sealed class ApiTokenException(ApiError error) : Exception(error.Message)
{
    public ApiError Error { get; } = error;
}
