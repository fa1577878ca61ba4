using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.Tickets.Contracts;
using Superapps.Tickets.Data;
using Superapps.Tickets.Domain;
using Superapps.Tickets.Domain.Sites;
using Superapps.Tickets.Features.Access;
using Superapps.Tickets.Features.Desk;
using Superapps.Tickets.Features.Reporting;
using Superapps.Tickets.Features.Sites;
using Superapps.Tickets.Features.View;
using static Superapps.Tickets.IntegrationTests.HelpdeskData;

namespace Superapps.Tickets.IntegrationTests;

/// <summary>
/// The module's HTTP endpoints over a real socket (<see cref="ModuleWebHost"/>): ticket moves (<c>/tiket/{number}/status</c>) and the
/// report export's bad parameters, on real PostgreSQL with the real migrations; nothing answers 5xx.
/// </summary>
public sealed class TicketEndpointTests(PostgresServer server) : IAsyncLifetime
{
    private ModuleWebHost _host = null!;
    private ReportedTicket _ticket = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestUser As(TicketPrincipal p) =>
        new(p.Name, p.EmployeeId, p.AgencyId, [.. p.IsTechnician ? [Roles.HelpdeskTechnician] : Array.Empty<string>(), .. p.IsHelpdeskLead ? [Roles.HelpdeskLead] : Array.Empty<string>()]);

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleWebHost.StartAsync(server, s => s.AddTicketsModule());
        await using var scope = _host.CreateScope();
        var register = scope.ServiceProvider.GetRequiredService<SiteRegister>();
        var core = await register.AddCoreAsync("CORE-API", "Core Data Center", Ct);
        var node = await register.AddDistributionAsync("DIST-API", "POP Telanaipura", core.Id, Ct);
        var site = await register.AddSiteAsync(new SiteDetails("KEL-TELANAI", "Kantor Kelurahan Telanai Pura", SiteKind.Kelurahan, TicketsHarness.KecamatanTelanai,
            "Kecamatan Telanaipura", null, null, null), node.Id, Ct);
        _ticket = await scope.ServiceProvider.GetRequiredService<TicketReporting>()
            .ReportAsync(new ReportTicket(site.Id, TicketCategory.InternetDown, "Internet tidak terkoneksi sejak pagi."), Rina.AsReporter(), Ct);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_refused_move_answers_409_with_the_reason_in_both_languages_and_the_ticket_stays_as_it_was()
    {
        using var andi = _host.CreateClient(As(Andi));
        var before = await StateAsync(andi);
        _host.Audit.Clear();

        // A new ticket cannot be resolved: the state machine refuses it.
        using var response = await MoveAsync(andi, "resolve", before.Version, "Sudah normal.");

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await ProblemAsync(response);
        problem.GetProperty("code").GetString().ShouldBe(TicketErrors.TransitionCode);
        var expected = TicketErrors.TransitionNotAllowed(TicketStatus.New, TicketAction.Resolve);
        problem.GetProperty("title").GetString().ShouldBe(expected.Indonesian);
        problem.GetProperty("titleEnglish").GetString().ShouldBe(expected.English);
        var saved = await SavedAsync();
        saved.Status.ShouldBe(TicketStatus.New);
        saved.Version.ShouldBe(before.Version);
        saved.Events.ShouldBe(1);
        _host.Audit.Events.ShouldBeEmpty();

        // A reporter's capacity does not reach the helpdesk's moves either.
        using var rina = _host.CreateClient(As(Rina));
        using var start = await MoveAsync(rina, "start", before.Version);
        start.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(start)).GetProperty("code").GetString().ShouldBe(TicketErrors.TransitionCode);
        (await SavedAsync()).Status.ShouldBe(TicketStatus.New);
    }

    [Fact]
    public async Task A_stale_version_answers_409_and_nothing_changes()
    {
        using var andi = _host.CreateClient(As(Andi));
        var read = await StateAsync(andi);
        await using (var scope = _host.CreateScope())
        {
            // Someone else takes the ticket after Andi read it.
            await scope.ServiceProvider.GetRequiredService<TicketDesk>().TakeAsync(_ticket.Id, Dewi.AsHelpdesk()!, Ct);
        }

        var afterTake = await SavedAsync();
        using var response = await MoveAsync(andi, "start", read.Version);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await ProblemAsync(response);
        problem.GetProperty("code").GetString().ShouldBe(TicketErrors.ChangedMeanwhile.Code);
        problem.GetProperty("title").GetString().ShouldBe(TicketErrors.ChangedMeanwhile.Indonesian);
        problem.GetProperty("titleEnglish").GetString().ShouldBe(TicketErrors.ChangedMeanwhile.English);
        var saved = await SavedAsync();
        saved.Status.ShouldBe(TicketStatus.Assigned);
        saved.Version.ShouldBe(afterTake.Version);
    }

    [Fact]
    public async Task Someone_elses_ticket_and_a_ticket_that_does_not_exist_answer_the_same_404()
    {
        using var sari = _host.CreateClient(As(Sari));
        var version = (await SavedAsync()).Version;

        using var read = await sari.GetAsync($"/tiket/{_ticket.Number}/status", Ct);
        using var move = await MoveAsync(sari, "confirm", version);
        using var missing = await MoveAsync(sari, "confirm", version, number: "TIK-2026-999999");

        foreach (var response in new[] { read, move, missing })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            var problem = await ProblemAsync(response);
            problem.GetProperty("title").GetString().ShouldBe(TicketErrors.NotFoundOrNotAllowed.Indonesian);
            problem.GetProperty("titleEnglish").GetString().ShouldBe(TicketErrors.NotFoundOrNotAllowed.English);
            problem.ToString().ShouldNotContain("Internet");
        }

        (await SavedAsync()).Status.ShouldBe(TicketStatus.New);
    }

    [Fact]
    public async Task Allowed_moves_answer_the_new_state_and_are_audited_as_the_page_does()
    {
        using var andi = _host.CreateClient(As(Andi));
        var read = await StateAsync(andi);
        read.Status.ShouldBe(nameof(TicketStatus.New));
        read.Moves.ShouldContain("take");
        _host.Audit.Clear();

        using var take = await MoveAsync(andi, "take", read.Version);
        take.StatusCode.ShouldBe(HttpStatusCode.OK);
        var taken = (await take.Content.ReadFromJsonAsync<TicketStateResponse>(Ct))!;
        taken.Status.ShouldBe(nameof(TicketStatus.Assigned));
        taken.StatusIndonesian.ShouldBe(TicketText.Of(TicketStatus.Assigned).Indonesian);
        taken.Version.ShouldNotBe(read.Version);
        taken.Moves.ShouldBe(["start"]);

        using var start = await MoveAsync(andi, "Start", taken.Version);
        start.StatusCode.ShouldBe(HttpStatusCode.OK);
        var started = (await start.Content.ReadFromJsonAsync<TicketStateResponse>(Ct))!;
        started.Moves.ShouldBe(["wait-for-opd", "wait-for-vendor", "resolve"], ignoreOrder: true);

        // A resolution without its note is bad input, in both languages, field-tagged; nothing changes.
        using var noNote = await MoveAsync(andi, "resolve", started.Version, "  ");
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(noNote);
        problem.GetProperty("code").GetString().ShouldBe(TicketErrors.NoteRequired.Code);
        problem.GetProperty("titleEnglish").GetString().ShouldBe(TicketErrors.NoteRequired.English);
        problem.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("note");

        using var resolve = await MoveAsync(andi, "resolve", started.Version, "Modem diganti.");
        resolve.StatusCode.ShouldBe(HttpStatusCode.OK);

        var saved = await SavedAsync();
        saved.Status.ShouldBe(TicketStatus.Resolved);
        saved.AssigneeUserId.ShouldBe(Andi.UserId);
        _host.Audit.Events.Select(e => e.Action).ShouldBe(["ticket.taken", "ticket.started", "ticket.resolved"]);
        _host.Audit.Events.ShouldAllBe(e => e.EntityId == _ticket.Id.ToString());

        // The reporter confirms from their phone.
        using var rina = _host.CreateClient(As(Rina));
        var resolved = await StateAsync(rina);
        resolved.Moves.ShouldBe(["confirm", "reopen"], ignoreOrder: true);
        using var confirm = await MoveAsync(rina, "confirm", resolved.Version);
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SavedAsync()).Status.ShouldBe(TicketStatus.Closed);
        _host.Audit.Events[^1].Action.ShouldBe("ticket.confirmed");
    }

    [Fact]
    public async Task Malformed_requests_answer_400_in_both_languages_and_callers_without_rights_401_or_403()
    {
        using var andi = _host.CreateClient(As(Andi));
        var version = (await StateAsync(andi)).Version;
        var path = $"/tiket/{_ticket.Number}/status";

        async Task Refused(HttpResponseMessage response, UserError error)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = await ProblemAsync(response);
            problem.GetProperty("code").GetString().ShouldBe(error.Code);
            problem.GetProperty("title").GetString().ShouldBe(error.Indonesian);
            problem.GetProperty("titleEnglish").GetString().ShouldBe(error.English);
            response.Dispose();
        }

        await Refused(await andi.SendAsync(Post(path, "{\"move\": \"take\", ", "application/json"), Ct), TicketMoveErrors.Body);
        await Refused(await andi.SendAsync(Post(path, "move=take", "application/x-www-form-urlencoded"), Ct), TicketMoveErrors.Body);
        await Refused(await andi.SendAsync(Post(path, "{\"move\": \"take\", \"version\": \"satu\"}", "application/json"), Ct), TicketMoveErrors.Body);
        await Refused(await andi.SendAsync(Post(path, "{\"move\": \"take\", \"version\": 1, \"extra\": true}", "application/json"), Ct), TicketMoveErrors.Body);
        await Refused(await MoveAsync(andi, "fly", version), TicketMoveErrors.UnknownMove);
        await Refused(await MoveAsync(andi, "triage", version), TicketMoveErrors.UnknownMove);
        await Refused(await andi.SendAsync(Post(path, "{\"move\": \"take\"}", "application/json"), Ct), TicketMoveErrors.VersionRequired);
        var withoutHeader = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { move = "take", version }) };
        await Refused(await andi.SendAsync(withoutHeader, Ct), TicketMoveErrors.Header);

        using var anonymous = _host.CreateClient();
        using var signedOut = await MoveAsync(anonymous, "take", version);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // Signed in without being an employee (no employee id): nothing of the ticket.
        using var stranger = _host.CreateClient(new TestUser("Tamu", null, null));
        using var notEmployee = await MoveAsync(stranger, "take", version);
        notEmployee.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var saved = await SavedAsync();
        saved.Status.ShouldBe(TicketStatus.New);
        saved.Version.ShouldBe(version);
    }

    [Theory]
    [InlineData("from=2026-13-01")]
    [InlineData("from=01-11-2026")]
    [InlineData("to=kemarin")]
    [InlineData("agency=bukan-guid")]
    [InlineData("category=Banjir")]
    [InlineData("category=3")]
    [InlineData("top=-1")]
    [InlineData("top=banyak")]
    [InlineData("from=2026-12-01&to=2026-11-01")]
    public async Task The_report_export_answers_bad_parameters_with_400_in_both_languages(string query)
    {
        using var andi = _host.CreateClient(As(Andi));
        _host.Audit.Clear();

        using var response = await andi.GetAsync($"/tiket/laporan/xlsx?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ProblemAsync(response);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("title").GetString().ShouldNotBe(problem.GetProperty("detail").GetString());
        _host.Audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_report_export_serves_the_workbook_to_the_helpdesk_and_refuses_others_by_policy()
    {
        using var andi = _host.CreateClient(As(Andi));
        using var ok = await andi.GetAsync("/tiket/laporan/xlsx?from=2026-01-01&to=2026-12-31", Ct);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        ok.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        (await ok.Content.ReadAsByteArrayAsync(Ct))[..2].ShouldBe("PK"u8.ToArray());
        _host.Audit.Events.ShouldContain(e => e.Action == "report.exported");

        using var rina = _host.CreateClient(As(Rina));
        using var forbidden = await rina.GetAsync("/tiket/laporan/xlsx", Ct);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = _host.CreateClient();
        using var signedOut = await anonymous.GetAsync("/tiket/laporan/xlsx", Ct);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<TicketStateResponse> StateAsync(HttpClient client)
    {
        using var response = await client.GetAsync($"/tiket/{_ticket.Number}/status", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<TicketStateResponse>(Ct))!;
    }

    private Task<HttpResponseMessage> MoveAsync(HttpClient client, string move, uint version, string? note = null, string? number = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/tiket/{number ?? _ticket.Number}/status") { Content = JsonContent.Create(new { move, note, version }) };
        request.Headers.Add(TicketMoveEndpoints.RequestHeader, "1");
        return client.SendAsync(request, Ct);
    }

    private static HttpRequestMessage Post(string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add(TicketMoveEndpoints.RequestHeader, "1");
        return request;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        ((int)response.StatusCode).ShouldBeLessThan(500);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<(TicketStatus Status, uint Version, int Events, string? AssigneeUserId)> SavedAsync()
    {
        await using var scope = _host.CreateScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.AsNoTracking().Include(t => t.Events)
            .SingleAsync(t => t.Id == _ticket.Id, Ct);
        return (ticket.Status, ticket.Version, ticket.Events.Count, ticket.AssigneeUserId);
    }
}
