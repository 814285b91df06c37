using JobsPortal.Shared;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Cancellation;
using JobsPortal.Features.Jobs;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobsPortal.Tests.Features.Cancellation;

/// <summary>A type's defaults: needed when nothing is given, and checked like a given choice.</summary>
public abstract partial class CancellationServiceTests
{
    [Fact]
    public async Task A_type_without_defaults_needs_a_status_and_a_reason()
    {
        await using var db = await Template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING, "GEN");
        await using (var context = db.CreateContext())
        {
            var type = await context.JobTypes.Include(t => t.AllowedReasons).SingleAsync(t => t.AlternativeCode == "GEN");
            type.DefaultCancelStatusId = null;
            type.AllowedReasons.ForEach(r => r.IsDefault = false);
            await context.SaveChangesAsync();
        }

        var noStatus = await CancelAsync(db, job);
        var noReason = await CancelAsync(db, job, c => c with { Status = EntityIdentifier.Of("alternative_code", "CNL") });
        var both = await CancelAsync(db, job, c => c with
        {
            Status = EntityIdentifier.Of("alternative_code", "CNL"),
            Reason = EntityIdentifier.Of("name", "Duplicate job"),
        });

        Assert.Equal(CancelErrorCodes.NoDefaultStatus, noStatus.Error?.Code);
        Assert.Equal(CancelErrorCodes.NoDefaultReason, noReason.Error?.Code);
        Assert.True(both.Succeeded, both.Error?.Message);
    }

    [Theory]
    [InlineData("CNLD", CancelErrorCodes.StatusNotAllowed)] // a cancel status, but not one GEN allows
    [InlineData("PND", CancelErrorCodes.StatusNotCancelStatus)] // one GEN allows, but not a cancel status
    public async Task A_default_cancel_status_is_checked_like_a_given_one(string defaultCode, string givenError)
    {
        await using var db = await Template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING, "GEN");
        await using (var context = db.CreateContext())
        {
            var type = await context.JobTypes.SingleAsync(t => t.AlternativeCode == "GEN");
            type.DefaultCancelStatusId = (await context.JobStatuses.SingleAsync(s => s.AlternativeCode == defaultCode)).Id;
            await context.SaveChangesAsync();
        }

        var byDefault = await CancelAsync(db, job);
        var given = await CancelAsync(db, job, c => c with { Status = EntityIdentifier.Of("alternative_code", defaultCode) });
        var options = (await Service(db).GetOptionsAsync(job.Id))!;

        Assert.Equal(CancelErrorCodes.NoDefaultStatus, byDefault.Error?.Code);
        Assert.Equal(givenError, given.Error?.Code);
        Assert.DoesNotContain(options.Statuses, s => s.IsDefault);
        await AssertUnchangedAsync(db, job);
    }

    [Fact]
    public async Task A_retired_default_reason_is_no_default()
    {
        // The cancel reads the type's default reason on its own (CancelConfiguration.DefaultReasonAsync); a retired default must fail as the lists say, not be used.
        await using var db = await Template.CloneAsync();
        var job = await JobInStateAsync(db, LifeCycleState.PENDING, "GEN");
        string retired;
        await using (var context = db.CreateContext())
        {
            var reason = await context.JobTypeCancellationReasons.Where(r => r.JobType.AlternativeCode == "GEN" && r.IsDefault)
                .Select(r => r.CancellationReason).SingleAsync();
            reason.IsRetired = true;
            retired = reason.AlternativeCode;
            await context.SaveChangesAsync();
        }

        var byDefault = await CancelAsync(db, job, c => c with { Status = EntityIdentifier.Of("alternative_code", "CNL") });
        var given = await CancelAsync(db, job, c => c with
        {
            Status = EntityIdentifier.Of("alternative_code", "CNL"),
            Reason = EntityIdentifier.Of("alternative_code", retired),
        });
        var options = (await Service(db).GetOptionsAsync(job.Id))!;

        Assert.Equal(CancelErrorCodes.NoDefaultReason, byDefault.Error?.Code);
        Assert.Equal(CancelErrorCodes.ReasonRetired, given.Error?.Code);
        Assert.DoesNotContain(options.Reasons, r => r.IsDefault);
        await AssertUnchangedAsync(db, job);
    }
}
