using JobsPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace JobsPortal.Components.Account;

// A circuit outlives the request that opened it, and its requests carry no cookie to check: every
// few seconds this asks whether the circuit's sign-in still stands (session not ended, same security
// stamp, account not locked or removed). When it does not, the circuit's user becomes anonymous and
// the open pages send the person to sign in.
internal sealed class IdentityRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, UserSessions sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        sessions.IsValidAsync(authenticationState.User, cancellationToken);
}
