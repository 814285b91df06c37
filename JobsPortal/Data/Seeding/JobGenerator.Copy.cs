using System.Data;
using System.Globalization;
using JobsPortal.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace JobsPortal.Data.Seeding;

public sealed partial class JobGenerator
{
    /// <summary>What one generated job writes: the SQLite commands, or the rows of a PostgreSQL COPY.</summary>
    private interface IRows
    {
        void Job(int id, string number, string description, LifeCycleState state, RatingState rating, DateTime expiration,
            DateTime scheduled, string account, string accountName, string email, string phone, string? notes, DateTime? start,
            DateTime expected, DateTime? completed, GeneratorUser? assignee, int typeId, int statusId, DateTime created,
            string createdBy, DateTime updated, string updatedBy);

        void Item(int jobId, GeneratorProduct product, int quantity, string? serial, JobItemState state, JobItemState? cancelledFrom = null);

        void Event(int jobId, DateTime at, JobEventKind kind, string summary, string? userId);

        void Cancellation(int jobId, int statusId, int reasonId, bool cancelProvided, int itemsCancelled, int providedLeft,
            string? note, GeneratorUser by, DateTime at, CancellationChannel channel, GeneratedReview? review,
            LifeCycleState previousState, int previousStatusId);
    }

    /// <summary>
    /// The same jobs into PostgreSQL with binary COPY (Npgsql's <see cref="NpgsqlBinaryImporter"/>), a batch
    /// of <see cref="BatchSize"/> jobs at a time, each table of the batch in one COPY, parents first. Items and
    /// cancellations get their ids here (COPY returns none), from one past the tables' largest; the caller
    /// moves the identity sequences past them afterwards.
    /// </summary>
    public async Task<Result> CopyAsync(NpgsqlConnection connection, int count, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }
        var firstId = await NextIdAsync(connection, "Jobs", ct);
        var rows = new CopyRows(await NextIdAsync(connection, "JobItems", ct), await NextIdAsync(connection, "JobCancellations", ct),
            await CopyTable.ReadAsync(connection, ct));

        var rng = new Random(seed + firstId);
        var reviewRng = new Random(seed + firstId + 7919);
        var totals = new Result(0, 0, 0, 0);
        var start = nowUtc - History;
        var step = History.Ticks / Math.Max(count, 1);
        for (var batchStart = 0; batchStart < count; batchStart += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            var end = Math.Min(count, batchStart + BatchSize);
            for (var i = batchStart; i < end; i++)
            {
                var created = start.AddTicks(step * i + (long)(rng.NextDouble() * step));
                totals = Add(totals, WriteJob(rows, rng, reviewRng, firstId + i, created));
            }
            await using (var tx = await connection.BeginTransactionAsync(ct))
            {
                await rows.CopyAsync(connection, ct);
                await tx.CommitAsync(ct);
            }
            progress?.Report(end);
        }
        return totals;
    }

    private static async Task<int> NextIdAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var max = new NpgsqlCommand($"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"", connection);
        return Convert.ToInt32(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
    }

    /// <summary>One table's COPY: its columns and their PostgreSQL types, as the database says (the migrations decide them).</summary>
    private sealed class CopyTable(string name, string[] columns, NpgsqlDbType[] types)
    {
        public List<object?[]> Rows { get; } = [];

        public void Add(params object?[] values) => Rows.Add(values);

        public static readonly (string Table, string[] Columns)[] Layout =
        [
            ("Jobs", ["Id", "Number", "Description", "LifeCycleState", "RatingState", "ExpirationDate", "ScheduledDate", "AccountNumber",
                "AccountName", "ContactEmail", "ContactPhone", "Notes", "StartDate", "ExpectedCompletionDate", "ActualCompletionDate",
                "AssignedUserId", "AssignedUnitId", "JobTypeId", "JobStatusId", "CreatedAt", "CreatedByUserId", "UpdatedAt",
                "UpdatedByUserId", "Version"]),
            ("JobCancellations", ["Id", "JobId", "JobStatusId", "CancellationReasonId", "CancelProvidedItems", "ItemsCancelled", "ProvidedItemsLeft",
                "Note", "CancelledByUserId", "CancelledByUnitId", "CancelledAt", "Channel", "ReviewState", "LastReviewedAt", "LastReviewComment",
                "PreviousLifeCycleState", "PreviousJobStatusId"]),
            ("CancellationReviews", ["JobCancellationId", "State", "Comment", "ReviewedByUserId", "ReviewedAt"]),
            ("JobItems", ["Id", "JobId", "Kind", "ProductCode", "ProductName", "Quantity", "SerialNumber", "State"]),
            ("JobCancellationItems", ["JobCancellationId", "JobItemId", "PreviousState"]),
            ("JobEvents", ["JobId", "OccurredAt", "Kind", "Summary", "UserId"]),
        ];

        public static async Task<Dictionary<string, CopyTable>> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            var types = new Dictionary<(string, string), string>();
            await using (var command = new NpgsqlCommand(
                "SELECT table_name, column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema()", connection))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    types[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
                }
            }
            return Layout.ToDictionary(t => t.Table, t => new CopyTable(t.Table, t.Columns, [.. t.Columns.Select(c =>
                types.TryGetValue((t.Table, c), out var udt) ? TypeOf(udt, t.Table, c)
                : throw new InvalidOperationException($"The generator writes {t.Table}.{c}, which this database does not have: is it migrated?"))]));
        }

        private static NpgsqlDbType TypeOf(string udt, string table, string column) => udt switch
        {
            "int4" => NpgsqlDbType.Integer,
            "int8" => NpgsqlDbType.Bigint,
            "bool" => NpgsqlDbType.Boolean,
            "timestamptz" => NpgsqlDbType.TimestampTz,
            "timestamp" => NpgsqlDbType.Timestamp,
            "text" => NpgsqlDbType.Text,
            "varchar" => NpgsqlDbType.Varchar,
            _ => throw new InvalidOperationException($"The generator cannot write {table}.{column} of type {udt}."),
        };

        public async Task CopyAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            if (Rows.Count == 0)
            {
                return;
            }
            var copy = $"COPY \"{name}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";
            await using (var importer = await connection.BeginBinaryImportAsync(copy, ct))
            {
                foreach (var row in Rows)
                {
                    await importer.StartRowAsync(ct);
                    for (var i = 0; i < row.Length; i++)
                    {
                        switch (row[i])
                        {
                            case null:
                                await importer.WriteNullAsync(ct);
                                break;
                            case DateTime d:
                                // Npgsql writes a UTC DateTime only to timestamptz, and any other only to timestamp.
                                await importer.WriteAsync(DateTime.SpecifyKind(d, types[i] == NpgsqlDbType.TimestampTz ? DateTimeKind.Utc : DateTimeKind.Unspecified), types[i], ct);
                                break;
                            case var value:
                                await importer.WriteAsync(value, types[i], ct);
                                break;
                        }
                    }
                }
                await importer.CompleteAsync(ct);
            }
            Rows.Clear();
        }
    }

    /// <summary>A batch's rows, table by table, with the ids COPY cannot hand back.</summary>
    private sealed class CopyRows(int nextItemId, int nextCancellationId, Dictionary<string, CopyTable> tables) : IRows
    {
        private int _nextItemId = nextItemId, _nextCancellationId = nextCancellationId, _cancellationId;

        public async Task CopyAsync(NpgsqlConnection connection, CancellationToken ct)
        {
            foreach (var (table, _) in CopyTable.Layout)
            {
                await tables[table].CopyAsync(connection, ct);
            }
        }

        public void Job(int id, string number, string description, LifeCycleState state, RatingState rating, DateTime expiration,
            DateTime scheduled, string account, string accountName, string email, string phone, string? notes, DateTime? start,
            DateTime expected, DateTime? completed, GeneratorUser? assignee, int typeId, int statusId, DateTime created,
            string createdBy, DateTime updated, string updatedBy) =>
            tables["Jobs"].Add(id, number, description, state.ToString(), rating.ToString(), expiration, scheduled, account, accountName,
                email, phone, notes, start, expected, completed, assignee?.Id, assignee?.UnitId, typeId, statusId, created,
                createdBy, updated, updatedBy, 0);

        public void Item(int jobId, GeneratorProduct product, int quantity, string? serial, JobItemState state, JobItemState? cancelledFrom = null)
        {
            var id = _nextItemId++;
            tables["JobItems"].Add(id, jobId, product.Kind.ToString(), product.Code, product.Name, quantity, serial, state.ToString());
            if (cancelledFrom is { } previous)
            {
                // The job's cancellation comes before its items (see WriteJob).
                tables["JobCancellationItems"].Add(_cancellationId, id, previous.ToString());
            }
        }

        public void Event(int jobId, DateTime at, JobEventKind kind, string summary, string? userId) =>
            tables["JobEvents"].Add(jobId, at, kind.ToString(), summary, userId);

        public void Cancellation(int jobId, int statusId, int reasonId, bool cancelProvided, int itemsCancelled, int providedLeft,
            string? note, GeneratorUser by, DateTime at, CancellationChannel channel, GeneratedReview? review,
            LifeCycleState previousState, int previousStatusId)
        {
            _cancellationId = _nextCancellationId++;
            tables["JobCancellations"].Add(_cancellationId, jobId, statusId, reasonId, cancelProvided, itemsCancelled, providedLeft, note, by.Id,
                by.UnitId, at, channel.ToString(), (review?.State ?? ReviewState.NotReviewed).ToString(), review?.At, review?.Comment,
                previousState.ToString(), previousStatusId);
            if (review is not null)
            {
                tables["CancellationReviews"].Add(_cancellationId, review.State.ToString(), review.Comment, review.By.Id, review.At);
            }
        }
    }
}
