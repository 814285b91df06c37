using System.Security.Claims;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Features.Lifecycle;

/// <summary>
/// The only code that creates a single job (CRM.COM's <c>jobs/generic_purpose/create</c> and the
/// portal's New job dialog). Everything given is checked before the write lock; the number is
/// allocated inside it (<see cref="JobNumbers"/>), and the job, its items and its CREATED event are
/// written in one transaction.
/// </summary>
/// <remarks>
/// Without a status the job is created PENDING, in the type's first configured PENDING status (the
/// lowest id): a DRAFT job could not be started by any method JobsPortal has, and the type's start
/// status would skip the start. A given status may be any DRAFT, PENDING or IN_PROGRESS status the
/// type allows.
/// </remarks>
public sealed class JobCreationService(
    IDbContextFactory<JobsPortalDbContext> dbFactory,
    IAuthorizationService authorization,
    JobChangeNotifier notifier,
    JobWrites writes,
    TimeProvider clock)
{
    public async Task<JobResult<JobMoved>> CreateAsync(CreateJobCommand command, CancellationToken ct = default)
    {
        if (Shape(command) is { } shape)
        {
            return shape;
        }
        var userId = command.Actor.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId) || !(await authorization.AuthorizeAsync(command.Actor, Policies.Staff)).Succeeded)
        {
            return CancelError.Forbidden(CancelErrorCodes.NotAllowed, "Your account is not allowed to create jobs.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(AuditActor.User(userId), ct);
        await db.Database.OpenConnectionAsync(ct);
        var actor = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (actor is null)
        {
            return CancelError.Forbidden(CancelErrorCodes.NotAllowed, "Your account is not allowed to create jobs.");
        }

        command.Type.Validate("type_identifier", EntityIdentifier.ConfigurationKeys, out var typeKey, out var typeValue);
        var type = await CancelConfiguration.FindAsync(db.JobTypes.AsNoTracking(), typeKey, typeValue, ct);
        if (type is null)
        {
            return CancelError.NotFound(LifecycleErrorCodes.TypeNotFound, $"No job type has the {typeKey} '{typeValue}'.");
        }
        if (command.RequiredScope is { } scope && type.FulfillmentScope != scope)
        {
            return CancelError.Invalid(LifecycleErrorCodes.TypeNotGenericPurpose,
                $"The job type '{type.Name}' is of fulfillment scope {type.FulfillmentScope}; this method creates {scope} jobs only.");
        }
        var status = await StatusAsync(db, type, command.Status, ct);
        if (status.Error is not null)
        {
            return status.Error;
        }
        var assignee = await AssigneeAsync(db, command, ct);
        if (assignee.Error is not null)
        {
            return assignee.Error;
        }

        command.Account.Validate("accounts_receivable_identifier", JobFieldRules.AccountKeys, out _, out var accountNumber);
        var now = clock.GetUtcNow().UtcDateTime;
        var state = status.Status!.LifeCycleState;
        var job = new Job
        {
            Number = "",
            Description = command.Description.Trim(),
            LifeCycleState = state,
            RatingState = RatingState.PENDING,
            AccountNumber = accountNumber.ToUpperInvariant(),
            AccountName = Trimmed(command.AccountName),
            ContactEmail = Trimmed(command.ContactEmail),
            ContactPhone = Trimmed(command.ContactPhone),
            Notes = Trimmed(command.Notes),
            ScheduledDate = command.ScheduledDate,
            ExpirationDate = command.ExpirationDate,
            StartDate = state == LifeCycleState.IN_PROGRESS ? now : null,
            AssignedUserId = assignee.UserId,
            AssignedUnitId = assignee.UnitId,
            JobTypeId = type.Id,
            JobStatusId = status.Status.Id,
            Items = [.. command.Items.Select(i => new JobItem
            {
                Kind = i.Kind,
                ProductCode = i.ProductCode.Trim(),
                ProductName = Trimmed(i.ProductName) ?? i.ProductCode.Trim(),
                Quantity = i.Quantity,
                SerialNumber = Trimmed(i.SerialNumber),
                State = JobItemState.PENDING,
            })],
        };
        var via = command.Channel == CancellationChannel.API ? "API" : "portal";
        job.Events.Add(new JobEvent
        {
            OccurredAt = now,
            Kind = JobEventKind.CREATED,
            UserId = actor.Id,
            Summary = $"Job created via {via} as {state.Label()}: status {status.Status.Name}, {job.Items.Count} item(s)",
        });

        await using var tx = await writes.BeginAsync(db, ct);
        db.Database.AutoSavepointsEnabled = false;
        job.Number = JobNumbers.Format(await JobNumbers.HighestAsync(db, ct) + 1);
        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (JobWrites.IsConstraintViolation(e))
        {
            // A writer outside the gate took the number in between; nothing was created.
            await tx.RollbackAsync(CancellationToken.None);
            return CancelError.Conflict(CancelErrorCodes.JobChanged, $"Another job took the number {job.Number} at the same moment. Nothing was created; try again.");
        }
        await tx.DisposeAsync(); // lets the next writer in before the notifications
        await notifier.PublishAsync(new JobChanged(job.Id, job.Number, JobChangeKind.Created, state, actor.DisplayName, now));
        return JobResult<JobMoved>.Ok(new JobMoved(job.Id, job.Number, state, status.Status.Id, status.Status.Name, 0, now, actor.DisplayName));
    }

    /// <summary>What the New job dialog offers: every type, unit and person who can be assigned.</summary>
    public async Task<NewJobChoices> GetChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var types = await db.JobTypes.AsNoTracking().OrderBy(t => t.Name).Select(t => new NewJobTypeOption(t.Id, t.Name, t.AlternativeCode)).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new NewJobNamed(u.Id.ToString(), u.Name)).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new NewJobNamed(u.Id, u.DisplayName)).ToListAsync(ct);
        return new NewJobChoices(types, units, users);
    }

    /// <summary>The request's own shape: identifiers, required text, lengths, dates, items. Nothing read yet.</summary>
    private static CancelError? Shape(CreateJobCommand c)
    {
        if (c.Type.Validate("type_identifier", EntityIdentifier.ConfigurationKeys, out _, out _) is { } type)
        {
            return type;
        }
        if (c.Account.Validate("accounts_receivable_identifier", JobFieldRules.AccountKeys, out _, out var account) is { } accountShape)
        {
            return accountShape;
        }
        if (c.Status?.Validate("status_identifier", EntityIdentifier.ConfigurationKeys, out _, out _) is { } status)
        {
            return status;
        }
        if (c.AssignedUser?.Validate("assigned_to_user_identifier", JobFieldRules.UserKeys, out _, out _) is { } user)
        {
            return user;
        }
        if (c.AssignedUnit?.Validate("assigned_to_unit_identifier", JobFieldRules.UnitKeys, out _, out _) is { } unit)
        {
            return unit;
        }
        if (JobFieldRules.Text("The account number", account, JobFieldRules.AccountNumberMax, required: true) is { } accountError)
        {
            return CancelError.Invalid(LifecycleErrorCodes.AccountInvalid, accountError);
        }
        if (JobFieldRules.Text("The description", c.Description, JobFieldRules.DescriptionMax, required: true) is { } description)
        {
            return CancelError.Invalid(LifecycleErrorCodes.DescriptionInvalid, description);
        }
        var tooLong = JobFieldRules.Text("The account name", c.AccountName, JobFieldRules.AccountNameMax)
            ?? JobFieldRules.Text("The contact email", c.ContactEmail, JobFieldRules.ContactEmailMax)
            ?? JobFieldRules.Text("The contact phone", c.ContactPhone, JobFieldRules.ContactPhoneMax)
            ?? JobFieldRules.Text("The notes", c.Notes, JobFieldRules.NotesMax);
        if (tooLong is not null)
        {
            return CancelError.Invalid(LifecycleErrorCodes.FieldTooLong, tooLong);
        }
        if (JobFieldRules.Dates(c.ScheduledDate, c.ExpirationDate) is { } dates)
        {
            return CancelError.Invalid(LifecycleErrorCodes.DatesInvalid, dates);
        }
        for (var i = 0; i < c.Items.Count; i++)
        {
            if (JobFieldRules.Item($"Item {i + 1}", c.Items[i]) is { } item)
            {
                return CancelError.Invalid(LifecycleErrorCodes.ItemInvalid, item);
            }
        }
        return null;
    }

    private static async Task<(JobStatus? Status, CancelError? Error)> StatusAsync(
        JobsPortalDbContext db, JobType type, EntityIdentifier? identifier, CancellationToken ct)
    {
        var allowed = await CancelConfiguration.StatusesAsync(db, type, null, ct);
        if (identifier is null)
        {
            var pending = allowed.Where(s => s.Status.LifeCycleState == LifeCycleState.PENDING).MinBy(s => s.Status.Id);
            return pending is null
                ? (null, CancelError.Invalid(LifecycleErrorCodes.NoPendingStatus,
                    $"No status was given and the job type '{type.Name}' allows no PENDING status; give a status_identifier."))
                : (pending.Status, null);
        }
        identifier.Validate("status_identifier", EntityIdentifier.ConfigurationKeys, out var key, out var value);
        var status = await CancelConfiguration.FindAsync(db.JobStatuses.AsNoTracking(), key, value, ct);
        if (status is null)
        {
            return (null, CancelError.Invalid(CancelErrorCodes.StatusNotFound, $"No job status has the {key} '{value}'."));
        }
        if (!JobFieldRules.IsOpen(status.LifeCycleState))
        {
            return (null, CancelError.Invalid(LifecycleErrorCodes.StatusNotOpenStatus,
                $"The status '{status.Name}' is a {status.LifeCycleState} status; a new job is DRAFT, PENDING or IN_PROGRESS."));
        }
        return allowed.Any(s => s.Status.Id == status.Id)
            ? (status, null)
            : (null, CancelError.Invalid(CancelErrorCodes.StatusNotAllowed, $"The status '{status.Name}' is not allowed for jobs of type '{type.Name}'."));
    }

    /// <summary>The assigned user (by id or username) and unit (by id or name); a user without a unit given brings their own unit.</summary>
    private static async Task<(string? UserId, int? UnitId, CancelError? Error)> AssigneeAsync(
        JobsPortalDbContext db, CreateJobCommand c, CancellationToken ct)
    {
        string? userId = null;
        int? unitId = null;
        if (c.AssignedUser is { } userIdentifier)
        {
            userIdentifier.Validate("assigned_to_user_identifier", JobFieldRules.UserKeys, out var key, out var value);
            var user = key == EntityIdentifier.Id
                ? await db.Users.AsNoTracking().Where(u => u.Id == value).Select(u => new { u.Id, u.UnitId }).SingleOrDefaultAsync(ct)
                : await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == value.ToUpperInvariant()).Select(u => new { u.Id, u.UnitId }).SingleOrDefaultAsync(ct);
            if (user is null)
            {
                return (null, null, CancelError.Invalid(LifecycleErrorCodes.UserNotFound, $"No user has the {key} '{value}'."));
            }
            (userId, unitId) = (user.Id, user.UnitId);
        }
        if (c.AssignedUnit is { } unitIdentifier)
        {
            unitIdentifier.Validate("assigned_to_unit_identifier", JobFieldRules.UnitKeys, out var key, out var value);
            var unit = key == EntityIdentifier.Id
                ? int.TryParse(value, out var id) ? await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct) : null
                : await db.Units.AsNoTracking().Where(u => u.Name == value).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
            if (unit is null)
            {
                return (null, null, CancelError.Invalid(LifecycleErrorCodes.UnitNotFound, $"No unit has the {key} '{value}'."));
            }
            unitId = unit;
        }
        return (userId, unitId, null);
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
