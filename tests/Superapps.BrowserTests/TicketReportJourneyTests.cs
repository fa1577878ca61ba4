using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Superapps.SharedKernel;

namespace Superapps.BrowserTests;

/// <summary>
/// Journey 2 at phone width: the kelurahan's staff member reports "internet mati" for their office with a photo in three taps (the
/// site is preselected), gets the ticket number, finds it in "Tiket Saya"; the photo is served to them and to nobody outside the helpdesk.
/// </summary>
public sealed class TicketReportJourneyTests(PortalFixture fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<string> StafKelurahanAsync()
    {
        // The same account as the demo login "staf-kelurahan" (tools/Superapps.DevHost/DemoLogins.cs).
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT u.user_name FROM identity.users u
              JOIN organization.employees e ON e.id = u.employee_id JOIN organization.positions p ON p.id = e.position_id
              JOIN organization.agencies a ON a.id = p.agency_id
             WHERE p.title = 'Pengadministrasi Umum' AND a.code = 'KEL-BERINGIN' ORDER BY u.user_name LIMIT 1
            """, connection);
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task<Guid> AttachmentOfAsync(string ticketNumber)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT a.id FROM tickets.ticket_attachments a JOIN tickets.tickets t ON t.id = a.ticket_id WHERE t.number = @number", connection);
        command.Parameters.AddWithValue("number", ticketNumber);
        return (Guid)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, path).ToString());
        await PortalFixture.WaitInteractiveAsync(page);
    }

    [Fact]
    public async Task Kelurahan_staff_report_internet_down_with_a_photo_from_a_phone_and_get_a_ticket_number()
    {
        var page = await fixture.NewPageAsync(375, 812);
        await fixture.SignInAsync(page, await StafKelurahanAsync());
        await GoAsync(page, "tiket/lapor");

        // The site is preselected from the reporter's OPD.
        await Assertions.Expect(page.GetByTestId("report-site")).ToContainTextAsync("Beringin");
        await Assertions.Expect(page.GetByTestId("report-send")).ToBeDisabledAsync();

        // Tap 1: the category. The description is filled in for it.
        await page.GetByTestId("category-InternetDown").ClickAsync();
        await Assertions.Expect(page.GetByTestId("category-InternetDown")).ToHaveAttributeAsync("aria-checked", "true");
        await Assertions.Expect(page.GetByTestId("report-description")).ToHaveValueAsync("Internet tidak terkoneksi di kantor kami.");

        // An optional photo, checked and shown as a thumbnail before anything is sent.
        await PortalFixture.SetFilesWhenReadyAsync(page, "[data-testid=attachment-picker] input[type=file]",
            new FilePayload { Name = "router.png", MimeType = "image/png", Buffer = Png });
        await Assertions.Expect(page.GetByTestId("attachment-thumbnail")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("attachment-error")).ToHaveCountAsync(0);

        // Nothing spills sideways at phone width.
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-report-phone.png"), FullPage = true });

        // Tap 2: Kirim.
        await page.GetByTestId("report-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-number")).ToHaveTextAsync(new Regex(@"^TIK-\d{4}-\d{6}$"));
        var number = (await page.GetByTestId("report-number").TextContentAsync())!.Trim();
        await Assertions.Expect(page.GetByTestId("report-open-ticket")).ToHaveAttributeAsync("href", $"/tiket/{number}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-reported-phone.png"), FullPage = true });

        // "Tiket Saya" lists it with its status (other journeys running alongside may report for the same account).
        await GoAsync(page, "tiket");
        var mine = page.GetByTestId("my-ticket").Filter(new LocatorFilterOptions { Has = page.GetByTestId("my-ticket-number").GetByText(number, new LocatorGetByTextOptions { Exact = true }) });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine.GetByTestId("my-ticket-status")).ToHaveTextAsync("Baru");

        // The photo is served to its reporter as stored, never sniffed; to someone outside the ticket it does not exist.
        var url = new Uri(fixture.Stack.PortalUrl, $"tiket/berkas/{await AttachmentOfAsync(number)}").ToString();
        var own = await page.APIRequest.GetAsync(url);
        own.Status.ShouldBe(200);
        own.Headers["content-type"].ShouldBe("image/png");
        own.Headers["x-content-type-options"].ShouldBe("nosniff");
        (await own.BodyAsync()).ShouldBe(Png);
        var (leaderLogin, _, _) = await fixture.UserWithRoleAsync(Roles.Leader);
        var leader = await fixture.NewPageAsync();
        await fixture.SignInAsync(leader, leaderLogin);
        (await leader.APIRequest.GetAsync(url)).Status.ShouldBe(404);
    }
}
