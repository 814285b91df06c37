using JobsPortal.Data;

namespace JobsPortal.Infrastructure;

/// <summary>
/// What the command-line commands (<c>admin</c>, <c>configure</c>) share: the optional
/// <c>--database PATH</c> and a host over the database it names, or the one the app is configured with.
/// </summary>
internal static class CommandDatabase
{
    /// <summary>Takes <c>--database PATH</c> out of the arguments; the rest are the command's own words.</summary>
    public static (string? Database, List<string> Words) Split(string[] args)
    {
        string? database = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--database" && i + 1 < args.Length)
            {
                database = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }
        return (database, rest);
    }

    /// <summary>
    /// A quiet host builder and the database to work on: the SQLite file <c>--database</c> names, or
    /// the one the app is configured with (either provider).
    /// </summary>
    public static (WebApplicationBuilder Builder, DatabaseSettings Database) Builder(string? database)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = database is null
            ? DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath)
            : DatabaseSettings.Sqlite($"Data Source={Path.GetFullPath(database)}");
        return (builder, settings);
    }
}
