using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Domain;
using Superapps.SharedKernel;

namespace Superapps.AppCatalog.Tests;

/// <summary>The catalogue's rules on an app: slug, decision reasons, proxy and identity, retirement.</summary>
public sealed class CityAppRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Bkpsdm = Guid.CreateVersion7();

    private static AppDraft Draft(string slug = "simpeg-lama") => new(slug, "SIMPEG Lama", Bkpsdm, Upstream: "http://simpeg.kota.example/", Status: AppStatus.Proxied,
        Identity: IdentityMode.SignedHeaders);

    private static IReadOnlyList<UserError> Refused(Action action) => Should.Throw<DomainRuleException>(action).Errors;

    [Theory]
    [InlineData("simpeg-lama", true)]
    [InlineData("e-kinerja2", true)]
    [InlineData("a", true)]
    [InlineData("Simpeg", false)]
    [InlineData("-simpeg", false)]
    [InlineData("simpeg-", false)]
    [InlineData("simpeg--lama", false)]
    [InlineData("simpeg lama", false)]
    [InlineData("simpeg_lama", false)]
    [InlineData("", false)]
    public void A_slug_is_lowercase_letters_digits_and_single_inner_hyphens(string slug, bool valid) => AppSlug.IsValid(slug).ShouldBe(valid);

    [Fact]
    public void A_slug_longer_than_the_limit_is_refused() => AppSlug.IsValid(new string('a', AppSlug.MaxLength + 1)).ShouldBeFalse();

    [Fact]
    public void A_bad_slug_is_refused_at_its_field_in_both_languages()
    {
        var error = Refused(() => CityApp.Create(Draft("SIMPEG Lama"), "BKPSDM", Now)).ShouldHaveSingleItem();

        (error.Field, error.Code).ShouldBe(("slug", "appcatalog.slug"));
        error.Indonesian.ShouldContain("huruf kecil");
        error.English.ShouldContain("lowercase");
    }

    [Theory]
    [InlineData(TimeDecision.Migrate)]
    [InlineData(TimeDecision.Eliminate)]
    public void Migrate_and_eliminate_need_reasons(TimeDecision decision)
    {
        Refused(() => CityApp.Create(Draft() with { Decision = decision, Reasons = "  " }, "BKPSDM", Now)).ShouldHaveSingleItem().Field.ShouldBe("reasons");
        CityApp.Create(Draft() with { Decision = decision, Reasons = "Fungsinya sudah ada di portal." }, "BKPSDM", Now).DecisionReasons.ShouldBe("Fungsinya sudah ada di portal.");
    }

    [Theory]
    [InlineData(TimeDecision.Tolerate)]
    [InlineData(TimeDecision.Invest)]
    public void Tolerate_and_invest_need_no_reasons(TimeDecision decision) =>
        CityApp.Create(Draft() with { Decision = decision }, "BKPSDM", Now).Decision.ShouldBe(decision);

    [Fact]
    public void A_proxied_app_needs_an_upstream()
    {
        Refused(() => CityApp.Create(Draft() with { Upstream = null }, "BKPSDM", Now)).ShouldHaveSingleItem().Code.ShouldBe("appcatalog.proxied-upstream");
    }

    [Theory]
    [InlineData("ftp://simpeg.kota.example/")]
    [InlineData("simpeg.kota.example")]
    [InlineData("/simpeg")]
    public void An_upstream_is_an_absolute_http_url(string upstream) =>
        Refused(() => CityApp.Create(Draft() with { Upstream = upstream }, "BKPSDM", Now)).ShouldHaveSingleItem().Code.ShouldBe("appcatalog.upstream");

    [Theory]
    [InlineData(IdentityMode.SignedHeaders)]
    [InlineData(IdentityMode.Oidc)]
    public void A_public_app_cannot_receive_an_identity(IdentityMode mode) =>
        Refused(() => CityApp.Create(Draft() with { IsPublic = true, Identity = mode }, "BKPSDM", Now)).ShouldHaveSingleItem().Field.ShouldBe("identity");

    [Fact]
    public void All_errors_of_a_draft_are_given_at_once_each_at_its_field()
    {
        var errors = Refused(() => CityApp.Create(Draft() with { Name = "", OwnerAgencyId = Guid.Empty, Upstream = null, YearlyCost = -1, Decision = TimeDecision.Eliminate,
            HealthPath = "health", MaxRequestBodyBytes = 10, Roles = ["raja"] }, "BKPSDM", Now));

        errors.Select(e => e.Field).ShouldBe(["name", "owner", "yearlyCost", "reasons", "upstream", "access", "healthPath", "maxRequestBodyBytes"], ignoreOrder: true);
    }

    [Fact]
    public void An_app_is_not_created_retired() =>
        Refused(() => CityApp.Create(Draft() with { Status = AppStatus.Retired, Upstream = null }, "BKPSDM", Now)).ShouldHaveSingleItem().Code.ShouldBe("appcatalog.status-retired");

    [Theory]
    [InlineData("/surat")]
    [InlineData("/data-terbuka/dataset?q=sekolah")]
    [InlineData("/")]
    public void A_replacement_is_a_path_inside_the_portal(string path) => ReplacementPath.IsValid(path).ShouldBeTrue();

    [Theory]
    [InlineData("//evil.example/surat")]
    [InlineData("/\\evil.example")]
    [InlineData("http://evil.example/")]
    [InlineData("https:/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("surat")]
    [InlineData("/apps/simpeg-lama/")]
    [InlineData("/APPS/x")]
    [InlineData("/apps")]
    [InlineData("/su rat")]
    [InlineData("/a:b")]
    public void A_replacement_is_never_external_nor_under_the_proxy(string path) => ReplacementPath.IsValid(path).ShouldBeFalse();

    [Fact]
    public void Retiring_needs_a_replacement_or_a_notice()
    {
        var app = CityApp.Create(Draft(), "BKPSDM", Now);

        Refused(() => app.Retire(" ", null, "Helpdesk", Now)).ShouldHaveSingleItem().Field.ShouldBe("replacement");
        Refused(() => app.Retire("//evil.example", null, null, Now)).ShouldHaveSingleItem().Code.ShouldBe("appcatalog.replacement-path");
        app.Status.ShouldBe(AppStatus.Proxied);
    }

    [Fact]
    public void A_retired_app_is_not_proxied_and_leads_to_its_replacement_or_its_notice()
    {
        var replaced = CityApp.Create(Draft(), "BKPSDM", Now);
        replaced.Retire("/surat", null, null, Now);
        var noticed = CityApp.Create(Draft("e-absen-lama"), "BKPSDM", Now);
        noticed.Retire(null, "Datanya dipindahkan ke e-Absen.", "BKPSDM", Now);

        (replaced.Status, replaced.Upstream, replaced.RetiredAt).ShouldBe((AppStatus.Retired, null, Now));
        replaced.Retirement!.RedirectPath(replaced.Slug).ShouldBe("/surat");
        noticed.Retirement!.RedirectPath(noticed.Slug).ShouldBe("/aplikasi/e-absen-lama/pensiun");
        Refused(() => replaced.Update(Draft() with { Status = AppStatus.Retired }, "BKPSDM", Now)).ShouldHaveSingleItem().Code.ShouldBe("appcatalog.retired-upstream");
        Refused(() => replaced.Update(Draft(), "BKPSDM", Now)).Select(e => e.Code).ShouldContain("appcatalog.status-unretire");
        Should.Throw<DomainRuleException>(() => replaced.Retire("/surat", null, null, Now)).Error.Code.ShouldBe("appcatalog.already-retired");
    }

    [Fact]
    public void Undoing_a_retirement_brings_the_app_back_active_without_its_retirement()
    {
        var app = CityApp.Create(Draft(), "BKPSDM", Now);
        app.Retire("/surat", null, null, Now);

        app.Unretire(Now.AddDays(1));

        (app.Status, app.ReplacementPath, app.RetiredAt, app.Retirement).ShouldBe((AppStatus.Active, null, null, null));
        Should.Throw<DomainRuleException>(() => app.Unretire(Now)).Error.Code.ShouldBe("appcatalog.not-retired");
    }
}
