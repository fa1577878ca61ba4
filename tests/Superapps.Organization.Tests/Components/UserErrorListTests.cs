using Bunit;
using Superapps.SharedKernel;
using Superapps.Testing;
using Superapps.UI.Components;

namespace Superapps.Organization.Tests.Components;

public sealed class UserErrorListTests : SuperappsComponentTest
{
    private static readonly UserError NipTaken = new("organization.employee.nip-taken",
        "NIP sudah dipakai pegawai lain.", "The NIP belongs to another employee.", "nip");

    private static readonly UserError NameRequired = new("organization.employee.name", "Nama wajib diisi.", "The name is required.", "name");

    [Fact]
    public void Without_errors_nothing_is_shown()
    {
        var cut = Render<UserErrorList>(p => p.Add(x => x.Errors, []));

        cut.FindAll("[data-testid=errors]").ShouldBeEmpty();
        cut.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void Errors_are_shown_in_Indonesian_by_default()
    {
        var cut = Render<UserErrorList>(p => p.Add(x => x.Errors, [NipTaken, NameRequired]));

        var lines = cut.Find("[data-testid=errors]").QuerySelectorAll("div").Select(d => d.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        lines.ShouldContain("NIP sudah dipakai pegawai lain.");
        lines.ShouldContain("Nama wajib diisi.");
        cut.Markup.ShouldNotContain("The NIP belongs to another employee.");
    }

    [Fact]
    public void Errors_are_shown_in_English_when_the_user_reads_English()
    {
        UseEnglish();

        var cut = Render<UserErrorList>(p => p.Add(x => x.Errors, [NipTaken]));

        var alert = cut.Find("[data-testid=errors]");
        alert.TextContent.ShouldContain("The NIP belongs to another employee.");
        alert.TextContent.ShouldNotContain("NIP sudah dipakai pegawai lain.");
    }

    [Fact]
    public void Errors_that_arrive_later_are_shown()
    {
        var cut = Render<UserErrorList>(p => p.Add(x => x.Errors, []));

        cut.Render(p => p.Add(x => x.Errors, [NameRequired]));

        cut.Find("[data-testid=errors]").TextContent.ShouldContain("Nama wajib diisi.");
    }
}
