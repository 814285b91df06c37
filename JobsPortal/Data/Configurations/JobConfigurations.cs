using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobsPortal.Data.Configurations;

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.Property(j => j.Number).HasMaxLength(20);
        b.HasIndex(j => j.Number).IsUnique();
        b.Property(j => j.Description).HasMaxLength(500);
        b.Property(j => j.AccountNumber).HasMaxLength(20);
        b.Property(j => j.AccountName).HasMaxLength(200);
        b.Property(j => j.ContactEmail).HasMaxLength(200);
        b.Property(j => j.ContactPhone).HasMaxLength(40);
        b.Property(j => j.Notes).HasMaxLength(2000);
        b.Property(j => j.Version).IsConcurrencyToken();

        b.HasOne(j => j.JobType).WithMany().HasForeignKey(j => j.JobTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(j => j.JobStatus).WithMany().HasForeignKey(j => j.JobStatusId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(j => j.AssignedUser).WithMany().HasForeignKey(j => j.AssignedUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(j => j.AssignedUnit).WithMany().HasForeignKey(j => j.AssignedUnitId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(j => j.CreatedByUser).WithMany().HasForeignKey(j => j.CreatedByUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(j => j.UpdatedByUser).WithMany().HasForeignKey(j => j.UpdatedByUserId).OnDelete(DeleteBehavior.SetNull);

        // Indexes for the job search: newest first, by state, by type and state over scheduled
        // date, by assignee over created date, by account.
        b.HasIndex(j => j.CreatedAt);
        // Each sort the /jobs grid offers reads its first page from an index, without sorting a
        // million rows: by type or status name through the name's unique index and (type or status,
        // created); by description, expiration and update through their own. The life cycle sort has
        // an index on its expression, made by the JobSortIndexes migration (EF Core's model cannot say it).
        b.HasIndex(j => new { j.JobTypeId, j.CreatedAt });
        b.HasIndex(j => j.Description);
        b.HasIndex(j => j.ExpirationDate);
        b.HasIndex(j => j.UpdatedAt);
        b.HasIndex(j => new { j.LifeCycleState, j.CreatedAt });
        b.HasIndex(j => new { j.JobTypeId, j.LifeCycleState, j.ScheduledDate });
        b.HasIndex(j => new { j.AssignedUserId, j.CreatedAt });
        b.HasIndex(j => new { j.AssignedUnitId, j.CreatedAt });
        b.HasIndex(j => new { j.JobStatusId, j.CreatedAt });
        b.HasIndex(j => j.ScheduledDate);
        b.HasIndex(j => j.AccountNumber);
        // The overview's "open jobs due soon" (scheduled or expiring this week, assigned to the person or
        // their unit): each of the four pairs is one range read, so SQLite answers it with a nested
        // MULTI-INDEX OR of the rows in the window, statistics or not. Without them, on a database that
        // never ran ANALYZE, it read every job of the person's unit (a fifth of a million jobs at 1M).
        b.HasIndex(j => new { j.AssignedUserId, j.ScheduledDate });
        b.HasIndex(j => new { j.AssignedUserId, j.ExpirationDate });
        b.HasIndex(j => new { j.AssignedUnitId, j.ScheduledDate });
        b.HasIndex(j => new { j.AssignedUnitId, j.ExpirationDate });

        // The full-text index (JobsSearch, see JobTextIndex) lives beside Jobs and is kept in step by
        // triggers on it. A later migration that rebuilds the Jobs table (SQLite's way of altering
        // some columns) drops those triggers with it and must create them again.
    }
}

public sealed class JobTextMatchConfiguration : IEntityTypeConfiguration<JobTextMatch>
{
    // The FTS5 table is made by the JobTextSearch migration's SQL, not by EF Core: no table here.
    public void Configure(EntityTypeBuilder<JobTextMatch> b) => b.HasNoKey().ToTable((string?)null);
}

public sealed class JobItemConfiguration : IEntityTypeConfiguration<JobItem>
{
    public void Configure(EntityTypeBuilder<JobItem> b)
    {
        b.Property(i => i.ProductCode).HasMaxLength(40);
        b.Property(i => i.ProductName).HasMaxLength(200);
        b.Property(i => i.SerialNumber).HasMaxLength(60);
        b.HasOne(i => i.Job).WithMany(j => j.Items).HasForeignKey(i => i.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.JobId);
    }
}

public sealed class JobCancellationConfiguration : IEntityTypeConfiguration<JobCancellation>
{
    public void Configure(EntityTypeBuilder<JobCancellation> b)
    {
        b.Property(c => c.Note).HasMaxLength(500);
        // A job has at most one current (not reopened) cancellation, whatever races happen above: the
        // database says no to a second one. Reopened records stay beside it; the second index finds a job's records.
        b.HasOne(c => c.Job).WithMany(j => j.Cancellations).HasForeignKey(c => c.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.JobId).IsUnique().HasFilter("\"ReopenedAt\" IS NULL").HasDatabaseName("IX_JobCancellations_JobId_Current");
        b.HasIndex(c => new { c.JobId, c.CancelledAt });
        b.HasOne(c => c.JobStatus).WithMany().HasForeignKey(c => c.JobStatusId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.CancellationReason).WithMany().HasForeignKey(c => c.CancellationReasonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.CancelledByUser).WithMany().HasForeignKey(c => c.CancelledByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.CancelledByUnit).WithMany().HasForeignKey(c => c.CancelledByUnitId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.CancelledAt);
        b.HasIndex(c => new { c.CancellationReasonId, c.CancelledAt });
        b.HasIndex(c => new { c.CancelledByUserId, c.CancelledAt });

        // Supervisors' review: a database default so rows inserted without the column (the
        // generator's raw inserts, older code) start in the queue. The index serves the review
        // queue's default view: not yet reviewed, newest first.
        b.Property(c => c.ReviewState).HasDefaultValue(ReviewState.NotReviewed).HasSentinel(ReviewState.NotReviewed);
        b.Property(c => c.LastReviewComment).HasMaxLength(CancellationReviewConfiguration.CommentMaxLength);
        b.HasIndex(c => new { c.ReviewState, c.CancelledAt });
        // A bulk run's cancels, as one group in the review queue.
        b.HasOne(c => c.BulkRun).WithMany().HasForeignKey(c => c.BulkRunId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => c.BulkRunId);

        // What the cancel changed, for a reopen (null on records made before it was kept).
        b.HasOne(c => c.PreviousJobStatus).WithMany().HasForeignKey(c => c.PreviousJobStatusId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.ReopenedByUser).WithMany().HasForeignKey(c => c.ReopenedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.ReopenReason).HasMaxLength(ReopenReasonMaxLength);
    }

    /// <summary>A reopen's reason, in characters as a person counts them.</summary>
    public const int ReopenReasonMaxLength = 500;
}

public sealed class JobCancellationItemConfiguration : IEntityTypeConfiguration<JobCancellationItem>
{
    public void Configure(EntityTypeBuilder<JobCancellationItem> b)
    {
        b.HasOne(i => i.JobCancellation).WithMany(c => c.Items).HasForeignKey(i => i.JobCancellationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.JobItem).WithMany().HasForeignKey(i => i.JobItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => i.JobItemId);
    }
}

public sealed class JobEventConfiguration : IEntityTypeConfiguration<JobEvent>
{
    public void Configure(EntityTypeBuilder<JobEvent> b)
    {
        b.Property(e => e.Summary).HasMaxLength(1000);
        b.HasOne(e => e.Job).WithMany(j => j.Events).HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(e => new { e.JobId, e.OccurredAt });
    }
}
