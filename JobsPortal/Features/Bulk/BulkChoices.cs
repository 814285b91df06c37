using JobsPortal.Shared;

namespace JobsPortal.Features.Bulk;

/// <summary>
/// What the bulk dialog's form holds: a status and a reason per job type of the plan (each starting at
/// the type's defaults), the provided-items choice and the note, and the request they make.
/// </summary>
public sealed class BulkChoices
{
    private readonly Dictionary<int, (int StatusId, int ReasonId)> _byType;

    public BulkChoices(BulkPlan plan)
    {
        Plan = plan;
        _byType = plan.Types.ToDictionary(t => t.TypeId, t => (t.DefaultStatusId ?? 0, t.DefaultReasonId ?? 0));
    }

    public BulkPlan Plan { get; }
    public bool CancelProvidedItems { get; set; }
    public string? Note { get; set; }

    public int StatusOf(int typeId) => _byType[typeId].StatusId;
    public int ReasonOf(int typeId) => _byType[typeId].ReasonId;
    public void SetStatus(int typeId, int statusId) => _byType[typeId] = (statusId, _byType[typeId].ReasonId);
    public void SetReason(int typeId, int reasonId) => _byType[typeId] = (_byType[typeId].StatusId, reasonId);

    public bool NoteFits => VisibleText.Fits(Note, BulkCancelService.NoteMaxLength);

    /// <summary>Ready to start: something to cancel, a status and a reason for every type, a note that fits.</summary>
    public bool IsComplete => Plan.Eligible.Count > 0 && NoteFits && _byType.Values.All(c => c.StatusId > 0 && c.ReasonId > 0);

    public BulkCancelRequest Request(string origin) => new(
        [.. Plan.Eligible.Select(j => j.Id)],
        [.. _byType.Select(c => new BulkTypeChoice(c.Key, c.Value.StatusId, c.Value.ReasonId))],
        CancelProvidedItems && Plan.WithProvidedItems > 0,
        Note,
        origin);
}
