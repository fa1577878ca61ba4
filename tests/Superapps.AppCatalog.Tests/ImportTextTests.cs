using Superapps.AppCatalog.Contracts;
using Superapps.AppCatalog.Features.Import;

namespace Superapps.AppCatalog.Tests;

/// <summary>How the import reads statuses, decisions, identity modes and access, in Indonesian or English.</summary>
public sealed class ImportTextTests
{
    [Theory]
    [InlineData("diproksi", AppStatus.Proxied)]
    [InlineData("Proxied", AppStatus.Proxied)]
    [InlineData("akan-diintegrasikan", AppStatus.ToIntegrate)]
    [InlineData("akan dipensiunkan", AppStatus.Retiring)]
    [InlineData("aktif", AppStatus.Active)]
    public void Statuses_read_in_either_language(string text, AppStatus status) => CatalogueText.ParseStatus(text).ShouldBe(status);

    [Fact]
    public void Every_status_reads_back_as_written() =>
        Enum.GetValues<AppStatus>().ShouldAllBe(s => CatalogueText.ParseStatus(CatalogueText.Format(s)) == s);

    [Theory]
    [InlineData("hentikan", TimeDecision.Eliminate)]
    [InlineData("Migrate", TimeDecision.Migrate)]
    [InlineData("pertahankan", TimeDecision.Tolerate)]
    public void Decisions_read_in_either_language(string text, TimeDecision decision) => CatalogueText.ParseDecision(text).ShouldBe(decision);

    [Fact]
    public void Unknown_words_are_not_guessed()
    {
        CatalogueText.ParseStatus("hidup").ShouldBeNull();
        CatalogueText.ParseDecision("mungkin").ShouldBeNull();
        CatalogueText.ParseIdentity("kerberos").ShouldBeNull();
        CatalogueText.ParseAccess("semua orang kecuali").ShouldBeNull();
    }

    [Fact]
    public void Access_reads_public_employees_or_roles_and_opds()
    {
        CatalogueText.ParseAccess("publik")!.Value.IsPublic.ShouldBeTrue();
        CatalogueText.ParseAccess(null)!.Value.ShouldSatisfyAllConditions(a => a.IsPublic.ShouldBeFalse(), a => a.Roles.ShouldBeEmpty(), a => a.AgencyCodes.ShouldBeEmpty());
        var limited = CatalogueText.ParseAccess("peran=Admin, admin-opd; opd=BKPSDM,DISDIK")!.Value;
        limited.Roles.ShouldBe(["admin", "admin-opd"]);
        limited.AgencyCodes.ShouldBe(["BKPSDM", "DISDIK"]);
        CatalogueText.ParseIdentity("signed-headers").ShouldBe(IdentityMode.SignedHeaders);
        CatalogueText.ParseIdentity("").ShouldBe(IdentityMode.None);
    }
}
