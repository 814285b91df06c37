using System.Globalization;
using Microsoft.Playwright;

// Opens signed-in /jobs pages in one headless Debian Chromium against a JobsPortal on this machine
// (loopback only), each page one Blazor Server circuit, and keeps them open and idle. It prints
// "ready N" each time N circuits are up and showing their rows, then waits for a line on standard
// input before opening the next batch (or closing, after the last): bench/run-circuits.sh reads the
// server's memory in between.

var url = args.Length > 0 ? args[0] : "http://localhost:5098";
var batches = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
if (batches.Length == 0)
{
    batches = [1, 100];
}
if (!new Uri(url).IsLoopback)
{
    Console.Error.WriteLine($"Refusing {url}: this tool only opens pages on loopback addresses.");
    return 2;
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
// One context: the pages share the sign-in cookie, as tabs of one person's browser do.
await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url });
context.SetDefaultTimeout(120_000);

var first = await context.NewPageAsync();
await first.GotoAsync("/Account/Login");
await first.GetByLabel("Email").FillAsync("maria.lopez@example.com");
await first.GetByLabel("Password").FillAsync("Demo!2026");
await first.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
await first.WaitForURLAsync("**/jobs**");
await WaitForRowsAsync(first);
var open = 1;

foreach (var target in batches)
{
    // Ten at a time: the machine has two cores; every page is then left alone.
    while (open < target)
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, Math.Min(10, target - open)).Select(_ => context.NewPageAsync()));
        await Task.WhenAll(pages.Select(async page =>
        {
            await page.GotoAsync("/jobs");
            await WaitForRowsAsync(page);
        }));
        open += pages.Length;
    }
    Console.WriteLine($"ready {open}");
    Console.ReadLine();
}
return 0;

static async Task WaitForRowsAsync(IPage page)
{
    await page.Locator("[data-testid=render-mode][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    await page.Locator("tr.job-row").First.WaitForAsync();
}
