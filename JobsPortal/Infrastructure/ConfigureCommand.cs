using JobsPortal.Features.Admin;
using JobsPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Infrastructure;

/// <summary>
/// <c>configure --standard</c>: writes the standard configuration (job types, statuses and reasons of
/// CRM.COM's fulfillment scopes) into the database the app is configured with, or the one given with
/// <c>--database PATH</c>; refused once jobs or any configuration exist. The same operation as the
/// admin area's "Start from the standard configuration", audited as the system.
/// </summary>
public static class ConfigureCommand
{
    public const string Name = "configure";
    private const string Usage = "Usage: configure --standard [--database PATH]";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? errors = null)
    {
        output ??= Console.Out;
        errors ??= Console.Error;
        var (database, rest) = CommandDatabase.Split(args);
        if (rest is not ["--standard"])
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var (builder, settings) = CommandDatabase.Builder(database);
        builder.Services.AddJobsPortalCore(settings);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        // Brings the database to the current schema (creating a SQLite file when new); never the demo seed, whatever the environment.
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync();

        var result = await scope.ServiceProvider.GetRequiredService<StandardConfiguration>().ApplyAsSystemAsync();
        if (!result.Succeeded)
        {
            await errors.WriteLineAsync(result.Message);
            return 1;
        }
        await output.WriteLineAsync(
            $"Wrote the standard configuration to {settings.Describe()}: " +
            $"{StandardConfiguration.Types.Count} job types, {StandardConfiguration.Reasons.Count} reasons and their statuses.");
        return 0;
    }
}
