using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Superapps.Testing;

namespace Superapps.BrowserTests;

/// <summary>
/// An outgoing nota dinas from Diskominfo to the head of another OPD: a staff member drafts it in the rich-text editor, the Kasi
/// and the Kabid approve it (paraf), the Kepala Dinas enrols for a signing certificate and signs with the passphrase (a wrong one
/// first), the letter lands in the addressed head's inbox, and the QR code's public page says it is valid, without a login.
/// </summary>
public sealed class OutgoingLetterJourneyTests(PortalFixture fixture)
{
    private const string Kepala = "Kepala Dinas Komunikasi dan Informatika";
    private const string Kabid = "Kepala Bidang Aplikasi dan Informatika";
    private const string Kasi = "Kepala Seksi Pengembangan dan Pengelolaan Aplikasi";
    private const string Staff = "Pranata Komputer Ahli Pertama";
    private const string Passphrase = "Frasa-Sandi-Kepala-2026";

    private async Task<IPage> SignedInAsync(string login, int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        await fixture.SignInAsync(page, login);
        return page;
    }

    private async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, path).ToString());
        await PortalFixture.WaitInteractiveAsync(page);
    }

    /// <summary>The head position of an OPD other than Diskominfo that has an account, and that account.</summary>
    private async Task<(string Title, string Login)> OtherAgencyHeadAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p.title, u.user_name FROM organization.positions p
            JOIN organization.agencies a ON a.id = p.agency_id
            JOIN organization.employees e ON e.position_id = p.id
            JOIN identity.users u ON u.employee_id = e.id
            WHERE p.is_head_of_agency AND p.is_active AND a.code <> 'DISKOMINFO' AND p.title LIKE 'Kepala Dinas %'
            ORDER BY p.title LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetString(0), reader.GetString(1)) : throw new InvalidOperationException("No other OPD head has an account");
    }

    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new PageGetByRoleOptions { Name = option, Exact = true }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
    }

    [Fact]
    public async Task A_nota_dinas_is_drafted_reviewed_signed_delivered_and_verified()
    {
        var subject = $"Permintaan data aplikasi {Guid.NewGuid():N}"[..40];
        var (headTitle, headLogin) = await OtherAgencyHeadAsync();
        var (staffLogin, _) = await fixture.UserWithPositionAsync(Staff);
        var (kasiLogin, _) = await fixture.UserWithPositionAsync(Kasi);
        var (kabidLogin, _) = await fixture.UserWithPositionAsync(Kabid);
        var (kepalaLogin, _) = await fixture.UserWithPositionAsync(Kepala);

        // The Kepala Dinas enrols for a signing certificate (issued by the city's own certification authority).
        var kepala = await SignedInAsync(kepalaLogin);
        await GoAsync(kepala, "tanda-tangan");
        await kepala.GetByTestId("passphrase").FillAsync(Passphrase);
        await kepala.GetByTestId("confirmation").FillAsync(Passphrase);
        await kepala.GetByTestId("enrol").ClickAsync();
        await Assertions.Expect(kepala.GetByTestId("enrol-done")).ToBeVisibleAsync();
        await Assertions.Expect(kepala.GetByTestId("certificate")).ToBeVisibleAsync();

        // A staff member drafts the nota dinas to the other OPD's head.
        var staff = await SignedInAsync(staffLogin);
        await GoAsync(staff, "surat/konsep/baru?jenis=nota-dinas");
        await staff.GetByTestId("draft-subject").FillAsync(subject);
        await staff.GetByTestId("draft-classification").FillAsync("000.1.5");
        await PickAsync(staff, "draft-addressee", headTitle);
        await staff.GetByTestId("draft-addressee-add").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("draft-addressee-chip")).ToContainTextAsync(headTitle);
        // A letter leaving the OPD is reviewed by the Kasi and the Kabid and signed by the Kepala (the default chain).
        await Assertions.Expect(staff.GetByTestId("draft-reviewer")).ToHaveTextAsync([Kasi, Kabid]);
        var editor = staff.GetByTestId("rich-text-editor");
        await editor.ClickAsync();
        await staff.Keyboard.PressAsync("Control+End");
        await staff.Keyboard.PressAsync("Enter");
        await staff.Keyboard.TypeAsync("Mohon data pengguna aplikasi layanan publik untuk evaluasi SPBE.");
        await staff.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Tebal" }).ClickAsync();
        await staff.GetByTestId("draft-subject").ClickAsync();
        await staff.GetByTestId("draft-save").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/surat/konsep/[0-9a-f-]{36}$"));
        await PortalFixture.WaitInteractiveAsync(staff);
        var draftPath = new Uri(staff.Url).AbsolutePath.TrimStart('/');
        await Assertions.Expect(staff.GetByTestId("draft-body")).ToContainTextAsync("evaluasi SPBE");
        await staff.GetByTestId("draft-submit").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("draft-state")).ToHaveTextAsync("Diperiksa");

        // The Kasi and then the Kabid give their paraf.
        var kasi = await SignedInAsync(kasiLogin);
        await GoAsync(kasi, draftPath);
        await kasi.GetByTestId("draft-approve").ClickAsync();
        await Assertions.Expect(kasi.GetByTestId("draft-approve")).ToHaveCountAsync(0);

        var kabid = await SignedInAsync(kabidLogin);
        await Assertions.Expect(kabid.GetByTestId("home-drafts-to-review")).Not.ToHaveTextAsync("0");
        await GoAsync(kabid, draftPath);
        await Assertions.Expect(kabid.GetByTestId("draft-timeline")).ToContainTextAsync(Kasi);
        await kabid.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("outgoing-review.png"), FullPage = true });
        await kabid.GetByTestId("draft-approve").ClickAsync();
        await Assertions.Expect(kabid.GetByTestId("draft-state")).ToHaveTextAsync("Menunggu tanda tangan");
        await Assertions.Expect(kabid.GetByTestId("draft-number")).Not.ToContainTextAsync("belum");

        // The Kepala signs on the phone: a wrong passphrase is refused in place, the right one signs and sends.
        await kepala.SetViewportSizeAsync(360, 740);
        await GoAsync(kepala, draftPath);
        await kepala.GetByTestId("draft-sign").ClickAsync();
        await kepala.GetByTestId("sign-passphrase").FillAsync("bukan-frasa-sandinya");
        await kepala.GetByTestId("sign-confirm").ClickAsync();
        await Assertions.Expect(kepala.GetByTestId("sign-error")).ToContainTextAsync("Frasa sandi salah");
        await Assertions.Expect(kepala.GetByTestId("draft-state")).ToHaveTextAsync("Menunggu tanda tangan");
        await kepala.GetByTestId("sign-passphrase").FillAsync(Passphrase);
        await kepala.GetByTestId("sign-confirm").ClickAsync();
        await Assertions.Expect(kepala.GetByTestId("draft-state")).ToHaveTextAsync("Terkirim");
        (await kepala.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).ShouldBeLessThanOrEqualTo(0);
        var number = (await kepala.GetByTestId("draft-number").TextContentAsync())!.Trim();

        // The signed PDF is a valid PDF; its first page is kept as a screenshot.
        var pdfResponse = await kepala.APIRequest.GetAsync(new Uri(fixture.Stack.PortalUrl, await kepala.GetByTestId("draft-signed-pdf").GetAttributeAsync("href")).ToString());
        pdfResponse.Status.ShouldBe(200);
        var pdfPath = Path.Combine(Path.GetTempPath(), $"nota-dinas-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdfPath, await pdfResponse.BodyAsync(), TestContext.Current.CancellationToken);
        await PdfTools.CheckWithQpdfAsync(pdfPath, TestContext.Current.CancellationToken);
        await PdfTools.ToPngAsync(pdfPath, Path.Combine(PortalFixture.ScreenshotDirectory, "outgoing-letter-pdf"), dpi: 70, firstPage: 1, lastPage: 1,
            cancellationToken: TestContext.Current.CancellationToken);

        // It is in the addressed OPD head's inbox.
        var head = await SignedInAsync(headLogin);
        await GoAsync(head, "surat");
        // Newest first: the letter just delivered is on the first page, found by its subject.
        await Assertions.Expect(head.GetByTestId("inbox").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = subject })).ToHaveCountAsync(1);
        await Assertions.Expect(head.GetByTestId("inbox").Locator("tbody tr").Filter(new LocatorFilterOptions { HasText = subject })).ToContainTextAsync(number);

        // Anyone scanning the QR code, signed in or not, sees that it is valid.
        var verification = await kepala.GetByTestId("draft-verification").GetAttributeAsync("href");
        var visitor = await fixture.NewPageAsync(360, 740);
        await visitor.GotoAsync(new Uri(fixture.Stack.PortalUrl, verification).ToString());
        await Assertions.Expect(visitor.GetByTestId("document-status")).ToContainTextAsync("sertifikat yang sah");
        await Assertions.Expect(visitor.GetByTestId("document-number")).ToContainTextAsync(number);
        visitor.Url.ShouldNotContain("/Account/Login");
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("outgoing-verification.png"), FullPage = true });

        // Anyone can upload the PDF they hold: intact and valid; with one byte changed, not intact.
        await visitor.GotoAsync(new Uri(fixture.Stack.PortalUrl, "verifikasi").ToString());
        await PortalFixture.WaitInteractiveAsync(visitor);
        await PortalFixture.SetFilesWhenReadyAsync(visitor, "[data-testid=pdf-input]",
            new FilePayload { Name = Path.GetFileName(pdfPath), MimeType = "application/pdf", Buffer = await File.ReadAllBytesAsync(pdfPath, TestContext.Current.CancellationToken) });
        await Assertions.Expect(visitor.GetByTestId("signature-state")).ToHaveTextAsync("Sah");
        await Assertions.Expect(visitor.GetByTestId("signature-intact")).ToContainTextAsync("Utuh");
        await Assertions.Expect(visitor.GetByTestId("registered-document")).ToContainTextAsync(number);
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("outgoing-verification-upload.png"), FullPage = true });
        var tampered = await File.ReadAllBytesAsync(pdfPath, TestContext.Current.CancellationToken);
        tampered[tampered.Length / 3] ^= 0x01;
        await PortalFixture.SetFilesWhenReadyAsync(visitor, "[data-testid=pdf-input]", new FilePayload { Name = "diubah.pdf", MimeType = "application/pdf", Buffer = tampered });
        await Assertions.Expect(visitor.GetByTestId("signature-state")).ToHaveTextAsync("Tidak sah");
        await Assertions.Expect(visitor.GetByTestId("signature-problems")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_draft_returned_by_the_Kabid_is_edited_with_its_notes_beside_the_form_and_submitted_again()
    {
        var subject = $"Permintaan data jaringan {Guid.NewGuid():N}"[..40];
        var (headTitle, _) = await OtherAgencyHeadAsync();
        var (staffLogin, _) = await fixture.UserWithPositionAsync(Staff);
        var (kabidLogin, _) = await fixture.UserWithPositionAsync(Kabid);

        // The staff member drafts it and takes the Kasi off the default chain: the Kabid reviews alone.
        var staff = await SignedInAsync(staffLogin);
        await GoAsync(staff, "surat/konsep/baru?jenis=nota-dinas");
        await staff.GetByTestId("draft-subject").FillAsync(subject);
        await staff.GetByTestId("draft-classification").FillAsync("000.1.5");
        await PickAsync(staff, "draft-addressee", headTitle);
        await staff.GetByTestId("draft-addressee-add").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("draft-reviewer")).ToHaveCountAsync(2);
        await staff.GetByTestId("draft-reviewer").Filter(new LocatorFilterOptions { HasText = Kasi }).GetByTestId("draft-reviewer-remove").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("draft-reviewer")).ToHaveTextAsync([Kabid]);
        await staff.GetByTestId("draft-save").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/surat/konsep/[0-9a-f-]{36}$"));
        await PortalFixture.WaitInteractiveAsync(staff);
        var draftPath = new Uri(staff.Url).AbsolutePath.TrimStart('/');
        await staff.GetByTestId("draft-submit").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("draft-state")).ToHaveTextAsync("Diperiksa");

        // The Kabid returns it with notes.
        var kabid = await SignedInAsync(kabidLogin);
        await GoAsync(kabid, draftPath);
        await kabid.GetByTestId("draft-notes").FillAsync("Tambahkan tembusan kepada Kepala Dinas.");
        await kabid.GetByTestId("draft-return").ClickAsync();
        await Assertions.Expect(kabid.GetByTestId("draft-state")).ToHaveTextAsync("Dikembalikan");

        // The drafter opens the form with the notes beside it, adds the Kepala as an internal copy, and submits again.
        await GoAsync(staff, draftPath);
        await Assertions.Expect(staff.GetByTestId("draft-state")).ToHaveTextAsync("Dikembalikan");
        await staff.GetByTestId("draft-edit").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/ubah$"));
        await PortalFixture.WaitInteractiveAsync(staff);
        await Assertions.Expect(staff.GetByTestId("draft-return-text")).ToHaveTextAsync("Tambahkan tembusan kepada Kepala Dinas.");
        await Assertions.Expect(staff.GetByTestId("draft-subject")).ToHaveValueAsync(subject);
        await PickAsync(staff, "draft-copy-position", Kepala);
        await staff.GetByTestId("draft-copy-add").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("draft-copy-chip")).ToContainTextAsync(Kepala);
        await staff.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("outgoing-edit-returned.png"), FullPage = true });
        await staff.GetByTestId("draft-save-submit").ClickAsync();
        await staff.WaitForURLAsync(new Regex("/surat/konsep/[0-9a-f-]{36}$"));
        await Assertions.Expect(staff.GetByTestId("draft-state")).ToHaveTextAsync("Diperiksa");
        await Assertions.Expect(staff.GetByTestId("draft-copy-view-position")).ToContainTextAsync(Kepala);
        await Assertions.Expect(staff.GetByTestId("draft-copy-view-text")).ToHaveCountAsync(0);
    }
}
