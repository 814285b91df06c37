using System.Data;
using System.Data.Common;
using System.Globalization;
using JobsPortal.Data.Entities;

namespace JobsPortal.Data.Seeding;

/// <summary>
/// Writes realistic jobs (with items, events and cancellations) straight through prepared
/// commands (SQLite or PostgreSQL) in batched transactions, or PostgreSQL's binary COPY for the
/// large-data generator: the demo seed (a few thousand jobs) and the generator (a million) share
/// this one path. EF Core's change tracker would cost
/// minutes at that size; log information is therefore written here explicitly, as history.
/// Deterministic: the same seed, reference data and clock give the same rows.
/// </summary>
public sealed partial class JobGenerator(GeneratorReference reference, DateTime nowUtc, int seed = 20261129)
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

    public async Task<Result> InsertAsync(DbConnection connection, int count, IProgress<int>? progress = null, CancellationToken ct = default)
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
            await using var tx = await connection.BeginTransactionAsync(ct);
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
        if (connection is Npgsql.NpgsqlConnection)
        {
            // The jobs were written with their ids: move the identity on past them, or the next job
            // created through the app would be given an id that is taken.
            await using var identity = connection.CreateCommand();
            identity.CommandText = "SELECT setval(pg_get_serial_sequence('\"Jobs\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Jobs\"))";
            await identity.ExecuteScalarAsync(ct);
        }
        return totals;
    }

    private static Result Add(Result a, Result b) =>
        new(a.Jobs + b.Jobs, a.Items + b.Items, a.Events + b.Events, a.Cancellations + b.Cancellations);

    private Result WriteJob(IRows w, Random rng, Random reviewRng, int id, DateTime created)
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

        // Items: a state that fits where the job is in its life cycle; a cancelled job's items are
        // then cancelled by the same plan as a real cancel.
        var itemCount = rng.Next(1, 5);
        var cancelled = state == LifeCycleState.CANCELLED;
        var cancelledFrom = cancelled ? (LifeCycleState)rng.Next(0, 3) : state;
        var cancelProvided = cancelled && rng.Next(10) < 4;
        var items = new List<GeneratedItem>(itemCount);
        for (var n = 0; n < itemCount; n++)
        {
            var pool = type.Goods.Length > 0 && (type.Services.Length == 0 || rng.Next(3) > 0) ? type.Goods : type.Services;
            var product = pool[rng.Next(pool.Length)];
            var itemState = ItemState(rng, cancelledFrom, product.Kind);
            var serial = product.Kind == JobItemKind.PHYSICAL_GOOD && product.Code != "CBL-RG6"
                ? $"SN{rng.NextInt64(0x10000000000, 0xFFFFFFFFFFF):X}" : null;
            var quantity = product.Code == "CBL-RG6" ? rng.Next(1, 4) : 1;
            items.Add(new GeneratedItem(product, quantity, serial) { State = itemState });
        }
        var plan = cancelled ? CancellationPlan.For(items, i => i.State, cancelProvided) : null;
        foreach (var item in plan?.ToCancel ?? [])
        {
            item.CancelledFrom = item.State;
            item.State = JobItemState.CANCELLED;
        }

        // The cancellation goes in before the items, which record against it what it changed (see Writer.Item).
        GeneratorStatus status = openStatus;
        if (plan is not null)
        {
            // The state and status the job had before its cancel, as a reopen gives them back. No draw from
            // rng: every other generated value stays as it was.
            var (previousState, previousStatus) = cancelledFrom != LifeCycleState.PENDING && type.Statuses[cancelledFrom].FirstOrDefault() is { } first
                ? (cancelledFrom, first)
                : (LifeCycleState.PENDING, openStatus);
            var cancelStatus = Pick(rng, type.Statuses[LifeCycleState.CANCELLED]);
            var cancelledAt = created.AddMinutes(rng.Next(10, (int)Math.Max(11, Math.Min(age.TotalMinutes - 1, 20 * 24 * 60))));
            var usable = type.Reasons.Where(r => !r.Retired || cancelledAt < nowUtc.AddDays(-60)).ToArray();
            var reason = usable[rng.Next(usable.Length)];
            var by = reference.OfficeStaff[rng.Next(reference.OfficeStaff.Length)];
            var channel = rng.Next(100) < 15 ? CancellationChannel.API : CancellationChannel.PORTAL;
            var note = rng.Next(10) < 3 ? CancelNotes[rng.Next(CancelNotes.Length)] : null;
            var review = PickReview(reviewRng, by, cancelledAt);
            w.Cancellation(id, cancelStatus.Id, reason.Id, cancelProvided, plan.ItemsCancelled, plan.ProvidedItemsLeft, note, by, cancelledAt, channel, review,
                previousState, previousStatus.Id);
            w.Event(id, cancelledAt, JobEventKind.CANCELLED, plan.Summary(channel, cancelStatus.Name, reason.Name, note), by.Id);
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
        foreach (var item in items)
        {
            w.Item(id, item.Product, item.Quantity, item.Serial, item.State, item.CancelledFrom);
        }

        var rating = state == LifeCycleState.COMPLETED && rng.Next(10) < 8 ? RatingState.COMPLETED : RatingState.PENDING;
        var notes = rng.Next(10) < 4 ? $"Customer: {firstName} {lastName}; {Details[rng.Next(Details.Length)]}." : null;
        w.Job(id, $"J{id:D8}", description, state, rating, expiration, scheduled, account, $"{firstName} {lastName}",
            $"{firstName.ToLowerInvariant()}.{lastName.ToLowerInvariant()}@example.net", $"+357 9{rng.Next(1000000, 9999999)}",
            notes, startDate, expected, completed, assignee, type.Id, status.Id, created, creator.Id, updated, updatedBy.Id);

        return new Result(1, itemCount, events, cancelled ? 1 : 0);
    }

    private sealed record GeneratedReview(ReviewState State, string? Comment, GeneratorUser By, DateTime At);

    private sealed class GeneratedItem(GeneratorProduct product, int quantity, string? serial)
    {
        public GeneratorProduct Product { get; } = product;
        public int Quantity { get; } = quantity;
        public string? Serial { get; } = serial;
        public JobItemState State { get; set; }

        /// <summary>The state the job's cancel changed this item from; null when the cancel left it alone.</summary>
        public JobItemState? CancelledFrom { get; set; }
    }

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
}
