using System.Text;
using Microsoft.Playwright;
using Superapps.SharedKernel;

namespace Superapps.BrowserTests;

/// <summary>
/// The Kepala Dinas has the portal open; the registry clerk registers a letter addressed to them in another browser; the Kepala's
/// bell counts it without a reload, lists it, and opening the notice lands on the letter.
/// </summary>
public sealed class NotificationJourneyTests(PortalFixture fixture)
{
    private const string Kepala = "Kepala Dinas Komunikasi dan Informatika";

    private async Task<IPage> SignedInAsync(string login, int width = 1280, int height = 900)
    {
        var page = await fixture.NewPageAsync(width, height);
        await fixture.SignInAsync(page, login);
        await PortalFixture.WaitInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task A_new_letter_rings_the_open_bell_of_its_addressee_and_the_notice_opens_the_letter()
    {
        var subject = $"Undangan bimtek SPBE {Guid.NewGuid():N}"[..36];
        var (clerkLogin, _) = await fixture.UserWithRoleInAsync(Roles.RegistryClerk, "DISKOMINFO");
        var (kepalaLogin, _) = await fixture.UserWithPositionAsync(Kepala);

        // The Kepala Dinas has the portal open.
        var kepala = await SignedInAsync(kepalaLogin);
        var bell = kepala.GetByTestId("notification-bell");
        await Assertions.Expect(bell).ToBeVisibleAsync();
        var before = await bell.GetAttributeAsync("data-unread");

        // The clerk registers a letter addressed to the head of the OPD (the registration form's default addressee).
        var clerk = await SignedInAsync(clerkLogin);
        await clerk.GotoAsync(new Uri(fixture.Stack.PortalUrl, "surat/catat").ToString());
        await PortalFixture.WaitInteractiveAsync(clerk);
        await clerk.GetByTestId("letter-sender").FillAsync("Kementerian PANRB");
        await clerk.GetByTestId("letter-number").FillAsync("B/77/SPBE/2026");
        await clerk.GetByTestId("letter-subject").FillAsync(subject);
        await clerk.GetByTestId("letter-classification").FillAsync("000.1.5");
        var results = clerk.GetByTestId("classification-results").GetByRole(AriaRole.Button);
        await Assertions.Expect(results.Filter(new LocatorFilterOptions { HasNotText = "000.1.5" })).ToHaveCountAsync(0);
        await results.Filter(new LocatorFilterOptions { HasText = "000.1.5 Rapat Pimpinan" }).ClickAsync();
        var chooser = await clerk.RunAndWaitForFileChooserAsync(() => clerk.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Pindaian surat (PDF/JPEG/PNG)" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "surat.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
        await Assertions.Expect(clerk.GetByText("surat.pdf", new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        await clerk.GetByTestId("letter-register").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("letter-registered")).ToContainTextAsync("nomor agenda");
        var letterPath = new Uri(clerk.Url.Split('?')[0]).AbsolutePath;

        // Without a reload, the Kepala's bell counts it and lists it.
        await Assertions.Expect(bell).Not.ToHaveAttributeAsync("data-unread", before ?? "0");
        await kepala.GetByTestId("notification-bell-button").ClickAsync();
        var notice = kepala.GetByTestId("notification-item").Filter(new LocatorFilterOptions { HasText = $"Surat masuk baru: {subject}" });
        await Assertions.Expect(notice).ToBeVisibleAsync();
        await Assertions.Expect(notice).ToContainTextAsync("WIB");
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-read", "false");
        await kepala.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("notifications-bell.png") });

        // Opening the notice marks it read and lands on the letter.
        await notice.ClickAsync();
        await kepala.WaitForURLAsync(new Uri(fixture.Stack.PortalUrl, letterPath.TrimStart('/')).ToString());
        await Assertions.Expect(kepala.GetByText(subject).First).ToBeVisibleAsync();

        // The full list pages on the server and shows it read.
        await kepala.GotoAsync(new Uri(fixture.Stack.PortalUrl, "notifikasi").ToString());
        await PortalFixture.WaitInteractiveAsync(kepala);
        var row = kepala.GetByTestId("notification-row").Filter(new LocatorFilterOptions { HasText = subject });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-read", "true");
        await kepala.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("notifications-list.png"), FullPage = true });
    }
}
