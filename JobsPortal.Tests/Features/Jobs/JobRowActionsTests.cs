using Bunit;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;

namespace JobsPortal.Tests.Features.Jobs;

public sealed class JobRowActionsTests(SeededTemplate template) : IClassFixture<SeededTemplate>
{
    private static readonly DateTime Created = TestDatabase.DefaultNow.UtcDateTime;

    private static readonly JobSearchRow Pending = new(
        1, "J00000001", "Fibre installation - 1 Elm Street, Limassol", "Fibre installation", "Pending", LifeCycleState.PENDING,
        null, null, null, null, Created, Created);

    [Theory]
    [InlineData(Roles.Agent, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData("Auditor", false)] // signed in, but without a staff role
    public async Task The_row_menu_offers_cancel_job_only_to_staff(string role, bool offered)
    {
        await using var ctx = await AppTestContext.CreateAsync(template.Db, TestActors.Principal("someone", role));
        var cut = ctx.RenderWithProviders<JobRowActions>(
            (nameof(JobRowActions.Row), Pending),
            (nameof(JobRowActions.OnCancel), EventCallback.Factory.Create<JobSearchRow>(this, _ => { })));

        await cut.Find("[data-testid=row-actions] button").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Open job", cut.Markup, StringComparison.Ordinal);
            Assert.Equal(offered, cut.FindAll("[data-testid=row-cancel]").Count > 0);
        });
    }
}
