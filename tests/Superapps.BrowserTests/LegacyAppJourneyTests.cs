using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using Superapps.SharedKernel;

namespace Superapps.BrowserTests;

/// <summary>
/// Issue 7's journey: a civil servant signs in once, opens the SIMPEG Lama tile on the home launcher and the legacy app,
/// behind the portal's proxy, shows their own NIP from the signed identity header; its OIDC twin signs them in without a
/// second password; a header they forge never reaches the app. The system administrator reads the portfolio and retires the
/// app to the organisation chart; the old bookmark then lands there and the tile is gone.
/// </summary>
public sealed class LegacyAppJourneyTests(PortalFixture fixture)
{
    private const string Slug = "simpeg-lama";

    private Uri Portal(string path) => new(fixture.Stack.PortalUrl, path);

    private async Task<string> NipOfAsync(string userName)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT e.nip FROM identity.users u JOIN organization.employees e ON e.id = u.employee_id WHERE u.user_name = @user
            """, connection);
        command.Parameters.AddWithValue("user", userName);
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"{userName} has no NIP"));
    }

    [Fact]
    public async Task An_employee_opens_the_legacy_app_from_the_launcher_and_sees_their_nip_then_an_admin_retires_it_and_the_old_url_lands_on_the_replacement()
    {
        var (employeeLogin, _, _) = await fixture.UserWithRoleAsync(Roles.DataOperator);
        var nip = await NipOfAsync(employeeLogin);

        // One sign-in; the launcher shows the legacy app among the city's apps.
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, employeeLogin);
        await PortalFixture.WaitInteractiveAsync(page);
        // The city has dozens of apps: the launcher shows a dozen and finds the rest by name.
        await Assertions.Expect(page.GetByTestId("app-launcher-toggle")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("apps-launcher.png"), FullPage = true });
        await page.GetByTestId("app-launcher-search").FillAsync("simpeg");
        var tile = page.GetByTestId($"app-tile-{Slug}");
        await Assertions.Expect(tile).ToBeVisibleAsync();

        // The tile opens the app under /apps/simpeg-lama/; its identity page shows the NIP the portal signed.
        await tile.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/apps/{Slug}/$"));
        await page.GetByTestId("link-headers").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/apps/{Slug}/headers$"));
        await Assertions.Expect(page.GetByTestId("signature-status")).ToHaveAttributeAsync("data-valid", "true");
        await Assertions.Expect(page.GetByTestId("nip")).ToHaveTextAsync(nip);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("legacy-app-behind-proxy.png"), FullPage = true });

        // A header the browser forges is stripped: the app receives the NIP of the signed-in user only.
        const string forged = "199001012020121999";
        var echo = await page.APIRequest.GetAsync(Portal($"apps/{Slug}/echo").ToString(), new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["X-Superapps-Nip"] = forged, ["x-superapps-assertion"] = "forged" },
        });
        echo.Status.ShouldBe(200);
        var arrived = await echo.TextAsync();
        arrived.ShouldNotContain(forged);
        arrived.ShouldNotContain("\"forged\"");
        arrived.ShouldContain(nip);

        // The same app registered as an OIDC client signs the user in by itself, without asking for a password again.
        await page.GotoAsync(Portal($"apps/{Slug}-sso/oidc").ToString());
        await Assertions.Expect(page.GetByTestId("oidc-status")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("nip")).ToHaveTextAsync(nip);
        page.Url.ShouldStartWith(Portal($"apps/{Slug}-sso/").ToString());

        // The system administrator reads the portfolio, then retires SIMPEG Lama to the organisation chart.
        var (adminLogin, _, _) = await fixture.UserWithRoleAsync(Roles.Administrator);
        var admin = await fixture.NewPageAsync();
        await fixture.SignInEnrollingMfaAsync(admin, adminLogin);
        await admin.GotoAsync(Portal("aplikasi/portofolio").ToString());
        await PortalFixture.WaitInteractiveAsync(admin);
        // The counts a retirement decision starts from: the demo city's catalogue has twenty apps switched off already.
        await Assertions.Expect(admin.GetByTestId("portfolio-headline")).ToContainTextAsync("20 dipensiunkan");
        await Assertions.Expect(admin.GetByTestId("portfolio-usage")).ToContainTextAsync("Permintaan");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = PortalFixture.Screenshot("apps-portfolio.png"), FullPage = true });

        await admin.GotoAsync(Portal("aplikasi").ToString());
        await PortalFixture.WaitInteractiveAsync(admin);
        await admin.GetByTestId("app-search").FillAsync(Slug);
        var row = admin.Locator("[data-testid=apps] tbody tr")
            .Filter(new LocatorFilterOptions { Has = admin.GetByTestId("app-link").GetByText("SIMPEG Lama", new LocatorGetByTextOptions { Exact = true }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByTestId("app-retire").ClickAsync();
        await admin.GetByTestId("retire-replacement").FillAsync("/organisasi");
        await admin.GetByTestId("retire-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("retire-dialog")).ToBeHiddenAsync();

        // The old bookmark now answers with a redirect to the replacement (the proxy reads the catalogue every few seconds).
        var bookmark = Portal($"apps/{Slug}/headers").ToString();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        IAPIResponse answer;
        do
        {
            answer = await page.APIRequest.GetAsync(bookmark, new APIRequestContextOptions { MaxRedirects = 0 });
        }
        while (answer.Status != 302 && DateTime.UtcNow < deadline);
        answer.Status.ShouldBe(302, "the retired app's old URL redirects within the proxy's refresh");

        await page.GotoAsync(bookmark);
        await page.WaitForURLAsync(Portal("organisasi").ToString());
        await PortalFixture.WaitInteractiveAsync(page);

        // And the launcher no longer offers it.
        await page.GotoAsync(fixture.Stack.PortalUrl.ToString());
        await PortalFixture.WaitInteractiveAsync(page);
        await page.GetByTestId("app-launcher-search").FillAsync("simpeg");
        await Assertions.Expect(page.GetByTestId("app-tile-simpeg-lama-sso")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"app-tile-{Slug}")).ToHaveCountAsync(0);
    }
}
