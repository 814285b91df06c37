using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobsPortal.Data.Configurations;

public sealed class CancellationReviewConfiguration : IEntityTypeConfiguration<CancellationReview>
{
    public const int CommentMaxLength = 500;

    public void Configure(EntityTypeBuilder<CancellationReview> b)
    {
        b.Property(r => r.Comment).HasMaxLength(CommentMaxLength);
        b.HasOne(r => r.JobCancellation).WithMany(c => c.Reviews).HasForeignKey(r => r.JobCancellationId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: a person who reviewed something stays on record; accounts are disabled, not deleted.
        b.HasOne(r => r.ReviewedByUser).WithMany().HasForeignKey(r => r.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.JobCancellationId, r.ReviewedAt });
    }
}
