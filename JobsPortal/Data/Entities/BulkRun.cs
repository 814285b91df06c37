namespace JobsPortal.Data.Entities;

/// <summary>Where a bulk cancel is: queued, running, then finished (every job had its turn), stopped by a person, or interrupted.</summary>
public enum BulkRunState
{
    Queued,
    Running,
    Finished,
    Stopped,
    Interrupted,
}

/// <summary>What became of one job of a bulk cancel.</summary>
public enum BulkJobOutcome
{
    /// <summary>Its turn has not come (or, in a stopped run, never came).</summary>
    Waiting,
    Cancelled,
    /// <summary>Someone else cancelled it before its turn: not a failure of the run.</summary>
    AlreadyCancelled,
    Failed,
}

/// <summary>
/// One person's cancel of many jobs: who, when, what they chose (a status and a reason per job type,
/// the provided-items choice and the note, once for all), its counts and where it is. Each job is
/// cancelled on its own by the cancellation service; its record points back here (<see cref="JobCancellation.BulkRunId"/>).
/// </summary>
public class BulkRun
{
    public int Id { get; set; }
    public required string CreatedByUserId { get; set; }
    public ApplicationUser CreatedByUser { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Where the selection came from, for a person reading the list ("12 jobs selected on the search", "open jobs of account A00012").</summary>
    public required string Origin { get; set; }
    public string? Note { get; set; }
    public bool CancelProvidedItems { get; set; }
    public BulkRunState State { get; set; }
    public int Total { get; set; }
    public int Cancelled { get; set; }
    public int AlreadyCancelled { get; set; }
    public int Failed { get; set; }
    /// <summary>Why a run ended early (stopped by whom, or the app stopped), for the person reading it.</summary>
    public string? Message { get; set; }
    /// <summary>Who stopped it: set by the stop, on whichever instance it was asked, and honoured between two jobs by the instance running it.</summary>
    public string? StoppedByUserId { get; set; }
    public ApplicationUser? StoppedByUser { get; set; }
    /// <summary>The app instance that runs it (<c>AppInstance.Id</c>), and when it last said so (<c>RunHeartbeat</c>).</summary>
    public string? OwnerInstance { get; set; }
    public DateTime? HeartbeatAt { get; set; }
    public List<BulkRunChoice> Choices { get; set; } = [];
    public List<BulkRunJob> Jobs { get; set; } = [];

    public int Processed => Cancelled + AlreadyCancelled + Failed;
}

/// <summary>The status and reason a bulk run gives the jobs of one type.</summary>
public class BulkRunChoice
{
    public int Id { get; set; }
    public int BulkRunId { get; set; }
    public BulkRun BulkRun { get; set; } = null!;
    public int JobTypeId { get; set; }
    public JobType JobType { get; set; } = null!;
    public int JobStatusId { get; set; }
    public JobStatus JobStatus { get; set; } = null!;
    public int CancellationReasonId { get; set; }
    public CancellationReason CancellationReason { get; set; } = null!;
}

/// <summary>One job of a bulk run, in the order the run takes them, and what became of it.</summary>
public class BulkRunJob
{
    public int Id { get; set; }
    public int BulkRunId { get; set; }
    public BulkRun BulkRun { get; set; } = null!;
    public int Position { get; set; }
    public int JobId { get; set; }
    public Job Job { get; set; } = null!;
    public BulkJobOutcome Outcome { get; set; }
    /// <summary>The cancel's error code when it failed or was already cancelled.</summary>
    public string? ErrorCode { get; set; }
    /// <summary>The cancel's sentence for a person ("Job J00000418 was already cancelled by Tom Becker on ...").</summary>
    public string? Message { get; set; }
    public DateTime? ProcessedAt { get; set; }
}
