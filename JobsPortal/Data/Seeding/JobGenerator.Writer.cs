using System.Data.Common;
using System.Globalization;
using JobsPortal.Data.Entities;
using Npgsql;

namespace JobsPortal.Data.Seeding;

public sealed partial class JobGenerator
{
    /// <summary>
    /// The prepared INSERT commands, their parameters bound once and reused for every row. The same
    /// statements on SQLite and PostgreSQL but for the id just written (<c>last_insert_rowid()</c>,
    /// the identity's <c>currval</c>) and how a time is passed.
    /// </summary>
    private sealed class Writer : IRows, IDisposable
    {
        private readonly DbCommand _job, _item, _event, _cancellation, _review, _changed;
        private readonly bool _postgreSql;

        public Writer(DbConnection connection)
        {
            _postgreSql = connection is NpgsqlConnection;
            // The id a table's last INSERT on this connection generated: SQLite's rowid, or the current
            // value of PostgreSQL's identity sequence of that table (not lastval(): the INSERT that reads
            // it draws its own row's id first).
            string LastId(string table) => _postgreSql ? $"currval(pg_get_serial_sequence('\"{table}\"', 'Id'))" : "last_insert_rowid()";
            _job = Prepare(connection, "Jobs",
                ["Id", "Number", "Description", "LifeCycleState", "RatingState", "ExpirationDate", "ScheduledDate", "AccountNumber",
                 "AccountName", "ContactEmail", "ContactPhone", "Notes", "StartDate", "ExpectedCompletionDate", "ActualCompletionDate",
                 "AssignedUserId", "AssignedUnitId", "JobTypeId", "JobStatusId", "CreatedAt", "CreatedByUserId", "UpdatedAt",
                 "UpdatedByUserId", "Version"]);
            _item = Prepare(connection, "JobItems", ["JobId", "Kind", "ProductCode", "ProductName", "Quantity", "SerialNumber", "State"]);
            _event = Prepare(connection, "JobEvents", ["JobId", "OccurredAt", "Kind", "Summary", "UserId"]);
            _cancellation = Prepare(connection, "JobCancellations",
                ["JobId", "JobStatusId", "CancellationReasonId", "CancelProvidedItems", "ItemsCancelled", "ProvidedItemsLeft", "Note",
                 "CancelledByUserId", "CancelledByUnitId", "CancelledAt", "Channel", "ReviewState", "LastReviewedAt", "LastReviewComment",
                 "PreviousLifeCycleState", "PreviousJobStatusId"]);
            // The history row follows its cancellation's INSERT at once on this connection, so
            // the last inserted id is that cancellation's id: no read-back, no index needed while
            // the generator has the indexes dropped.
            _review = connection.CreateCommand();
            _review.CommandText =
                "INSERT INTO \"CancellationReviews\" (\"JobCancellationId\", \"State\", \"Comment\", \"ReviewedByUserId\", \"ReviewedAt\") " +
                $"VALUES ({LastId("JobCancellations")}, @p0, @p1, @p2, @p3)";
            for (var i = 0; i < 4; i++)
            {
                AddParameter(_review, i);
            }
            // An item the cancel changed, written right after the item's INSERT (its last inserted id) and
            // after the job's cancellation, the newest row of JobCancellations: MAX on the rowid is a seek.
            _changed = connection.CreateCommand();
            _changed.CommandText =
                "INSERT INTO \"JobCancellationItems\" (\"JobCancellationId\", \"JobItemId\", \"PreviousState\") " +
                $"VALUES ((SELECT MAX(\"Id\") FROM \"JobCancellations\"), {LastId("JobItems")}, @p0)";
            AddParameter(_changed, 0);
        }

        private static DbCommand Prepare(DbConnection connection, string table, string[] columns)
        {
            var command = connection.CreateCommand();
            command.CommandText =
                $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
            {
                AddParameter(command, i);
            }
            return command;
        }

        private static void AddParameter(DbCommand command, int index)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{index}";
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }

        public void Use(DbTransaction tx)
        {
            _job.Transaction = _item.Transaction = _event.Transaction = _cancellation.Transaction = _review.Transaction = _changed.Transaction = tx;
        }

        private static void Run(DbCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }

        // Dates go in EF Core's SQLite text format so EF reads and compares them as its own; PostgreSQL
        // takes the UTC time itself (timestamp with time zone).
        private object? D(DateTime? d) => _postgreSql
            ? d is { } utc ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : null
            : d?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        public void Job(int id, string number, string description, LifeCycleState state, RatingState rating, DateTime expiration,
            DateTime scheduled, string account, string accountName, string email, string phone, string? notes, DateTime? start,
            DateTime expected, DateTime? completed, GeneratorUser? assignee, int typeId, int statusId, DateTime created,
            string createdBy, DateTime updated, string updatedBy)
        {
            Run(_job, id, number, description, state.ToString(), rating.ToString(), D(expiration), D(scheduled), account, accountName,
                email, phone, notes, D(start), D(expected), D(completed), assignee?.Id, assignee?.UnitId, typeId, statusId, D(created),
                createdBy, D(updated), updatedBy, 0);
            FlushChildren();
        }

        // A job's children are decided before the job row (its status depends on them), but the
        // row must go in first for the foreign keys: they wait here until Job() writes it.
        private readonly List<(DbCommand Command, object?[] Values)> _children = [];

        /// <summary>An item; <paramref name="cancelledFrom"/>: the job's cancel (written before) changed it from that state.</summary>
        public void Item(int jobId, GeneratorProduct product, int quantity, string? serial, JobItemState state, JobItemState? cancelledFrom = null)
        {
            _children.Add((_item, [jobId, product.Kind.ToString(), product.Code, product.Name, quantity, serial, state.ToString()]));
            if (cancelledFrom is { } previous)
            {
                _children.Add((_changed, [previous.ToString()]));
            }
        }

        public void Event(int jobId, DateTime at, JobEventKind kind, string summary, string? userId) =>
            _children.Add((_event, [jobId, D(at), kind.ToString(), summary, userId]));

        public void Cancellation(int jobId, int statusId, int reasonId, bool cancelProvided, int itemsCancelled, int providedLeft,
            string? note, GeneratorUser by, DateTime at, CancellationChannel channel, GeneratedReview? review,
            LifeCycleState previousState, int previousStatusId)
        {
            _children.Add((_cancellation, [jobId, statusId, reasonId, cancelProvided, itemsCancelled, providedLeft, note, by.Id,
                by.UnitId, D(at), channel.ToString(), (review?.State ?? ReviewState.NotReviewed).ToString(), D(review?.At),
                review?.Comment, previousState.ToString(), previousStatusId]));
            if (review is not null)
            {
                _children.Add((_review, [review.State.ToString(), review.Comment, review.By.Id, D(review.At)]));
            }
        }

        private void FlushChildren()
        {
            foreach (var (command, values) in _children)
            {
                Run(command, values);
            }
            _children.Clear();
        }

        public void Dispose()
        {
            _job.Dispose();
            _item.Dispose();
            _event.Dispose();
            _cancellation.Dispose();
            _review.Dispose();
            _changed.Dispose();
        }
    }
}
