using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobsPortal.Data.Configurations;

public sealed class JobTypeConfiguration : IEntityTypeConfiguration<JobType>
{
    public void Configure(EntityTypeBuilder<JobType> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.AlternativeCode).HasMaxLength(20);
        b.Property(t => t.Description).HasMaxLength(500);
        b.HasIndex(t => t.Name).IsUnique();
        b.HasIndex(t => t.AlternativeCode).IsUnique();
        b.HasOne(t => t.DefaultStartStatus).WithMany().HasForeignKey(t => t.DefaultStartStatusId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.DefaultCompleteStatus).WithMany().HasForeignKey(t => t.DefaultCompleteStatusId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.DefaultCancelStatus).WithMany().HasForeignKey(t => t.DefaultCancelStatusId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class JobStatusConfiguration : IEntityTypeConfiguration<JobStatus>
{
    public void Configure(EntityTypeBuilder<JobStatus> b)
    {
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.AlternativeCode).HasMaxLength(20);
        b.Property(s => s.Description).HasMaxLength(500);
        b.HasIndex(s => s.Name).IsUnique();
        b.HasIndex(s => s.AlternativeCode).IsUnique();
    }
}

public sealed class JobTypeStatusConfiguration : IEntityTypeConfiguration<JobTypeStatus>
{
    public void Configure(EntityTypeBuilder<JobTypeStatus> b)
    {
        b.HasKey(x => new { x.JobTypeId, x.JobStatusId });
        b.HasOne(x => x.JobType).WithMany(t => t.AllowedStatuses).HasForeignKey(x => x.JobTypeId);
        b.HasOne(x => x.JobStatus).WithMany().HasForeignKey(x => x.JobStatusId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CancellationReasonConfiguration : IEntityTypeConfiguration<CancellationReason>
{
    public void Configure(EntityTypeBuilder<CancellationReason> b)
    {
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.AlternativeCode).HasMaxLength(20);
        b.Property(r => r.Description).HasMaxLength(500);
        b.HasIndex(r => r.Name).IsUnique();
        b.HasIndex(r => r.AlternativeCode).IsUnique();
    }
}

public sealed class JobTypeCancellationReasonConfiguration : IEntityTypeConfiguration<JobTypeCancellationReason>
{
    public void Configure(EntityTypeBuilder<JobTypeCancellationReason> b)
    {
        b.HasKey(x => new { x.JobTypeId, x.CancellationReasonId });
        b.HasOne(x => x.JobType).WithMany(t => t.AllowedReasons).HasForeignKey(x => x.JobTypeId);
        b.HasOne(x => x.CancellationReason).WithMany().HasForeignKey(x => x.CancellationReasonId).OnDelete(DeleteBehavior.Restrict);
        // At most one default reason per type.
        b.HasIndex(x => x.JobTypeId).IsUnique().HasFilter("\"IsDefault\" = 1").HasDatabaseName("IX_JobTypeCancellationReasons_DefaultPerType");
    }
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(100);
        b.HasOne(u => u.BusinessUnit).WithMany(bu => bu.Units).HasForeignKey(u => u.BusinessUnitId);
    }
}

public sealed class BusinessUnitConfiguration : IEntityTypeConfiguration<BusinessUnit>
{
    public void Configure(EntityTypeBuilder<BusinessUnit> b) => b.Property(u => u.Name).HasMaxLength(100);
}

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}
