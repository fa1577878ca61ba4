using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Datasets.Data;
using Superapps.Datasets.Features.Compliance;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Tabular;
using Superapps.Testing;

namespace Superapps.Datasets.IntegrationTests;

/// <summary>The exports over HTTP: who may download them, a bad month, and files that open (XLSX read back, PDF checked by qpdf).</summary>
public sealed class ComplianceExportTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly TestUser Leader = new("Wakil Walikota", Guid.NewGuid(), null, Roles.Leader);
    private static readonly TestUser Operator = new("Operator Data", SmallCity.Operator, CityDirectory.Disdik.AgencyId, Roles.DataOperator);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ModuleWebHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ModuleWebHost.StartAsync(server, s => s.AddDatasetsModule().AddSingleton<IOrganizationDirectory, CityDirectory>(), new TestClock(SmallCity.Now));
        await SmallCity.SeedAsync(_host.Services.GetRequiredService<IDbContextFactory<DatasetsDbContext>>(), Ct);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_xlsx_opens_with_the_tabular_reader_and_holds_the_ranking()
    {
        using var response = await _host.CreateClient(Leader).GetAsync("/data/kepatuhan/unduh.xlsx?bulan=2026-12", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe("kepatuhan-data-2026-12.xlsx");
        var file = await response.Content.ReadAsByteArrayAsync(Ct);
        TabularReader.SheetNames(new MemoryStream(file)).ShouldBe(ComplianceWorkbook.SheetNames);
        var ranking = await ReadAsync(file, "Peringkat OPD");
        ranking.Skip(1).Select(r => (r[0].Text, r[1].Text, r[7].Text)).ShouldBe([
            ("1", CityDirectory.Dinkes.Name, "100"), ("2", CityDirectory.Disdik.Name, "50"), ("3", CityDirectory.Dukcapil.Name, "0"),
        ]);
        var datasets = await ReadAsync(file, "Dataset");
        datasets.Count.ShouldBe(6, "a header and the five datasets due");
        _host.Audit.Events.ShouldContain(e => e.Action == "compliance.exported" && e.EntityId == "2026-12");
    }

    [Fact]
    public async Task The_pdf_is_a_valid_document()
    {
        using var response = await _host.CreateClient(Leader).GetAsync("/data/kepatuhan/unduh.pdf?bulan=2026-12", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        if (!File.Exists("/usr/bin/qpdf"))
        {
            Assert.Skip("qpdf is not installed: the structure check is skipped.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"kepatuhan-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, bytes, Ct);
        try
        {
            (await PdfTools.CheckWithQpdfAsync(path, Ct)).ShouldContain("No syntax or stream encoding errors");
            (await PdfTools.ToTextAsync(path, cancellationToken: Ct)).ShouldContain(CityDirectory.Dukcapil.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("/data/kepatuhan/unduh.xlsx")]
    [InlineData("/data/kepatuhan/unduh.pdf")]
    public async Task An_operator_is_refused_and_a_bad_month_is_a_bilingual_400(string path)
    {
        using (var refused = await _host.CreateClient(Operator).GetAsync($"{path}?bulan=2026-12", Ct))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var anonymous = await _host.CreateClient().GetAsync($"{path}?bulan=2026-12", Ct))
        {
            anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var bad = await _host.CreateClient(Leader).GetAsync($"{path}?bulan=2026-13", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Ct);
        problem.GetProperty("title").GetString().ShouldBe(ComplianceErrors.Month.Indonesian);
        problem.GetProperty("detail").GetString().ShouldBe(ComplianceErrors.Month.English);
        _host.Audit.Events.ShouldNotContain(e => e.Action == "compliance.exported");
    }

    private static async Task<List<TabularRow>> ReadAsync(byte[] file, string sheet)
    {
        var rows = new List<TabularRow>();
        await foreach (var row in TabularReader.ReadSheetAsync(new MemoryStream(file), sheet, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }
}
