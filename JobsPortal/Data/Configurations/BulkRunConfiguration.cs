using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobsPortal.Data.Configurations;

public sealed class BulkRunConfiguration : IEntityTypeConfiguration<BulkRun>
{
    public const int NoteMaxLength = 500;

    public void Configure(EntityTypeBuilder<BulkRun> b)
    {
        b.Property(r => r.Origin).HasMaxLength(200);
        b.Property(r => r.Note).HasMaxLength(NoteMaxLength);
        b.Property(r => r.Message).HasMaxLength(1000);
        b.Property(r => r.OwnerInstance).HasMaxLength(200);
        b.Ignore(r => r.Processed);
        // Restrict: who ran a bulk cancel stays on record; accounts are disabled, not deleted.
        b.HasOne(r => r.CreatedByUser).WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.StoppedByUser).WithMany().HasForeignKey(r => r.StoppedByUserId).OnDelete(DeleteBehavior.SetNull);
        // "My bulk runs": a person's runs, newest first.
        b.HasIndex(r => new { r.CreatedByUserId, r.CreatedAt });
        b.HasIndex(r => r.State);
    }
}

public sealed class BulkRunChoiceConfiguration : IEntityTypeConfiguration<BulkRunChoice>
{
    public void Configure(EntityTypeBuilder<BulkRunChoice> b)
    {
        b.HasOne(c => c.BulkRun).WithMany(r => r.Choices).HasForeignKey(c => c.BulkRunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(c => c.JobType).WithMany().HasForeignKey(c => c.JobTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.JobStatus).WithMany().HasForeignKey(c => c.JobStatusId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.CancellationReason).WithMany().HasForeignKey(c => c.CancellationReasonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.BulkRunId, c.JobTypeId }).IsUnique();
    }
}

public sealed class BulkRunJobConfiguration : IEntityTypeConfiguration<BulkRunJob>
{
    public void Configure(EntityTypeBuilder<BulkRunJob> b)
    {
        b.Property(j => j.ErrorCode).HasMaxLength(60);
        b.Property(j => j.Message).HasMaxLength(1000);
        b.HasOne(j => j.BulkRun).WithMany(r => r.Jobs).HasForeignKey(j => j.BulkRunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(j => j.Job).WithMany().HasForeignKey(j => j.JobId).OnDelete(DeleteBehavior.Cascade);
        // A job is in a run once; the run reads its jobs in order.
        b.HasIndex(j => new { j.BulkRunId, j.Position }).IsUnique();
        b.HasIndex(j => new { j.BulkRunId, j.JobId }).IsUnique();
        b.HasIndex(j => j.JobId);
    }
}
