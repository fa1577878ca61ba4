using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Superapps.Modularity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Superapps.Organization.Data;
using Superapps.Organization.Features;
using Superapps.Organization.Features.Administration;
using Superapps.Organization.Pages.Employees.Components;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Organization.Tests.Components;

/// <summary>
/// The Plt/Plh dialog checks what it can before it asks the database anything. Its services are the real
/// ones, over a connection that is never opened: a check that reached the database would fail the test.
/// </summary>
public sealed class ActingDialogTests : SuperappsComponentTest
{
    private readonly AuditRecorder _audit = new();

    private static readonly EmployeeDetail Budi = new(Guid.NewGuid(), "198503152010011002", null, "Budi Santoso", null, null,
        Guid.NewGuid(), "Diskominfo", Guid.NewGuid(), "Sekretaris Dinas", true, 1, []);

    public ActingDialogTests()
    {
        Services.AddDbContext<OrganizationDbContext>(o => o.UseModuleDatabase("Host=127.0.0.1;Port=1;Database=never_opened;Timeout=1", OrganizationDbContext.Schema));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_audit);
        Services.AddScoped<IAuditTrail, RecordingAuditTrail>();
        Services.AddScoped<OrganizationAdministration>();
        Services.AddScoped<AdministrationQueries>();
        Services.AddScoped<OrganizationQueries>();
    }

    private IRenderedComponent<MudDialogProvider> Open(EmployeeDetail? employee)
    {
        var provider = RenderDialogProvider();
        var parameters = new DialogParameters<ActingDialog> { { x => x.Scope, AdminScope.City }, { x => x.Employee, employee } };
        provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ActingDialog>("Tugaskan Plt/Plh", parameters));
        provider.WaitForElement("[data-testid=acting-dialog]");
        return provider;
    }

    private static IElement Field(IRenderedComponent<MudDialogProvider> provider, string label) =>
        provider.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label).QuerySelector("input")!;

    [Fact]
    public void The_employee_given_is_shown_and_cannot_be_changed()
    {
        var provider = Open(Budi);

        var employee = Field(provider, "Pegawai");
        employee.GetAttribute("value").ShouldBe("Budi Santoso");
        employee.HasAttribute("readonly").ShouldBeTrue();
    }

    [Fact]
    public void Assigning_without_a_position_says_so_in_place_and_keeps_what_was_typed()
    {
        var provider = Open(Budi);
        Field(provider, "Nomor surat perintah").Change("800/112/BKPSDM/2026");

        provider.Find("[data-testid=acting-save]").Click();

        // Find everything again: the click re-rendered the dialog.
        provider.WaitForElement("[data-testid=errors]").TextContent.ShouldContain("Jabatan tidak ditemukan.");
        provider.Find("[data-testid=errors]").TextContent.ShouldNotContain("Pegawai tidak ditemukan.");
        provider.FindAll("[data-testid=acting-dialog]").Count.ShouldBe(1);
        Field(provider, "Nomor surat perintah").GetAttribute("value").ShouldBe("800/112/BKPSDM/2026");
        _audit.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Without_an_employee_given_both_the_employee_and_the_position_are_asked_for()
    {
        var provider = Open(employee: null);

        provider.Find("[data-testid=acting-save]").Click();

        var errors = provider.WaitForElement("[data-testid=errors]").TextContent;
        errors.ShouldContain("Pegawai tidak ditemukan.");
        errors.ShouldContain("Jabatan tidak ditemukan.");
        provider.FindAll(".mud-input-error").Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void In_English_the_errors_are_English()
    {
        UseEnglish();
        var provider = Open(Budi);

        provider.Find("[data-testid=acting-save]").Click();

        provider.WaitForElement("[data-testid=errors]").TextContent.ShouldContain("Position not found.");
    }
}
