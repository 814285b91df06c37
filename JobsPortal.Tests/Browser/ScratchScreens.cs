using JobsPortal.Tests.TestInfrastructure;
namespace JobsPortal.Tests.Browser;
[Collection(BrowserCollection.Name)]
public sealed class ScratchScreens(BrowserFixture fixture)
{
    [Fact]
    public async Task Screens()
    {
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 900);
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = "/tmp/scratch/login.png" });
        await BrowserFixture.SignInAsync(page, "sara.khan@example.com");
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.GetByTestId("count-PENDING").WaitForAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/scratch/overview.png" });
        await page.GotoAsync("/nothing");
        await page.ScreenshotAsync(new() { Path = "/tmp/scratch/notfound.png" });
    }
}
