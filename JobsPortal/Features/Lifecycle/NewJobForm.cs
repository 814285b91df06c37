using System.Security.Claims;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Shared;

namespace JobsPortal.Features.Lifecycle;

/// <summary>
/// The New job dialog's own model (never the entity): what the person typed, and the command it makes.
/// The rules stay the service's; the dialog shows the service's sentence when one is broken.
/// </summary>
public sealed class NewJobForm
{
    public sealed class Item
    {
        public string ProductCode { get; set; } = "";
        public string? ProductName { get; set; }
        public JobItemKind Kind { get; set; } = JobItemKind.PHYSICAL_GOOD;
        public int Quantity { get; set; } = 1;
        public string? SerialNumber { get; set; }
    }

    public int TypeId { get; set; }
    public string AccountNumber { get; set; } = "";
    public string? AccountName { get; set; }
    public string Description { get; set; } = "";
    public DateTime? ScheduledDate { get; set; }
    public DateTime? ExpirationDate { get; set; }
    public string? AssignedUserId { get; set; }
    public int? AssignedUnitId { get; set; }
    public List<Item> Items { get; } = [];

    /// <summary>Enough to ask the service: a type, an account and a description.</summary>
    public bool CanSubmit => TypeId > 0 && !string.IsNullOrWhiteSpace(AccountNumber) && !string.IsNullOrWhiteSpace(Description);

    public void AddItem() => Items.Add(new Item());

    public void RemoveItem(Item item) => Items.Remove(item);

    /// <summary>The command; the picked days are the viewer's (<paramref name="zone"/>), a job scheduled on a day starts at its first minute there.</summary>
    public CreateJobCommand ToCommand(ClaimsPrincipal actor, TimeZoneInfo zone) =>
        new(EntityIdentifier.ById(TypeId), EntityIdentifier.Of(EntityIdentifier.Number, AccountNumber), Description, actor, CancellationChannel.PORTAL)
        {
            AccountName = AccountName,
            ScheduledDate = StartOf(ScheduledDate, zone),
            ExpirationDate = StartOf(ExpirationDate, zone),
            AssignedUser = string.IsNullOrEmpty(AssignedUserId) ? null : EntityIdentifier.Of(EntityIdentifier.Id, AssignedUserId),
            AssignedUnit = AssignedUnitId is { } unit ? EntityIdentifier.ById(unit) : null,
            Items = [.. Items.Select(i => new NewJobItem(i.ProductCode, i.ProductName, i.Kind, i.Quantity, i.SerialNumber))],
        };

    // The date pickers give a calendar day on the viewer's clock, as the search's date filters do; it is stored as the UTC instant it starts.
    private static DateTime? StartOf(DateTime? day, TimeZoneInfo zone) => day is { } d ? ViewerDays.Start(DateOnly.FromDateTime(d), zone) : null;
}
