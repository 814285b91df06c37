using JobsPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JobsPortal.Data.Configurations;

public sealed class UserPreferenceConfiguration : IEntityTypeConfiguration<UserPreference>
{
    public void Configure(EntityTypeBuilder<UserPreference> b)
    {
        b.HasKey(p => new { p.UserId, p.Key });
        b.Property(p => p.Key).HasMaxLength(UserPreference.KeyMaxLength);
        b.Property(p => p.Value).HasMaxLength(UserPreference.ValueMaxLength);
        // People are never deleted, but should an account go, its view of the app goes with it.
        b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
