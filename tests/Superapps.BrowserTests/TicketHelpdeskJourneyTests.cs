using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Npgsql;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Features.Reporting;

namespace Superapps.BrowserTests;

/// <summary>
/// Journey 3 of the ICT complaints: a ticket reported for Kelurahan Beringin's office (through the module's own reporting
/// service); a technician finds it in the helpdesk queue, takes it, starts and resolves it with a note; the kelurahan staff member
/// who reported it opens it on a phone and confirms the fix.
/// </summary>
public sealed class TicketHelpdeskJourneyTests(PortalFixture fixture)
{
    private async Task<IPage> SignedInAsync(string login, int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        await fixture.SignInAsync(page, login);
        return page;
    }

    private async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, path).ToString());
        await PortalFixture.WaitInteractiveAsync(page);
    }

    /// <summary>The kelurahan staff member of the demo (docs/demo-logins.md: staf-kelurahan) and their employee id.</summary>
    private async Task<(string Login, Guid EmployeeId, string Name)> KelurahanStaffAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT u.user_name, e.id, u.display_name FROM identity.users u
              JOIN organization.employees e ON e.id = u.employee_id JOIN organization.positions p ON p.id = e.position_id
              JOIN organization.agencies a ON a.id = p.agency_id
             WHERE p.title = 'Pengadministrasi Umum' AND a.code = 'KEL-BERINGIN' ORDER BY u.user_name LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetGuid(1), reader.GetString(2)) : throw new InvalidOperationException("No kelurahan staff in the demo");
    }

    /// <summary>Reports "internet mati" for the KEL-BERINGIN site through <see cref="TicketReporting"/>, as the staff member.</summary>
    private async Task<string> ReportAsync(Guid employeeId, string name)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(NpgsqlDataSource.Create(fixture.ConnectionString));
        services.AddSingleton<AuditRecorder>();
        services.AddScoped<IAuditTrail, RecordingAuditTrail>();
        services.AddTicketsModule();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var site = new NpgsqlCommand("SELECT id FROM tickets.sites WHERE code = 'KEL-BERINGIN'", connection);
        var siteId = (Guid)(await site.ExecuteScalarAsync())!;
        var reported = await scope.ServiceProvider.GetRequiredService<TicketReporting>().ReportAsync(
            new ReportTicket(siteId, TicketCategory.InternetDown, "Internet mati di ruang pelayanan sejak pagi."), new TicketActor(employeeId.ToString(), name, TicketRole.Reporter));
        return reported.Number;
    }

    [Fact]
    public async Task A_technician_takes_a_ticket_from_the_queue_and_resolves_it_and_the_reporter_confirms_on_a_phone()
    {
        var (staffLogin, staffId, staffName) = await KelurahanStaffAsync();
        var number = await ReportAsync(staffId, staffName);
        var (technicianLogin, _, _) = await fixture.UserWithRoleAsync(Roles.HelpdeskTechnician);

        // The technician finds the ticket in the queue.
        var technician = await SignedInAsync(technicianLogin);
        await GoAsync(technician, "tiket/antrian");
        await Assertions.Expect(technician.GetByTestId("queue-tab-open")).ToContainTextAsync("Terbuka");
        await technician.GetByTestId("queue-search").FillAsync(number);
        var row = technician.GetByTestId("queue-number").Filter(new LocatorFilterOptions { HasText = number });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(technician.GetByTestId("queue-number")).ToHaveCountAsync(1);
        await Assertions.Expect(technician.GetByTestId("queue-sla")).ToContainTextAsync("Respons");
        await technician.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-queue.png"), FullPage = true });

        // Takes it, starts it, resolves it with a note.
        await row.ClickAsync();
        await technician.WaitForURLAsync(new Uri(fixture.Stack.PortalUrl, $"tiket/{number}").ToString());
        await PortalFixture.WaitInteractiveAsync(technician);
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Baru");
        await technician.GetByTestId("ticket-take").ClickAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Ditugaskan");
        await technician.GetByTestId("ticket-start").ClickAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Dikerjakan");

        // A resolution without a note is refused in place, and nothing changes.
        await technician.GetByTestId("ticket-resolve").ClickAsync();
        await Assertions.Expect(technician.GetByText("Catatan wajib diisi untuk tindakan ini")).ToBeVisibleAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Dikerjakan");
        await technician.GetByTestId("ticket-note").FillAsync("Konektor SC di ODP diganti, koneksi normal.");
        await technician.GetByTestId("ticket-resolve").ClickAsync();
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Selesai dikerjakan");
        await Assertions.Expect(technician.GetByTestId("ticket-history")).ToContainTextAsync("Konektor SC di ODP diganti");
        await technician.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-page.png"), FullPage = true });

        // The reporter opens it on a phone and confirms; the technician's open page follows without a reload.
        var reporter = await SignedInAsync(staffLogin, 390, 844);
        await GoAsync(reporter, $"tiket/{number}");
        await Assertions.Expect(reporter.GetByTestId("ticket-status")).ToHaveTextAsync("Selesai dikerjakan");
        await reporter.GetByTestId("ticket-confirm").ClickAsync();
        await Assertions.Expect(reporter.GetByTestId("ticket-status")).ToHaveTextAsync("Ditutup");
        await reporter.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("ticket-page-phone.png"), FullPage = true });
        await Assertions.Expect(technician.GetByTestId("ticket-status")).ToHaveTextAsync("Ditutup");
        await Assertions.Expect(technician.GetByTestId("ticket-changed")).ToBeVisibleAsync();

        // Someone else's ticket page shows nothing of it.
        var (otherLogin, _) = await fixture.UserWithPositionAsync("Kepala Bidang Aplikasi dan Informatika");
        var other = await SignedInAsync(otherLogin);
        await GoAsync(other, $"tiket/{number}");
        await Assertions.Expect(other.GetByTestId("ticket-not-found")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByTestId("ticket-description")).ToHaveCountAsync(0);
    }
}
