using System.Security.Claims;
using JobsPortal.Features.Lifecycle;
using JobsPortal.Shared;

namespace JobsPortal.Tests.Features.Lifecycle;

/// <summary>The New job dialog's days are the viewer's, as the search's date filters are.</summary>
public sealed class NewJobFormTests
{
    [Fact]
    public void A_picked_day_starts_at_the_viewers_midnight()
    {
        var form = new NewJobForm
        {
            TypeId = 1, AccountNumber = "ACR000123", Description = "Fibre installation",
            ScheduledDate = new DateTime(2026, 11, 5), ExpirationDate = new DateTime(2026, 11, 20),
        };
        var kolkata = ViewerClock.Find("Asia/Kolkata")!;

        var command = form.ToCommand(new ClaimsPrincipal(), kolkata);
        var inUtc = form.ToCommand(new ClaimsPrincipal(), TimeZoneInfo.Utc);

        Assert.Equal(new DateTime(2026, 11, 4, 18, 30, 0, DateTimeKind.Utc), command.ScheduledDate);
        Assert.Equal(new DateTime(2026, 11, 19, 18, 30, 0, DateTimeKind.Utc), command.ExpirationDate);
        Assert.Equal(DateTimeKind.Utc, command.ScheduledDate!.Value.Kind);
        Assert.Equal(new DateTime(2026, 11, 5, 0, 0, 0, DateTimeKind.Utc), inUtc.ScheduledDate);
    }
}
