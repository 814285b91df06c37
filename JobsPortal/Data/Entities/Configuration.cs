namespace JobsPortal.Data.Entities;

/// <summary>Configuration that CRM.COM identifies by id, name or alternative code.</summary>
public interface IConfigurationEntity
{
    int Id { get; }
    string Name { get; }
    string AlternativeCode { get; }
}

public class JobStatus : IConfigurationEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string AlternativeCode { get; set; }
    public string? Description { get; set; }
    public LifeCycleState LifeCycleState { get; set; }
}

public class JobType : IConfigurationEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string AlternativeCode { get; set; }
    public string? Description { get; set; }
    public FulfillmentScope FulfillmentScope { get; set; }
    public FulfillmentMethod FulfillmentMethod { get; set; }

    public int? DefaultStartStatusId { get; set; }
    public JobStatus? DefaultStartStatus { get; set; }
    public int? DefaultCompleteStatusId { get; set; }
    public JobStatus? DefaultCompleteStatus { get; set; }
    public int? DefaultCancelStatusId { get; set; }
    public JobStatus? DefaultCancelStatus { get; set; }

    public List<JobTypeStatus> AllowedStatuses { get; set; } = [];
    public List<JobTypeCancellationReason> AllowedReasons { get; set; } = [];
}

/// <summary>A status that a job type allows.</summary>
public class JobTypeStatus
{
    public int JobTypeId { get; set; }
    public JobType JobType { get; set; } = null!;
    public int JobStatusId { get; set; }
    public JobStatus JobStatus { get; set; } = null!;
}

public class CancellationReason : IConfigurationEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string AlternativeCode { get; set; }
    public string? Description { get; set; }

    /// <summary>Retired reasons stay on past cancellations but cannot be chosen again (domain §2).</summary>
    public bool IsRetired { get; set; }
}

/// <summary>A cancellation reason that a job type allows; at most one per type is the default.</summary>
public class JobTypeCancellationReason
{
    public int JobTypeId { get; set; }
    public JobType JobType { get; set; } = null!;
    public int CancellationReasonId { get; set; }
    public CancellationReason CancellationReason { get; set; } = null!;
    public bool IsDefault { get; set; }
}
