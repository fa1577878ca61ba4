using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Domain;
using Superapps.AppCatalog.Pages.Catalogue.Components;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>The retire dialog validates in place: each refusal at its field, what was typed kept, nothing saved until it is right.</summary>
public sealed class RetireDialogTests(PostgresServer server) : CataloguePageTest(server)
{
    private CityApp _app = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _app = await Module.CreateAppAsync(CatalogueHarness.Simpeg());
        SignIn("Admin Diskominfo", CatalogueDirectory.Diskominfo.AgencyId, [Roles.Administrator]);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        var provider = RenderDialogProvider();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<RetireDialog>("Pensiunkan",
            new DialogParameters<RetireDialog> { { d => d.AppId, _app.Id }, { d => d.Version, _app.Version } }));
        provider.WaitForElement("[data-testid=retire-save]", Wait);
        return (provider, dialog);
    }

    [Fact]
    public async Task Nothing_given_and_an_external_path_are_refused_at_the_replacement_field_keeping_what_was_typed_then_a_portal_path_retires()
    {
        var (provider, dialog) = await OpenAsync();

        provider.Find("[data-testid=retire-save]").Click();
        provider.WaitForAssertion(() => provider.Markup.ShouldContain(AppErrors.RetirementNeeded.Indonesian), Wait);

        Input(provider, "retire-contact").Change("Helpdesk TIK");
        Input(provider, "retire-replacement").Change("//evil.example/surat");
        provider.Find("[data-testid=retire-save]").Click();
        provider.WaitForAssertion(() => provider.Markup.ShouldContain(AppErrors.ReplacementPath.Indonesian), Wait);
        Input(provider, "retire-contact").GetAttribute("value").ShouldBe("Helpdesk TIK");
        (await Module.ReadAsync(db => db.Apps.SingleAsync(Ct))).Status.ShouldBe(AppStatus.Proxied);

        Input(provider, "retire-replacement").Change("/surat");
        provider.Find("[data-testid=retire-save]").Click();

        (await dialog.Result.WaitAsync(Wait, Ct))!.Canceled.ShouldBeFalse();
        var saved = await Module.ReadAsync(db => db.Apps.SingleAsync(Ct));
        (saved.Status, saved.ReplacementPath, saved.RetirementContact, saved.Upstream).ShouldBe((AppStatus.Retired, "/surat", "Helpdesk TIK", null));
        Module.Audit.Events.Select(e => e.Action).ShouldContain("app.retired");
    }

    [Fact]
    public async Task In_english_the_refusal_reads_in_english()
    {
        UseEnglish();
        var (provider, _) = await OpenAsync();

        provider.Find("[data-testid=retire-save]").Click();

        provider.WaitForAssertion(() => provider.Markup.ShouldContain(AppErrors.RetirementNeeded.English), Wait);
    }
}
