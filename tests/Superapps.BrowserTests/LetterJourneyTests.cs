using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Superapps.SharedKernel;

namespace Superapps.BrowserTests;

/// <summary>
/// An incoming letter in Diskominfo: the registry clerk registers a scanned letter, the Kepala Dinas disposes it to a Kabid,
/// with a recorded voice instruction, the Kabid plays it and passes the letter to a staff member, the staff member reports, the Kabid accepts; someone from another OPD cannot open it.
/// </summary>
public sealed class LetterJourneyTests(PortalFixture fixture)
{
    private const string Kepala = "Kepala Dinas Komunikasi dan Informatika";
    private const string Kabid = "Kepala Bidang Aplikasi dan Informatika";
    private const string OtherKabid = "Kepala Bidang Infrastruktur TIK dan Persandian";

    /// <summary>Types a code into the classification search, waits for the search for the whole code to answer, and picks the entry.</summary>
    private static async Task PickClassificationAsync(IPage page, string code, string name)
    {
        await page.GetByTestId("letter-classification").FillAsync(code);
        var results = page.GetByTestId("classification-results").GetByRole(AriaRole.Button);
        await Assertions.Expect(results.Filter(new LocatorFilterOptions { HasText = $"{code} {name}" })).ToHaveCountAsync(1);
        await Assertions.Expect(results.Filter(new LocatorFilterOptions { HasNotText = code })).ToHaveCountAsync(0);
        await results.Filter(new LocatorFilterOptions { HasText = $"{code} {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Dipilih: {code} {name}")).ToBeVisibleAsync();
    }

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

    [Fact]
    public async Task A_scanned_letter_is_registered_disposed_down_two_levels_reported_and_accepted()
    {
        var subject = $"Undangan evaluasi SPBE {Guid.NewGuid():N}"[..40];
        var (clerkLogin, _) = await fixture.UserWithRoleInAsync(Roles.RegistryClerk, "DISKOMINFO");
        var (kepalaLogin, _) = await fixture.UserWithPositionAsync(Kepala);
        var (kabidLogin, kabidName) = await fixture.UserWithPositionAsync(Kabid);
        var (stafLogin, _, stafTitle) = await fixture.SubordinateOfAsync(Kabid);

        // The clerk registers the scanned letter.
        var clerk = await SignedInAsync(clerkLogin);
        await GoAsync(clerk, "surat/catat");
        await clerk.GetByTestId("letter-sender").FillAsync("Dinas Kominfo Provinsi Jambi");
        await clerk.GetByTestId("letter-number").FillAsync("005/412/DISKOMINFO-PROV/2026");
        await clerk.GetByTestId("letter-subject").FillAsync(subject);
        await PickClassificationAsync(clerk, "000.1.5", "Rapat Pimpinan");
        var chooser = await clerk.RunAndWaitForFileChooserAsync(() => clerk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Pindaian surat (PDF/JPEG/PNG)" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "surat.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
        await Assertions.Expect(clerk.GetByText("surat.pdf", new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        // The scan is shown from the browser's own copy before anything is uploaded.
        await Assertions.Expect(clerk.Locator("iframe[data-testid=scan-preview]")).ToHaveAttributeAsync("src", new Regex("^blob:"));
        await Assertions.Expect(clerk.GetByTestId("scan-preview-open")).ToHaveAttributeAsync("href", new Regex("^blob:"));
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-scan-preview.png"), FullPage = true });
        await clerk.GetByTestId("letter-register").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("letter-registered")).ToContainTextAsync("nomor agenda");
        var letterUrl = clerk.Url.Split('?')[0];
        await Assertions.Expect(clerk.GetByTestId("letter-scan")).ToBeVisibleAsync();
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-registered.png"), FullPage = true });

        // The letter is in the OPD's agenda book.
        await GoAsync(clerk, "surat/agenda");
        await clerk.GetByTestId("agenda-search").FillAsync(subject);
        await Assertions.Expect(clerk.GetByTestId("agenda").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(clerk.GetByTestId("agenda-subject")).ToContainTextAsync(subject);
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-agenda.png"), FullPage = true });
        var export = await clerk.APIRequest.GetAsync((await clerk.GetByTestId("agenda-export").GetAttributeAsync("href"))!);
        export.Status.ShouldBe(200);
        export.Headers["content-type"].ShouldStartWith("text/csv");
        (await export.TextAsync()).ShouldContain(subject);
        await clerk.SetViewportSizeAsync(360, 740);
        await Assertions.Expect(clerk.GetByTestId("agenda-subject")).ToContainTextAsync(subject);
        await clerk.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-agenda-phone.png"), FullPage = true });
        (await clerk.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).ShouldBeLessThanOrEqualTo(0);

        // The Kepala Dinas sees it counted on the home page and unread in the inbox, opens it and disposes it to two Kabid.
        var kepala = await SignedInAsync(kepalaLogin);
        await Assertions.Expect(kepala.GetByTestId("home-unread-letters")).Not.ToHaveTextAsync("0");
        await kepala.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("home-letters.png"), FullPage = true });
        await GoAsync(kepala, "surat");
        await kepala.GetByTestId("inbox-search").FillAsync(subject);
        await Assertions.Expect(kepala.GetByTestId("inbox").Locator("tbody tr")).ToHaveCountAsync(1);
        await kepala.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-inbox.png"), FullPage = true });
        await kepala.GetByTestId("inbox").Locator("tbody tr").First.ClickAsync();
        await PortalFixture.WaitInteractiveAsync(kepala);
        // On the phone, as leaders do: dispose with a recorded voice instruction.
        await kepala.Context.GrantPermissionsAsync(["microphone"], new BrowserContextGrantPermissionsOptions { Origin = fixture.Stack.PortalUrl.GetLeftPart(UriPartial.Authority) });
        await kepala.SetViewportSizeAsync(360, 740);
        await kepala.GetByTestId("letter-dispose").ClickAsync();
        await kepala.GetByTestId("dispose-targets").GetByText(Kabid, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await kepala.GetByTestId("dispose-targets").GetByText(OtherKabid, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await kepala.GetByTestId("dispose-presets").GetByText("Tindak lanjuti").ClickAsync();
        await kepala.GetByTestId("dispose-note").FillAsync("Siapkan paparan untuk rapat evaluasi.");
        var recorder = kepala.GetByTestId("voice-recorder");
        await kepala.GetByTestId("voice-record").ClickAsync();
        await Assertions.Expect(recorder).ToHaveAttributeAsync("data-state", "recording");
        await Assertions.Expect(recorder).ToHaveAttributeAsync("data-elapsed", new Regex("^[1-9]"));
        await kepala.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-voice-recording-phone.png") });
        await kepala.GetByTestId("voice-stop").ClickAsync();
        await Assertions.Expect(recorder).ToHaveAttributeAsync("data-state", "recorded");
        await Assertions.Expect(kepala.GetByTestId("voice-playback")).ToHaveAttributeAsync("src", new Regex("^blob:"));
        await kepala.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-voice-recorded-phone.png") });
        var overflow360 = await kepala.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow360.ShouldBeLessThanOrEqualTo(0);
        await kepala.GetByTestId("dispose-send").ClickAsync();
        await Assertions.Expect(kepala.GetByTestId("disposition-node")).ToHaveCountAsync(2);
        await Assertions.Expect(kepala.GetByTestId("node-voice")).ToHaveCountAsync(2);
        await kepala.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(kepala.GetByTestId("node-state").First).ToHaveTextAsync("Belum dibaca");

        // The Kabid passes it down to a staff member.
        var kabid = await SignedInAsync(kabidLogin);
        await GoAsync(kabid, new Uri(letterUrl).AbsolutePath.TrimStart('/'));

        // The Kabid can play the voice instruction: the player's source answers with audio.
        var voice = kabid.GetByTestId("node-voice").First;
        await Assertions.Expect(voice).ToBeVisibleAsync();
        var audio = await kabid.APIRequest.GetAsync(new Uri(fixture.Stack.PortalUrl, await voice.GetAttributeAsync("src")).ToString());
        audio.Status.ShouldBe(200);
        audio.Headers["content-type"].ShouldStartWith("audio/");
        (await audio.BodyAsync()).Length.ShouldBeGreaterThan(0);
        await kabid.GetByTestId("node-dispose").First.ClickAsync();
        await kabid.GetByTestId("dispose-targets").GetByText(stafTitle, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await kabid.GetByTestId("dispose-presets").GetByText("Siapkan bahan").ClickAsync();
        await kabid.GetByTestId("dispose-send").ClickAsync();
        await Assertions.Expect(kabid.GetByTestId("disposition-node")).ToHaveCountAsync(3);

        // The staff member reports; the Kabid accepts.
        var staf = await SignedInAsync(stafLogin, 360, 740);
        await GoAsync(staf, new Uri(letterUrl).AbsolutePath.TrimStart('/'));
        await staf.GetByTestId("node-complete").ClickAsync();
        // The send button is disabled until the server has the text, and wakes up once it does.
        await Assertions.Expect(staf.GetByTestId("followup-send")).ToBeDisabledAsync();
        await PortalFixture.FillUntilEnabledAsync(staf.GetByTestId("followup-text"), "Bahan paparan sudah disiapkan dan dikirim ke Kabid.", staf.GetByTestId("followup-send"));
        await staf.GetByTestId("followup-send").ClickAsync();
        await Assertions.Expect(staf.GetByTestId("node-report")).ToContainTextAsync("Bahan paparan");
        await staf.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-phone.png"), FullPage = true });
        var overflow = await staf.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);

        await kabid.ReloadAsync();
        await PortalFixture.WaitInteractiveAsync(kabid);
        await kabid.GetByTestId("node-accept").ClickAsync();
        var done = kabid.Locator("[data-testid=disposition-node][data-state=Done]");
        await Assertions.Expect(done).ToHaveCountAsync(1);
        await Assertions.Expect(kabid.GetByTestId("node-report")).ToContainTextAsync("diterima");
        await kabid.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("letter-tree.png"), FullPage = true });

        // Someone from another OPD cannot open the letter, whatever URL they type.
        var (outsiderLogin, _) = await fixture.UserWithPositionAsync("Sekretaris Daerah");
        var outsider = await SignedInAsync(outsiderLogin);
        var response = await outsider.GotoAsync(letterUrl);
        response!.Status.ShouldBe(403);
        await Assertions.Expect(outsider.GetByTestId("letter-not-found")).ToBeVisibleAsync();
        await Assertions.Expect(outsider.GetByText(subject)).ToHaveCountAsync(0);
    }
}
