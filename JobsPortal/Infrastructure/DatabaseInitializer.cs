using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Data.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobsPortal.Infrastructure;

/// <summary>
/// Brings the database to the current schema at start-up (migrations; WAL on SQLite), seeds the demo
/// when demo mode is on and the database is empty, and creates the first admin from configuration.
/// On PostgreSQL several instances may start at once: all of this runs under one advisory lock on the
/// database, so one instance migrates and seeds while the others wait and then find nothing to do.
/// </summary>
public sealed class DatabaseInitializer(
    DatabaseSettings database,
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    ReferenceSeeder referenceSeeder,
    UserManager<ApplicationUser> userManager,
    IOptions<JobsPortalOptions> options,
    TimeProvider clock,
    IDataProtectionProvider dataProtection,
    ILogger<DatabaseInitializer> logger)
{
    /// <summary>
    /// The key of the start-up lock (any fixed number; PostgreSQL's advisory locks are named by
    /// numbers and belong to the database the session is connected to).
    /// </summary>
    internal const long StartupLockKey = 0x4A6F_6273_506F_7274; // "JobsPort"

    public Task InitializeAsync(CancellationToken ct = default) => OneAtATimeAsync(async () =>
    {
        await MigrateUnlockedAsync(ct);
        // The key ring's first key, now, while nothing else writes: made later by the first request that
        // needs one, it would be written outside the app's write gate (and, on several instances, twice).
        _ = dataProtection.CreateProtector(nameof(DatabaseInitializer)).Protect([1]);
        await referenceSeeder.EnsureRolesAsync();

        var o = options.Value;
        if (o.DemoMode)
        {
            await SeedDemoAsync(o.DemoJobs, ct);
        }
        await EnsureFirstAdminAsync(o);
    }, ct);

    /// <summary>Only the schema, for commands that must not seed (<c>configure</c>).</summary>
    public Task MigrateAsync(CancellationToken ct = default) => OneAtATimeAsync(() => MigrateUnlockedAsync(ct), ct);

    private async Task MigrateUnlockedAsync(CancellationToken ct)
    {
        if (database.IsPostgreSql)
        {
            // PostgreSQL's migrations belong to the derived context (see PostgreSqlJobsPortalDbContext).
            await using var pg = PostgreSqlJobsPortalDbContext.Create(database.ConnectionString);
            await pg.Database.MigrateAsync(ct);
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        EnsureDirectory(db.Database.GetConnectionString());
        await db.Database.MigrateAsync(ct);
        // WAL lets readers go on while one writer commits; the setting is stored in the file.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> while this process holds PostgreSQL's session advisory lock on the
    /// database. EF Core's own migration lock was not enough when three instances started together on a
    /// new database (one failed on objects another had just made), and it would not cover the seed's
    /// "is the database empty?" either. The lock goes with the connection, so an instance that dies
    /// while holding it lets the next one in. On SQLite one process owns the file: no lock needed.
    /// </summary>
    private async Task OneAtATimeAsync(Func<Task> work, CancellationToken ct)
    {
        if (!database.IsPostgreSql)
        {
            await work();
            return;
        }
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var tryTake = new NpgsqlCommand($"SELECT pg_try_advisory_lock({StartupLockKey})", connection))
        {
            if (await tryTake.ExecuteScalarAsync(ct) is not true)
            {
                logger.LogInformation("Another instance is migrating or seeding {Database}; waiting for it to finish", database.Describe());
                // As long as the other instance takes: a first seed or a long migration outlasts any command timeout.
                await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection) { CommandTimeout = 0 };
                await take.ExecuteNonQueryAsync(ct);
            }
        }
        try
        {
            await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
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
        var connection = db.Database.GetDbConnection();
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

    /// <summary>Makes the folder of a SQLite file; nothing for an in-memory database.</summary>
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
