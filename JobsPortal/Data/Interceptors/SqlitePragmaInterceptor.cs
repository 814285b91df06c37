using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobsPortal.Data.Interceptors;

/// <summary>
/// Per-connection SQLite settings, applied once to each native connection when EF Core first opens
/// it (Microsoft.Data.Sqlite pools native connections, and a pragma stays set on one).
/// <c>synchronous = NORMAL</c> is SQLite's recommended setting in WAL mode, which the database always
/// uses (DatabaseInitializer): a commit appends to the WAL without waiting for an fsync, and the WAL
/// is synced at checkpoints. A crash cannot corrupt the database; a power loss can lose the last
/// commits before it. It takes the fsync (about 4 ms on this project's machines) out of every
/// cancel's write lock, which is what bounded cancels per second.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous = NORMAL;";
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection) is { } handle)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            Applied.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection) is { } handle)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Applied.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>The native connection when it has not had the pragmas yet, else null.</summary>
    private static object? FirstOpen(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !Applied.TryGetValue(handle, out _) ? handle : null;
}
