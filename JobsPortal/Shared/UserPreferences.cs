using JobsPortal.Data;
using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Shared;

/// <summary>
/// A person's remembered choices (<see cref="UserPreference"/>), read and written for that person
/// only: the caller passes the signed-in person's id, never one from a request. A value longer than
/// <see cref="UserPreference.ValueMaxLength"/> is refused and nothing is written.
/// </summary>
public sealed class UserPreferences(IDbContextFactory<JobsPortalDbContext> dbFactory, JobWrites writes, TimeProvider clock)
{
    public async Task<string?> GetAsync(string userId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserPreferences.AsNoTracking()
            .Where(p => p.UserId == userId && p.Key == key)
            .Select(p => p.Value)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Keeps <paramref name="value"/> as the person's <paramref name="key"/>, replacing what was there (one statement, so two tabs saving at once leave one of them).</summary>
    public async Task SetAsync(string userId, string key, string value, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, UserPreference.KeyMaxLength, nameof(key));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, UserPreference.ValueMaxLength, nameof(value));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var turn = await writes.TurnAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.User(userId), ct);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO "UserPreferences" ("UserId", "Key", "Value", "UpdatedUtc") VALUES ({userId}, {key}, {value}, {now})
            ON CONFLICT ("UserId", "Key") DO UPDATE SET "Value" = excluded."Value", "UpdatedUtc" = excluded."UpdatedUtc"
            """, ct);
    }
}
