using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Superapps.Letters.Features.Documents;
using Superapps.Letters.Features.Drafting;
using Superapps.Letters.Features.Numbering;
using Superapps.Letters.Features.Signing;
using Superapps.Organization.Contracts;
using Superapps.SharedKernel;
using Superapps.Testing;

namespace Superapps.Letters.IntegrationTests.Drafting;

/// <summary>
/// What an outgoing letter takes from the organisation directory: the unit code of its number (the OPD's code), the letterhead's
/// address and contacts (unless the OPD's numbering settings override them), and the signer's pangkat/golongan and NIP.
/// </summary>
public sealed partial class LetterheadAndSignatureTests(PostgresServer server) : IAsyncLifetime
{
    private DraftingWorld _world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _world = await DraftingWorld.CreateAsync(server);

    public async ValueTask DisposeAsync() => await _world.DisposeAsync();

    private Task<AgencyProfile> DiskominfoAsync() =>
        _world.WithAsync(async sp => (await sp.GetRequiredService<IOrganizationDirectory>().GetAgencyAsync(_world.Agency, Ct))!);

    /// <summary>A nota dinas from the staff member, signed by the Kepala without reviewers, submitted: at the signer with its number.</summary>
    private async Task<Guid> AtSignerAsync()
    {
        var staf = await _world.ViewerAsync(DraftingWorld.HolderOf(_world.Staf));
        var input = await _world.NotaDinasAsync(_world.Staf.PositionId, reviewers: [], signer: _world.Kepala.PositionId);
        var id = await _world.WithAsync(sp => sp.GetRequiredService<DraftingDesk>().CreateAsync(staf, input, Ct));
        await _world.WithAsync(async sp => await sp.GetRequiredService<DraftingDesk>().SubmitAsync(staf, id, (await _world.LoadAsync(id)).Version, Ct));
        return id;
    }

    private async Task<LetterDocument> PreviewAsync(Guid id)
    {
        var staf = await _world.ViewerAsync(DraftingWorld.HolderOf(_world.Staf));
        await _world.WithAsync(sp => sp.GetRequiredService<DraftDocuments>().PreviewAsync(staf, id, Ct));
        return _world.Renderer.Documents[^1];
    }

    [Fact]
    public async Task Without_numbering_settings_the_number_carries_the_opd_code_and_the_settings_page_offers_it()
    {
        var view = await _world.WithAsync(sp => sp.GetRequiredService<NumberingSettings>().GetAsync(_world.Agency, Ct));
        var agency = await DiskominfoAsync();

        view.Current.UnitCode.ShouldBe("DISKOMINFO");
        view.DefaultUnitCode.ShouldBe("DISKOMINFO");
        view.Current.Address.ShouldBeNull();
        view.DirectoryAddress.ShouldBe(agency.AddressLine);
        view.DirectoryContact.ShouldBe(agency.ContactLine);

        var id = await AtSignerAsync();
        var letter = await _world.LoadAsync(id);
        letter.Number.ShouldBe("000.1.5/1/DISKOMINFO/2026");
        letter.Number!.ShouldNotContain("/DKI/");
    }

    [Fact]
    public async Task The_letterhead_prints_the_directorys_address_and_contacts_and_a_typed_override_wins_line_by_line()
    {
        var agency = await DiskominfoAsync();
        agency.AddressLine.ShouldNotBeEmpty();
        agency.ContactLine.ShouldNotBeNull();
        var id = await AtSignerAsync();

        var preview = await PreviewAsync(id);
        preview.Letterhead.Address.ShouldBe(agency.AddressLine);
        preview.Letterhead.Contact.ShouldBe(agency.ContactLine);

        var admin = await _world.ViewerAsync(DraftingWorld.HolderOf(_world.Kepala));
        await _world.WithAsync(sp => sp.GetRequiredService<NumberingSettings>().SaveAsync(admin, isAgencyAdministrator: true,
            new NumberingSettingsInput(LetterNumberFormat.DefaultTemplate, "KOMINFO", "Gedung Pelayanan Terpadu Lantai 3, Kotabaru", null), Ct));

        var overridden = await PreviewAsync(id);
        overridden.Letterhead.Address.ShouldBe("Gedung Pelayanan Terpadu Lantai 3, Kotabaru");
        overridden.Letterhead.Contact.ShouldBe(agency.ContactLine);
    }

    [Fact]
    public async Task The_signed_letter_prints_the_signers_name_then_pangkat_then_nip()
    {
        var id = await AtSignerAsync();
        var kepala = await _world.WithAsync(sp => sp.GetRequiredService<IOrganizationDirectory>().GetEmployeeAsync(DraftingWorld.HolderOf(_world.Kepala), Ct));
        kepala!.RankLine.ShouldBe("Pembina Utama Muda (IV/c)");

        // The preview already shows who would sign, with pangkat and NIP.
        var preview = await PreviewAsync(id);
        (preview.Signature.Name, preview.Signature.Rank, preview.Signature.Nip).ShouldBe((kepala.Name, kepala.RankLine, kepala.Nip));

        var viewer = await _world.ViewerAsync(kepala.EmployeeId);
        await _world.WithAsync(async sp => await sp.GetRequiredService<OutgoingLetterSigning>().SignAsync(viewer, id, FakeSigner.Passphrase,
            (await _world.LoadAsync(id)).Version, Ct));

        var document = _world.Renderer.Documents[^1];
        document.Signature.IsSigned.ShouldBeTrue();
        (document.Signature.Name, document.Signature.Rank, document.Signature.Nip).ShouldBe((kepala.Name, "Pembina Utama Muda (IV/c)", kepala.Nip));
        var text = SignedPdfText.Of(document);
        SignedPdfText.ShouldAppearInOrder(text, _world.Kepala.Title + ",", kepala.Name, "Pembina Utama Muda (IV/c)", $"NIP. {kepala.Nip}");
    }
}

/// <summary>Renders a captured document with the real renderer and reads its text back with poppler's pdftotext.</summary>
internal static partial class SignedPdfText
{
    public static string Of(LetterDocument document)
    {
        var path = Path.Combine(Path.GetTempPath(), $"superapps-letter-{Guid.NewGuid():N}.pdf");
        try
        {
            File.WriteAllBytes(path, new LetterPdfRenderer().Render(document));
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-layout", path, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue();
            process.ExitCode.ShouldBe(0);
            return Spaces().Replace(output, " ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static void ShouldAppearInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            found.ShouldBeGreaterThanOrEqualTo(0, $"\"{part}\" should appear after position {at} in:\n{text}");
            at = found + part.Length;
        }
    }

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
