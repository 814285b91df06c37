using System.Security.Claims;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Admin;
using JobsPortal.Features.Cancellation;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;

namespace JobsPortal.Tests.Features.Admin;

/// <summary>The cancel configuration's rules, and that a change shows at once where reasons are offered.</summary>
public sealed class ConfigurationAdminTests(SeededTemplate template) : IClassFixture<SeededTemplate>, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ClaimsPrincipal _admin = null!;

    public async Task InitializeAsync()
    {
        _db = await template.CloneAsync();
        _admin = await _db.PrincipalAsync(DemoPeople.Admin);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private CancelConfigurationAdmin Config => _db.Service<CancelConfigurationAdmin>();

    private async Task<ReasonRow> ReasonAsync(string code) => (await Config.ReasonsAsync(_admin)).Single(r => r.AlternativeCode == code);

    private async Task<JobType> TypeAsync(string code)
    {
        await using var context = _db.CreateContext();
        return await context.JobTypes.AsNoTracking().SingleAsync(t => t.AlternativeCode == code);
    }

    [Fact]
    public async Task Retiring_a_default_reason_needs_each_types_new_default_and_then_the_dialog_and_api_leave_it_out()
    {
        var regret = await ReasonAsync("R");
        Assert.Contains("Fibre installation", regret.DefaultOf);

        var refused = await Config.RetireReasonAsync(_admin, regret.Id, regret.Version, new Dictionary<int, int?>());
        Assert.Equal(AdminErrors.DefaultNeeded, refused.Code);
        Assert.False((await ReasonAsync("R")).Retired);

        var replacements = await Config.ReplacementsAsync(_admin, regret.Id);
        var choice = replacements.ToDictionary(r => r.TypeId, r => r.TypeName == "Fibre installation" ? r.Candidates.First(c => c.Name == "Duplicate job").Id : (int?)null);
        var retired = await Config.RetireReasonAsync(_admin, regret.Id, regret.Version, choice);

        Assert.True(retired.Succeeded, retired.Message);
        var install = await TypeAsync("INST");
        var offered = await _db.Service<CancelConfiguration>().ReasonsAsync(install);
        Assert.DoesNotContain(offered, r => r.Reason.AlternativeCode == "R");
        Assert.Equal("DUP", Assert.Single(offered, r => r.IsDefault).Reason.AlternativeCode);
        Assert.DoesNotContain(await _db.Service<CancelConfiguration>().ReasonsAsync(await TypeAsync("ADDS")), r => r.IsDefault);
    }

    [Fact]
    public async Task Names_and_codes_are_unique_without_case()
    {
        var byName = await Config.SaveReasonAsync(_admin, new ReasonForm { Name = "regret", AlternativeCode = "NEW" });
        var byCode = await Config.SaveStatusAsync(_admin, new StatusForm { Name = "Brand new", AlternativeCode = "drf" });

        Assert.Equal(AdminErrors.Duplicate, byName.Code);
        Assert.Equal(AdminErrors.Duplicate, byCode.Code);
    }

    [Fact]
    public async Task A_status_used_by_jobs_keeps_its_life_cycle_state_but_its_name_can_change()
    {
        var pending = (await Config.StatusesAsync(_admin)).Single(s => s.AlternativeCode == "PND");
        Assert.True(pending.UsedByJobs);
        var form = pending.ToForm();
        form.LifeCycleState = LifeCycleState.DRAFT;

        Assert.Equal(AdminErrors.InUse, (await Config.SaveStatusAsync(_admin, form)).Code);

        form.LifeCycleState = LifeCycleState.PENDING;
        form.Name = "Waiting";
        Assert.True((await Config.SaveStatusAsync(_admin, form)).Succeeded);
        Assert.Equal(AdminErrors.Changed, (await Config.SaveStatusAsync(_admin, pending.ToForm())).Code);
    }

    [Fact]
    public async Task A_job_types_defaults_must_be_among_its_allowed_statuses_and_reasons()
    {
        var types = _db.Service<JobTypeAdmin>();
        var form = (await types.FormAsync(_admin, (await TypeAsync("GEN")).Id))!;
        var statuses = await Config.StatusesAsync(_admin);
        var onSite = statuses.Single(s => s.AlternativeCode == "ONS").Id;

        form.DefaultStartStatusId = onSite;
        Assert.Equal(AdminErrors.Invalid, (await types.SaveAsync(_admin, form)).Code);

        form.DefaultStartStatusId = statuses.Single(s => s.AlternativeCode == "CMP").Id;
        Assert.Equal(AdminErrors.Invalid, (await types.SaveAsync(_admin, form)).Code);

        form.StatusIds.Add(onSite);
        form.DefaultStartStatusId = onSite;
        form.DefaultReasonId = (await ReasonAsync("WTH")).Id; // retired
        form.ReasonIds.Add(form.DefaultReasonId.Value);
        Assert.Equal(AdminErrors.Invalid, (await types.SaveAsync(_admin, form)).Code);

        form.DefaultReasonId = (await ReasonAsync("CU")).Id;
        Assert.True((await types.SaveAsync(_admin, form)).Succeeded);
        Assert.Equal(onSite, (await TypeAsync("GEN")).DefaultStartStatusId);
    }

    [Fact]
    public async Task A_status_that_jobs_of_the_type_have_cannot_be_taken_off_the_type()
    {
        var types = _db.Service<JobTypeAdmin>();
        var form = (await types.FormAsync(_admin, (await TypeAsync("INST")).Id))!;
        form.StatusIds.Remove((await Config.StatusesAsync(_admin)).Single(s => s.AlternativeCode == "PND").Id);

        Assert.Equal(AdminErrors.InUse, (await types.SaveAsync(_admin, form)).Code);
    }

    [Fact]
    public async Task Units_are_added_renamed_and_people_moved_with_audit()
    {
        var org = _db.Service<OrganisationAdmin>();
        var (businessUnits, units) = await org.ListAsync(_admin);
        var support = units.Single(u => u.Name == "Support Desk");

        var added = await org.SaveUnitAsync(_admin, null, support.BusinessUnitId, "Night Desk", 0);
        Assert.Equal(AdminErrors.Duplicate, (await org.SaveUnitAsync(_admin, null, support.BusinessUnitId, "support desk", 0)).Code);
        var moved = await org.MovePeopleAsync(_admin, support.Id, added.Value);

        Assert.Equal(4, moved.Value);
        Assert.True((await org.SaveBusinessUnitAsync(_admin, businessUnits[0].Id, "Care", businessUnits[0].Version)).Succeeded);
        var (_, after) = await org.ListAsync(_admin);
        Assert.Equal((0, 4), (after.Single(u => u.Id == support.Id).People, after.Single(u => u.Id == added.Value).People));
        var audit = await _db.Service<AuditQueries>().PageAsync(_admin, new AuditFilter(Area: AuditAreas.Person), 0, 50);
        Assert.Equal(4, audit.Total);
    }

    [Fact]
    public async Task The_audits_date_filter_takes_the_viewers_days()
    {
        var org = _db.Service<OrganisationAdmin>();
        var (_, units) = await org.ListAsync(_admin);
        var support = units.Single(u => u.Name == "Support Desk");
        Assert.True((await org.SaveUnitAsync(_admin, null, support.BusinessUnitId, "Night Desk", 0)).Succeeded);
        var audit = _db.Service<AuditQueries>();
        // Written at 2026-11-02 09:30 UTC (the test clock): in Honolulu (UTC-10) that is 2026-11-01 23:30.
        var honolulu = JobsPortal.Shared.ViewerClock.Find("Pacific/Honolulu")!;
        var first = new DateOnly(2026, 11, 1);

        var inHonolulu = await audit.PageAsync(_admin, new AuditFilter(Area: AuditAreas.Unit, From: first, To: first) { Zone = honolulu }, 0, 50);
        var inUtc = await audit.PageAsync(_admin, new AuditFilter(Area: AuditAreas.Unit, From: first, To: first), 0, 50);

        Assert.Contains(inHonolulu.Rows, a => a.TargetName == "Night Desk");
        Assert.DoesNotContain(inUtc.Rows, a => a.TargetName == "Night Desk");
    }

    [Fact]
    public async Task The_standard_configuration_is_refused_once_jobs_exist_and_written_on_an_empty_database()
    {
        Assert.Equal(AdminErrors.NotEmpty, (await _db.Service<StandardConfiguration>().ApplyAsSystemAsync()).Code);

        await using var empty = await TestDatabase.CreateAsync();
        var standard = empty.Service<StandardConfiguration>();
        Assert.True(await standard.CanStartAsync());
        Assert.True((await standard.ApplyAsSystemAsync()).Succeeded);

        Assert.False(await standard.CanStartAsync());
        await using var context = empty.CreateContext();
        var scopes = await context.JobTypes.Select(t => t.FulfillmentScope).Distinct().CountAsync();
        Assert.Equal(Enum.GetValues<FulfillmentScope>().Length, scopes);
        Assert.Equal(0, await context.Jobs.CountAsync());
        Assert.Equal(0, await context.Users.CountAsync());
        var type = await context.JobTypes.FirstAsync(t => t.AlternativeCode == "INST");
        Assert.NotEmpty(await CancelConfiguration.ReasonsAsync(context, type.Id, default));
        Assert.Equal(AdminErrors.NotEmpty, (await standard.ApplyAsSystemAsync()).Code);
    }
}
