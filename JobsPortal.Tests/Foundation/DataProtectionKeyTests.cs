using JobsPortal.Data;
using JobsPortal.Infrastructure;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Foundation;

/// <summary>
/// The data-protection key ring (cookies, antiforgery and API tokens) lives in the database on both
/// providers: a second app over the same database, with no folder in common and nothing in memory in
/// common, reads what the first protected.
/// </summary>
public sealed class DataProtectionKeyTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task What_one_app_protects_another_app_on_the_same_database_reads_with_the_key_made_at_start(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider: provider);
        await using (var context = db.CreateContext())
        {
            // Start-up made the ring's first key, in the database.
            var key = Assert.Single(await context.DataProtectionKeys.AsNoTracking().ToListAsync());
            Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
        }
        var sealedText = db.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");

        var other = new ServiceCollection();
        other.AddJobsPortalCore(db.Settings);
        await using var otherApp = other.BuildServiceProvider();

        Assert.Equal("a secret", otherApp.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText));
        await using var after = db.CreateContext();
        Assert.Equal(1, await after.DataProtectionKeys.CountAsync());
    }
}
