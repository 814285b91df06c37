using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobsPortal.Infrastructure.Security;

/// <summary>
/// The server's record of who is signed in where (<see cref="UserSession"/>). A sign-in cookie alone
/// stays valid until it expires, whatever happens on the server; with its session id checked here on
/// every request and every few seconds in an open circuit, signing out, a changed password (a new
/// security stamp), a lockout or a removed account end the session at once.
/// </summary>
public sealed class UserSessions(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IOptions<IdentityOptions> identityOptions,
    TimeProvider clock)
{
    public const string ClaimType = "jobsportal:session";

    // Last seen is for people reading the list of sign-ins; a write a minute per session is plenty.
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public static string? IdOf(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimType);

    public async Task<string> StartAsync(string userId, HttpContext? request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            CreatedUtc = now,
            LastSeenUtc = now,
            Address = Truncate(request?.Connection.RemoteIpAddress?.ToString(), UserSession.AddressMaxLength),
            UserAgent = Truncate(request?.Request.Headers.UserAgent.ToString(), UserSession.UserAgentMaxLength),
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    public async Task EndAsync(string sessionId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.UserSessions
            .Where(s => s.Id == sessionId && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, now), ct);
    }

    /// <summary>
    /// Whether a signed-in principal still stands: its session exists and has not ended, and its
    /// account still exists, has the security stamp the principal was issued with and is not locked.
    /// A session that no longer stands is ended here, so the list of sign-ins says so. One indexed
    /// read; a write at most once a minute to note the session as seen.
    /// </summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var sessionId = IdOf(principal);
        var userId = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (sessionId is null || userId is null || stamp is null)
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Select(s => new { s.EndedUtc, s.LastSeenUtc, s.User.SecurityStamp, s.User.LockoutEnabled, s.User.LockoutEnd })
            .SingleOrDefaultAsync(ct);
        if (found is null || found.EndedUtc is not null)
        {
            return false;
        }
        // Locked as UserManager.IsLockedOutAsync sees it, on the same clock.
        if (found.SecurityStamp != stamp || (found.LockoutEnabled && found.LockoutEnd >= DateTimeOffset.UtcNow))
        {
            await EndAsync(sessionId, ct);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - found.LastSeenUtc >= LastSeenResolution)
        {
            await db.UserSessions.Where(s => s.Id == sessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now), ct);
        }
        return true;
    }

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
