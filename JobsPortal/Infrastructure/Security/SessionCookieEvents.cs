using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace JobsPortal.Infrastructure.Security;

/// <summary>
/// The sign-in cookie's events: on every request the cookie's session must still stand
/// (<see cref="UserSessions.IsValidAsync"/>), or the cookie is refused and deleted. Then Identity's
/// own validator runs as before: every half hour it renews the cookie's claims (name, roles) from
/// the account, keeping the session id (<see cref="KeepSessionClaim"/>).
/// </summary>
public sealed class SessionCookieEvents(UserSessions sessions) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || !await sessions.IsValidAsync(principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>Carries the session id over when Identity's validator renews the cookie's claims.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(UserSessions.ClaimType) is { } claim
            && context.NewPrincipal?.Identity is ClaimsIdentity identity
            && !identity.HasClaim(c => c.Type == UserSessions.ClaimType))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }
        return Task.CompletedTask;
    }
}
