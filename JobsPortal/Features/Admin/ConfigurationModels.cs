using System.ComponentModel.DataAnnotations;
using JobsPortal.Data.Entities;

namespace JobsPortal.Features.Admin;

/// <summary>A cancellation reason's form (<see cref="Id"/> null for a new one).</summary>
public sealed class ReasonForm
{
    public int? Id { get; set; }

    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    [Required, StringLength(20)]
    public string AlternativeCode { get; set; } = "";

    [StringLength(500)]
    public string? Description { get; set; }

    public long Version { get; set; }
}

/// <summary>A job status's form (<see cref="Id"/> null for a new one).</summary>
public sealed class StatusForm
{
    public int? Id { get; set; }

    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    [Required, StringLength(20)]
    public string AlternativeCode { get; set; } = "";

    [StringLength(500)]
    public string? Description { get; set; }

    public LifeCycleState LifeCycleState { get; set; } = LifeCycleState.PENDING;

    public long Version { get; set; }
}

/// <summary>A job type's form: its fields, what it allows and its defaults among those.</summary>
public sealed class JobTypeForm
{
    public int? Id { get; set; }

    [Required, StringLength(100)]
    public string Name { get; set; } = "";

    [Required, StringLength(20)]
    public string AlternativeCode { get; set; } = "";

    [StringLength(500)]
    public string? Description { get; set; }

    public FulfillmentScope Scope { get; set; } = FulfillmentScope.GENERIC_PURPOSE;
    public FulfillmentMethod Method { get; set; } = FulfillmentMethod.BASED_ON_ORDERED_ITEMS;
    public HashSet<int> StatusIds { get; set; } = [];
    public HashSet<int> ReasonIds { get; set; } = [];
    public int? DefaultStartStatusId { get; set; }
    public int? DefaultCompleteStatusId { get; set; }
    public int? DefaultCancelStatusId { get; set; }
    public int? DefaultReasonId { get; set; }
    public long Version { get; set; }
}

public sealed record ReasonRow(int Id, string Name, string AlternativeCode, string? Description, bool Retired, IReadOnlyList<string> DefaultOf, long Version)
{
    public ReasonForm ToForm() => new() { Id = Id, Name = Name, AlternativeCode = AlternativeCode, Description = Description, Version = Version };
}

public sealed record StatusRow(int Id, string Name, string AlternativeCode, string? Description, LifeCycleState State, bool UsedByJobs, long Version)
{
    public StatusForm ToForm() => new() { Id = Id, Name = Name, AlternativeCode = AlternativeCode, Description = Description, LifeCycleState = State, Version = Version };
}

public sealed record JobTypeRow(int Id, string Name, string AlternativeCode, FulfillmentScope Scope, FulfillmentMethod Method, int Statuses, int Reasons);

public sealed record UnitRow(int Id, string Name, int BusinessUnitId, string BusinessUnit, int People, long Version);

public sealed record BusinessUnitRow(int Id, string Name, long Version);

/// <summary>A type whose default reason is being retired, with the reasons that could replace it.</summary>
public sealed record DefaultReplacement(int TypeId, string TypeName, IReadOnlyList<(int Id, string Name)> Candidates);
