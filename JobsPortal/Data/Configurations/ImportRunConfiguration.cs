using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobsPortal.Data.Configurations;

public sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.Property(r => r.FileName).HasMaxLength(260);
        b.Property(r => r.StoredPath).HasMaxLength(1000);
        b.Property(r => r.Message).HasMaxLength(2000);
        b.Property(r => r.OwnerInstance).HasMaxLength(200);
        b.HasOne(r => r.CreatedByUser).WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.CreatedAt);
        b.HasIndex(r => r.Status);
    }
}
