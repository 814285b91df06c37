using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobsPortal.Infrastructure;

/// <summary>
/// Brings the database to the current schema at start-up (migrations, WAL), seeds the demo when
/// demo mode is on and the database is empty, and creates the first admin from configuration.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    ReferenceSeeder referenceSeeder,
    UserManager<ApplicationUser> userManager,
    IOptions<JobsPortalOptions> options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            EnsureDirectory(db.Database.GetConnectionString());
            await db.Database.MigrateAsync(ct);
            // WAL lets readers go on while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }

        await referenceSeeder.EnsureRolesAsync();

        var o = options.Value;
        if (o.DemoMode)
        {
            await SeedDemoAsync(o.DemoJobs, ct);
        }
        await EnsureFirstAdminAsync(o);
    }

    public async Task SeedDemoAsync(int jobs, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Jobs.AnyAsync(ct))
        {
            return;
        }
        var reference = await referenceSeeder.SeedAsync(ct);
        var generator = new JobGenerator(reference, clock.GetUtcNow().UtcDateTime);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var result = await generator.InsertAsync(connection, jobs, ct: ct);
        logger.LogInformation("Seeded demo data: {Jobs} jobs, {Items} items, {Cancellations} cancellations",
            result.Jobs, result.Items, result.Cancellations);
    }

    private async Task EnsureFirstAdminAsync(JobsPortalOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.AdminEmail) || string.IsNullOrEmpty(o.AdminPassword))
        {
            return;
        }
        if ((await userManager.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }
        var admin = new ApplicationUser { UserName = o.AdminEmail, Email = o.AdminEmail, EmailConfirmed = true, DisplayName = "Administrator" };
        var created = await userManager.CreateAsync(admin, o.AdminPassword);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                "The first admin could not be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await userManager.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Created the first admin account {Email}", o.AdminEmail);
    }

    internal static void EnsureDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
