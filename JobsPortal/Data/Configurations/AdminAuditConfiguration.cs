using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobsPortal.Data.Configurations;

public sealed class AdminAuditConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> b)
    {
        b.ToTable("AdminAudit");
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(100);
        b.Property(a => a.Area).HasMaxLength(20);
        b.Property(a => a.TargetId).HasMaxLength(450);
        b.Property(a => a.TargetName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(60);
        b.Property(a => a.Before).HasMaxLength(AdminAuditEntry.TextMaxLength);
        b.Property(a => a.After).HasMaxLength(AdminAuditEntry.TextMaxLength);
        // A target's history and its newest entry (the edit forms' version); the audit page newest first.
        b.HasIndex(a => new { a.Area, a.TargetId, a.Id });
        b.HasIndex(a => a.AtUtc);
    }
}
