using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

// What a person waits for, measured in a real browser (Debian's Chromium) against a running app:
//   sign-in to rows  from the click on "Sign in" to the first row of /jobs on screen;
//   job open         from the click on a row of /jobs to the job's number on its page;
//   dialog open      from the click on "Cancel job" to the dialog's summary on screen;
//   overview         from the click on "Sign in" to the overview's lists (the page sign-in to "/" lands on).
// Each run is a new browser context (no cookies, a cold circuit), so it includes what a person pays.
//   live update      with --live-from A: a job page open on --url (instance B), the job cancelled through
//                    A's API; from A's answer to B's page showing it cancelled (bench/run-live-update.sh).
// Usage: JobsPortal.PerceivedSpeed --url http://localhost:5098 [--runs 15] [--email maria.lopez@example.com] [--live-from URL]
var url = Arg("--url") ?? "http://localhost:5098";
var runs = int.Parse(Arg("--runs") ?? "15", CultureInfo.InvariantCulture);
var email = Arg("--email") ?? "maria.lopez@example.com";
var password = Arg("--password") ?? "Demo!2026";
var withOverview = Arg("--overview") != "no";
var liveFrom = Arg("--live-from");

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium",
    Headless = true,
    Args = ["--disable-gpu", "--disable-quic"],
});

if (liveFrom is not null)
{
    await LiveUpdate.RunAsync(browser, liveFrom, url, runs, email, password);
    return;
}

var samples = new Dictionary<string, List<double>>
{
    ["sign-in to rows"] = [], ["job open"] = [], ["dialog open"] = [], ["sign-in to overview"] = [],
};

for (var run = -2; run < runs; run++) // two warm-up runs, not counted
{
    var context = await browser.NewContextAsync(new() { BaseURL = url, ViewportSize = new() { Width = 1440, Height = 900 } });
    context.SetDefaultTimeout(30_000);
    var page = await context.NewPageAsync();

    var signIn = await TimeAsync(async () =>
    {
        await page.GotoAsync("/Account/Login?ReturnUrl=%2Fjobs");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
    }, () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
       () => page.Locator("[data-testid=job-grid] tr.job-row").First.WaitForAsync());
    await page.Locator("[data-testid=render-mode][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    var row = page.Locator("[data-testid=job-grid] tr.job-row").Filter(new() { Has = page.Locator("[data-state=PENDING]") }).First;
    var jobOpen = await TimeAsync(() => Task.CompletedTask, () => row.ClickAsync(), () => page.GetByTestId("cancel-job").WaitForAsync());

    var dialogOpen = await TimeAsync(() => Task.CompletedTask, () => page.GetByTestId("cancel-job").ClickAsync(),
        () => page.GetByTestId("cancel-summary").WaitForAsync());
    await context.CloseAsync();

    double? overview = null;
    if (withOverview)
    {
        var second = await browser.NewContextAsync(new() { BaseURL = url, ViewportSize = new() { Width = 1440, Height = 900 } });
        second.SetDefaultTimeout(30_000);
        var home = await second.NewPageAsync();
        overview = await TimeAsync(async () =>
        {
            await home.GotoAsync("/Account/Login?ReturnUrl=%2F");
            await home.GetByLabel("Email").FillAsync(email);
            await home.GetByLabel("Password").FillAsync(password);
        }, () => home.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
           () => home.Locator("[data-testid=overview-due-soon]").WaitForAsync());
        await second.CloseAsync();
    }

    if (run >= 0)
    {
        samples["sign-in to rows"].Add(signIn);
        samples["job open"].Add(jobOpen);
        samples["dialog open"].Add(dialogOpen);
        if (overview is { } o)
        {
            samples["sign-in to overview"].Add(o);
        }
    }
}

Console.WriteLine($"{url}, {runs} runs, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
foreach (var (what, values) in samples.Where(s => s.Value.Count > 0))
{
    values.Sort();
    Console.WriteLine(FormattableString.Invariant($"{what,-20} median {values[values.Count / 2],6:0} ms   min {values[0],6:0} ms   max {values[^1],6:0} ms"));
}

static async Task<double> TimeAsync(Func<Task> arrange, Func<Task> act, Func<Task> until)
{
    await arrange();
    var watch = Stopwatch.StartNew();
    await act();
    await until();
    return watch.Elapsed.TotalMilliseconds;
}

static string? Arg(string name)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
