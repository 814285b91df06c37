using System.Data;
using System.Globalization;
using JobsPortal.Data.Entities;
using Microsoft.Data.Sqlite;

namespace JobsPortal.Data.Seeding;

/// <summary>
/// Writes realistic jobs (with items, events and cancellations) straight through prepared
/// SQLite commands in batched transactions: the demo seed (a few thousand jobs) and the
/// large-data generator (a million) share this one path. EF Core's change tracker would cost
/// minutes at that size; log information is therefore written here explicitly, as history.
/// Deterministic: the same seed, reference data and clock give the same rows.
/// </summary>
public sealed class JobGenerator(GeneratorReference reference, DateTime nowUtc, int seed = 20261129)
{
    private const int BatchSize = 10_000;

    private static readonly string[] FirstNames =
        ["Andreas", "Maria", "Giorgos", "Eleni", "John", "Sophie", "Omar", "Lucia", "Piotr", "Hannah", "Yusuf", "Ingrid",
         "Mateo", "Chloe", "Dimitri", "Aylin", "Kofi", "Mei", "Rafael", "Nadia", "Oliver", "Katerina", "Samuel", "Ana"];
    private static readonly string[] LastNames =
        ["Christou", "Papadopoulos", "Smith", "Novak", "Haddad", "Rossi", "Kowalski", "Schmidt", "Demetriou", "Okafor",
         "Nguyen", "Fernandes", "Ioannou", "Larsen", "Costa", "Yilmaz", "Murphy", "Kim", "Andreou", "Müller"];
    private static readonly string[] Streets =
        ["Elm Street", "Makarios Avenue", "Harbour Road", "Oak Lane", "Station Road", "Church Street", "Mill Lane",
         "Victoria Road", "Archbishop Kyprianou", "Park Avenue", "Castle Hill", "Riverside Drive", "Green Lane"];
    private static readonly string[] Towns =
        ["Limassol", "Nicosia", "Larnaca", "Paphos", "Famagusta", "Kyrenia", "Strovolos", "Aglantzia"];
    private static readonly string[] Details =
        ["ground floor flat", "second floor, ring twice", "gate code 4521", "dog on premises", "call 30 min before arrival",
         "parking behind the building", "new build, no existing cabling", "business premises, open 9-17", "elderly customer",
         "access via side entrance"];
    private static readonly string[] CancelNotes =
        ["Customer called to cancel.", "Duplicate of a job raised the same day.", "Address could not be serviced after survey.",
         "Payment declined twice.", "Customer moved abroad.", "Raised on the wrong account.", "No answer after three calls."];
    private static readonly string[] ReviewComments =
        ["Checked with the customer's call notes.", "Reason confirmed by the customer.", "Fine.", "Duplicate confirmed."];
    private static readonly string[] FlagComments =
        ["Reason does not match the note: please call the customer back.", "Provided equipment left with the customer and no collection job raised.",
         "Cancelled without three contact attempts.", "Wrong reason: this was a payment issue.", "Should have been rescheduled, not cancelled."];

    /// <summary>How far back the first job was created.</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromDays(180);

    public sealed record Result(int Jobs, int Items, int Events, int Cancellations);

    public async Task<Result> InsertAsync(SqliteConnection connection, int count, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        int firstId;
        await using (var max = connection.CreateCommand())
        {
            max.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Jobs\"";
            firstId = Convert.ToInt32(await max.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) + 1;
        }

        var rng = new Random(seed + firstId);
        // Review marks draw from their own sequence, so adding them left every other generated value as it was.
        var reviewRng = new Random(seed + firstId + 7919);
        var writer = new Writer(connection);
        var totals = new Result(0, 0, 0, 0);
        var start = nowUtc - History;
        var step = History.Ticks / Math.Max(count, 1);

        for (var batchStart = 0; batchStart < count; batchStart += BatchSize)
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = connection.BeginTransaction();
            writer.Use(tx);
            var end = Math.Min(count, batchStart + BatchSize);
            for (var i = batchStart; i < end; i++)
            {
                // Creation times rise with the job number, as they do in a real system.
                var created = start.AddTicks(step * i + (long)(rng.NextDouble() * step));
                totals = Add(totals, WriteJob(writer, rng, reviewRng, firstId + i, created));
            }
            await tx.CommitAsync(ct);
            progress?.Report(end);
        }
        writer.Dispose();
        return totals;
    }

    private static Result Add(Result a, Result b) =>
        new(a.Jobs + b.Jobs, a.Items + b.Items, a.Events + b.Events, a.Cancellations + b.Cancellations);

    private Result WriteJob(Writer w, Random rng, Random reviewRng, int id, DateTime created)
    {
        var type = reference.Types[rng.Next(reference.Types.Length)];
        var age = nowUtc - created;
        var state = PickState(rng, age);
        var isField = type.Goods.Length > 0 && type.Scope != FulfillmentScope.ADD_SUBSCRIPTION_SERVICES;
        var assignees = isField && reference.FieldStaff.Length > 0 ? reference.FieldStaff : reference.OfficeStaff;
        var assignee = state == LifeCycleState.DRAFT && rng.Next(3) == 0 ? null : assignees[rng.Next(assignees.Length)];
        var creator = reference.OfficeStaff[rng.Next(reference.OfficeStaff.Length)];

        var scheduled = created.Date.AddDays(rng.Next(2, 22)).AddHours(rng.Next(8, 17));
        var expiration = scheduled.AddDays(30);
        var expected = scheduled.AddDays(rng.Next(1, 4));
        DateTime? startDate = null, completed = null;
        var updated = created;
        var updatedBy = creator;
        var events = 1;

        var firstName = FirstNames[rng.Next(FirstNames.Length)];
        var lastName = LastNames[rng.Next(LastNames.Length)];
        var town = Towns[rng.Next(Towns.Length)];
        var description = $"{type.Name} - {rng.Next(1, 200)} {Streets[rng.Next(Streets.Length)]}, {town}";
        var account = $"ACR{rng.Next(1, 400_000):D6}";

        var openStatus = Pick(rng, type.Statuses[state == LifeCycleState.CANCELLED ? LifeCycleState.PENDING : state]);
        w.Event(id, created, JobEventKind.CREATED, $"Job created as {(state == LifeCycleState.DRAFT ? "Draft" : "Pending")}", creator.Id);

        if (state is LifeCycleState.IN_PROGRESS or LifeCycleState.COMPLETED)
        {
            startDate = Min(scheduled, nowUtc.AddHours(-1));
            if (startDate < created) startDate = created.AddMinutes(30);
            updated = startDate.Value;
            updatedBy = assignee ?? creator;
            w.Event(id, updated, JobEventKind.STATUS_CHANGED, $"Work started: status {openStatus.Name}", updatedBy.Id);
            events++;
        }
        if (state == LifeCycleState.COMPLETED)
        {
            completed = startDate!.Value.AddHours(rng.Next(1, 30));
            if (completed > nowUtc) completed = nowUtc.AddMinutes(-5);
            updated = completed.Value;
            w.Event(id, updated, JobEventKind.STATUS_CHANGED, $"Job completed: status {openStatus.Name}", updatedBy.Id);
            events++;
        }

        // Items: a state that fits where the job is in its life cycle.
        var itemCount = rng.Next(1, 5);
        var cancelled = state == LifeCycleState.CANCELLED;
        var cancelledFrom = cancelled ? (LifeCycleState)rng.Next(0, 3) : state;
        var cancelProvided = cancelled && rng.Next(10) < 4;
        int itemsCancelled = 0, providedLeft = 0;
        for (var n = 0; n < itemCount; n++)
        {
            var pool = type.Goods.Length > 0 && (type.Services.Length == 0 || rng.Next(3) > 0) ? type.Goods : type.Services;
            var product = pool[rng.Next(pool.Length)];
            var itemState = ItemState(rng, cancelledFrom, product.Kind);
            if (cancelled)
            {
                if (itemState == JobItemState.PENDING || cancelProvided)
                {
                    itemState = JobItemState.CANCELLED;
                    itemsCancelled++;
                }
                else
                {
                    providedLeft++;
                }
            }
            var serial = product.Kind == JobItemKind.PHYSICAL_GOOD && product.Code != "CBL-RG6"
                ? $"SN{rng.NextInt64(0x10000000000, 0xFFFFFFFFFFF):X}" : null;
            var quantity = product.Code == "CBL-RG6" ? rng.Next(1, 4) : 1;
            w.Item(id, product, quantity, serial, itemState);
        }

        GeneratorStatus status = openStatus;
        if (cancelled)
        {
            var cancelStatus = Pick(rng, type.Statuses[LifeCycleState.CANCELLED]);
            var cancelledAt = created.AddMinutes(rng.Next(10, (int)Math.Max(11, Math.Min(age.TotalMinutes - 1, 20 * 24 * 60))));
            var usable = type.Reasons.Where(r => !r.Retired || cancelledAt < nowUtc.AddDays(-60)).ToArray();
            var reason = usable[rng.Next(usable.Length)];
            var by = reference.OfficeStaff[rng.Next(reference.OfficeStaff.Length)];
            var channel = rng.Next(100) < 15 ? CancellationChannel.API : CancellationChannel.PORTAL;
            var note = rng.Next(10) < 3 ? CancelNotes[rng.Next(CancelNotes.Length)] : null;
            var review = PickReview(reviewRng, by, cancelledAt);
            w.Cancellation(id, cancelStatus.Id, reason.Id, cancelProvided, itemsCancelled, providedLeft, note, by, cancelledAt, channel, review);
            w.Event(id, cancelledAt, JobEventKind.CANCELLED,
                $"Cancelled with status {cancelStatus.Name}, reason {reason.Name}: {itemsCancelled} item(s) cancelled, {providedLeft} provided item(s) left with the customer",
                by.Id);
            events++;
            if (review is not null)
            {
                w.Event(id, review.At, JobEventKind.REVIEWED, review.State.TimelineSummary(review.By.Name, review.Comment), review.By.Id);
                events++;
            }
            status = cancelStatus;
            updated = cancelledAt;
            updatedBy = by;
        }

        var rating = state == LifeCycleState.COMPLETED && rng.Next(10) < 8 ? RatingState.COMPLETED : RatingState.PENDING;
        var notes = rng.Next(10) < 4 ? $"Customer: {firstName} {lastName}; {Details[rng.Next(Details.Length)]}." : null;
        w.Job(id, $"J{id:D8}", description, state, rating, expiration, scheduled, account, $"{firstName} {lastName}",
            $"{firstName.ToLowerInvariant()}.{lastName.ToLowerInvariant()}@example.net", $"+357 9{rng.Next(1000000, 9999999)}",
            notes, startDate, expected, completed, assignee, type.Id, status.Id, created, creator.Id, updated, updatedBy.Id);

        return new Result(1, itemCount, events, cancelled ? 1 : 0);
    }

    private sealed record GeneratedReview(ReviewState State, string? Comment, GeneratorUser By, DateTime At);

    /// <summary>
    /// Cancellations older than a week: about half reviewed, one in ten of those flagged, never by
    /// the person who cancelled. The last week stays in the queue, as it would in real life.
    /// </summary>
    private GeneratedReview? PickReview(Random rng, GeneratorUser cancelledBy, DateTime cancelledAt)
    {
        var reviewers = reference.Reviewers.Where(r => r.Id != cancelledBy.Id).ToArray();
        if (reviewers.Length == 0 || cancelledAt > nowUtc.AddDays(-7))
        {
            return null;
        }
        var roll = rng.Next(100);
        if (roll >= 55)
        {
            return null;
        }
        var reviewer = reviewers[rng.Next(reviewers.Length)];
        var at = cancelledAt.AddMinutes(rng.Next(60, 6 * 24 * 60));
        if (at > nowUtc)
        {
            at = nowUtc.AddMinutes(-30);
        }
        return roll < 6
            ? new GeneratedReview(ReviewState.Flagged, FlagComments[rng.Next(FlagComments.Length)], reviewer, at)
            : new GeneratedReview(ReviewState.Reviewed, rng.Next(4) == 0 ? ReviewComments[rng.Next(ReviewComments.Length)] : null, reviewer, at);
    }

    private static LifeCycleState PickState(Random rng, TimeSpan age)
    {
        var roll = rng.Next(100);
        if (age < TimeSpan.FromDays(14))
        {
            return roll switch { < 15 => LifeCycleState.DRAFT, < 50 => LifeCycleState.PENDING, < 75 => LifeCycleState.IN_PROGRESS, < 90 => LifeCycleState.COMPLETED, _ => LifeCycleState.CANCELLED };
        }
        return roll switch { < 3 => LifeCycleState.DRAFT, < 12 => LifeCycleState.PENDING, < 19 => LifeCycleState.IN_PROGRESS, < 84 => LifeCycleState.COMPLETED, _ => LifeCycleState.CANCELLED };
    }

    private static JobItemState ItemState(Random rng, LifeCycleState jobState, JobItemKind kind) => jobState switch
    {
        LifeCycleState.DRAFT or LifeCycleState.PENDING => JobItemState.PENDING,
        LifeCycleState.IN_PROGRESS => rng.Next(10) switch { < 4 => JobItemState.PENDING, < 7 => JobItemState.PROVIDED, _ => JobItemState.DELIVERED },
        _ => kind == JobItemKind.PHYSICAL_GOOD && rng.Next(10) < 7 ? JobItemState.DELIVERED : JobItemState.PROVIDED,
    };

    private static GeneratorStatus Pick(Random rng, IEnumerable<GeneratorStatus> statuses)
    {
        var list = statuses as GeneratorStatus[] ?? statuses.ToArray();
        return list[rng.Next(list.Length)];
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>The prepared INSERT commands, their parameters bound once and reused for every row.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _job, _item, _event, _cancellation, _review;

        public Writer(SqliteConnection connection)
        {
            _job = Prepare(connection, "Jobs",
                ["Id", "Number", "Description", "LifeCycleState", "RatingState", "ExpirationDate", "ScheduledDate", "AccountNumber",
                 "AccountName", "ContactEmail", "ContactPhone", "Notes", "StartDate", "ExpectedCompletionDate", "ActualCompletionDate",
                 "AssignedUserId", "AssignedUnitId", "JobTypeId", "JobStatusId", "CreatedAt", "CreatedByUserId", "UpdatedAt",
                 "UpdatedByUserId", "Version"]);
            _item = Prepare(connection, "JobItems", ["JobId", "Kind", "ProductCode", "ProductName", "Quantity", "SerialNumber", "State"]);
            _event = Prepare(connection, "JobEvents", ["JobId", "OccurredAt", "Kind", "Summary", "UserId"]);
            _cancellation = Prepare(connection, "JobCancellations",
                ["JobId", "JobStatusId", "CancellationReasonId", "CancelProvidedItems", "ItemsCancelled", "ProvidedItemsLeft", "Note",
                 "CancelledByUserId", "CancelledByUnitId", "CancelledAt", "Channel", "ReviewState", "LastReviewedAt", "LastReviewComment"]);
            // The history row follows its cancellation's INSERT at once on this connection, so
            // last_insert_rowid() is that cancellation's id: no read-back, no index needed while
            // the generator has the indexes dropped.
            _review = connection.CreateCommand();
            _review.CommandText =
                "INSERT INTO \"CancellationReviews\" (\"JobCancellationId\", \"State\", \"Comment\", \"ReviewedByUserId\", \"ReviewedAt\") " +
                "VALUES (last_insert_rowid(), $p0, $p1, $p2, $p3)";
            for (var i = 0; i < 4; i++)
            {
                _review.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }
        }

        private static SqliteCommand Prepare(SqliteConnection connection, string table, string[] columns)
        {
            var command = connection.CreateCommand();
            command.CommandText =
                $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }
            return command;
        }

        public void Use(SqliteTransaction tx)
        {
            _job.Transaction = _item.Transaction = _event.Transaction = _cancellation.Transaction = _review.Transaction = tx;
        }

        private static void Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }

        // Dates go in EF Core's SQLite text format so EF reads and compares them as its own.
        private static object? D(DateTime? d) => d?.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

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
        private readonly List<(SqliteCommand Command, object?[] Values)> _children = [];

        public void Item(int jobId, GeneratorProduct product, int quantity, string? serial, JobItemState state) =>
            _children.Add((_item, [jobId, product.Kind.ToString(), product.Code, product.Name, quantity, serial, state.ToString()]));

        public void Event(int jobId, DateTime at, JobEventKind kind, string summary, string? userId) =>
            _children.Add((_event, [jobId, D(at), kind.ToString(), summary, userId]));

        public void Cancellation(int jobId, int statusId, int reasonId, bool cancelProvided, int itemsCancelled, int providedLeft,
            string? note, GeneratorUser by, DateTime at, CancellationChannel channel, GeneratedReview? review)
        {
            _children.Add((_cancellation, [jobId, statusId, reasonId, cancelProvided ? 1 : 0, itemsCancelled, providedLeft, note, by.Id,
                by.UnitId, D(at), channel.ToString(), (review?.State ?? ReviewState.NotReviewed).ToString(), D(review?.At),
                review?.Comment]));
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
        }
    }
}
