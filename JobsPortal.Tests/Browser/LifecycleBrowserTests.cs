using System.Text;
using JobsPortal.Data;
using JobsPortal.Data.Entities;
using JobsPortal.Features.Import;
using JobsPortal.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JobsPortal.Tests.Browser;

/// <summary>Jobs coming in and moving on, in a real browser: an agent starts and completes a job; an admin imports a file.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LifecycleBrowserTests(BrowserFixture fixture)
{
    private async Task<JobsPortalDbContext> DbAsync() =>
        await fixture.App.Services.GetRequiredService<IDbContextFactory<JobsPortalDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task An_agent_starts_and_completes_a_job()
    {
        string number;
        await using (var db = await DbAsync())
        {
            number = await db.Jobs.Where(j => j.JobType.AlternativeCode == "GEN" && j.LifeCycleState == LifeCycleState.PENDING)
                .OrderByDescending(j => j.Id).Select(j => j.Number).FirstAsync();
        }
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "tom.becker@example.com", path: $"/jobs/{number}");

        await page.GetByTestId("start-job").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"Start job {number}");
        await page.GetByTestId("transition-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText($"Job {number} started")).ToBeVisibleAsync();
        await page.GetByTestId("complete-job").ClickAsync();
        await page.GetByTestId("transition-confirm").ClickAsync();

        await Assertions.Expect(page.GetByText($"Job {number} completed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("job-header")).ToContainTextAsync("Completed");
        await Assertions.Expect(page.GetByTestId("complete-job")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("cancel-job")).ToHaveCountAsync(0);
        await using var check = await DbAsync();
        Assert.Equal(LifeCycleState.COMPLETED, (await check.Jobs.SingleAsync(j => j.Number == number)).LifeCycleState);
    }

    [Fact]
    public async Task An_admin_imports_a_small_file_and_the_jobs_appear_in_the_search()
    {
        var csv = string.Join(",", ImportColumns.All) + "\r\n" +
            "J81000001,GEN,ACR810001,Lena Ford,,,Import check first job,2026-12-01,,PENDING,Pending,,,CBL-RG6,PHYSICAL_GOOD,1,,PENDING\r\n" +
            "J81000002,GEN,ACR810002,Omar Reyes,,,Import check second job,2026-12-02,,DRAFT,Draft,,,,,,,\r\n";
        var page = await fixture.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "admin@example.com", path: ImportRegistration.Page);

        // Blazor's InputFile listens for the file only once its script has set the input up.
        await page.WaitForFunctionAsync("() => document.querySelector('input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "two-jobs.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Assertions.Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Checked: waiting for your decision", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("2 valid");
        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-status")).ToHaveTextAsync("Imported", new() { Timeout = 30_000 });

        await page.GotoAsync("/jobs?q=ACR81000");
        await Assertions.Expect(page.GetByText("J81000001")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByText("J81000002")).ToBeVisibleAsync();
    }
}
