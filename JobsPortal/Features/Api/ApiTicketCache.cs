using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace JobsPortal.Features.Api;

/// <summary>
/// Tokens already unprotected, so a client that sends the same token on every request pays for the
/// data protector's key derivation, decryption and MAC check once, not per request. Only what the
/// protector accepted is kept (a made-up token never takes a place), at most <see cref="MaxTokens"/>
/// of them, each until its own expiry or for <see cref="MaxAge"/>, whichever comes first. This is not
/// a cache of the account's standing: expiry and the account (<see cref="ApiAccountCheck"/>) are still
/// checked on every request, and each request gets its own copy of the principal.
/// </summary>
public sealed class ApiTicketCache : IDisposable
{
    public const int MaxTokens = 1_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    /// <summary>The token's ticket, from the cache or from <paramref name="unprotect"/> (null when the protector refuses it).</summary>
    public AuthenticationTicket? Unprotect(string token, Func<string, AuthenticationTicket?> unprotect)
    {
        if (!_tickets.TryGetValue(token, out AuthenticationTicket? ticket))
        {
            ticket = unprotect(token);
            if (ticket is not { Properties.ExpiresUtc: { } expires })
            {
                return ticket;
            }
            var until = DateTimeOffset.UtcNow + MaxAge;
            _tickets.Set(token, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expires < until ? expires : until });
        }
        return new AuthenticationTicket(ticket!.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }

    public void Dispose() => _tickets.Dispose();
}
