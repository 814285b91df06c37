using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobsPortal.Data.Interceptors;

/// <summary>
/// Stamps log information (created/updated date and user) and bumps the concurrency token of every
/// audited entity in one place, so no service can forget it. The clock is a <see cref="TimeProvider"/>
/// so tests control time; the user is the context's <see cref="JobsPortalDbContext.ActingUserId"/>.
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

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = (context as JobsPortalDbContext)?.ActingUserId;

        foreach (var entry in context.ChangeTracker.Entries<IAuditable>())
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
