namespace JobsPortal.Data.Entities;

/// <summary>Where an import run is: checked first (the dry run), then written only when an admin says so.</summary>
public enum ImportRunStatus
{
    Checking,
    Checked,
    Importing,
    Imported,
    Discarded,
    Cancelled,
    Failed,
}

/// <summary>
/// One upload of a jobs file and what became of it: who, when, the counts, progress while it runs,
/// and the report of the rows that were wrong (as CSV, capped). Kept after it ends, as the audit of imports.
/// </summary>
public class ImportRun
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public long FileBytes { get; set; }
    /// <summary>The uploaded file in the app's import folder, until the run ends.</summary>
    public string? StoredPath { get; set; }
    public ImportRunStatus Status { get; set; }
    public required string CreatedByUserId { get; set; }
    public ApplicationUser CreatedByUser { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>Progress of the present phase: rows read, and the share of the file's bytes read (0 to 1).</summary>
    public int RowsRead { get; set; }
    public double Progress { get; set; }
    public DateTime? PhaseStartedAt { get; set; }

    public int Rows { get; set; }
    public int Jobs { get; set; }
    public int ValidJobs { get; set; }
    public int InvalidJobs { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int ErrorCount { get; set; }
    /// <summary>row,column,problem lines with a header; the first <c>ImportOptions.MaxReportedErrors</c> errors.</summary>
    public string ErrorsCsv { get; set; } = "";
    /// <summary>A file-level problem (encoding, columns, size), or why the run failed.</summary>
    public string? Message { get; set; }
    /// <summary>A cancel asked for on any instance, honoured by the one running the phase at its next progress report.</summary>
    public bool CancelRequested { get; set; }
    /// <summary>The app instance whose disk holds the file and that runs its phases (<c>AppInstance.Id</c>), and when it last said so (<c>RunHeartbeat</c>).</summary>
    public string? OwnerInstance { get; set; }
    public DateTime? HeartbeatAt { get; set; }
}
