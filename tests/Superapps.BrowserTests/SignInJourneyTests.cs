using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Superapps.BrowserTests;

/// <summary>Single sign-on journeys in Chromium: sign in, home, organisation chart, sign out, failures, phone width.</summary>
public sealed class SignInJourneyTests(PortalFixture fixture)
{
    private const string KepalaDiskominfo = "Kepala Dinas Komunikasi dan Informatika";

    private async Task SignInAsync(IPage page, string login, string password)
    {
        await page.GotoAsync(fixture.Stack.PortalUrl.ToString());
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }

    [Fact]
    public async Task A_kepala_opd_signs_in_and_sees_the_home_and_the_chart()
    {
        var (nip, name) = await fixture.UserWithPositionAsync(KepalaDiskominfo);
        var page = await fixture.NewPageAsync();

        await SignInAsync(page, nip, PortalFixture.Password);

        await page.WaitForURLAsync(fixture.Stack.PortalUrl.ToString());
        await Assertions.Expect(page.GetByTestId("user-name")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("user-position").First).ToHaveTextAsync(KepalaDiskominfo);
        await Assertions.Expect(page.GetByTestId("user-agency")).ToHaveTextAsync("Dinas Komunikasi dan Informatika");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotDirectory, "home-kepala-opd.png"), FullPage = true });

        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, "organisasi").ToString());
        await Assertions.Expect(page.GetByTestId("org-chart")).ToContainTextAsync("Walikota");
        await Assertions.Expect(page.GetByTestId("org-chart")).ToContainTextAsync("Wakil Walikota");
        await Assertions.Expect(page.GetByTestId("org-chart")).ToContainTextAsync("Sekretaris Daerah");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotDirectory, "organisation-chart.png"), FullPage = true });

        // Signing out of the portal ends the identity session too: the next protected page asks for the password again.
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Masuk ke Superapps");
        await page.GotoAsync(new Uri(fixture.Stack.PortalUrl, "organisasi").ToString());
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await Assertions.Expect(page.Locator("#password")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotDirectory, "signed-out.png") });
    }

    [Fact]
    public async Task A_wrong_password_shows_an_indonesian_error_with_a_4xx()
    {
        var (nip, _) = await fixture.UserWithPositionAsync("Kepala Bidang Aplikasi dan Informatika");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.Stack.PortalUrl.ToString());
        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await page.FillAsync("#login", nip);
        await page.FillAsync("#password", "bukan-kata-sandi-yang-benar");

        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=login-submit]"),
            r => r.Url.Contains("/Account/Login", StringComparison.Ordinal) && r.Request.Method == "POST");

        response.Status.ShouldBe(400);
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("NIP/e-mail atau kata sandi salah.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotDirectory, "login-failed.png") });
    }

    [Fact]
    public async Task The_home_fits_a_360_pixel_phone_without_horizontal_scrolling()
    {
        var (nip, name) = await fixture.UserWithPositionAsync("Kepala Bidang Aplikasi dan Informatika");
        var page = await fixture.NewPageAsync(360, 740);

        await SignInAsync(page, nip, PortalFixture.Password);

        await page.WaitForURLAsync(fixture.Stack.PortalUrl.ToString());
        await Assertions.Expect(page.GetByTestId("user-name")).ToContainTextAsync(name);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotDirectory, "home-phone-360.png"), FullPage = true });
    }

    [Fact]
    public async Task An_external_return_url_is_not_followed_after_sign_in()
    {
        var (nip, _) = await fixture.UserWithPositionAsync("Kepala Bidang Aplikasi dan Informatika");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Stack.IdentityUrl, "Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F").ToString());
        await page.FillAsync("#login", nip);
        await page.FillAsync("#password", PortalFixture.Password);
        await page.ClickAsync("[data-testid=login-submit]");

        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        new Uri(page.Url).Host.ShouldBe("127.0.0.1");
    }
}
