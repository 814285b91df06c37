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

    [Fact]
    public void Dates_in_the_wrong_order_are_named_in_the_days_the_viewer_picked()
    {
        // East of UTC, the 5th in Kolkata starts on the 4th in UTC: the service's own check would name the 4th.
        var form = new NewJobForm { ScheduledDate = new DateTime(2026, 11, 5), ExpirationDate = new DateTime(2026, 11, 4) };

        Assert.Equal("The expiration date 2026-11-04 is before the scheduled date 2026-11-05.", form.DatesProblem);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, 6)]
    [InlineData(null, 4)]
    [InlineData(5, null)]
    public void Dates_in_order_or_missing_are_no_problem(int? scheduled, int? expiration)
    {
        var form = new NewJobForm
        {
            ScheduledDate = scheduled is { } s ? new DateTime(2026, 11, s) : null,
            ExpirationDate = expiration is { } e ? new DateTime(2026, 11, e) : null,
        };

        Assert.Null(form.DatesProblem);
    }
}
