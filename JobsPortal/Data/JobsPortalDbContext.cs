using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JobsPortal.Data;

public class JobsPortalDbContext(DbContextOptions<JobsPortalDbContext> options)
    : IdentityDbContext<ApplicationUser>(options)
{
    /// <summary>
    /// The user on whose behalf this context saves; the audit interceptor stamps it into log
    /// information. Services set it right after creating the context for an operation.
    /// </summary>
    public string? ActingUserId { get; set; }

    public DbSet<BusinessUnit> BusinessUnits => Set<BusinessUnit>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<JobType> JobTypes => Set<JobType>();
    public DbSet<JobStatus> JobStatuses => Set<JobStatus>();
    public DbSet<JobTypeStatus> JobTypeStatuses => Set<JobTypeStatus>();
    public DbSet<CancellationReason> CancellationReasons => Set<CancellationReason>();
    public DbSet<JobTypeCancellationReason> JobTypeCancellationReasons => Set<JobTypeCancellationReason>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<JobItem> JobItems => Set<JobItem>();
    public DbSet<JobCancellation> JobCancellations => Set<JobCancellation>();
    public DbSet<JobEvent> JobEvents => Set<JobEvent>();
    public DbSet<CancellationReview> CancellationReviews => Set<CancellationReview>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    /// <summary>Matches from the full-text index; only through <see cref="JobTextIndex.Matching"/>.</summary>
    public DbSet<JobTextMatch> JobTextMatches => Set<JobTextMatch>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JobsPortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: the database reads like the API, and reordering an enum is harmless.
        configurationBuilder.Properties<LifeCycleState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<RatingState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<FulfillmentScope>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<FulfillmentMethod>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<JobItemKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<JobItemState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CancellationChannel>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<JobEventKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReviewState>().HaveConversion<string>().HaveMaxLength(20);

        // Every stored time is UTC; SQLite keeps no kind, so say so on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
