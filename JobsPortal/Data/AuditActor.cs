using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Data;

/// <summary>
/// On whose behalf a context writes: a person, whose user id the audit interceptor stamps into log
/// information, or the system (the demo seed, the generator, a test arranging its data), which stamps
/// no one. A context is given its actor where it is made
/// (<see cref="AuditActorContextFactory.CreateDbContextAsync"/>); one made without an actor can read,
/// but the interceptor refuses to save an audited change through it.
/// </summary>
public sealed class AuditActor
{
    private AuditActor(string? userId) => UserId = userId;

    /// <summary>The acting person's user id; null for a system write.</summary>
    public string? UserId { get; }

    public bool IsSystem => UserId is null;

    public static AuditActor System { get; } = new(null);

    public static AuditActor User(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return new AuditActor(userId);
    }

    public override string ToString() => UserId ?? "system";
}

/// <summary>The one place a context gets its actor: as it is made, never later.</summary>
public static class AuditActorContextFactory
{
    public static async Task<JobsPortalDbContext> CreateDbContextAsync(
        this IDbContextFactory<JobsPortalDbContext> factory, AuditActor actor, CancellationToken ct = default)
    {
        var db = await factory.CreateDbContextAsync(ct);
        db.ActFor(actor);
        return db;
    }

    public static JobsPortalDbContext CreateDbContext(this IDbContextFactory<JobsPortalDbContext> factory, AuditActor actor)
    {
        var db = factory.CreateDbContext();
        db.ActFor(actor);
        return db;
    }
}
