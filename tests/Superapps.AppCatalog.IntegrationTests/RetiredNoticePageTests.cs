using Bunit;
using Microsoft.AspNetCore.Components;
using Superapps.AppCatalog.Pages.Retired;
using Superapps.Testing;

namespace Superapps.AppCatalog.IntegrationTests;

/// <summary>The notice page a retired app's old bookmark lands on, for anyone: name, since when, where its data went, whom to ask, the replacement; nothing else.</summary>
public sealed class RetiredNoticePageTests(PostgresServer server) : CataloguePageTest(server)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var app = await Module.CreateAppAsync(CatalogueHarness.Simpeg("absen-apel") with { Name = "Absen Apel Pagi", Vendor = "CV Rahasia Vendor" });
        await Module.DeskAsync(d => d.RetireAsync(app.Id, app.Version, null, "Datanya dipindahkan ke e-Absen.", "BKPSDM, Bidang Data", Ct));
        await Module.CreateAppAsync(CatalogueHarness.Simpeg());
        AddAuthorization();
    }

    [Fact]
    public void Anyone_reads_the_notice_and_nothing_else_about_the_app()
    {
        var cut = Render<RetiredNoticePage>(p => p.Add(x => x.Slug, "absen-apel"));

        cut.WaitForElement("[data-testid=retired-notice]", Wait);
        cut.Find("[data-testid=retired-name]").TextContent.ShouldBe("Absen Apel Pagi");
        cut.Find("[data-testid=retired-since]").TextContent.ShouldContain("2 Desember 2026");
        cut.Find("[data-testid=retired-data]").TextContent.ShouldBe("Datanya dipindahkan ke e-Absen.");
        cut.Find("[data-testid=retired-contact]").TextContent.ShouldBe("BKPSDM, Bidang Data");
        cut.FindAll("[data-testid=retired-replacement]").ShouldBeEmpty();
        cut.Markup.ShouldNotContain("CV Rahasia Vendor");
        cut.Markup.ShouldNotContain("127.0.0.1");
    }

    [Fact]
    public void An_app_still_running_has_no_notice()
    {
        var cut = Render<RetiredNoticePage>(p => p.Add(x => x.Slug, "simpeg-lama"));

        cut.WaitForElement("[data-testid=retired-unknown]", Wait);
        cut.Markup.ShouldNotContain("SIMPEG");
    }

    [Fact]
    public void The_page_is_open_without_signing_in() =>
        typeof(RetiredNoticePage).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute), false).ShouldHaveSingleItem();
}
