using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Data;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Adapters.IntegrationTests;

/// <summary>
/// <c>/surat/impor/{id}/berkas</c> over HTTP: the demo export imported into the demo city, then the scan of an imported outgoing
/// letter asked for by its OPD's clerk, by another OPD's clerk and by nobody.
/// </summary>
public sealed class ImportedScanEndpointTests(PostgresServer server) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly LegacyExportFolder _export = LegacyExportFolder.Demo();
    private ModuleWebHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleWebHost.StartAsync(server, _export.AddAdapter, seedDemo: true);
        await LegacyExportFolder.RunAsync(_host.Services, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _export.Dispose();
    }

    private async Task<TestUser> ClerkAsync(string nip)
    {
        await using var scope = _host.CreateScope();
        var employee = (await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().FindByNipAsync(nip, Ct)).ShouldNotBeNull();
        return new TestUser(employee.Name, employee.EmployeeId, employee.AgencyId, Roles.RegistryClerk);
    }

    private async Task<Guid> ImportedIdAsync(string legacyId)
    {
        await using var scope = _host.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<LettersDbContext>().ImportedLetters.AsNoTracking().SingleAsync(l => l.LegacyId == legacyId, Ct)).Id;
    }

    [Fact]
    public async Task The_scan_is_served_inline_to_its_opds_clerk_and_to_nobody_else()
    {
        var id = await ImportedIdAsync("keluar:2001");
        var expected = await File.ReadAllBytesAsync(_export.Scan("2001.pdf"), Ct);

        using (var response = await _host.CreateClient(await ClerkAsync("199401042019051001")).GetAsync($"/surat/impor/{id}/berkas", Ct))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(expected);
        }

        using (var response = await _host.CreateClient(await ClerkAsync("199502152017102001")).GetAsync($"/surat/impor/{id}/berkas", Ct))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var response = await _host.CreateClient().GetAsync($"/surat/impor/{id}/berkas", Ct))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_letter_imported_without_a_scan_or_an_unknown_id_answers_not_found()
    {
        var clerk = _host.CreateClient(await ClerkAsync("199401042019051001"));

        using var without = await clerk.GetAsync($"/surat/impor/{await ImportedIdAsync("keluar:2002")}/berkas", Ct);
        using var unknown = await clerk.GetAsync($"/surat/impor/{Guid.NewGuid()}/berkas", Ct);

        without.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
