using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

/// <summary>
/// How soon a page served by one instance shows a cancel made through another (issue 14: within a second).
/// For each run a PENDING job's page is open on instance B; the job is cancelled through instance A's API;
/// the time runs from A's answer to B's page showing "Cancelled" with its Cancel button gone, with no
/// navigation or reload: the change travels A → PostgreSQL NOTIFY → B's listener → the circuit → the browser.
/// </summary>
internal static class LiveUpdate
{
    public static async Task RunAsync(IBrowser browser, string apiUrl, string pageUrl, int runs, string email, string password)
    {
        using var api = new HttpClient { BaseAddress = new Uri(apiUrl.TrimEnd('/') + "/crmapi/rest/v2/") };
        var tokenResponse = await api.PostAsJsonAsync("authentication/token", new { username = email, password });
        using var tokenJson = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync());
        api.DefaultRequestHeaders.Authorization = new("Bearer", tokenJson.RootElement.GetProperty("data").GetProperty("token").GetString());
        using var list = JsonDocument.Parse(await api.GetStringAsync($"jobs/all_scopes/list?life_cycle_state=PENDING&number_of_results={runs + 2}&fields_set=number"));
        var numbers = list.RootElement.GetProperty("data").EnumerateArray().Select(j => j.GetProperty("number").GetString()!).ToList();
        if (numbers.Count < runs + 2)
        {
            throw new InvalidOperationException($"Only {numbers.Count} PENDING jobs to cancel; {runs + 2} are needed.");
        }

        var context = await browser.NewContextAsync(new() { BaseURL = pageUrl, ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=%2Fjobs");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.Locator("[data-testid=job-grid] tr.job-row").First.WaitForAsync();

        var samples = new List<double>();
        for (var run = -2; run < runs; run++) // two warm-up runs, not counted
        {
            var number = numbers[run + 2];
            await page.GotoAsync($"/jobs/{number}");
            await page.Locator("[data-testid=render-mode][data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await page.GetByTestId("cancel-job").WaitForAsync();

            using var response = await api.PostAsJsonAsync("jobs/all_scopes/cancel", new { job_identifier = new { number } });
            var answered = Stopwatch.StartNew();
            response.EnsureSuccessStatusCode();
            await page.GetByTestId("cancel-job").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await page.Locator("[data-testid=job-header]", new() { HasTextString = "Cancelled" }).WaitForAsync();
            if (run >= 0)
            {
                samples.Add(answered.Elapsed.TotalMilliseconds);
            }
        }
        await context.CloseAsync();

        samples.Sort();
        Console.WriteLine($"cancel through {apiUrl}, page on {pageUrl}, {runs} runs, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live update          median {samples[samples.Count / 2],6:0} ms   p90 {samples[(int)(samples.Count * 0.9)],6:0} ms   min {samples[0],6:0} ms   max {samples[^1],6:0} ms"));
    }
}
