using System.Security.Claims;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace JobsPortal.Infrastructure.Security;

/// <summary>
/// Identity's sign-in manager, made to hold against concurrent and probing clients, for the sign-in
/// form and the API's token endpoint alike (both check passwords here):
/// <list type="bullet">
/// <item>a password is checked against the account's lockout as the database has it at that moment,
/// and a right password counts only if no concurrent failure locked the account meanwhile
/// (<see cref="LockoutUserManager"/> counts the failures themselves);</item>
/// <item>an unknown name costs the same password-hash work as a known one (<see cref="UnknownAccountSignIn"/>);</item>
/// <item>a cookie sign-in starts a server-side session whose id the cookie carries, and signing out
/// ends it (<see cref="UserSessions"/>).</item>
/// </list>
/// </summary>
public sealed class SessionSignInManager(
    LockoutUserManager userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    UserSessions sessions)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        return user is null
            ? this.FailUnknownAccount(password)
            : await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        // The account may have been read before concurrent attempts locked it.
        await userManager.RefreshAsync(user);
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.Succeeded || (lockoutOnFailure && IsPlainFailure(result)))
        {
            // A success stands only if the account is still unlocked once the (slow) hash check is
            // done; a failure that lost its race to a concurrent lockout is answered as locked.
            await userManager.RefreshAsync(user);
            if (await userManager.IsLockedOutAsync(user))
            {
                Logger.LogWarning("Account {UserId} is locked out", user.Id);
                return SignInResult.LockedOut;
            }
        }
        return result;
    }

    private static bool IsPlainFailure(SignInResult result) =>
        !result.Succeeded && !result.IsLockedOut && !result.IsNotAllowed && !result.RequiresTwoFactor;

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        // A new sign-in from this browser (or a refreshed one) replaces the session its cookie had.
        if (UserSessions.IdOf(Context.User) is { } previous)
        {
            await sessions.EndAsync(previous);
        }
        var sessionId = await sessions.StartAsync(user.Id, Context, Context.RequestAborted);
        await base.SignInWithClaimsAsync(user, authenticationProperties, [.. additionalClaims, new Claim(UserSessions.ClaimType, sessionId)]);
    }

    public override async Task SignOutAsync()
    {
        if (UserSessions.IdOf(Context.User) is { } sessionId)
        {
            await sessions.EndAsync(sessionId);
        }
        await base.SignOutAsync();
    }
}
