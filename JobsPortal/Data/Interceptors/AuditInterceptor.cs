using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobsPortal.Data.Interceptors;

/// <summary>
/// Stamps log information (created/updated date and user) and bumps the concurrency token of every
/// audited entity in one place, so no service can forget it. The clock is a <see cref="TimeProvider"/>
/// so tests control time; the user is the context's <see cref="JobsPortalDbContext.Actor"/>, given
/// where the context was made. An audited change saved through a context without an actor is refused
/// rather than stamped with no one: a forgotten actor fails at once instead of leaving a hole in the
/// log. The interceptor holds no per-operation state, so it suits pooled contexts too.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var audited = context.ChangeTracker.Entries<IAuditable>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .ToList();
        if (audited.Count == 0)
        {
            return;
        }
        var actor = (context as JobsPortalDbContext)?.Actor
            ?? throw new InvalidOperationException(
                $"An audited change ({audited[0].Entity.GetType().Name}) was saved through a context made without an actor. " +
                "Make the context with CreateDbContextAsync(AuditActor.User(id)), or AuditActor.System for a seed or generator write.");

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = actor.UserId;

        foreach (var entry in audited)
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.CreatedAt == default)
                {
                    entry.Entity.CreatedAt = now;
                }
                entry.Entity.CreatedByUserId ??= userId;
                entry.Entity.UpdatedAt = entry.Entity.CreatedAt;
                entry.Entity.UpdatedByUserId ??= entry.Entity.CreatedByUserId;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Entity.UpdatedByUserId = userId ?? entry.Entity.UpdatedByUserId;
            }

            if (entry.State == EntityState.Modified && entry.Entity is Job job)
            {
                job.Version++;
            }
        }
    }
}
