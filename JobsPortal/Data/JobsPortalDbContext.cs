using JobsPortal.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JobsPortal.Data;

public class JobsPortalDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    public JobsPortalDbContext(DbContextOptions<JobsPortalDbContext> options) : base(options)
    {
    }

    /// <summary>For <see cref="PostgreSqlJobsPortalDbContext"/>, the same model with its own migrations.</summary>
    protected JobsPortalDbContext(DbContextOptions options) : base(options)
    {
    }

    /// <summary>
    /// On whose behalf this context saves, for the audit interceptor; null for a context made only to
    /// read. Given once, where the context is made (<see cref="AuditActorContextFactory"/>), and
    /// forgotten when the context is disposed, so a pooled instance never carries it to its next user.
    /// </summary>
    public AuditActor? Actor { get; private set; }

    internal void ActFor(AuditActor actor)
    {
        if (Actor is not null)
        {
            throw new InvalidOperationException($"This context already writes for {Actor}; make a new one for {actor}.");
        }
        Actor = actor;
    }

    public override void Dispose()
    {
        Actor = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Actor = null;
        return base.DisposeAsync();
    }

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
    public DbSet<JobCancellationItem> JobCancellationItems => Set<JobCancellationItem>();
    public DbSet<JobEvent> JobEvents => Set<JobEvent>();
    public DbSet<CancellationReview> CancellationReviews => Set<CancellationReview>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<UserPreference> UserPreferences => Set<UserPreference>();
    public DbSet<BulkRun> BulkRuns => Set<BulkRun>();
    public DbSet<BulkRunChoice> BulkRunChoices => Set<BulkRunChoice>();
    public DbSet<BulkRunJob> BulkRunJobs => Set<BulkRunJob>();

    /// <summary>
    /// The data-protection key ring (cookies, antiforgery and API tokens), in the database so that
    /// every instance on it reads and writes the same keys.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Matches from the full-text index; only through <see cref="JobTextIndex.Matching"/>.</summary>
    public DbSet<JobTextMatch> JobTextMatches => Set<JobTextMatch>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JobsPortalDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // PostgreSQL has a real boolean: the SQLite filter's "= 1" would compare it with an integer.
            builder.Entity<JobTypeCancellationReason>().HasIndex(x => x.JobTypeId).HasFilter("\"IsDefault\"");
        }
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
        configurationBuilder.Properties<ImportRunStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<BulkRunState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<BulkJobOutcome>().HaveConversion<string>().HaveMaxLength(20);

        // Every stored time is UTC; SQLite keeps no kind, so say so on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
